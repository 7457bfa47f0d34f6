/**
 * Week by week (issue 16, item 3) against the built bundle: every refresh rewrites the add-on's
 * own Weekly tab, one row per campaign, source, medium, currency and mode, with each week's
 * checkouts, paid sessions and net revenue, the current week first, in the spreadsheet's time zone.
 * The refresh runs on the real clock (as Apps Script's does), so each expectation names its week
 * by the label the test works out for the instant, with Node's Intl, in the spreadsheet's zone.
 */
import { FakeStripeApi, type StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { weekOf } from '../../src/core/attribution/weekly';
import { refresh } from './attribution-shop';
import { minor, settledShop, sync } from './settled-shop';

const HEADER = ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'client_reference_id'];
const LINK = 'https://buy.stripe.com/test_springA';
const LINKS = [
  HEADER,
  [LINK, 'newsletter', 'email', 'spring_sale', 'hero', 'nl-1'],
  [LINK, 'facebook', 'paid_social', 'spring_sale', 'carousel', 'fb-2'],
];
const HOUR = 3600;
const DAY = 86_400;

function shopIn(zone: string): { app: AddOn; stripe: FakeStripeApi } {
  const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000) });
  const app = new AddOn(stripe);
  app.workbook.timeZone = zone;
  app.setUp();
  app.workbook.write('Links', LINKS);
  return { app, stripe };
}

const deliverAll = (app: AddOn, events: readonly StripeEvent[]) => {
  for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true });
};

function sell(app: AddOn, stripe: FakeStripeApi, reference: string, amount: number, created: number): string {
  const sale = stripe.scenario.paid({ clientReferenceId: reference, amount, currency: 'usd', created });
  deliverAll(app, sale.events);
  return sale.session.id;
}

function abandon(app: AddOn, stripe: FakeStripeApi, reference: string, times: number, created: number): void {
  for (let i = 0; i < times; i++)
    deliverAll(app, stripe.scenario.expired({ clientReferenceId: reference, created, expiresAfter: 1800 }).events);
}

/** The ISO week label of an instant in a zone, as a person there would file it. */
function labelIn(zone: string, seconds: number): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(seconds * 1000),
  );
  return weekOf(day)?.short ?? '';
}

const now = () => Math.floor(Date.now() / 1000);
const row = (app: AddOn, source: string, tab = 'Weekly') =>
  app.rows(tab).find((r) => r.utm_campaign === 'spring_sale' && r.utm_source === source);

