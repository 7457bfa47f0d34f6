/** Developer metadata follows the sheet's structure, survives the JSON form, and is read-only to custom functions. */
import { runWithServices, Workbook } from '../../src/services';
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
    f.services.workbook
      .developerMetadata()
      .map((m) => `${String(m.value)}@${m.location.type}:${String(m.location.row ?? m.location.column ?? m.location.sheet)}`);
  const data = f.services.workbook.sheet('Reconciliation');
  return { ...f, ss, sheet, data, where };
}

describe('metadata follows rows and columns', () => {
  it('starts where it was put', () => {
    expect(marked().where()).toEqual(['reconciliation@SHEET:Reconciliation', 'session_id@COLUMN:3', 'amount@COLUMN:5', 'five@ROW:5']);
  });

  it('moves right and down when columns and rows are inserted before it, and stays when after', () => {
    const { ss, sheet, where } = marked();
    sheet.insertColumnsAfter(0, 2);
    sheet.insertColumnAfter(7); // after amount (now column 7): nothing moves
    sheet.insertRowsAfter(4, 3);
    sheet.insertRowsAfter(10, 1);
    expect(where()).toEqual(['reconciliation@SHEET:Reconciliation', 'session_id@COLUMN:5', 'amount@COLUMN:7', 'five@ROW:8']);
    const [sessions] = ss.createDeveloperMetadataFinder().withKey('column').find();
    expect(sessions!.getLocation().getColumn()!.getColumn()).toBe(5);
    expect(sheet.getRange(1, 5).getValues()[0]?.[0]).toBe('session_id');
  });

  it('is deleted with its row or column; later ones move back', () => {
    const { data, where } = marked();
    data.deleteColumns(3, 1);
    data.deleteRows(2, 2);
    expect(where()).toEqual(['reconciliation@SHEET:Reconciliation', 'amount@COLUMN:4', 'five@ROW:3']);
    data.deleteRows(3, 1);
    data.deleteColumns(1, 4);
    expect(where()).toEqual(['reconciliation@SHEET:Reconciliation']);
  });

  it('moves with moveColumns and moveRows, with the cells', () => {
    const { sheet, data, where } = marked();
    data.moveColumns(3, 1, 1);
    expect(where()).toContain('session_id@COLUMN:1');
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['session_id', 'a', 'b', 'd', 'amount']]);
    data.moveColumns(1, 2, 6); // session_id and a go after amount
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['b', 'd', 'amount', 'session_id', 'a']]);
    expect(where()).toEqual(expect.arrayContaining(['session_id@COLUMN:4', 'amount@COLUMN:3']));
    sheet.getRange('A5').setValue('row five');
    data.moveRows(5, 1, 2);
    expect(where()).toContain('five@ROW:2');
    expect(sheet.getRange('A2').getValues()[0]?.[0]).toBe('row five');
  });

  it("keeps sheet metadata through a rename, and loses all of a sheet's with the sheet", () => {
    const { ss, data, where, services } = marked();
    data.name = 'Sales';
    expect(where()).toEqual(['reconciliation@SHEET:Sales', 'session_id@COLUMN:3', 'amount@COLUMN:5', 'five@ROW:5']);
    const [tab] = ss.createDeveloperMetadataFinder().withKey('tab').find();
    services.workbook.deleteSheet(data);
    expect(services.workbook.developerMetadata()).toEqual([]);
    expect(tab!.getLocation().getSheet()).toBeNull();
  });
});

describe('the JSON form', () => {
  it('keeps metadata and its ids, and new ids stay unique after loading', () => {
    const { services, sheet } = marked();
    sheet.getRange('7:7').addDeveloperMetadata('row', 'seven');
    const json = JSON.parse(JSON.stringify(services.workbook.toJSON())) as ReturnType<Workbook['toJSON']>;
    const restored = Workbook.fromJSON(json);
    expect(restored.developerMetadata()).toEqual(services.workbook.developerMetadata());
    fakes({ workbook: restored }).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Links')!.addDeveloperMetadata('next');
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
    fakes({ workbook }).SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().addDeveloperMetadata('k');
    expect(workbook.developerMetadata()[0]!.id).toBe(1);
  });
});

describe('custom functions', () => {
  it('may find and read metadata but not add it', () => {
    const { SpreadsheetApp, services, sheet } = marked();
    services.setContext('custom_function');
    const active = SpreadsheetApp.getActiveSpreadsheet();
    const found = active.createDeveloperMetadataFinder().withKey('column').find();
    expect(found.map((m) => m.getValue())).toEqual(['session_id', 'amount']);
    expect(found[0]!.getLocation().getColumn()!.getColumn()).toBe(3);
    expect(() => sheet.addDeveloperMetadata('k')).toThrow('You do not have permission to call addDeveloperMetadata');
    expect(() => sheet.getRange('D:D').addDeveloperMetadata('k')).toThrow('You do not have permission to call addDeveloperMetadata');
    expect(services.workbook.developerMetadata()).toHaveLength(4);
  });
});

describe('inside the runtime', () => {
  it('a script marks a column, finds it after a column is inserted before it, and compares enums', () => {
    const { runtime, services } = runWithServices(`
      function mark() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Reconciliation');
        sheet.getRange('B:B').addDeveloperMetadata('addon.column', 'session_id', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
        sheet.insertColumnsAfter(0, 1);
        var found = SpreadsheetApp.getActiveSpreadsheet().createDeveloperMetadataFinder().withKey('addon.column')
          .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.COLUMN).find();
        var meta = found[0];
        return [
          found instanceof Array, found.length, meta.getValue(),
          meta.getLocation().getColumn().getColumn(),
          (function () { try { sheet.getRange('A1:B2').addDeveloperMetadata('x'); } catch (e) { return e.name + ': ' + e.message.slice(0, 45); } })(),
        ];
      }
    `);
    expect(runtime.call('mark')).toEqual([true, 1, 'session_id', 3, 'Exception: Adding developer metadata to arbitrary ranges']);
    expect(services.workbook.developerMetadata()[0]).toMatchObject({
      visibility: 'PROJECT',
      location: { type: 'COLUMN', sheet: 'Reconciliation', column: 3 },
    });
  });
});
