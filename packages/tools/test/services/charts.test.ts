/** Embedded charts in the SpreadsheetApp fake, driven by a script in the runtime as the add-on drives them. */
import { ScriptError } from '../../src/apps-script-runtime';
import { runWithServices, Workbook } from '../../src/services';

const SCRIPT = `
function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Attribution'); }
function insertBar() {
  var s = sheet();
  var chart = s.newChart().setChartType(Charts.ChartType.BAR)
    .addRange(s.getRange('A1:A4')).addRange(s.getRange('G1:G4'))
    .setOption('title', 'Revenue per campaign')
    .setOption('legend', { position: 'none' })
    .setNumHeaders(1)
    .setPosition(2, 9, 10, 20)
    .build();
  s.insertChart(chart);
  return s.getCharts().length;
}
function describe() {
  return sheet().getCharts().map(function (c) {
    return { title: c.getOptions().get('title'), legend: c.getOptions().get('legend').position, missing: c.getOptions().get('nope') };
  });
}
function retitle(title) {
  var s = sheet();
  var chart = s.getCharts()[0];
  s.updateChart(chart.modify().clearRanges().addRange(s.getRange('A1:A4')).addRange(s.getRange('H1:H4')).setOption('title', title).setPosition(1, 1, 0, 0).build());
  return chart.getOptions().get('title');
}
function removeAll() {
  var s = sheet();
  s.getCharts().forEach(function (c) { s.removeChart(c); });
  return s.getCharts().length;
}
function errors() {
  var s = sheet();
  var out = [];
  function attempt(f) { try { f(); out.push('ok'); } catch (e) { out.push(e.message); } }
  attempt(function () { s.newChart().addRange(s.getRange('A1:B2')).build(); });
  attempt(function () { s.newChart().setChartType('DONUT'); });
  var loose = s.newChart().setChartType(Charts.ChartType.PIE).build();
  attempt(function () { s.updateChart(loose); });
  attempt(function () { s.removeChart(loose); });
  s.insertChart(loose);
  var onOther = s.getCharts()[s.getCharts().length - 1];
  attempt(function () { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').updateChart(onOther.modify().build()); });
  attempt(function () { s.insertChart({}); });
  return out;
}
function chartsInCustomFunction() {
  var s = sheet();
  var out = [s.getCharts().length, s.newChart().setChartType(Charts.ChartType.LINE).setOption('title', 't').build().getOptions().get('title')];
  [function () { s.insertChart(s.newChart().setChartType(Charts.ChartType.COLUMN).build()); },
   function () { s.updateChart(s.getCharts()[0].modify().build()); },
   function () { s.removeChart(s.getCharts()[0]); }].forEach(function (f) {
    try { f(); out.push('ok'); } catch (e) { out.push(e.message); }
  });
  return out;
}
function clearAndRefill() {
  var s = sheet();
  s.clear();
  s.getRange('A1').setValue('utm_campaign');
  return s.getCharts().length;
}
`;

function setUp() {
  const workbook = new Workbook({ sheets: ['Sheet1', 'Attribution'] });
  workbook.write('Attribution', [
    ['utm_campaign', 'b', 'c', 'd', 'e', 'f', 'revenue', 'paid'],
    ['spring', '', '', '', '', '', 10, 1],
    ['fall', '', '', '', '', '', 20, 2],
    ['(unattributed)', '', '', '', '', '', 5, 1],
  ]);
  return { workbook, ...runWithServices(SCRIPT, { workbook }) };
}

