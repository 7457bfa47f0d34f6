/**
 * The Attribution tab's charts in the built add-on: one chart of net revenue per campaign for each
 * currency and mode that has sales, drawn from data beside the table, with the totals; found again
 * by their titles, so a refresh updates them, removes a currency's that no longer occurs and a copy,
 * and leaves a chart someone made alone. Charts are read as the playground draws them (their ranges'
 * cells), so what is checked is what a person sees.
 */
import type { ChartData } from '@stripe-utm-sheets/tools/services/chart-data';
import { chartViews } from '@stripe-utm-sheets/tools/playground/chart-view';
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { refresh, sell, shop } from './attribution-shop';

const tab = (app: AddOn) => app.workbook.sheet('Attribution');

/** Each chart as a person reads it: its title, its caption, and its bars as `campaign: shown value`. */
function charts(app: AddOn) {
  return chartViews(app.workbook, tab(app)).map((view) => ({
    title: view.title,
    caption: view.hAxisTitle,
    bars: view.bars.map((bar) => `${bar.label}: ${bar.shown}`),
  }));
}

/** The totals beside the table, one row per currency and mode. */
function totals(app: AddOn) {
  return app
    .rows('Attribution')
    .filter((row) => row.totals !== undefined && row.totals !== '')
    .map((row) => [
      row.totals,
      row['total: first payments'],
      row['total: renewals'],
      row['total: refunded'],
      row['total: disputed'],
      row['total: net_revenue'],
    ]);
}

/** A USD shop with one EUR-only campaign: launch sells only in euros. */
function twoCurrencies() {
  const { app, stripe } = shop();
  sell(app, stripe, 'nl-1', 10000);
  sell(app, stripe, 'fb-2', 4000);
  sell(app, stripe, null, 2500);
  sell(app, stripe, 'g-3', 4500, 'eur');
  const refund = stripe.afterSale.refund(app.rows().find((row) => row.client_reference_id === 'nl-1')!.session_id as string, {
    amount: 2500,
  });
  for (const event of refund.events) expect(app.deliver(event)).toMatchObject({ ok: true });
  return { app, stripe };
}

describe('the Attribution charts', () => {
  it('gives each currency with sales a chart of net revenue per campaign: a EUR-only campaign gets its own', () => {
    const { app } = twoCurrencies();
    refresh(app);
    expect(charts(app)).toEqual([
      {
        title: 'Net revenue per campaign (USD, test mode)',
        caption: 'Net 140.00 USD = 165.00 paid − 25.00 refunded',
        bars: ['spring_sale: 115.00 USD', '(unattributed): 25.00 USD'],
      },
      {
        title: 'Net revenue per campaign (EUR, test mode)',
        caption: 'Net 45.00 EUR = 45.00 paid',
        bars: ['launch: 45.00 EUR'],
      },
    ]);
    expect(totals(app)).toEqual([
      ['USD, test mode', 165, 0, 25, 0, 140],
      ['EUR, test mode', 45, 0, 0, 0, 45],
    ]);
    // Side by side below the summary under the table (a blank row each side of it), sized, never over a cell that holds anything.
    const [usd, eur] = tab(app).charts;
    const tableRows = app.rows('Attribution').filter((row) => row.utm_campaign !== '').length;
    const summaryRows = app.summary('Attribution').split('\n').length;
    const chartsRow = tableRows + 3 + summaryRows + 1;
    expect(usd?.position).toEqual({ row: chartsRow, column: 1, offsetX: 0, offsetY: 0 });
    expect(eur?.position).toEqual({ row: chartsRow, column: 1, offsetX: 620, offsetY: 0 });
    expect(usd?.options).toMatchObject({ width: 600, legend: { position: 'none' } });
    const values = tab(app).values();
    for (const row of values.slice(chartsRow - 2)) expect(row.every((cell) => cell === '')).toBe(true);
  });

  it('keeps the table the only thing in its columns, so a column adds up to its currency totals', () => {
    const { app } = twoCurrencies();
    refresh(app);
    const usdNet = app
      .rows('Attribution')
      .filter((row) => row.currency === 'usd')
      .reduce((sum, row) => sum + Number(row.net_revenue), 0);
    expect(usdNet).toBe(140);
    expect(app.rows('Attribution').filter((row) => row.utm_campaign === '' && row.net_revenue !== '')).toEqual([]);
  });

  it('gives the same tab and the same charts when refreshed again', () => {
    const { app } = twoCurrencies();
    refresh(app);
    const values = tab(app).values();
    const before = JSON.parse(JSON.stringify(tab(app).charts)) as ChartData[];
    refresh(app);
    refresh(app);
    expect(tab(app).values()).toEqual(values);
    expect(tab(app).charts).toEqual(before);
  });

  it('removes the chart of a currency that no longer occurs, and its totals', () => {
    const { app } = twoCurrencies();
    refresh(app);
    expect(tab(app).charts).toHaveLength(2);
    // A person deletes the euro sale's row from Reconciliation.
    const ledger = app.workbook.sheet('Reconciliation');
    const eurRow = app.rows().findIndex((row) => row.currency === 'eur') + 2;
    ledger.deleteRows(eurRow, 1);
    refresh(app);
    expect(charts(app).map((chart) => chart.title)).toEqual(['Net revenue per campaign (USD, test mode)']);
    expect(totals(app).map((row) => row[0])).toEqual(['USD, test mode']);
    expect(app.rows('Attribution').some((row) => 'campaign (EUR, test mode)' in row)).toBe(false);
  });

  it("removes a copy of its chart and an earlier version's gross chart, and leaves a person's own chart", () => {
    const { app } = twoCurrencies();
    refresh(app);
    const sheet = tab(app);
    const [usd] = sheet.charts;
    sheet.charts.push(
      { ...usd!, chartId: 900, position: { ...usd!.position, row: 40 } },
      { ...usd!, chartId: 901, options: { title: 'Revenue per campaign (USD, test mode)' } },
      { ...usd!, chartId: 902, options: { title: 'Revenue per campaign by week' } },
    );
    refresh(app);
    expect(sheet.charts.map((chart) => [chart.chartId, chart.options.title])).toEqual([
      [usd!.chartId, 'Net revenue per campaign (USD, test mode)'],
      [sheet.charts[1]!.chartId, 'Net revenue per campaign (EUR, test mode)'],
      [902, 'Revenue per campaign by week'],
    ]);
  });

  it('has no chart and no totals without a sale', () => {
    const { app } = shop();
    refresh(app);
    expect(tab(app).charts).toEqual([]);
    expect(totals(app)).toEqual([]);
  });
});
