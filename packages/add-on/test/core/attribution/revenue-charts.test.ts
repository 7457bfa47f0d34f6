/**
 * The Attribution tab's charts, as rules: which currencies and modes get a chart, in which order,
 * what each bar is, and totals that add up exactly; then where the charts and their data go.
 */
import { UNATTRIBUTED_CAMPAIGN, type ReportRow } from '../../../src/core/attribution/attribution-report';
import {
  CHART_WIDTH,
  chartsPanel,
  DEFAULT_ROW_HEIGHT,
  fittingWidth,
  tableWidths,
  TOTALS_HEADERS,
} from '../../../src/core/attribution/charts-panel';
import { ATTRIBUTION_TAB } from '../../../src/core/ledger/declaration';
import { CHART_TITLE, isOwnChartTitle, revenueCharts } from '../../../src/core/attribution/revenue-charts';

function row(campaign: string, currency: string, livemode: boolean, money: Partial<ReportRow> = {}): ReportRow {
  const revenue = money.revenue_minor ?? 0;
  const renewals = money.renewal_revenue_minor ?? 0;
  const refunded = money.refunded_minor ?? 0;
  const disputed = money.disputed_minor ?? 0;
  return {
    utm_campaign: campaign,
    utm_source: campaign === UNATTRIBUTED_CAMPAIGN ? '' : 'newsletter',
    utm_medium: campaign === UNATTRIBUTED_CAMPAIGN ? '' : 'email',
    currency,
    livemode,
    sessions: 1,
    checkouts: 1,
    paid_sessions: revenue > 0 ? 1 : 0,
    revenue_minor: revenue,
    refunded_minor: refunded,
    disputed_minor: disputed,
    renewal_revenue_minor: renewals,
    net_minor: revenue + renewals - refunded - disputed,
    pending_sessions: 0,
    failed_sessions: 0,
    first_sale: null,
    last_sale: null,
    ...money,
  };
}

