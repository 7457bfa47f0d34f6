/**
 * A marketer's finding (issue 15): the links tab could not be sorted by revenue, because the
 * `revenue` column is text. Each link row now also gets its net revenue as a number, one column per
 * currency and mode that counts on the tab, found by its mark like the add-on's other columns, and
 * adding up to the Attribution tab's net_revenue. Against the built add-on, with the fake Stripe's
 * refunds, disputes and renewals.
 */
import { OLD_API_VERSION } from '@stripe-utm-sheets/tools/fake-stripe';
import type { FakeStripeApi, StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import type { SheetData } from '@stripe-utm-sheets/tools/services';
import { minorUnitExponent } from '../../src/core/stripe/currency';
import { refresh, shop } from './attribution-shop';
import { columnOf, renameHeader, sortBy } from './user-edits';

function deliverAll(app: AddOn, events: readonly StripeEvent[]): void {
  for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true });
}

function saleOf(app: AddOn, stripe: FakeStripeApi, reference: string | null, amount: number, currency = 'usd', livemode = false): string {
  const sale = stripe.scenario.paid({ clientReferenceId: reference, amount, currency, livemode });
  deliverAll(app, sale.events);
  return sale.session.id;
}

const links = (app: AddOn): SheetData => app.workbook.sheet('Links');
const header = (app: AddOn): unknown[] => links(app).values()[0] ?? [];

/** Each link row's reference with the cells under `headers`, whatever order the rows are in. */
function byReference(app: AddOn, headers: readonly string[]): Record<string, unknown[]> {
  return Object.fromEntries(app.rows('Links').map((row) => [String(row.client_reference_id), headers.map((name) => row[name])]));
}

const toMinor = (major: unknown, currency: string): number => Math.round(Number(major || 0) * Math.pow(10, minorUnitExponent(currency)));

