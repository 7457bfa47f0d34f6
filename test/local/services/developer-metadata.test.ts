/** Developer metadata in the SpreadsheetApp fake: where it may go, finders, following structure, JSON, errors. */
import { Workbook } from '../../../src/local/services';
import { fakes } from './fixtures';

const ARBITRARY =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

function setUp() {
  const f = fakes({ workbook: new Workbook({ sheets: ['Links', 'Reconciliation'] }) });
  const ss = f.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Reconciliation')!;
  return { ...f, ss, sheet, Type: f.SpreadsheetApp.DeveloperMetadataLocationType, Visibility: f.SpreadsheetApp.DeveloperMetadataVisibility };
}

describe('adding and reading', () => {
  it('adds metadata on the spreadsheet, a sheet, a whole row and a whole column, in all four argument forms', () => {
    const { ss, sheet, services, Visibility } = setUp();
    ss.addDeveloperMetadata('owner');
    sheet.addDeveloperMetadata('tab', 'reconciliation');
    sheet.getRange('3:3').addDeveloperMetadata('row', Visibility.PROJECT);
    sheet.getRange('C:C').addDeveloperMetadata('column', 'session_id', Visibility.PROJECT);
    sheet.getRange(1, 4, sheet.getMaxRows(), 1).addDeveloperMetadata('column', 'amount');
    sheet.getRange(2, 1, 1, sheet.getMaxColumns()).addDeveloperMetadata('row', 'PROJECT');
    expect(services.workbook.developerMetadata()).toEqual([
      { id: 1, key: 'owner', value: null, visibility: 'DOCUMENT', location: { type: 'SPREADSHEET' } },
      { id: 2, key: 'tab', value: 'reconciliation', visibility: 'DOCUMENT', location: { type: 'SHEET', sheet: 'Reconciliation' } },
      { id: 3, key: 'row', value: null, visibility: 'PROJECT', location: { type: 'ROW', sheet: 'Reconciliation', row: 3 } },
      { id: 4, key: 'column', value: 'session_id', visibility: 'PROJECT', location: { type: 'COLUMN', sheet: 'Reconciliation', column: 3 } },
      { id: 5, key: 'column', value: 'amount', visibility: 'DOCUMENT', location: { type: 'COLUMN', sheet: 'Reconciliation', column: 4 } },
      // The string 'PROJECT' is a value, not the visibility.
      { id: 6, key: 'row', value: 'PROJECT', visibility: 'DOCUMENT', location: { type: 'ROW', sheet: 'Reconciliation', row: 2 } },
    ]);
  });

  it('getDeveloperMetadata returns what is on exactly that object', () => {
    const { ss, sheet, Type, Visibility } = setUp();
    ss.addDeveloperMetadata('a', 'spreadsheet');
    sheet.addDeveloperMetadata('b', 'sheet');
    sheet.getRange('C:C').addDeveloperMetadata('c', 'column');
    sheet.getRange('3:3').addDeveloperMetadata('d', 'row');
    expect(ss.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['spreadsheet']);
    expect(sheet.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['sheet']);
    expect(sheet.getRange('C:C').getDeveloperMetadata().map((m) => m.getValue())).toEqual(['column']);
    expect(sheet.getRange('3:3').getDeveloperMetadata().map((m) => m.getValue())).toEqual(['row']);
    expect(sheet.getRange('C3').getDeveloperMetadata()).toEqual([]);
    const [column] = sheet.getRange('C:C').getDeveloperMetadata();
    expect(column!.getKey()).toBe('c');
    expect(column!.getVisibility()).toBe(Visibility.DOCUMENT);
    expect(String(column!.getVisibility())).toBe('DOCUMENT');
    const location = column!.getLocation();
    expect(location.getLocationType()).toBe(Type.COLUMN);
    expect(location.getColumn()!.getA1Notation()).toBe('C1:C1000');
    expect([location.getRow(), location.getSheet(), location.getSpreadsheet()]).toEqual([null, null, null]);
    const row = sheet.getRange('3:3').getDeveloperMetadata()[0]!.getLocation();
    expect(row.getRow()!.getA1Notation()).toBe('A3:Z3');
    expect(sheet.getDeveloperMetadata()[0]!.getLocation().getSheet()!.getName()).toBe('Reconciliation');
    expect(ss.getDeveloperMetadata()[0]!.getLocation().getSpreadsheet()!.getId()).toBe(ss.getId());
  });

  it('refuses a range that is not one whole row or column, with Apps Script\'s words', () => {
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

describe('finders', () => {
  function marked() {
    const f = setUp();
    const links = f.ss.getSheetByName('Links')!;
    f.ss.addDeveloperMetadata('owner', 'addon');
    f.sheet.addDeveloperMetadata('tab', 'reconciliation', f.Visibility.PROJECT);
    f.sheet.getRange('C:C').addDeveloperMetadata('column', 'session_id');
    f.sheet.getRange('E:E').addDeveloperMetadata('column', 'amount');
    f.sheet.getRange('2:2').addDeveloperMetadata('row', 'first');
    links.getRange('A:A').addDeveloperMetadata('column', 'payment_link');
    return { ...f, links };
  }
  const ids = (found: GoogleAppsScript.Spreadsheet.DeveloperMetadata[]) => found.map((m) => m.getId());

  it('a spreadsheet finder sees all metadata; filters combine', () => {
    const { ss, Type, Visibility } = marked();
    expect(ids(ss.createDeveloperMetadataFinder().find())).toEqual([1, 6, 2, 3, 4, 5]);
    expect(ids(ss.createDeveloperMetadataFinder().withKey('column').find())).toEqual([6, 3, 4]);
    expect(ids(ss.createDeveloperMetadataFinder().withKey('column').withValue('amount').find())).toEqual([4]);
    expect(ids(ss.createDeveloperMetadataFinder().withId(5).find())).toEqual([5]);
    expect(ids(ss.createDeveloperMetadataFinder().withLocationType(Type.ROW).find())).toEqual([5]);
    expect(ids(ss.createDeveloperMetadataFinder().withLocationType(Type.SPREADSHEET).find())).toEqual([1]);
    expect(ids(ss.createDeveloperMetadataFinder().withVisibility(Visibility.PROJECT).find())).toEqual([2]);
    expect(ids(ss.createDeveloperMetadataFinder().withKey('nope').find())).toEqual([]);
  });

  it('a sheet finder sees the sheet\'s metadata and its rows\' and columns\'', () => {
    const { sheet, links } = marked();
    expect(ids(sheet.createDeveloperMetadataFinder().find())).toEqual([2, 3, 4, 5]);
    expect(ids(links.createDeveloperMetadataFinder().withKey('column').find())).toEqual([6]);
  });

  it('a range finder sees what lies wholly inside the range, or with onIntersectingLocations what it touches', () => {
    const { sheet } = marked();
    expect(ids(sheet.getRange('A:D').createDeveloperMetadataFinder().find())).toEqual([3]);
    expect(ids(sheet.getRange('1:5').createDeveloperMetadataFinder().find())).toEqual([5]);
    expect(ids(sheet.getRange('A1:D5').createDeveloperMetadataFinder().find())).toEqual([]);
    expect(ids(sheet.getRange('A1:D5').createDeveloperMetadataFinder().onIntersectingLocations().find())).toEqual([3, 5]);
    expect(ids(sheet.getRange('E7').createDeveloperMetadataFinder().onIntersectingLocations().find())).toEqual([4]);
  });
});

describe('changing metadata', () => {
  it('sets key, value and visibility, removes, and moves between locations', () => {
    const { ss, sheet, services, Visibility } = setUp();
    sheet.getRange('C:C').addDeveloperMetadata('column', 'session_id');
    const [meta] = sheet.getRange('C:C').getDeveloperMetadata();
    meta!.setKey('col').setValue('id').setVisibility(Visibility.PROJECT);
    expect(services.workbook.developerMetadata()[0]).toMatchObject({ key: 'col', value: 'id', visibility: 'PROJECT' });
    meta!.moveToColumn(sheet.getRange('F:F'));
    expect(services.workbook.developerMetadata()[0]!.location).toEqual({ type: 'COLUMN', sheet: 'Reconciliation', column: 6 });
    meta!.moveToRow(ss.getSheetByName('Links')!.getRange('4:4'));
    expect(services.workbook.developerMetadata()[0]!.location).toEqual({ type: 'ROW', sheet: 'Links', row: 4 });
    expect(meta!.getLocation().getRow()!.getA1Notation()).toBe('A4:Z4');
    meta!.moveToSheet(sheet);
    expect(services.workbook.developerMetadata()[0]!.location).toEqual({ type: 'SHEET', sheet: 'Reconciliation' });
    meta!.moveToSpreadsheet();
    expect(services.workbook.developerMetadata()[0]!.location).toEqual({ type: 'SPREADSHEET' });
    expect(() => meta!.moveToColumn(sheet.getRange('F1:F5'))).toThrow(ARBITRARY);
    meta!.remove();
    expect(services.workbook.developerMetadata()).toEqual([]);
    expect(() => meta!.setValue('x')).toThrow('No developer metadata with id 1 exists.');
  });
});
