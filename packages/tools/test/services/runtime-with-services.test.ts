/** The fakes installed in AppsScriptRuntime: what the script gets is of its own realm, as in Apps Script. */
import { ScriptError } from '../../src/apps-script-runtime';
import { fireTrigger, LockHub, loadBundleWithServices, runWithServices } from '../../src/services';
import { buildDoPostEvent, postToWebApp } from '../../src/web-app';

const SCRIPT = `
function realms() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheets()[0];
  sheet.getRange('A1:B1').setValues([[new Date(Date.UTC(2024, 0, 5)), '2024-02-03']]);
  var values = sheet.getRange('A1:B1').getValues();
  var finder = sheet.getRange('A1:B1').createTextFinder('2024');
  var found = [finder.findNext(), finder.findNext(), finder.findNext()];
  return [
    values instanceof Array, values[0] instanceof Array, values[0][0] instanceof Date, values[0][1] instanceof Date,
    ss.getSheets() instanceof Array, found[0].getA1Notation(), found[1].getA1Notation(), found[2],
    sheet.getCharts() instanceof Array,
  ];
}
function errors() {
  try { SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, e.message]; }
}
function hidden() {
  var range = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1');
  return [typeof range._readGrid, typeof range.getValues, Object.keys(range).length, String(range)];
}
function unimplemented() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  var caught = [];
  try { sheet.hideColumns(1); } catch (e) { caught.push([e instanceof TypeError, e.message]); }
  try { sheet.getRange('A1').area(); } catch (e) { caught.push([e instanceof TypeError, e.message]); }
  try { SpreadsheetApp.BorderStyle.SOLID; } catch (e) { caught.push([e instanceof TypeError, e.message]); }
  try { Utilities.parseCsv('a,b'); } catch (e) { caught.push([e instanceof TypeError, e.message]); }
  return [caught, JSON.stringify(sheet), typeof sheet.then];
}
function doPost(e) {
  var lock = LockService.getScriptLock();
  if (!lock.tryLock(30000)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  if (e.parameter.token !== 'secret') return ContentService.createTextOutput(JSON.stringify({ ok: false, error: 'forbidden' })).setMimeType(ContentService.MimeType.JSON);
  if (e.postData.contents === 'boom') throw new TypeError('kaboom');
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Reconciliation').getRange(1, 1).setValue(JSON.parse(e.postData.contents).id);
  return ContentService.createTextOutput(JSON.stringify({ ok: true, type: e.postData.type, all: e.parameters.a })).setMimeType(ContentService.MimeType.JSON);
}
function tick(e) { return [e.triggerUid, typeof e.minute, (function () { try { SpreadsheetApp.getUi(); return 'ui'; } catch (x) { return x.message; } })()]; }
`;

describe('services in the runtime', () => {
  it('hands the script arrays, Dates and objects of its own realm', () => {
    const { runtime } = runWithServices(SCRIPT);
    expect(runtime.call('realms')).toEqual([true, true, true, true, true, 'A1', 'B1', null, true]);
  });

  it('throws service errors as Errors of the script realm named Exception', () => {
    const { runtime } = runWithServices(SCRIPT);
    expect(runtime.call('errors')).toEqual([true, 'Exception', 'The starting row of the range is too small.']);
  });

  it('shows the script only the methods of a service object', () => {
    const { runtime } = runWithServices(SCRIPT);
    expect(runtime.call('hidden')).toEqual(['undefined', 'function', 0, 'Range']);
  });

  it('fails loudly on a member it does not implement, naming the class, the member and the reference page', () => {
    const { runtime, services } = runWithServices(SCRIPT);
    const page = 'https://developers.google.com/apps-script/reference/';
    const message = (member: string, path: string): string =>
      `${member} is not implemented by the local Apps Script runtime (packages/tools/src/services): add it, following ${page}${path}`;
    expect(runtime.call('unimplemented')).toEqual([
      [
        [true, message('Sheet.hideColumns', 'spreadsheet/sheet')],
        [true, message('Range.area', 'spreadsheet/range')],
        [true, message('SpreadsheetApp.BorderStyle', 'spreadsheet/spreadsheet-app')],
        [true, message('Utilities.parseCsv', 'utilities/utilities')],
      ],
      '{}',
      'undefined',
    ]);
    expect(services.stats().spreadsheet.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getActiveSheet': 1,
      'Sheet.getRange': 1,
    });
  });

  it('fires a clock trigger in the trigger context', () => {
    const app = runWithServices(SCRIPT);
    const trigger = app.services.triggers.add({
      handlerFunction: 'tick',
      eventType: 'CLOCK',
      triggerSource: 'CLOCK',
      triggerSourceId: null,
      schedule: { everyMinutes: 5 },
    });
    expect(fireTrigger(app, trigger.uniqueId)).toEqual([
      trigger.uniqueId,
      'number',
      'Cannot call SpreadsheetApp.getUi() from this context.',
    ]);
    expect(app.services.getContext()).toBe('editor');
  });
});

