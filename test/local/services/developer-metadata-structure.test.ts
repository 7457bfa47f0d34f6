/** Developer metadata follows the sheet's structure, survives the JSON form, and is read-only to custom functions. */
import { runWithServices, Workbook } from '../../../src/local/services';
import { fakes } from './fixtures';

function marked() {
  const f = fakes({ workbook: new Workbook({ sheets: ['Links', 'Reconciliation'] }) });
  const ss = f.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Reconciliation')!;
  sheet.getRange('A1:E1').setValues([['a', 'b', 'session_id', 'd', 'amount']]);
  sheet.addDeveloperMetadata('tab', 'reconciliation');
  sheet.getRange('C:C').addDeveloperMetadata('column', 'session_id');
  sheet.getRange('E:E').addDeveloperMetadata('column', 'amount');
  sheet.getRange('5:5').addDeveloperMetadata('row', 'five');
  const where = () =>
    f.services.workbook.developerMetadata().map((m) => `${String(m.value)}@${m.location.type}:${String(m.location.row ?? m.location.column ?? m.location.sheet)}`);
  return { ...f, ss, sheet, where };
}

describe('metadata follows rows and columns', () => {
  it('starts where it was put', () => {
    expect(marked().where()).toEqual(['reconciliation@SHEET:Reconciliation', 'session_id@COLUMN:3', 'amount@COLUMN:5', 'five@ROW:5']);
  });

  it('moves right and down when columns and rows are inserted before it, and stays when after', () => {
    const { sheet, where } = marked();
    sheet.insertColumnsBefore(1, 2);
    sheet.insertColumnAfter(7); // after amount (now column 7): nothing moves
    sheet.insertRowsBefore(5, 3);
    sheet.insertRowAfter(10);
    expect(where()).toEqual(['reconciliation@SHEET:Reconciliation', 'session_id@COLUMN:5', 'amount@COLUMN:7', 'five@ROW:8']);
    expect(sheet.getRange('E:E').getDeveloperMetadata()[0]!.getValue()).toBe('session_id');
    expect(sheet.getRange(1, 5).getValue()).toBe('session_id');
  });

  it('is deleted with its row or column; later ones move back', () => {
    const { sheet, where } = marked();
    sheet.deleteColumn(3);
    sheet.deleteRows(2, 2);
    expect(where()).toEqual(['reconciliation@SHEET:Reconciliation', 'amount@COLUMN:4', 'five@ROW:3']);
    sheet.deleteRow(3);
    sheet.deleteColumns(1, 4);
    expect(where()).toEqual(['reconciliation@SHEET:Reconciliation']);
  });

  it('moves with moveColumns and moveRows, with the cells', () => {
    const { sheet, where } = marked();
    sheet.moveColumns(sheet.getRange('C:C'), 1);
    expect(where()).toContain('session_id@COLUMN:1');
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['session_id', 'a', 'b', 'd', 'amount']]);
    sheet.moveColumns(sheet.getRange('A:B'), 6); // session_id and a go after amount
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['b', 'd', 'amount', 'session_id', 'a']]);
    expect(where()).toEqual(expect.arrayContaining(['session_id@COLUMN:4', 'amount@COLUMN:3']));
    sheet.getRange('A5').setValue('row five');
    sheet.moveRows(sheet.getRange('5:5'), 2);
    expect(where()).toContain('five@ROW:2');
    expect(sheet.getRange('A2').getValue()).toBe('row five');
    expect(() => { sheet.moveRows(sheet.getRange('5:5'), 2000); }).toThrow('Those rows are out of bounds.');
  });

  it('keeps sheet metadata through a rename, and loses all of a sheet\'s with the sheet', () => {
    const { ss, sheet, where, services } = marked();
    ss.addDeveloperMetadata('owner');
    sheet.setName('Sales');
    expect(where()).toEqual(['null@SPREADSHEET:undefined', 'reconciliation@SHEET:Sales', 'session_id@COLUMN:3', 'amount@COLUMN:5', 'five@ROW:5']);
    const [tab] = sheet.getDeveloperMetadata();
    ss.deleteSheet(sheet);
    expect(services.workbook.developerMetadata().map((m) => m.key)).toEqual(['owner']);
    expect(() => tab!.setValue('x')).toThrow(/No developer metadata with id/);
  });
});