describe('net revenue on link rows, as numbers', () => {
  it('adds one column per currency and mode after the last used column, live before test, with the net after refunds and renewals', () => {
    const { app, stripe } = shop();
    const partly = saleOf(app, stripe, 'nl-1', 10000);
    saleOf(app, stripe, 'nl-1', 5000, 'jpy');
    saleOf(app, stripe, 'fb-2', 4000, 'eur', true);
    deliverAll(app, stripe.afterSale.refund(partly, { amount: 2500 }).events);
    // A subscription of 15.00 USD renewed twice, in the 2024-06-20 shape: 45.00 USD, less a 5.00 USD refund of a renewal.
    const sub = stripe.scenario.subscription({ clientReferenceId: 'g-3', amount: 1500, renewals: 2, apiVersion: OLD_API_VERSION });
    deliverAll(app, sub.events);
    deliverAll(app, stripe.afterSale.refund(String(sub.invoices[2]?.['id']), { amount: 500, apiVersion: OLD_API_VERSION }).events);
    refresh(app);

    expect(header(app).slice(6)).toEqual([
      'paid_sessions',
      'checkouts',
      'revenue',
      'net_revenue EUR',
      'net_revenue JPY (test)',
      'net_revenue USD (test)',
    ]);
    // Each checkout through a row counts on it (issue 16): here every one was paid.
    expect(byReference(app, ['checkouts'])).toEqual({ 'nl-1': [2], 'fb-2': [1], 'g-3': [1] });
    expect(byReference(app, ['paid_sessions', 'revenue', 'net_revenue EUR', 'net_revenue JPY (test)', 'net_revenue USD (test)'])).toEqual({
      'nl-1': [2, '5,000 JPY (test); 100.00 USD (test)', '', 5000, 75],
      'fb-2': [1, '40.00 EUR', 40, '', ''],
      'g-3': [1, '15.00 USD (test)', '', '', 40],
    });
    // Each shows its currency's decimals and code.
    const formatOf = (name: string) => links(app).cell(2, columnOf(links(app), name))?.numberFormat;
    expect(formatOf('net_revenue EUR')).toBe('#,##0.00 "EUR"');
    expect(formatOf('net_revenue JPY (test)')).toBe('#,##0 "JPY"');
    expect(formatOf('net_revenue USD (test)')).toBe('#,##0.00 "USD"');
  });

  it('keeps each number with its row when the tab is sorted by one, and a refresh after the sort writes each row its own', () => {
    const { app, stripe } = shop();
    const nl = saleOf(app, stripe, 'nl-1', 3000);
    saleOf(app, stripe, 'fb-2', 9000);
    saleOf(app, stripe, 'g-3', 6000);
    refresh(app);
    sortBy(links(app), columnOf(links(app), 'net_revenue USD (test)'), true);
    expect(app.rows('Links').map((row) => row.client_reference_id)).toEqual(['fb-2', 'g-3', 'nl-1']);
    // The newsletter's sale is half refunded, and it sells again: its row, now the last, gets both.
    deliverAll(app, stripe.afterSale.refund(nl, { amount: 1500 }).events);
    saleOf(app, stripe, 'nl-1', 250);
    refresh(app);
    expect(byReference(app, ['paid_sessions', 'net_revenue USD (test)'])).toEqual({ 'nl-1': [2, 17.5], 'fb-2': [1, 90], 'g-3': [1, 60] });
    refresh(app);
    expect(app.rows('Links').map((row) => [row.client_reference_id, row['net_revenue USD (test)']])).toEqual([
      ['fb-2', 90],
      ['g-3', 60],
      ['nl-1', 17.5],
    ]);
  });

  it("leaves a user's own column headed like ours as it is, and heads its own `(add-on)`", () => {
    const { app, stripe } = shop();
    const tab = links(app);
    app.workbook.writeInput(tab, 1, 7, 'Net revenue USD (test)');
    app.workbook.writeInput(tab, 2, 7, '120');
    app.workbook.writeFormula(tab, 3, 7, '=G2/2');
    saleOf(app, stripe, 'nl-1', 1999);
    refresh(app);
    expect(header(app).slice(6)).toEqual([
      'Net revenue USD (test)',
      'paid_sessions',
      'checkouts',
      'revenue',
      'net_revenue USD (test) (add-on)',
    ]);
    expect(tab.cell(2, 7)?.value).toBe(120);
    expect(tab.formulas()[2]?.[6]).toBe('=G2/2');
    expect(byReference(app, ['net_revenue USD (test) (add-on)'])).toEqual({ 'nl-1': [19.99], 'fb-2': [''], 'g-3': [''] });
    const summary = app.workbook.sheet('Attribution').values().flat().map(String).join('\n');
    expect(summary).toMatch(
      /already has a column called net_revenue USD \(test\), and it is yours: .* column K \("net_revenue USD \(test\) \(add-on\)"\)/,
    );
  });

  it('finds its column by its mark when the user renames the header', () => {
    const { app, stripe } = shop();
    saleOf(app, stripe, 'nl-1', 1999);
    refresh(app);
    renameHeader(app.workbook, links(app), 'net_revenue USD (test)', 'Net (USD)');
    saleOf(app, stripe, 'nl-1', 1000);
    refresh(app);
    expect(header(app).slice(6)).toEqual(['paid_sessions', 'checkouts', 'revenue', 'Net (USD)']);
    expect(byReference(app, ['Net (USD)'])['nl-1']).toEqual([29.99]);
  });

  it("adds a new currency's column after the last used column, and keeps a column whose currency no longer counts on any row", () => {
    const { app, stripe } = shop();
    saleOf(app, stripe, 'nl-1', 1999);
    refresh(app);
    const tab = links(app);
    app.workbook.writeInput(tab, 1, 11, 'notes');
    app.workbook.writeInput(tab, 3, 11, 'ask about EUR prices');
    saleOf(app, stripe, 'fb-2', 4500, 'eur');
    refresh(app);
    expect(header(app).slice(6)).toEqual([
      'paid_sessions',
      'checkouts',
      'revenue',
      'net_revenue USD (test)',
      'notes',
      'net_revenue EUR (test)',
    ]);
    expect(byReference(app, ['net_revenue USD (test)', 'notes', 'net_revenue EUR (test)'])).toEqual({
      'nl-1': [19.99, '', ''],
      'fb-2': ['', 'ask about EUR prices', 45],
      'g-3': ['', '', ''],
    });
    // The facebook row is deleted: its sale keeps its campaign but counts on no row; its currency's column stays, blank.
    app.workbook.forgetCells(tab.deleteRows(3, 1));
    refresh(app);
    expect(header(app).slice(6)).toEqual([
      'paid_sessions',
      'checkouts',
      'revenue',
      'net_revenue USD (test)',
      'notes',
      'net_revenue EUR (test)',
    ]);
    expect(app.rows('Links').map((row) => row['net_revenue EUR (test)'])).toEqual(['', '']);
  });

  it("adds up, per currency and mode, to the Attribution tab's net_revenue of the attributed sales that count on a row", () => {
    const { app, stripe } = shop();
    const sales = [
      saleOf(app, stripe, 'nl-1', 10000),
      saleOf(app, stripe, 'nl-1', 333),
      saleOf(app, stripe, 'fb-2', 5000, 'jpy'),
      saleOf(app, stripe, 'g-3', 12345, 'kwd'),
      saleOf(app, stripe, 'g-3', 4999, 'usd', true),
      saleOf(app, stripe, 'zz-unknown', 999),
      saleOf(app, stripe, null, 2500, 'jpy'),
    ];
    deliverAll(app, stripe.afterSale.refund(sales[0] ?? '', { amount: 1 }).events);
    deliverAll(app, stripe.afterSale.refund(sales[2] ?? '', { amount: 7 }).events);
    deliverAll(app, stripe.afterSale.refund(sales[3] ?? '', { amount: 5 }).events);
    deliverAll(app, stripe.afterSale.dispute(sales[4] ?? '').events);
    deliverAll(app, stripe.afterSale.dispute(sales[5] ?? '').events);
    const sub = stripe.scenario.subscription({ clientReferenceId: 'fb-2', amount: 1234, renewals: 1, apiVersion: OLD_API_VERSION });
    deliverAll(app, sub.events);
    refresh(app);

    const attributed: Record<string, number> = {};
    for (const row of app.rows('Attribution')) {
      if (row.utm_campaign === '(unattributed)') continue;
      const key = `net_revenue ${String(row.currency).toUpperCase()}${row.livemode === true ? '' : ' (test)'}`;
      attributed[key] = (attributed[key] ?? 0) + toMinor(row.net_revenue, String(row.currency));
    }
    const onRows: Record<string, number> = {};
    for (const name of header(app)
      .map(String)
      .filter((cell) => cell.startsWith('net_revenue '))) {
      const currency = name.split(' ')[1]?.toLowerCase() ?? '';
      onRows[name] = app.rows('Links').reduce((sum, row) => sum + toMinor(row[name], currency), 0);
    }
    expect(onRows).toEqual(attributed);
    expect(Object.keys(onRows).sort()).toEqual([
      'net_revenue JPY (test)',
      'net_revenue KWD (test)',
      'net_revenue USD',
      'net_revenue USD (test)',
    ]);
    expect(onRows).toMatchObject({ 'net_revenue USD': 0, 'net_revenue KWD (test)': 12340, 'net_revenue USD (test)': 10332 + 2468 });
  });
});
