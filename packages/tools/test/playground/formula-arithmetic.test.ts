/**
 * Operators in the playground's formulas, computed over a workbook as typing them would: arithmetic
 * with Sheets' precedence and coercions, `&`, comparisons, #DIV/0! and errors passed on, and what the
 * playground does not compute said in the cell's message.
 */
import { PlaygroundFormulas } from '../../src/playground/formula-evaluator';
import { Workbook } from '../../src/services';

/** A workbook with one tab of values, its formulas computed by the playground (no custom functions). */
function workbookWith(rows: unknown[][]): { workbook: Workbook; formulas: PlaygroundFormulas } {
  const formulas = new PlaygroundFormulas({ resolve: () => null, call: () => undefined });
  const workbook = new Workbook({ sheets: ['Links'] });
  workbook.setFormulaEvaluator(formulas.evaluate);
  workbook.write('Links', rows);
  return { workbook, formulas };
}

/** What typing `formula` in Z1 makes the cell hold. */
function computed(formula: string, rows: unknown[][] = [[]]): unknown {
  const { workbook } = workbookWith(rows);
  const sheet = workbook.sheet('Links');
  workbook.writeInput(sheet, 1, 26, formula);
  return sheet.cell(1, 26)?.value;
}

describe('arithmetic', () => {
  it('computes =1+1 and precedence as Sheets does', () => {
    expect(computed('=1+1')).toBe(2);
    expect(computed('=1+2*3')).toBe(7);
    expect(computed('=(1+2)*3')).toBe(9);
    expect(computed('=2^3^2')).toBe(64);
    expect(computed('=-2^2')).toBe(4);
    expect(computed('=10-4-3')).toBe(3);
    expect(computed('=50%*4')).toBe(2);
    expect(computed('=1 + 2 & "x"')).toBe('3x');
  });

  it('reads cells, coercing blanks, TRUE and numeric text as Sheets does', () => {
    const rows = [['', 10, 4, '7', true]];
    expect(computed('=B1*2', rows)).toBe(20);
    expect(computed('=(B1-C1)/2', rows)).toBe(3);
    expect(computed('=A1+1', rows)).toBe(1);
    expect(computed('=D1+E1', [['', '', '', "'7", true]])).toBe(8);
    expect(computed('=B1:B1*3', rows)).toBe(30);
  });

  it('joins text with &, numbers as Sheets writes them', () => {
    const rows = [['newsletter', 0.1, 0.2, true]];
    expect(computed('="utm_"&A1', rows)).toBe('utm_newsletter');
    expect(computed('=B1+C1&""', rows)).toBe('0.3');
    expect(computed('=D1&"-"&E1', rows)).toBe('TRUE-');
  });

  it('compares numbers, text without case, and across kinds in Sheets order', () => {
    const rows = [['Facebook', 3, '']];
    expect(computed('=A1="facebook"', rows)).toBe(true);
    expect(computed('=A1<>"facebook"', rows)).toBe(false);
    expect(computed('=B1>=3', rows)).toBe(true);
    expect(computed('=B1<"a"', rows)).toBe(true);
    expect(computed('=C1=0', rows)).toBe(true);
    expect(computed('=C1=""', rows)).toBe(true);
  });
});

describe('errors', () => {
  it('gives #DIV/0! for a division by zero, with Sheets message', () => {
    const { workbook, formulas } = workbookWith([[4, 0]]);
    const sheet = workbook.sheet('Links');
    workbook.writeInput(sheet, 2, 1, '=A1/B1');
    expect(sheet.cell(2, 1)?.value).toBe('#DIV/0!');
    expect(formulas.errorAt(sheet, 2, 1)).toBe('Function DIVIDE parameter 2 cannot be zero.');
    // A formula reading it passes the error on.
    workbook.writeInput(sheet, 3, 1, '=A2+1');
    expect(sheet.cell(3, 1)?.value).toBe('#DIV/0!');
  });

  it('gives #VALUE! for text that is not a number', () => {
    const { workbook, formulas } = workbookWith([['email']]);
    const sheet = workbook.sheet('Links');
    workbook.writeInput(sheet, 2, 1, '=A1*2');
    expect(sheet.cell(2, 1)?.value).toBe('#VALUE!');
    expect(formulas.errorAt(sheet, 2, 1)).toMatch(/MULTIPLY parameter 1 expects number values. But 'email' is a text/);
  });

  it('says in words what the playground does not compute; the add-on reads #N/A', () => {
    const { workbook, formulas } = workbookWith([['a']]);
    const sheet = workbook.sheet('Links');
    workbook.writeInput(sheet, 2, 1, '=VLOOKUP(A1, A1:B2, 2, FALSE)');
    workbook.writeInput(sheet, 3, 1, '={1, 2}');
    workbook.writeInput(sheet, 4, 1, '=A1:A3&"x"');
    expect(sheet.cell(2, 1)?.value).toBe('#N/A');
    expect(formulas.unsupportedAt(sheet, 2, 1)).toBe('Not supported in the playground: VLOOKUP');
    expect(formulas.unsupportedAt(sheet, 3, 1)).toBe('Not supported in the playground: array literals such as {1, 2}');
    expect(formulas.unsupportedAt(sheet, 4, 1)).toMatch(/^Not supported in the playground: an operator over a range of several cells/);
    // A malformed formula is Sheets' own #ERROR!, not an unsupported one.
    workbook.writeInput(sheet, 5, 1, '=1+');
    expect(sheet.cell(5, 1)?.value).toBe('#ERROR!');
    expect(formulas.unsupportedAt(sheet, 5, 1)).toBeNull();
  });
});
