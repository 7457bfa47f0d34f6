/** The SpreadsheetApp fake: A1 notation, ranges, errors Sheets raises, counters, contexts, search, formulas. */
import { parseA1, splitSheetName } from '../../../src/local/services/a1-notation';
import { Workbook } from '../../../src/local/services';
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
    const range = SpreadsheetApp.getActiveSpreadsheet().getRange("'My Tab'!B2:D5");
    expect([range.getSheet().getName(), range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual(['My Tab', 2, 2, 4, 3]);
    expect([range.getLastRow(), range.getLastColumn(), range.getA1Notation()]).toEqual([5, 4, 'B2:D5']);
    expect(range.offset(1, 1, 1, 1).getA1Notation()).toBe('C3');
    expect(range.offset(-1, 0).getA1Notation()).toBe('B1:D4');
    expect(SpreadsheetApp.getActiveSheet().getRange(3, 2).getA1Notation()).toBe('B3');
    expect(SpreadsheetApp.getActiveSheet().getRange('A:A').getNumRows()).toBe(1000);
    expect(() => SpreadsheetApp.getActiveSpreadsheet().getRange('Nope!A1')).toThrow('Range not found');
  });
});

describe('ranges and sheets', () => {
  it('checks getRange against the sheet as Sheets does', () => {
    const sheet = fakes().SpreadsheetApp.getActiveSheet();
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

  it('throws Sheets\' errors when setValues does not fit the range, and writes nothing', () => {
    const range = fakes().SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2, 3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues('abc' as unknown as unknown[][])).toThrow(/don't match the method signature for SpreadsheetApp.Range.setValues/);
    expect(range.getValues()).toEqual([['', '', ''], ['', '', '']]);
  });

  it('setValue on a range fills every cell; getValue reads the top-left one', () => {
    const range = fakes().SpreadsheetApp.getActiveSheet().getRange('A1:B2');
    range.setValue('x');
    expect(range.getValues()).toEqual([['x', 'x'], ['x', 'x']]);
    expect(range.getValue()).toBe('x');
  });

  it('finds the last row and column holding a value or formula', () => {
    const sheet = fakes().SpreadsheetApp.getActiveSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('E2').setFormula('=1');
    sheet.getRange('H9').setNote('a note is not content').setBackground('#ff0000');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 5]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:E5');
    sheet.getRange('C5').clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 5]);
  });

  it('appendRow writes after the last row and grows the sheet', () => {
    const sheet = fakes().SpreadsheetApp.getActiveSheet();
    sheet.appendRow(['a', 1]);
    sheet.appendRow(['b', 2, 'x']);
    expect(sheet.getDataRange().getValues()).toEqual([['a', 1, ''], ['b', 2, 'x']]);
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['beyond']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('beyond');
    sheet.appendRow(Array.from({ length: 30 }, (_, i) => i));
    expect(sheet.getMaxColumns()).toBe(30);
  });

  it('inserts and deletes rows, shifting cells', () => {
    const sheet = fakes().SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:A3').setValues([['one'], ['two'], ['three']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['one'], [''], [''], ['two'], ['three']]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    sheet.deleteRow(1);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['two'], ['three']]);
    expect(sheet.getMaxRows()).toBe(999);
    expect(() => { sheet.deleteRows(999, 2); }).toThrow('Those rows are out of bounds.');
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(() => { sheet.deleteRows(2, 998); }).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });

  it('manages sheets: insert (becomes active), duplicate names, lookup, delete', () => {
    const { SpreadsheetApp } = fakes();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const links = ss.insertSheet('Links');
    expect(ss.getActiveSheet().getName()).toBe('Links');
    expect(links.getIndex()).toBe(2);
    expect(() => ss.insertSheet('Links')).toThrow('A sheet with the name "Links" already exists. Please enter another name.');
    expect(() => ss.insertSheet('links')).toThrow('A sheet with the name "links" already exists. Please enter another name.');
    expect(ss.getSheetByName('Links')?.getSheetId()).toBe(links.getSheetId());
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Links']);
    ss.deleteSheet(links);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect([ss.getId(), ss.getSpreadsheetTimeZone()]).toEqual([ss.getId(), 'Etc/UTC']);
  });

  it('keeps formats and notes, and clears them as Sheets does', () => {
    const range = fakes().SpreadsheetApp.getActiveSheet().getRange('A1:B1');
    range.setValues([[1, 2]]).setNumberFormat('0.00').setBackground('#00ff00').setFontWeight('bold').setNote('n');
    expect(range.getDisplayValues()).toEqual([['1.00', '2.00']]);
    expect([range.getBackground(), range.getFontWeight(), range.getNote(), range.getNumberFormat()]).toEqual(['#00ff00', 'bold', 'n', '0.00']);
    range.clearContent();
    expect([range.getValue(), range.getNumberFormat(), range.getNote()]).toEqual(['', '0.00', 'n']);
    range.setValue(3).clear();
    expect([range.getValue(), range.getNumberFormat(), range.getBackground(), range.getFontWeight(), range.getNote()]).toEqual(['', '', '#ffffff', 'normal', 'n']);
    range.clearNote();
    expect(range.getNotes()).toEqual([['', '']]);
  });

  it('shows display values simply: numbers, TRUE/FALSE, dates in the spreadsheet time zone', () => {
    const { SpreadsheetApp } = fakes({ workbook: new Workbook({ timeZone: 'America/New_York' }) });
    const range = SpreadsheetApp.getActiveSheet().getRange('A1:E1');
    range.setValues([[1.5, true, '2024-01-05', '2024-01-05 13:45', '50%']]);
    expect(range.getDisplayValues()).toEqual([['1.5', 'TRUE', '2024-01-05', '2024-01-05 13:45:00', '50%']]);
  });

  it('takes a selection the test sets, and records toasts', () => {
    const workbook = new Workbook({ sheets: ['Sheet1', 'Links'] });
    const { SpreadsheetApp, services } = fakes({ workbook });
    expect(SpreadsheetApp.getActiveRange().getA1Notation()).toBe('A1');
    workbook.setSelection('Links', 'A2:A4', 'C2');
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getActiveSheet().getName()).toBe('Links');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A2:A4');
    expect(ss.getActiveRangeList()?.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A4', 'C2']);
    ss.setActiveRange(ss.getSheetByName('Sheet1')!.getRange('B3'));
    expect([ss.getActiveSheet().getName(), ss.getActiveRange()?.getA1Notation()]).toEqual(['Sheet1', 'B3']);
    ss.toast('Saved', 'Stripe', 3);
    expect(services.spreadsheet.toasts).toEqual([{ message: 'Saved', title: 'Stripe', timeoutSeconds: 3 }]);
  });
});

