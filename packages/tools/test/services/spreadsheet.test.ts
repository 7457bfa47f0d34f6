/** The SpreadsheetApp fake: A1 notation, ranges, errors Sheets raises, counters, contexts, search, formulas. */
import { parseA1, splitSheetName } from '../../src/services/a1-notation';
import { Workbook } from '../../src/services';
import { displayValue } from '../../src/services/spreadsheet';
import { fakes } from './fixtures';

describe('A1 notation', () => {
  const cases: [string, [number, number, number, number]][] = [
    ['A1', [1, 1, 1, 1]],
    ['b2', [2, 2, 1, 1]],
    ['$C$3', [3, 3, 1, 1]],
    ['A1:C3', [1, 1, 3, 3]],
    ['C3:A1', [1, 1, 3, 3]],
    ['AA10', [10, 27, 1, 1]],
    ['A:A', [1, 1, 1000, 1]],
    ['B:D', [1, 2, 1000, 3]],
    ['2:2', [2, 1, 1, 26]],
    ['2:5', [2, 1, 4, 26]],
    ['A2:C', [2, 1, 999, 3]],
  ];
  it.each(cases)('%s is row, column, rows, columns %j', (a1, [row, column, numRows, numColumns]) => {
    expect(parseA1(a1, 1000, 26)).toEqual({ row, column, numRows, numColumns });
  });

  it.each(['', 'A', '1A', 'A0', 'A1:B2:C3', 'A:2', '!!'])('%j is not a range', (a1) => {
    expect(() => parseA1(a1, 1000, 26)).toThrow('Range not found');
  });

  it('splits sheet names, quoted or not', () => {
    expect(splitSheetName('Links!A1:B2')).toEqual({ sheetName: 'Links', a1: 'A1:B2' });
    expect(splitSheetName("'My ''Tab'''!C3")).toEqual({ sheetName: "My 'Tab'", a1: 'C3' });
    expect(splitSheetName('A1')).toEqual({ sheetName: null, a1: 'A1' });
  });

  it('Range reports its position and A1 notation', () => {
    const { SpreadsheetApp } = fakes({ workbook: new Workbook({ sheets: ['Sheet1', 'My Tab'] }) });
    const range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('My Tab')!.getRange("'My Tab'!B2:D5");
    expect([range.getSheet().getName(), range.getRow(), range.getColumn(), range.getNumRows(), range.getA1Notation()]).toEqual([
      'My Tab',
      2,
      2,
      4,
      'B2:D5',
    ]);
    expect(range.offset(1, 1, 1, 1).getA1Notation()).toBe('C3');
    expect(range.offset(-1, 0).getA1Notation()).toBe('B1:D4');
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(3, 2).getA1Notation()).toBe('B3');
    expect(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A:A').getNumRows()).toBe(1000);
    expect(() => SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('Nope!A1')).toThrow('Range not found');
  });
});

