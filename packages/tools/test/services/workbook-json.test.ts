/** The playground keeps the workbook in a JSON file: everything must come back as it was. */
import { Workbook } from '../../src/services';
import { fakes } from './fixtures';

describe('Workbook JSON', () => {
  it('round-trips values of every kind, formulas, formats, notes, sheet settings and the selection', () => {
    const workbook = new Workbook({ id: 'wb-1', name: 'Campaigns', timeZone: 'Europe/Paris', sheets: ['Links', 'Reconciliation'] });
    workbook.setFormulaEvaluator((formula) => (formula === '=PAIR()' ? [['x'], ['y']] : undefined));
    const { SpreadsheetApp } = fakes({ workbook });
    const links = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Links')!;
    const when = new Date(Date.UTC(2024, 4, 6, 7, 8, 9));
    links.getRange('A1:F1').setValues([['text', 42, true, when, '=SUM(B1:B2)', "'=literal"]]);
    links.getRange('A2').setValue('=PAIR()');
    links
      .getRange('B2')
      .setNotes([['note']])
      .setBackgrounds([['#abcdef']])
      .setFontWeight('bold')
      .setNumberFormat('0.00');
    links.getRange('C2').setValue(Number.POSITIVE_INFINITY);
    links.setFrozenRows(1);
    links.setColumnWidth(2, 250);
    workbook.sheet('Reconciliation').hidden = true;
    workbook.setSelection('Links', 'A1:B2');

    const json = JSON.stringify(workbook);
    const restored = Workbook.fromJSON(json);
    expect(restored.toJSON()).toEqual(workbook.toJSON());
    const sheet = restored.sheet('Links');
    const date = sheet.cell(1, 4)?.value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe(when.toISOString());
    expect(sheet.values()).toEqual([
      ['text', 42, true, when, '', '=literal'],
      ['x', '', Number.POSITIVE_INFINITY, '', '', ''],
      ['y', '', '', '', '', ''],
    ]);
    expect(sheet.cell(3, 1)?.spilledFrom).toBe(sheet.cell(2, 1));
    expect([sheet.frozenRows, sheet.columnWidths.get(2), restored.sheet('Reconciliation').hidden]).toEqual([1, 250, true]);
    expect([restored.id, restored.name, restored.timeZone, restored.selection?.ranges]).toEqual([
      'wb-1',
      'Campaigns',
      'Europe/Paris',
      ['A1:B2'],
    ]);

    // The restored workbook keeps working: a new sheet gets a fresh id, a spill still breaks.
    const again = fakes({ workbook: restored }).SpreadsheetApp.getActiveSpreadsheet();
    const ids = again.getSheets().map((s) => s.getSheetId());
    expect(ids).not.toContain(again.insertSheet('New').getSheetId());
    again.getSheetByName('Links')!.getRange('A3').setValue('blocker');
    expect(sheet.cell(2, 1)?.value).toBe('#REF!');
  });

  it('refuses JSON that is not a workbook', () => {
    expect(() => Workbook.fromJSON('{"sheets": []}')).toThrow('Not a workbook JSON');
  });
});