describe('TextFinder', () => {
  function sheetWithFruit() {
    const f = fakes();
    const sheet = f.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:A4').setValues([['Apple'], ['apple pie'], ['APPLE'], ['apple']]);
    sheet.getRange('B1:B2').setValues([[123], ['=A1']]);
    return { ...f, sheet };
  }
  const a1s = (ranges: GoogleAppsScript.Spreadsheet.Range[]) => ranges.map((r) => r.getA1Notation());

  it('matches without case by default, anywhere in the cell', () => {
    const { sheet } = sheetWithFruit();
    expect(a1s(sheet.getRange('A1:A4').createTextFinder('apple').findAll())).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('matchCase and matchEntireCell narrow it', () => {
    const { sheet } = sheetWithFruit();
    const range = sheet.getRange('A1:B4');
    expect(a1s(range.createTextFinder('apple').matchCase(true).findAll())).toEqual(['A2', 'A4']);
    expect(a1s(range.createTextFinder('apple').matchEntireCell(true).findAll())).toEqual(['A1', 'A3', 'A4']);
    expect(a1s(range.createTextFinder('apple').matchCase(true).matchEntireCell(true).findAll())).toEqual(['A4']);
    expect(a1s(range.createTextFinder('^app').useRegularExpression(true).matchCase(true).findAll())).toEqual(['A2', 'A4']);
  });

  it('searches display values (numbers too), not formulas unless asked, within the range', () => {
    const { sheet } = sheetWithFruit();
    expect(a1s(sheet.createTextFinder('12').findAll())).toEqual(['B1']);
    expect(sheet.getRange('A2:A4').createTextFinder('Apple').matchEntireCell(true).findNext()?.getA1Notation()).toBe('A3');
    expect(sheet.createTextFinder('=A1').findAll()).toEqual([]);
    expect(a1s(sheet.createTextFinder('=A1').matchFormulaText(true).findAll())).toEqual(['B2']);
  });

  it('findNext walks the matches and ends with null', () => {
    const { sheet } = sheetWithFruit();
    const finder = sheet.getRange('A1:A4').createTextFinder('apple').matchCase(true);
    expect(finder.findNext()?.getA1Notation()).toBe('A2');
    expect(finder.findNext()?.getA1Notation()).toBe('A4');
    expect(finder.findNext()).toBeNull();
  });
});

describe('counters', () => {
  it('a getValues over 3x4 is one call and 12 cells read', () => {
    const { SpreadsheetApp, services } = fakes();
    const range = SpreadsheetApp.getActiveSheet().getRange(1, 1, 3, 4);
    services.resetStats();
    range.getValues();
    expect(services.spreadsheet.stats()).toEqual({ calls: 1, roundTrips: 1, cellsRead: 12, cellsWritten: 0, byMethod: { 'Range.getValues': 1 } });
  });

  it('counts every call of a chain, the cells each read returns and each write sets', () => {
    const { SpreadsheetApp, services } = fakes({ workbook: new Workbook({ sheets: ['Reconciliation'] }) });
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Reconciliation')!.getRange('A1:D3').getValues();
    const sheet = SpreadsheetApp.getActive().getSheets()[0]!;
    sheet.getRange(2, 1, 2, 2).setValues([[1, 2], [3, 4]]);
    sheet.appendRow(['a', 'b', 'c']);
    sheet.getRange('A1').getValue();
    sheet.getRange('A1:B2').getDisplayValues();
    sheet.getRange('A1:A2').getFormulas();
    sheet.getRange('A1:A2').getNotes();
    sheet.getRange('A1:A2').getBackgrounds();
    sheet.getRange('A1:A2').getNumberFormats();
    sheet.createTextFinder('a').findAll();
    expect(services.stats().spreadsheet).toEqual({
      calls: 23,
      roundTrips: 12,
      cellsRead: 12 + 1 + 4 + 2 + 2 + 2 + 2 + 1,
      cellsWritten: 4 + 3,
      byMethod: {
        'SpreadsheetApp.getActiveSpreadsheet': 1,
        'Spreadsheet.getSheetByName': 1,
        'Sheet.getRange': 8,
        'Range.getValues': 1,
        'SpreadsheetApp.getActive': 1,
        'Spreadsheet.getSheets': 1,
        'Range.setValues': 1,
        'Sheet.appendRow': 1,
        'Range.getValue': 1,
        'Range.getDisplayValues': 1,
        'Range.getFormulas': 1,
        'Range.getNotes': 1,
        'Range.getBackgrounds': 1,
        'Range.getNumberFormats': 1,
        'Sheet.createTextFinder': 1,
        'TextFinder.findAll': 1,
      },
    });
  });

  it('does not count what the test does through the workbook', () => {
    const { services } = fakes();
    services.workbook.write('Links', [['a', 'b'], [1, 2]]);
    expect(services.workbook.sheet('Links').values()).toEqual([['a', 'b'], [1, 2]]);
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
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue('x');
    services.setContext('custom_function');
    expect(sheet.getRange('A1').getValue()).toBe('x');
    expect(() => sheet.getRange('A1').setValue('y')).toThrow('You do not have permission to call setValue');
    expect(() => sheet.getRange('A1:A2').setValues([[1], [2]])).toThrow('You do not have permission to call setValues');
    expect(() => sheet.appendRow(['y'])).toThrow('You do not have permission to call appendRow');
    expect(() => sheet.insertRowsAfter(1, 1)).toThrow('You do not have permission to call insertRowsAfter');
    expect(() => sheet.deleteRow(1)).toThrow('You do not have permission to call deleteRow');
    expect(() => SpreadsheetApp.getActiveSpreadsheet().insertSheet('X')).toThrow('You do not have permission to call insertSheet');
    expect(() => sheet.getRange('A1').clearContent()).toThrow('You do not have permission to call clearContent');
    expect(services.workbook.sheet('Sheet1').values()).toEqual([['x']]);
  });

  it('refuses openById (the add-on has the currentonly scope)', () => {
    expect(() => fakes().SpreadsheetApp.openById('abc')).toThrow(/You do not have permission to call SpreadsheetApp.openById/);
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
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue('=TWO()');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [2], ['']]);
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([['=TWO()'], ['']]);
    expect(sheet.getLastRow()).toBe(2);
    sheet.getRange('A2').setValue('blocker');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['#REF!'], ['blocker']]);
    sheet.getRange('B1').setFormula('=BAD()');
    expect(sheet.getRange('B1').getValue()).toBe('#ERROR!');
    sheet.getRange('C1').setValue('=UNKNOWN()');
    expect(sheet.getRange('C1').getValue()).toBe('');
    sheet.getRange('D5').setValue('=WIDE()');
    expect(sheet.getRange('D5:F5').getValues()).toEqual([['a', 'b', 'c']]);
    sheet.getRange('D5').setValue('plain');
    expect(sheet.getRange('D5:F5').getValues()).toEqual([['plain', '', '']]);
    sheet.getRange('A2').clearContent();
    services.workbook.recalculate();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[1], [2]]);
  });

  it('leaves formulas without a value when no evaluator is plugged in', () => {
    const sheet = fakes().SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe('');
  });
});