describe('the JSON form', () => {
  it('keeps metadata and its ids, and new ids stay unique after loading', () => {
    const { services, ss } = marked();
    ss.addDeveloperMetadata('owner', 'addon');
    const json = JSON.parse(JSON.stringify(services.workbook.toJSON())) as ReturnType<Workbook['toJSON']>;
    const restored = Workbook.fromJSON(json);
    expect(restored.developerMetadata()).toEqual(services.workbook.developerMetadata());
    const again = fakes({ workbook: restored }).SpreadsheetApp.getActiveSpreadsheet();
    again.addDeveloperMetadata('next');
    const ids = restored.developerMetadata().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBe(6);
  });

  it('loads a file saved before metadata existed', () => {
    const json = new Workbook({ sheets: ['Sheet1'] }).toJSON() as unknown as Record<string, unknown>;
    delete json.developerMetadata;
    delete json.nextMetadataId;
    for (const sheet of json.sheets as Record<string, unknown>[]) delete sheet.developerMetadata;
    const workbook = Workbook.fromJSON(json as unknown as ReturnType<Workbook['toJSON']>);
    expect(workbook.developerMetadata()).toEqual([]);
    fakes({ workbook }).SpreadsheetApp.getActiveSheet().addDeveloperMetadata('k');
    expect(workbook.developerMetadata()[0]!.id).toBe(1);
  });
});

describe('custom functions', () => {
  it('may read and find metadata but not add, change, move or remove it', () => {
    const { SpreadsheetApp, services, sheet } = marked();
    const [column] = sheet.getRange('C:C').getDeveloperMetadata();
    services.setContext('custom_function');
    const active = SpreadsheetApp.getActiveSpreadsheet();
    expect(active.createDeveloperMetadataFinder().withKey('column').find().map((m) => m.getValue())).toEqual(['session_id', 'amount']);
    expect(column!.getLocation().getColumn()!.getColumn()).toBe(3);
    expect(() => active.addDeveloperMetadata('k')).toThrow('You do not have permission to call addDeveloperMetadata');
    expect(() => sheet.getRange('D:D').addDeveloperMetadata('k')).toThrow('You do not have permission to call addDeveloperMetadata');
    expect(() => column!.setValue('x')).toThrow('You do not have permission to call setValue');
    expect(() => column!.moveToSpreadsheet()).toThrow('You do not have permission to call moveToSpreadsheet');
    expect(() => { column!.remove(); }).toThrow('You do not have permission to call remove');
    expect(() => { sheet.moveColumns(sheet.getRange('C:C'), 1); }).toThrow('You do not have permission to call moveColumns');
    expect(services.workbook.developerMetadata()).toHaveLength(4);
  });
});

describe('inside the runtime', () => {
  it('a script marks a column, finds it after a column is inserted before it, and compares enums', () => {
    const { runtime, services } = runWithServices(`
      function mark() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Reconciliation');
        sheet.getRange('B:B').addDeveloperMetadata('addon.column', 'session_id', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
        sheet.insertColumnBefore(1);
        var found = sheet.createDeveloperMetadataFinder().withKey('addon.column').find();
        var meta = found[0];
        return [
          found instanceof Array, found.length, meta.getValue(),
          meta.getLocation().getColumn().getColumn(),
          meta.getLocation().getLocationType() === SpreadsheetApp.DeveloperMetadataLocationType.COLUMN,
          String(meta.getVisibility()),
          (function () { try { sheet.getRange('A1:B2').addDeveloperMetadata('x'); } catch (e) { return e.name + ': ' + e.message.slice(0, 45); } })(),
        ];
      }
    `);
    expect(runtime.call('mark')).toEqual([
      true, 1, 'session_id', 3, true, 'PROJECT', 'Exception: Adding developer metadata to arbitrary ranges',
    ]);
    expect(services.workbook.developerMetadata()[0]!.location).toEqual({ type: 'COLUMN', sheet: 'Reconciliation', column: 3 });
  });
});