describe('ranges and sheets', () => {
  it('checks getRange against the sheet as Sheets does', () => {
    const sheet = fakes().SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 26, 1, 2)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => (sheet.getRange as (...args: unknown[]) => unknown)('2', 1)).toThrow(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it("throws Sheets' errors when setValues does not fit the range, and writes nothing", () => {
    const range = fakes().SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.');
    expect(() => range.setValues('abc' as unknown as unknown[][])).toThrow(
      /don't match the method signature for SpreadsheetApp.Range.setValues/,
    );
    expect(range.getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('setValue on a range fills every cell', () => {
    const range = fakes().SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1:B2');
    range.setValue('x');
    expect(range.getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  it('finds the last row and column holding a value or formula', () => {
    const { SpreadsheetApp, services } = fakes();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('E2').setValue('=1');
    sheet
      .getRange('H9')
      .setNotes([['a note is not content']])
      .setBackgrounds([['#ff0000']]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E5');
    services.workbook.clearContent(services.workbook.sheet('Sheet1'), 5, 3);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 5]);
  });

  it("inserts rows and columns, shifting cells, within the grid's limits", () => {
    const sheet = fakes().SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1:A3').setValues([['one'], ['two'], ['three']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['one'], [''], [''], ['two'], ['three']]);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(() => sheet.insertRowsAfter(1003, 1)).toThrow('Those rows are out of bounds.');
    sheet.getRange('B1').setValue('b');
    sheet.insertColumnAfter(1);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['one', '', '', '', 'b']]);
    expect(sheet.getMaxColumns()).toBe(29);
    expect(() => sheet.insertColumnsAfter(1, 18278)).toThrow(
      'This action would increase the number of columns in the workbook above the limit of 18278.',
    );
  });

  it('manages sheets: insert (becomes active), duplicate names, lookup', () => {
    const { SpreadsheetApp } = fakes();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const links = ss.insertSheet('Links');
    expect(ss.getActiveSheet().getName()).toBe('Links');
    expect(() => ss.insertSheet('Links')).toThrow('A sheet with the name "Links" already exists. Please enter another name.');
    expect(() => ss.insertSheet('links')).toThrow('A sheet with the name "links" already exists. Please enter another name.');
    expect(ss.getSheetByName('Links')?.getSheetId()).toBe(links.getSheetId());
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Links']);
  });

  it('keeps formats and notes, and Sheet.clear clears contents and formats as Sheets does', () => {
    const { SpreadsheetApp, services } = fakes();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const range = sheet.getRange('A1:B1');
    range
      .setValues([[1, 2]])
      .setNumberFormat('0.00')
      .setBackgrounds([['#00ff00', '#00ff00']])
      .setFontWeight('bold')
      .setNotes([['n', 'n']]);
    expect([range.getBackgrounds(), range.getNotes(), range.getNumberFormats()]).toEqual([
      [['#00ff00', '#00ff00']],
      [['n', 'n']],
      [['0.00', '0.00']],
    ]);
    expect(services.workbook.sheet('Sheet1').cell(1, 1)?.fontWeight).toBe('bold');
    range.setNumberFormats([['0', '@']]);
    expect(range.getNumberFormats()).toEqual([['0', '@']]);
    sheet.clear({ contentsOnly: true });
    expect([range.getValues(), range.getNumberFormats(), range.getNotes()]).toEqual([[['', '']], [['0', '@']], [['n', 'n']]]);
    range.setValue(3);
    sheet.clear();
    expect([range.getValues(), range.getNumberFormats(), range.getBackgrounds(), range.getNotes()]).toEqual([
      [['', '']],
      [['', '']],
      [['#ffffff', '#ffffff']],
      [['n', 'n']],
    ]);
    expect(services.workbook.sheet('Sheet1').cell(1, 1)?.fontWeight ?? 'normal').toBe('normal');
  });

  it('keeps wrap and font weight per cell, reads them back, and clears them with the formats (issue 17)', () => {
    const { SpreadsheetApp, services } = fakes();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1:B2').setWrap(true);
    sheet.getRange('B2').setWrap(false);
    sheet.getRange('A1').setFontWeight('bold');
    expect(sheet.getRange('A1:B2').getWraps()).toEqual([
      [true, true],
      [true, false],
    ]);
    expect([sheet.getRange('A1').getWrap(), sheet.getRange('B2').getWrap()]).toEqual([true, false]);
    expect([sheet.getRange('A1').getFontWeight(), sheet.getRange('B1').getFontWeight()]).toEqual(['bold', 'normal']);
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'normal']]);
    const copy = Workbook.fromJSON(services.workbook.toJSON());
    expect(copy.sheet('Sheet1').cell(2, 1)?.wrap).toBe(true);
    sheet.clear();
    expect(sheet.getRange('A1:B2').getWraps()).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it('shows display values simply: numbers, TRUE/FALSE, dates in the spreadsheet time zone', () => {
    const { SpreadsheetApp, services } = fakes({ workbook: new Workbook({ timeZone: 'America/New_York' }) });
    const range = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1:E1');
    range.setValues([[1.5, true, '2024-01-05', '2024-01-05 13:45', '50%']]);
    const sheet = services.workbook.sheet('Sheet1');
    expect([1, 2, 3, 4, 5].map((column) => displayValue(sheet.cell(1, column), 'America/New_York'))).toEqual([
      '1.5',
      'TRUE',
      '2024-01-05',
      '2024-01-05 13:45:00',
      '50%',
    ]);
  });

  it('shows quoted text of a number format around the number, as the add-on formats money', () => {
    const { SpreadsheetApp, services } = fakes();
    const range = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1:E1');
    range.setValues([[1234.5, -49, 5000, 12.345, 0.25]]);
    range.setNumberFormats([['#,##0.00 "USD"', '#,##0.00 "EUR"', '#,##0 "JPY"', '"KWD "#,##0.000', '0% "of it"']]);
    const sheet = services.workbook.sheet('Sheet1');
    expect([1, 2, 3, 4, 5].map((column) => displayValue(sheet.cell(1, column), 'UTC'))).toEqual([
      '1,234.50 USD',
      '-49.00 EUR',
      '5,000 JPY',
      'KWD 12.345',
      '25% of it',
    ]);
  });

  it('sets the widths of a run of columns in one call (setColumnWidths), leaving the others', () => {
    const workbook = new Workbook({ sheets: ['Weekly'] });
    const { SpreadsheetApp, services } = fakes({ workbook });
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Weekly')!;
    sheet.setColumnWidth(1, 180);
    const before = services.spreadsheet.stats().roundTrips;
    expect(sheet.setColumnWidths(2, 3, 120).getName()).toBe('Weekly');
    expect(services.spreadsheet.stats().roundTrips - before).toBe(1);
    expect([1, 2, 3, 4, 5].map((column) => workbook.sheet('Weekly').columnWidths.get(column))).toEqual([180, 120, 120, 120, undefined]);
  });

  it('takes a selection the test sets, and records toasts', () => {
    const workbook = new Workbook({ sheets: ['Sheet1', 'Links'] });
    const { SpreadsheetApp, services } = fakes({ workbook });
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A1');
    workbook.setSelection('Links', 'A2:A4', 'C2');
    expect(ss.getActiveSheet().getName()).toBe('Links');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A2:A4');
    expect(SpreadsheetApp.getCurrentCell().getA1Notation()).toBe('A2');
    expect(
      ss
        .getActiveRangeList()
        ?.getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A2:A4', 'C2']);
    ss.toast('Saved', 'Stripe', 3);
    expect(services.spreadsheet.toasts).toEqual([{ message: 'Saved', title: 'Stripe', timeoutSeconds: 3 }]);
  });
});

describe('TextFinder', () => {
  function sheetWithFruit() {
    const f = fakes();
    const sheet = f.SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1:A4').setValues([['Apple'], ['apple pie'], ['APPLE'], ['apple']]);
    sheet.getRange('B1:B2').setValues([[123], ['=A1']]);
    return { ...f, sheet };
  }
  function all(finder: GoogleAppsScript.Spreadsheet.TextFinder): string[] {
    const found: string[] = [];
    for (let range = finder.findNext(); range; range = finder.findNext()) found.push(range.getA1Notation());
    return found;
  }

  it('matches without case, anywhere in the cell, walking with findNext and ending with null', () => {
    const { sheet } = sheetWithFruit();
    const finder = sheet.getRange('A1:A4').createTextFinder('apple');
    expect(all(finder)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(finder.findNext()).toBeNull();
  });

  it('searches display values (numbers too), not formulas, within the range', () => {
    const { sheet } = sheetWithFruit();
    expect(all(sheet.getRange('A1:B4').createTextFinder('12'))).toEqual(['B1']);
    expect(sheet.getRange('A2:A4').createTextFinder('APPLE').findNext()?.getA1Notation()).toBe('A2');
    expect(all(sheet.getRange('A1:B4').createTextFinder('=A1'))).toEqual([]);
    expect(all(sheet.getRange('A1:B4').createTextFinder(''))).toEqual([]);
  });
});

describe('counters', () => {
  it('a getValues over 3x4 is one call and 12 cells read', () => {
    const { SpreadsheetApp, services } = fakes();
    const range = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(1, 1, 3, 4);
    services.resetStats();
    range.getValues();
    expect(services.spreadsheet.stats()).toEqual({
      calls: 1,
      roundTrips: 1,
      cellsRead: 12,
      cellsWritten: 0,
      byMethod: { 'Range.getValues': 1 },
    });
  });

  it('counts every call of a chain, the cells each read returns and each write sets', () => {
    const { SpreadsheetApp, services } = fakes({ workbook: new Workbook({ sheets: ['Reconciliation'] }) });
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Reconciliation')!.getRange('A1:D3').getValues();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange(2, 1, 2, 2).setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A4:C4').setValue('a');
    sheet.getRange('A1').getValues();
    sheet.getRange('A1:A2').getFormulas();
    sheet.getRange('A1:A2').getNotes();
    sheet.getRange('A1:A2').getBackgrounds();
    sheet.getRange('A1:A2').getNumberFormats();
    sheet.getRange('A1:C4').createTextFinder('a').findNext();
    expect(services.stats().spreadsheet).toEqual({
      calls: 23,
      roundTrips: 11,
      cellsRead: 12 + 1 + 2 + 2 + 2 + 2 + 1,
      cellsWritten: 4 + 3,
      byMethod: {
        'SpreadsheetApp.getActiveSpreadsheet': 2,
        'Spreadsheet.getSheetByName': 1,
        'Sheet.getRange': 9,
        'Range.getValues': 2,
        'Spreadsheet.getSheets': 1,
        'Range.setValues': 1,
        'Range.setValue': 1,
        'Range.getFormulas': 1,
        'Range.getNotes': 1,
        'Range.getBackgrounds': 1,
        'Range.getNumberFormats': 1,
        'Range.createTextFinder': 1,
        'TextFinder.findNext': 1,
      },
    });
  });

  it('does not count what the test does through the workbook', () => {
    const { services } = fakes();
    services.workbook.write('Links', [
      ['a', 'b'],
      [1, 2],
    ]);
    expect(services.workbook.sheet('Links').values()).toEqual([
      ['a', 'b'],
      [1, 2],
    ]);
    expect(services.stats().spreadsheet.calls).toBe(0);
  });
});

describe('execution contexts', () => {
  it('getUi works in the editor and throws in a web app, a clock trigger and a custom function', () => {
    const { SpreadsheetApp, services } = fakes();
    expect(() => SpreadsheetApp.getUi()).not.toThrow();
    for (const context of ['webapp', 'trigger', 'custom_function'] as const) {
      services.setContext(context);
      expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    }
  });

  it('a custom function may read but not change anything', () => {
    const { SpreadsheetApp, services } = fakes();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1').setValue('x');
    services.setContext('custom_function');
    expect(sheet.getRange('A1').getValues()[0]?.[0]).toBe('x');
    expect(() => sheet.getRange('A1').setValue('y')).toThrow('You do not have permission to call setValue');
    expect(() => sheet.getRange('A1:A2').setValues([[1], [2]])).toThrow('You do not have permission to call setValues');
    expect(() => sheet.insertRowsAfter(1, 1)).toThrow('You do not have permission to call insertRowsAfter');
    expect(() => SpreadsheetApp.getActiveSpreadsheet().insertSheet('X')).toThrow('You do not have permission to call insertSheet');
    expect(() => sheet.clear()).toThrow('You do not have permission to call clear');
    expect(services.workbook.sheet('Sheet1').values()).toEqual([['x']]);
  });
});

describe('formula evaluator', () => {
  it('computes formulas on write when one is plugged in, spilling arrays', () => {
    const { SpreadsheetApp, services } = fakes();
    services.workbook.setFormulaEvaluator((formula) => {
      if (formula === '=TWO()') return [[1], [2]];
      if (formula === '=BAD()') throw new Error('bad');
      if (formula === '=WIDE()') return [['a', 'b', 'c']];
      return undefined;
    });
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1').setValue('=TWO()');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [2], ['']]);
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([['=TWO()'], ['']]);
    expect(sheet.getLastRow()).toBe(2);
    sheet.getRange('A2').setValue('blocker');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['#REF!'], ['blocker']]);
    sheet.getRange('B1').setValue('=BAD()');
    expect(sheet.getRange('B1').getValues()[0]?.[0]).toBe('#ERROR!');
    sheet.getRange('C1').setValue('=UNKNOWN()');
    expect(sheet.getRange('C1').getValues()[0]?.[0]).toBe('');
    sheet.getRange('D5').setValue('=WIDE()');
    expect(sheet.getRange('D5:F5').getValues()).toEqual([['a', 'b', 'c']]);
    sheet.getRange('D5').setValue('plain');
    expect(sheet.getRange('D5:F5').getValues()).toEqual([['plain', '', '']]);
    services.workbook.clearContent(services.workbook.sheet('Sheet1'), 2, 1);
    services.workbook.recalculate();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[1], [2]]);
  });

  it('leaves formulas without a value when no evaluator is plugged in', () => {
    const sheet = fakes().SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getValues()[0]?.[0]).toBe('');
  });
});