describe('embedded charts', () => {
  it('builds a bar chart, inserts it with an id, and reads its options back', () => {
    const { runtime, workbook } = setUp();
    expect(runtime.call('insertBar')).toBe(1);
    expect(runtime.call('describe')).toEqual([{ title: 'Revenue per campaign', legend: 'none', missing: null }]);
    // The sheet keeps plain data, for the workbook JSON and the playground.
    const sheetId = workbook.sheet('Attribution').sheetId;
    expect(workbook.sheet('Attribution').charts).toEqual([
      {
        chartId: expect.any(Number) as number,
        type: 'BAR',
        ranges: [
          { sheetId, row: 1, column: 1, numRows: 4, numColumns: 1 },
          { sheetId, row: 1, column: 7, numRows: 4, numColumns: 1 },
        ],
        options: { title: 'Revenue per campaign', legend: { position: 'none' } },
        position: { row: 2, column: 9, offsetX: 10, offsetY: 20 },
        numHeaders: 1,
      },
    ]);
  });

  it('modify() keeps the id, updateChart replaces the chart, and an old snapshot stays as it was', () => {
    const { runtime, workbook } = setUp();
    runtime.call('insertBar');
    const [before] = workbook.sheet('Attribution').charts;
    expect(runtime.call('retitle', 'Updated')).toBe('Revenue per campaign');
    const after = workbook.sheet('Attribution').charts;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      chartId: before?.chartId,
      options: { title: 'Updated' },
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    });
    expect(after[0]?.ranges.map((r) => r.column)).toEqual([1, 8]);
  });

  it('gives every inserted chart its own id, and removes charts', () => {
    const { runtime, workbook } = setUp();
    runtime.call('insertBar');
    runtime.call('insertBar');
    expect(new Set(workbook.sheet('Attribution').charts.map((c) => c.chartId)).size).toBe(2);
    expect(runtime.call('removeAll')).toBe(0);
  });

  it('refuses what Sheets refuses', () => {
    const { runtime } = setUp();
    expect(runtime.call('errors')).toEqual([
      'The chart type must be set before the chart is built.',
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
      'The chart does not exist on this sheet.',
      'The chart does not exist on this sheet.',
      'The chart does not exist on this sheet.',
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
    ]);
  });

  it('lets a custom function read and build charts but not insert, update or remove one', () => {
    const { runtime, services } = setUp();
    runtime.call('insertBar');
    services.setContext('custom_function');
    expect(runtime.call('chartsInCustomFunction')).toEqual([
      1,
      't',
      'You do not have permission to call insertChart',
      'You do not have permission to call updateChart',
      'You do not have permission to call removeChart',
    ]);
  });

  it('keeps charts when the sheet is cleared (charts are not cell content)', () => {
    const { runtime } = setUp();
    runtime.call('insertBar');
    expect(runtime.call('clearAndRefill')).toBe(1);
  });

  it('counts chart calls by family', () => {
    const { runtime, services } = setUp();
    services.resetStats();
    runtime.call('insertBar');
    const { byMethod } = services.stats().spreadsheet;
    expect(byMethod).toMatchObject({
      'Sheet.newChart': 1,
      'Sheet.insertChart': 1,
      'Sheet.getCharts': 1,
      'EmbeddedChartBuilder.setChartType': 1,
      'EmbeddedChartBuilder.addRange': 2,
      'EmbeddedChartBuilder.build': 1,
    });
    services.resetStats();
    runtime.call('describe');
    expect(services.stats().spreadsheet.byMethod).toMatchObject({ 'ChartOptions.get': 3, 'EmbeddedChart.getOptions': 3 });
  });

  it('offers Charts.ChartType as names', () => {
    const { runtime } = runWithServices('function types() { return [Charts.ChartType.BAR, Charts.ChartType.LINE, Charts.ChartType.PIE]; }');
    expect(runtime.call('types')).toEqual(['BAR', 'LINE', 'PIE']);
  });

  it('survives the workbook JSON, and later charts get new ids', () => {
    const { runtime, workbook } = setUp();
    runtime.call('insertBar');
    const restored = Workbook.fromJSON(JSON.stringify(workbook));
    expect(restored.toJSON()).toEqual(workbook.toJSON());
    expect(restored.sheet('Attribution').charts).toEqual(workbook.sheet('Attribution').charts);
    const again = runWithServices(SCRIPT, { workbook: restored });
    again.runtime.call('insertBar');
    const ids = restored.sheet('Attribution').charts.map((c) => c.chartId);
    expect(new Set(ids).size).toBe(2);
    // An older file without charts still loads.
    const json = workbook.toJSON();
    delete json.nextChartId;
    for (const sheet of json.sheets) delete sheet.charts;
    expect(Workbook.fromJSON(json).sheet('Attribution').charts).toEqual([]);
  });

  it('reports a script error naming a chart method the fake lacks', () => {
    const { runtime } = runWithServices(
      'function blob() { var s = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet(); return s.newChart().setChartType(Charts.ChartType.BAR).build().getBlob(); }',
    );
    expect(() => runtime.call('blob')).toThrow(ScriptError);
    expect(() => runtime.call('blob')).toThrow('EmbeddedChart.getBlob is not implemented by the local Apps Script runtime');
  });
});
