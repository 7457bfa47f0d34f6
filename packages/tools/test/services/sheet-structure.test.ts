/**
 * Sheet's insert, delete and sort methods as a script (or the playground's grid) calls them: cells,
 * developer metadata and formulas' references move as in Sheets, and Sheets' refusals.
 */
import { rewriteFormula } from '../../src/playground/formula-references';
import { Workbook } from '../../src/services';
import { fakes } from './fixtures';

function links() {
  const workbook = new Workbook({ sheets: ['Links', 'Other'] });
  workbook.setFormulaRewriter(rewriteFormula);
  const f = fakes({ workbook });
  const sheet = f.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Links')!;
  sheet.getRange('A1:C4').setValues([
    ['utm_source', 'amount', 'note'],
    ['newsletter', 3, ''],
    ['Facebook', 1, ''],
    ['', 2, ''],
  ]);
  sheet.setFrozenRows(1);
  sheet.getRange('1:1').addDeveloperMetadata('header', 'row');
  sheet.getRange('B:B').addDeveloperMetadata('column', 'amount');
  const data = workbook.sheet('Links');
  workbook.writeFormula(data, 2, 5, '=UTM_LINK(A2:A, B2:B)');
  workbook.writeFormula(workbook.sheet('Other'), 1, 1, '=Links!B3*2&Links!A1');
  const where = () =>
    workbook.developerMetadata().map((m) => `${String(m.value)}@${String(m.location.row ?? m.location.column ?? m.location.type)}`);
  return { ...f, workbook, sheet, data, where };
}

describe('inserting and deleting rows and columns', () => {
  it('inserts a title row above the header: cells, metadata and references move down', () => {
    const { sheet, data, workbook, where } = links();
    sheet.insertRowsBefore(1, 1);
    expect(data.values()[1]).toEqual(['utm_source', 'amount', 'note', '', '']);
    expect(where()).toEqual(['row@2', 'amount@2']);
    expect(data.cell(3, 5)?.formula).toBe('=UTM_LINK(A3:A, B3:B)');
    expect(workbook.sheet('Other').cell(1, 1)?.formula).toBe('=Links!B4*2&Links!A2');
    sheet.insertRowBefore(1);
    sheet.insertRowAfter(10);
    expect(sheet.getMaxRows()).toBe(1003);
  });

  it('deletes rows: later ones move up, a reference to a deleted cell becomes #REF!, a range shrinks', () => {
    const { sheet, data, workbook } = links();
    sheet.deleteRows(3, 1);
    expect(data.values().map((row) => row[0])).toEqual(['utm_source', 'newsletter', '']);
    expect(workbook.sheet('Other').cell(1, 1)?.formula).toBe('=#REF!*2&Links!A1');
    expect(data.cell(2, 5)?.formula).toBe('=UTM_LINK(A2:A, B2:B)');
    expect(rewriteFormula('=SUM(B2:B9)', 'Links', { sheet: 'Links', dimension: 'ROW', kind: 'delete', start: 3, count: 2 })).toBe(
      '=SUM(B2:B7)',
    );
    expect(rewriteFormula('=SUM(B3:B4)', 'Links', { sheet: 'Links', dimension: 'ROW', kind: 'delete', start: 3, count: 2 })).toBe(
      '=SUM(#REF!)',
    );
    sheet.deleteRow(2);
    expect(sheet.getMaxRows()).toBe(998);
  });

  it('inserts and deletes columns, with their metadata and the references to the right', () => {
    const { sheet, data, where } = links();
    sheet.insertColumnsBefore(1, 2);
    expect(data.values()[0]?.slice(0, 4)).toEqual(['', '', 'utm_source', 'amount']);
    expect(where()).toEqual(['row@1', 'amount@4']);
    expect(data.cell(2, 7)?.formula).toBe('=UTM_LINK(C2:C, D2:D)');
    sheet.deleteColumns(1, 2);
    sheet.insertColumnBefore(3);
    sheet.deleteColumn(3);
    expect(data.values()[0]?.slice(0, 3)).toEqual(['utm_source', 'amount', 'note']);
    expect(where()).toEqual(['row@1', 'amount@2']);
    sheet.deleteColumn(2);
    expect(where()).toEqual(['row@1']);
  });

  it('refuses what Sheets refuses', () => {
    const { sheet } = links();
    expect(() => {
      sheet.deleteRows(999, 5);
    }).toThrow('Those rows are out of bounds.');
    expect(() => {
      sheet.deleteRows(2, 999);
    }).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => {
      sheet.deleteColumns(1, 26);
    }).toThrow('Sorry, it is not possible to delete all non-frozen columns.');
    expect(() => sheet.insertRowsBefore(0, 1)).toThrow('Those rows are out of bounds.');
  });
});

describe('sort', () => {
  it('sorts the rows below the frozen header by a column, blanks last either way', () => {
    const { sheet, data, where } = links();
    sheet.sort(1);
    expect(data.values().map((row) => row[0])).toEqual(['utm_source', 'Facebook', 'newsletter', '']);
    sheet.sort(2, false);
    expect(data.values().map((row) => row[1])).toEqual(['amount', 3, 2, 1]);
    sheet.sort(1, false);
    expect(data.values().map((row) => row[0])).toEqual(['utm_source', 'newsletter', 'Facebook', '']);
    expect(where()).toEqual(['row@1', 'amount@2']);
  });

  it('is refused to a custom function', () => {
    const { sheet, services } = links();
    services.setContext('custom_function');
    expect(() => sheet.sort(1)).toThrow('You do not have permission to call sort');
  });
});