describe('revenueCharts', () => {
  it('gives every currency and mode with sales its own chart: live first, then the largest first payments, then the code', () => {
    const report = [
      row('spring', 'usd', false, { revenue_minor: 5000 }),
      row('launch', 'eur', false, { revenue_minor: 9000 }),
      row('spring', 'jpy', true, { revenue_minor: 100 }),
      row('spring', 'chf', false, { revenue_minor: 5000 }),
      // Only a failed session: no sale in GBP, so no chart.
      row('spring', 'gbp', false, { failed_sessions: 1 }),
    ];
    expect(revenueCharts(report).map((chart) => chart.title)).toEqual([
      `${CHART_TITLE} (JPY, live)`,
      `${CHART_TITLE} (EUR, test mode)`,
      `${CHART_TITLE} (CHF, test mode)`,
      `${CHART_TITLE} (USD, test mode)`,
    ]);
  });

  it('charts a currency that only one campaign sells in (a EUR-only campaign is not lost behind USD)', () => {
    const report = [row('spring', 'usd', true, { revenue_minor: 90000 }), row('berlin_only', 'eur', true, { revenue_minor: 4500 })];
    const eur = revenueCharts(report).find((chart) => chart.totals.currency === 'eur');
    expect(eur?.bars).toEqual([{ campaign: 'berlin_only', net_minor: 4500 }]);
  });

  it("sums each campaign's net over its sources and media; largest first, the unattributed last, a campaign without sales left out", () => {
    const report = [
      row('spring', 'usd', false, { revenue_minor: 4900, utm_source: 'newsletter' }),
      row('spring', 'usd', false, { revenue_minor: 9800, disputed_minor: 4900, utm_source: 'facebook' }),
      row(UNATTRIBUTED_CAMPAIGN, 'usd', false, { revenue_minor: 50000 }),
      row('launch', 'usd', false, { revenue_minor: 20000, refunded_minor: 500 }),
      row('alpha', 'usd', false, { revenue_minor: 9800 }),
      row('nothing_sold', 'usd', false, { pending_sessions: 1 }),
      // Everything refunded: still a sale, its bar is zero.
      row('refunded_all', 'usd', false, { revenue_minor: 700, refunded_minor: 700 }),
    ];
    const [chart] = revenueCharts(report);
    expect(chart?.bars).toEqual([
      { campaign: 'launch', net_minor: 19500 },
      { campaign: 'alpha', net_minor: 9800 },
      { campaign: 'spring', net_minor: 9800 },
      { campaign: 'refunded_all', net_minor: 0 },
      { campaign: UNATTRIBUTED_CAMPAIGN, net_minor: 50000 },
    ]);
  });

  it('adds up exactly: the bars to the totals, the totals to the rows, in minor units', () => {
    // Amounts whose major units would not add up in binary (0.1 + 0.2).
    const report = [
      row('a', 'usd', false, { revenue_minor: 10, renewal_revenue_minor: 20, refunded_minor: 3 }),
      row('b', 'usd', false, { revenue_minor: 20, disputed_minor: 7 }),
      row('b', 'usd', false, { revenue_minor: 70001, utm_source: 'x', refunded_minor: 1 }),
      row(UNATTRIBUTED_CAMPAIGN, 'usd', false, { revenue_minor: 33 }),
      row('a', 'usd', true, { revenue_minor: 999 }),
    ];
    const charts = revenueCharts(report);
    for (const chart of charts) {
      const rows = report.filter((r) => r.currency === chart.totals.currency && r.livemode === chart.totals.livemode);
      const sum = (pick: (r: ReportRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
      expect(chart.bars.reduce((total, bar) => total + bar.net_minor, 0)).toBe(chart.totals.net_minor);
      expect(chart.totals).toEqual({
        currency: chart.totals.currency,
        livemode: chart.totals.livemode,
        paid_sessions: sum((r) => r.paid_sessions),
        revenue_minor: sum((r) => r.revenue_minor),
        renewal_revenue_minor: sum((r) => r.renewal_revenue_minor),
        refunded_minor: sum((r) => r.refunded_minor),
        disputed_minor: sum((r) => r.disputed_minor),
        net_minor: sum((r) => r.net_minor),
      });
      expect(chart.totals.net_minor).toBe(
        chart.totals.revenue_minor + chart.totals.renewal_revenue_minor - chart.totals.refunded_minor - chart.totals.disputed_minor,
      );
    }
    expect(charts.map((chart) => chart.caption)).toEqual([
      'Net 9.99 USD = 9.99 paid',
      'Net 700.73 USD = 700.64 paid + 0.20 renewals − 0.04 refunded − 0.07 disputed',
    ]);
  });

  it("says what the net is made of in the currency's own decimals", () => {
    const [yen] = revenueCharts([row('spring', 'jpy', false, { revenue_minor: 1234567, refunded_minor: 1000 })]);
    expect(yen?.caption).toBe('Net 1,233,567 JPY = 1,234,567 paid − 1,000 refunded');
    const [dinar] = revenueCharts([row('spring', 'kwd', true, { revenue_minor: 12345 })]);
    expect(dinar?.caption).toBe('Net 12.345 KWD = 12.345 paid');
  });

  it('has no chart without sales', () => {
    expect(revenueCharts([])).toEqual([]);
    expect(revenueCharts([row('spring', 'usd', false, { pending_sessions: 1 })])).toEqual([]);
  });
});

describe('isOwnChartTitle', () => {
  it("knows this version's titles and the earlier gross chart's, and no one else's", () => {
    expect(isOwnChartTitle(`${CHART_TITLE} (USD, test mode)`)).toBe(true);
    expect(isOwnChartTitle('Revenue per campaign (USD, test mode)')).toBe(true);
    expect(isOwnChartTitle('Revenue per campaign by week')).toBe(false);
    expect(isOwnChartTitle('My net revenue per campaign (USD)')).toBe(false);
    expect(isOwnChartTitle(null)).toBe(false);
  });
});

describe('chartsPanel', () => {
  const report = [
    row('spring', 'usd', false, { revenue_minor: 39200, refunded_minor: 4900, disputed_minor: 4900 }),
    row('launch', 'eur', false, { revenue_minor: 13100, renewal_revenue_minor: 3000, refunded_minor: 5800 }),
    row('spring', 'eur', false, { revenue_minor: 4500 }),
    row(UNATTRIBUTED_CAMPAIGN, 'eur', false, { revenue_minor: 2900 }),
    row('spring', 'jpy', false, { revenue_minor: 500 }),
  ];

  it("puts the totals first, then each chart's data, two columns apart from the next", () => {
    const panel = chartsPanel(revenueCharts(report), 8);
    expect(panel.cells).toEqual([
      [
        ...TOTALS_HEADERS,
        '',
        'campaign (USD, test mode)',
        'net_revenue (USD, test mode)',
        '',
        'campaign (EUR, test mode)',
        'net_revenue (EUR, test mode)',
        '',
        'campaign (JPY, test mode)',
        'net_revenue (JPY, test mode)',
      ],
      ['USD, test mode', 392, 0, 49, 49, 294, '', 'spring', 294, '', 'launch', 103, '', 'spring', 500],
      ['EUR, test mode', 205, 30, 58, 0, 177, '', '', '', '', 'spring', 45, '', '', ''],
      ['JPY, test mode', 500, 0, 0, 0, 500, '', '', '', '', UNATTRIBUTED_CAMPAIGN, 29, '', '', ''],
    ]);
    const usd = '#,##0.00 "USD"';
    expect(panel.formats[1]).toEqual(['', usd, usd, usd, usd, usd, '', '', usd, '', '', '#,##0.00 "EUR"', '', '', '#,##0 "JPY"']);
    expect(panel.formats[0]?.every((format) => format === '')).toBe(true);
    // Every column shows its header and amounts whole; the blank ones between blocks are narrow.
    expect(panel.widths).toHaveLength(15);
    panel.cells[0]!.forEach((header, column) => {
      const width = panel.widths[column]!;
      if (header === '') expect(width).toBeLessThan(40);
      else expect(width).toBeGreaterThanOrEqual(String(header).length * 7);
    });
    expect(panel.widths[1]).toBe(fittingWidth(['total: first payments', '392.00 USD', '205.00 EUR', '500 JPY']));
    expect(panel.charts.map((chart) => [chart.chart.label, chart.dataColumn, chart.dataRows])).toEqual([
      ['USD, test mode', 7, 2],
      ['EUR, test mode', 10, 4],
      ['JPY, test mode', 13, 2],
    ]);
  });

  it('draws the charts below the table, two side by side, the next row below the taller, without overlapping', () => {
    const panel = chartsPanel(revenueCharts(report), 8);
    const [usd, eur, jpy] = panel.charts;
    expect([usd?.row, usd?.offsetX, eur?.row, eur?.offsetX]).toEqual([8, 0, 8, CHART_WIDTH + 20]);
    expect(eur?.height).toBe(usd?.height);
    expect(jpy?.offsetX).toBe(0);
    expect(jpy!.row * DEFAULT_ROW_HEIGHT).toBeGreaterThan(8 * DEFAULT_ROW_HEIGHT + eur!.height);
    expect(panel.lastRow).toBeGreaterThanOrEqual(jpy!.row + jpy!.height / DEFAULT_ROW_HEIGHT);
    // The panel's cells never reach the rows the charts start in.
    expect(panel.cells.length).toBeLessThan(8);
  });

  it('gives a chart of many bars the room for them', () => {
    const many = Array.from({ length: 12 }, (_, i) => row(`campaign_${String(i)}`, 'usd', false, { revenue_minor: 100 + i }));
    const [short] = chartsPanel(revenueCharts([row('a', 'usd', false, { revenue_minor: 1 })]), 3).charts;
    const [tall] = chartsPanel(revenueCharts(many), 14).charts;
    expect(tall!.height).toBeGreaterThan(short!.height);
    expect(tall!.height / 12).toBeGreaterThanOrEqual(30);
  });

  it("sizes the table's columns for their headers and values, never under the default", () => {
    const widths = tableWidths(ATTRIBUTION_TAB.columns);
    const of = (name: string) => widths[ATTRIBUTION_TAB.columns.findIndex((column) => column.name === name)];
    expect(of('utm_source')).toBe(100);
    expect(of('pending_sessions')).toBeGreaterThan(100);
    expect(of('renewal_revenue')).toBeGreaterThan(of('revenue')!);
    expect(of('first_sale')).toBeGreaterThan(100);
    expect(fittingWidth(['x'.repeat(500)], 240)).toBe(240);
  });

  it("widens a text column to its longest value, so a campaign's name shows whole (capped)", () => {
    const campaign = ATTRIBUTION_TAB.columns.findIndex((column) => column.name === 'utm_campaign');
    const rows = [['Été 2024 / Promo'], ['spring_sale'], ['x'.repeat(400)]].map((cells) =>
      ATTRIBUTION_TAB.columns.map((_, i) => (i === campaign ? cells[0] : 12)),
    );
    expect(tableWidths(ATTRIBUTION_TAB.columns, rows.slice(0, 2))[campaign]).toBe(fittingWidth(['Été 2024 / Promo'], 200));
    expect(tableWidths(ATTRIBUTION_TAB.columns, rows.slice(0, 2))[campaign]).toBeGreaterThan(
      tableWidths(ATTRIBUTION_TAB.columns)[campaign]!,
    );
    expect(tableWidths(ATTRIBUTION_TAB.columns, rows)[campaign]).toBe(200);
  });

  it('is empty without charts', () => {
    expect(chartsPanel([], 3)).toEqual({ cells: [], formats: [], widths: [], charts: [], lastRow: 0 });
  });
});