describe('the Weekly tab', () => {
  it("counts a sale and checkouts of one campaign and week in that week's cells, the current week first, net after a refund", () => {
    const zone = 'America/New_York';
    const { app, stripe } = shopIn(zone);
    const recent = now() - HOUR;
    const earlier = recent - 7 * DAY;
    sell(app, stripe, 'nl-1', 1999, recent);
    abandon(app, stripe, 'nl-1', 3, recent); // the same instant: the same week as the sale, whatever the clock
    const refunded = sell(app, stripe, 'nl-1', 5000, earlier);
    deliverAll(app, stripe.afterSale.refund(refunded, { amount: 1250 }).events);
    abandon(app, stripe, 'fb-2', 5, earlier);
    refresh(app);

    const header = app.workbook.sheet('Weekly').values()[0] ?? [];
    const current = labelIn(zone, now());
    expect(header.slice(0, 6)).toEqual([
      'utm_campaign',
      'utm_source',
      'utm_medium',
      `${current} checkouts`,
      `${current} paid`,
      `${current} net`,
    ]);
    // Eight weeks of three columns, then the row's currency and mode, the last: the summary is under the table.
    expect(header.filter((name) => / (checkouts|paid|net)$/.test(String(name)))).toHaveLength(24);
    expect(header.slice(27).filter((name) => name !== '')).toEqual(['currency', 'livemode']);

    const [thisWeek, lastWeek] = [labelIn(zone, recent), labelIn(zone, earlier)];
    expect(row(app, 'newsletter')).toMatchObject({
      utm_medium: 'email',
      currency: 'usd',
      livemode: false,
      [`${thisWeek} checkouts`]: 4,
      [`${thisWeek} paid`]: 1,
      [`${thisWeek} net`]: 19.99,
      [`${lastWeek} checkouts`]: 1,
      [`${lastWeek} paid`]: 1,
      [`${lastWeek} net`]: 37.5,
    });
    expect(row(app, 'facebook')).toMatchObject({ [`${lastWeek} checkouts`]: 5, [`${lastWeek} paid`]: 0, [`${lastWeek} net`]: 0 });

    // Summed over its weeks, a campaign's row is its Attribution row: both are in minor units.
    for (const source of ['newsletter', 'facebook']) {
      const weekly = row(app, source)!;
      const sum = (metric: string) =>
        Object.entries(weekly)
          .filter(([name]) => name.endsWith(` ${metric}`))
          .reduce((total, [, value]) => total + Math.round(Number(value) * 100), 0);
      const attribution = row(app, source, 'Attribution')!;
      expect([sum('checkouts') / 100, sum('paid') / 100, sum('net') / 100]).toEqual([
        attribution.checkouts,
        attribution.paid_sessions,
        attribution.net_revenue,
      ]);
    }
    // Counts as whole numbers, net in the row's currency.
    const sheet = app.workbook.sheet('Weekly');
    expect([4, 5, 6].map((column) => sheet.cell(2, column)?.numberFormat)).toEqual(['0', '0', '#,##0.00 "USD"']);
    // Each header and amount shows whole; a week's columns are as wide as the same columns of every other week.
    expect(sheet.columnWidths.get(4)).toBe(sheet.columnWidths.get(7));
    expect(sheet.columnWidths.get(4)).toBeGreaterThanOrEqual(112);
    expect(app.summary('Weekly')).toContain(`time zone, ${zone}`);
  });

  it("files a sale under the week of the spreadsheet's time zone: Monday 00:30 in Tokyo is Sunday in Los Angeles", () => {
    const tokyoToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
    const lastMonday = Date.parse(`${weekOf(tokyoToday)!.monday}T00:30:00+09:00`) / 1000 - 7 * DAY;
    const shown = (zone: string) => {
      const { app, stripe } = shopIn(zone);
      sell(app, stripe, 'nl-1', 1000, lastMonday);
      refresh(app);
      return row(app, 'newsletter')!;
    };
    const tokyoWeek = labelIn('Asia/Tokyo', lastMonday);
    const sundayWeek = labelIn('America/Los_Angeles', lastMonday);
    expect(sundayWeek).not.toBe(tokyoWeek);
    expect(shown('Asia/Tokyo')).toMatchObject({ [`${tokyoWeek} paid`]: 1 });
    const losAngeles = shown('America/Los_Angeles');
    expect(losAngeles).toMatchObject({ [`${sundayWeek} paid`]: 1 });
    expect(losAngeles[`${tokyoWeek} paid`]).toBe(0);
  });

  it('gives the same tab when refreshed twice', () => {
    const { app, stripe } = shopIn('Europe/Paris');
    sell(app, stripe, 'nl-1', 1999, now() - 2 * DAY);
    abandon(app, stripe, 'fb-2', 2, now() - 10 * DAY);
    refresh(app);
    const sheet = app.workbook.sheet('Weekly');
    const snapshot = () => ({
      values: sheet.values(),
      formats: sheet.values().map((cells, r) => cells.map((_, c) => sheet.cell(r + 1, c + 1)?.numberFormat ?? '')),
      widths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
      frozen: sheet.frozenRows,
    });
    const first = snapshot();
    refresh(app);
    expect(snapshot()).toEqual(first);
    expect(app.workbook.sheets.filter((tab) => tab.name.startsWith('Weekly'))).toHaveLength(1);
  });

  it("is the add-on's own by its mark: a user's tab called Weekly, empty or not, stays theirs", () => {
    for (const mine of [
      [
        ['Week', 'Budget'],
        ['W49', 1000],
      ],
      [],
    ]) {
      const { app, stripe } = shopIn('Etc/UTC');
      const theirs = app.workbook.write('Weekly', mine);
      const before = theirs.values();
      sell(app, stripe, 'nl-1', 1999, now() - HOUR);
      refresh(app);
      // Said once, when the add-on makes its own beside it.
      expect(app.summary('Attribution')).toContain('You already have a tab called "Weekly", and it is yours');
      refresh(app);
      expect(theirs.values()).toEqual(before);
      expect(app.rows('Weekly (add-on)')[0]).toMatchObject({
        utm_campaign: 'spring_sale',
        [`${labelIn('Etc/UTC', now() - HOUR)} paid`]: 1,
      });
      // Renamed, the add-on's tab is still the one it rewrites.
      app.workbook.sheet('Weekly (add-on)').name = 'Week by week';
      refresh(app);
      expect(app.workbook.getSheet('Weekly (add-on)')).toBeNull();
      expect(app.rows('Week by week')[0]).toMatchObject({ utm_campaign: 'spring_sale' });
    }
  });

  it("shows net_settled in the account's currency week by week, adding up to Reconciliation, and one chart of every campaign's week below the table", () => {
    const { app, stripe, clock } = settledShop();
    // Ten days ago and three days ago: two weeks; a EUR campaign and a USD one, settled in USD.
    stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10_000 });
    stripe.scenario.paid({ clientReferenceId: 'g-3', amount: 5000, currency: 'eur' });
    clock.tick(7 * DAY);
    const refunded = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 4000 });
    stripe.scenario.paid({ clientReferenceId: 'g-3', amount: 3000, currency: 'eur' });
    stripe.afterSale.refund(refunded.session.id, { amount: 1000 });
    clock.at(now());
    sync(app);

    const zone = app.workbook.timeZone;
    // What each campaign, currency and week should show: Reconciliation's net_settled, by the week of each sale.
    const expected: Record<string, number> = {};
    for (const sale of app.rows()) {
      const week = labelIn(zone, (sale.created as Date).getTime() / 1000);
      const at = `${String(sale.utm_campaign)}/${String(sale.currency)}/${week}`;
      expected[at] = (expected[at] ?? 0) + minor(sale.net_settled, sale.settlement_currency);
    }
    expect(Object.keys(expected)).toHaveLength(4);
    const shown: Record<string, number> = {};
    const sheet = app.workbook.sheet('Weekly');
    const header = (sheet.values()[0] ?? []).map(String);
    app.rows('Weekly').forEach((row, r) => {
      header.forEach((name, c) => {
        if (!name.endsWith(' net_settled') || row[name] === '' || row[name] === undefined) return;
        shown[`${String(row.utm_campaign)}/${String(row.currency)}/${name.split(' ')[0] ?? ''}`] = minor(row[name], 'usd');
        // In the account's currency, whatever the campaign sold in.
        expect(sheet.cell(r + 2, c + 1)?.numberFormat).toBe('#,##0.00 "USD"');
      });
    });
    expect(shown).toEqual(expected);

    // One chart below the table, over every campaign: a bar per week adding up the week's column.
    const draw = () => {
      expect(sheet.charts).toHaveLength(1);
      const [chart] = sheet.charts;
      const [range] = chart!.ranges;
      const bars = Array.from({ length: range!.numRows - 1 }, (_, i) => [
        sheet.cell(range!.row + 1 + i, range!.column)?.value,
        minor(sheet.cell(range!.row + 1 + i, range!.column + 1)?.value, 'usd'),
      ]);
      return { title: chart!.options.title, row: chart!.position.row, column: range!.column, bars };
    };
    const first = draw();
    expect(first.title).toBe('Net settled per week, every campaign (USD, test mode)');
    const tableRows = app.rows('Weekly').filter((row) => row.utm_campaign !== '');
    expect(tableRows).toHaveLength(2);
    expect(first.row).toBeGreaterThan(tableRows.length + 1);
    // Its data sits beside the table after a blank column, apart from the table's columns.
    expect(first.column).toBe(header.indexOf('livemode') + 3);
    const week = (label: string) => Object.entries(expected).reduce((sum, [at, net]) => (at.endsWith(`/${label}`) ? sum + net : sum), 0);
    const current = labelIn(zone, now());
    expect(first.bars.map(([label]) => label)[0]).toBe(`${current} (this week)`);
    expect(first.bars.map(([label, net]) => [String(label).split(' ')[0], net])).toEqual(
      first.bars.map(([label]) => [String(label).split(' ')[0], week(String(label).split(' ')[0] ?? '')]),
    );
    expect(first.bars.filter(([, net]) => net !== 0)).toHaveLength(2);
    // Refreshed again: the same chart, not a second one.
    refresh(app);
    expect(draw()).toEqual(first);
  });
});
