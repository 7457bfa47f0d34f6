/** Developer metadata in the SpreadsheetApp fake: where it may go, finders, following structure, JSON, errors. */
import { Workbook } from '../../src/services';
import { fakes } from './fixtures';

const ARBITRARY =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

function setUp() {
  const f = fakes({ workbook: new Workbook({ sheets: ['Links', 'Reconciliation'] }) });
  const ss = f.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Reconciliation')!;
  return {
    ...f,
    ss,
    sheet,
    Type: f.SpreadsheetApp.DeveloperMetadataLocationType,
    Visibility: f.SpreadsheetApp.DeveloperMetadataVisibility,
  };
}

describe('adding and reading', () => {
  it('adds metadata on a sheet, a whole row and a whole column, in all four argument forms', () => {
    const { sheet, services, Visibility } = setUp();
    sheet.addDeveloperMetadata('tab', 'reconciliation');
    sheet.getRange('3:3').addDeveloperMetadata('row', Visibility.PROJECT);
    sheet.getRange('C:C').addDeveloperMetadata('column', 'session_id', Visibility.PROJECT);
    sheet.getRange(1, 4, sheet.getMaxRows(), 1).addDeveloperMetadata('column', 'amount');
    sheet.getRange(2, 1, 1, sheet.getMaxColumns()).addDeveloperMetadata('row', 'PROJECT');
    sheet.getRange('5:5').addDeveloperMetadata('bare');
    expect(services.workbook.developerMetadata()).toEqual([
      { id: 1, key: 'tab', value: 'reconciliation', visibility: 'DOCUMENT', location: { type: 'SHEET', sheet: 'Reconciliation' } },
      { id: 2, key: 'row', value: null, visibility: 'PROJECT', location: { type: 'ROW', sheet: 'Reconciliation', row: 3 } },
      {
        id: 3,
        key: 'column',
        value: 'session_id',
        visibility: 'PROJECT',
        location: { type: 'COLUMN', sheet: 'Reconciliation', column: 3 },
      },
      { id: 4, key: 'column', value: 'amount', visibility: 'DOCUMENT', location: { type: 'COLUMN', sheet: 'Reconciliation', column: 4 } },
      // The string 'PROJECT' is a value, not the visibility.
      { id: 5, key: 'row', value: 'PROJECT', visibility: 'DOCUMENT', location: { type: 'ROW', sheet: 'Reconciliation', row: 2 } },
      { id: 6, key: 'bare', value: null, visibility: 'DOCUMENT', location: { type: 'ROW', sheet: 'Reconciliation', row: 5 } },
    ]);
  });

  it('a found metadata gives its value and its location: the sheet, the whole row or the whole column', () => {
    const { ss, sheet, Type } = setUp();
    sheet.addDeveloperMetadata('b', 'sheet');
    sheet.getRange('C:C').addDeveloperMetadata('c', 'column');
    sheet.getRange('3:3').addDeveloperMetadata('d', 'row');
    const find = (key: string) => ss.createDeveloperMetadataFinder().withKey(key).find();
    expect(['b', 'c', 'd'].map((key) => find(key).map((m) => m.getValue()))).toEqual([['sheet'], ['column'], ['row']]);
    const column = find('c')[0]!.getLocation();
    expect(column.getColumn()!.getA1Notation()).toBe('C1:C1000');
    expect([column.getRow(), column.getSheet()]).toEqual([null, null]);
    expect(find('d')[0]!.getLocation().getRow()!.getA1Notation()).toBe('A3:Z3');
    expect(find('b')[0]!.getLocation().getSheet()!.getName()).toBe('Reconciliation');
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withLocationType(Type.COLUMN)
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['column']);
  });

  it("refuses a range that is not one whole row or column, with Apps Script's words", () => {
    const { sheet } = setUp();
    for (const a1 of ['A1', 'B2:D4', 'B6:D6', 'F2:F5', 'A1:Z999', '3:5', 'C:D']) {
      expect(() => sheet.getRange(a1).addDeveloperMetadata('k')).toThrow(ARBITRARY);
    }
    expect(() => (sheet.addDeveloperMetadata as (...args: unknown[]) => unknown)(7)).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.addDeveloperMetadata.",
    );
    expect(() => (sheet.addDeveloperMetadata as (...args: unknown[]) => unknown)('k', 'v', 'PROJECT')).toThrow(
      "The parameters (String,String,String) don't match the method signature for SpreadsheetApp.Sheet.addDeveloperMetadata.",
    );
  });
});

describe("the spreadsheet's finder", () => {
  it("sees all metadata, the spreadsheet's first then each sheet's in tab order, each by id; filters combine", () => {
    const { ss, sheet, services, Type, Visibility } = setUp();
    const links = ss.getSheetByName('Links')!;
    services.workbook.spreadsheetMetadata.push({
      id: services.workbook.newMetadataId(),
      key: 'owner',
      value: 'addon',
      visibility: 'DOCUMENT',
      type: 'SPREADSHEET',
      index: 0,
    });
    sheet.addDeveloperMetadata('tab', 'reconciliation', Visibility.PROJECT);
    sheet.getRange('C:C').addDeveloperMetadata('column', 'session_id');
    sheet.getRange('2:2').addDeveloperMetadata('row', 'first');
    links.getRange('A:A').addDeveloperMetadata('column', 'payment_link');
    const values = (found: GoogleAppsScript.Spreadsheet.DeveloperMetadata[]) => found.map((m) => m.getValue());
    expect(values(ss.createDeveloperMetadataFinder().find())).toEqual(['addon', 'payment_link', 'reconciliation', 'session_id', 'first']);
    expect(values(ss.createDeveloperMetadataFinder().withKey('column').find())).toEqual(['payment_link', 'session_id']);
    expect(values(ss.createDeveloperMetadataFinder().withKey('column').withLocationType(Type.COLUMN).find())).toEqual([
      'payment_link',
      'session_id',
    ]);
    expect(values(ss.createDeveloperMetadataFinder().withLocationType(Type.ROW).find())).toEqual(['first']);
    expect(values(ss.createDeveloperMetadataFinder().withLocationType(Type.SPREADSHEET).find())).toEqual(['addon']);
    expect(values(ss.createDeveloperMetadataFinder().withKey('nope').find())).toEqual([]);
    expect(() => ss.createDeveloperMetadataFinder().withKey(3 as unknown as string)).toThrow(
      /don't match the method signature for SpreadsheetApp.DeveloperMetadataFinder.withKey/,
    );
  });
});
