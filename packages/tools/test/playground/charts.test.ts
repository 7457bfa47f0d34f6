/**
 * Embedded charts as the page gets them: each chart's bars read from its ranges (labels from the
 * first, values from the second), its header row told apart, and a chart's data changing with the
 * cells it covers.
 */
import type { ChartData } from '../../src/services/chart-data';
import { Workbook } from '../../src/services/workbook';
import { chartViews } from '../../src/playground/chart-view';
import { startTestPlayground, type TestPlayground } from './helpers';

function chart(sheetId: number, overrides: Partial<ChartData> = {}): ChartData {
  return {
    chartId: 7,
    type: 'BAR',
    ranges: [
      { sheetId, row: 1, column: 1, numRows: 1000, numColumns: 1 },
      { sheetId, row: 1, column: 2, numRows: 1000, numColumns: 1 },
    ],
    options: { title: 'Revenue per campaign' },
    position: { row: 2, column: 4, offsetX: 5, offsetY: 10 },
    numHeaders: -1,
    ...overrides,
  };
}

describe('chartViews', () => {
  it('reads a bar per row: labels from the first range, values from the second, the header row apart', () => {
    const workbook = new Workbook({ sheets: ['Report'] });
    const sheet = workbook.write('Report', [
      ['campaign', 'revenue'],
      ['spring_sale', 343],
      ['', ''],
      ['launch_week', 116.5],
      ['(unattributed)', ''],
    ]);
    sheet.charts.push(chart(sheet.sheetId));
    expect(chartViews(workbook, sheet)).toEqual([
      {
        chartId: 7,
        type: 'BAR',
        title: 'Revenue per campaign',
        position: { row: 2, column: 4, offsetX: 5, offsetY: 10 },
        width: 520,
        height: 320,
        series: 'revenue',
        hAxisTitle: '',
        bars: [
          { label: 'spring_sale', value: 343, shown: '343' },
          { label: 'launch_week', value: 116.5, shown: '116.5' },
          { label: '(unattributed)', value: 0, shown: '' },
        ],
      },
    ]);
  });

  it("takes setNumHeaders as given, a single two-column range, another tab's cells and the size options", () => {
    const workbook = new Workbook({ sheets: ['Report', 'Data'] });
    const report = workbook.sheet('Report');
    const data = workbook.write('Data', [
      ['a', 1],
      ['b', 2],
    ]);
    report.charts.push(
      chart(data.sheetId, {
        numHeaders: 0,
        ranges: [{ sheetId: data.sheetId, row: 1, column: 1, numRows: 2, numColumns: 2 }],
        options: { width: 300, height: 200 },
      }),
      chart(data.sheetId, { chartId: 8, numHeaders: 1 }),
    );
    const [whole, headed] = chartViews(workbook, report);
    expect(whole).toMatchObject({
      title: '',
      width: 300,
      height: 200,
      series: '',
      bars: [
        { label: 'a', value: 1 },
        { label: 'b', value: 2 },
      ],
    });
    expect(headed).toMatchObject({ chartId: 8, series: '1', bars: [{ label: 'b', value: 2 }] });
  });

  it("reads the horizontal axis's title, set dotted as setOption takes it or nested", () => {
    const workbook = new Workbook({ sheets: ['Report'] });
    const sheet = workbook.sheet('Report');
    sheet.charts.push(
      chart(sheet.sheetId, { options: { 'hAxis.title': 'Net 294.00 USD = 392.00 paid' } }),
      chart(sheet.sheetId, { chartId: 8, options: { hAxis: { title: 'nested' } } }),
      chart(sheet.sheetId, { chartId: 9, options: { hAxis: { title: 3 } } }),
    );
    expect(chartViews(workbook, sheet).map((view) => view.hAxisTitle)).toEqual(['Net 294.00 USD = 392.00 paid', 'nested', '']);
  });

  it('is empty for a tab without charts, and a chart without ranges has no bars', () => {
    const workbook = new Workbook();
    const sheet = workbook.activeSheet();
    expect(chartViews(workbook, sheet)).toEqual([]);
    sheet.charts.push(chart(sheet.sheetId, { ranges: [] }));
    expect(chartViews(workbook, sheet)[0]?.bars).toEqual([]);
  });
});

describe('GET /api/state', () => {
  let pg: TestPlayground;

  beforeAll(async () => {
    pg = await startTestPlayground();
  });

  afterAll(async () => {
    await pg.stop();
  });

  it("sends a tab's charts with its cells, and their bars follow the cells", async () => {
    const sheet = pg.app.workbook.write('Chart data', [
      ['campaign', 'revenue'],
      ['spring_sale', 10],
      ['launch_week', 20],
    ]);
    sheet.charts.push(chart(sheet.sheetId));
    const charts = async () => (await pg.state('Chart data')).sheets?.find((tab) => tab.name === 'Chart data')?.charts;
    expect((await charts())?.[0]?.bars).toEqual([
      { label: 'spring_sale', value: 10, shown: '10' },
      { label: 'launch_week', value: 20, shown: '20' },
    ]);
    expect((await pg.post('/api/cell', { sheet: 'Chart data', cell: 'B3', input: '35' })).status).toBe(200);
    expect((await charts())?.[0]?.bars[1]).toEqual({ label: 'launch_week', value: 35, shown: '35' });
    // Another tab's cells asked for: no charts of this one either.
    expect((await pg.state('Links')).sheets?.find((tab) => tab.name === 'Chart data')?.charts).toBeUndefined();
  });
});