describe('postToWebApp', () => {
  function webApp() {
    const app = runWithServices(SCRIPT);
    app.services.workbook.insertSheet('Reconciliation');
    return app;
  }

  it('builds the doPost event as Apps Script does', () => {
    expect(buildDoPostEvent({ query: { token: 't', a: 'x y' }, body: '{"é":1}', contentType: 'application/json; charset=utf-8' })).toEqual({
      postData: { contents: '{"é":1}', length: 8, type: 'application/json', name: 'postData' },
      parameter: { token: 't', a: 'x y' },
      parameters: { token: ['t'], a: ['x y'] },
      queryString: 'token=t&a=x%20y',
      contentLength: 8,
      contextPath: '',
    });
    const form = buildDoPostEvent({ queryString: 'a=1&a=2', body: 'a=3&b=x+y', contentType: 'application/x-www-form-urlencoded' });
    expect([form.parameter, form.parameters]).toEqual([
      { a: '1', b: 'x y' },
      { a: ['1', '2', '3'], b: ['x y'] },
    ]);
  });

  it('answers 302 with the TextOutput when doPost returns, in the webapp context, releasing the lock', () => {
    const app = webApp();
    const response = postToWebApp(app, { query: { token: 'secret', a: '1' }, body: '{"id":"evt_1"}' });
    expect(response).toMatchObject({ status: 302, mimeType: 'JSON', contentType: 'application/json; charset=utf-8' });
    expect(JSON.parse(response.body)).toEqual({ ok: true, type: 'application/json', all: ['1'] });
    expect(app.services.workbook.sheet('Reconciliation').values()).toEqual([['evt_1']]);
    expect(app.services.lockHub.holder(LockHub.scriptKey)).toBeNull();
    expect(app.services.getContext()).toBe('editor');
    expect(JSON.parse(postToWebApp(app, { body: '{}' }).body)).toEqual({ ok: false, error: 'forbidden' });
  });

  it("answers 200 with Apps Script's HTML error page when doPost throws", () => {
    const app = webApp();
    const response = postToWebApp(app, { query: { token: 'secret' }, body: 'boom' });
    expect(response.status).toBe(200);
    expect(response.mimeType).toBe('HTML');
    expect(response.body).toMatch(/<title>Error<\/title>/);
    expect(response.body).toMatch(/TypeError: kaboom \(line \d+, file &quot;Code&quot;\)/);
    expect(response.error).toBeInstanceOf(ScriptError);
    expect(app.services.lockHub.holder(LockHub.scriptKey)).toBeNull();
  });

  it('fails when another execution holds the script lock', () => {
    const hub = new LockHub();
    const app = runWithServices(SCRIPT, { lockHub: hub });
    hub.hold(LockHub.scriptKey, 'another-execution');
    const response = postToWebApp(app, { query: { token: 'secret' }, body: '{"id":"evt_2"}' });
    expect(response.status).toBe(200);
    expect(response.body).toContain('Lock timeout: another process was holding the lock for too long.');
    expect(app.services.stats().locks).toEqual({ attempts: 1, contended: 1, wouldHaveWaitedMs: 30000 });
  });
});

describe('the built bundle with services', () => {
  it('loads dist/Code.js and runs a custom function in the custom_function context', () => {
    const app = loadBundleWithServices(undefined, { context: 'custom_function' });
    expect(app.runtime.call('UTM_CLEAN', 'Spring Sale')).toBe('Spring_Sale');
    expect(app.services.stats().spreadsheet.calls).toBe(0);
  });
});
