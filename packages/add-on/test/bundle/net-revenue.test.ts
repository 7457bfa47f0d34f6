/**
 * The number a marketer acts on: net revenue per campaign, from refunds, disputes and renewals the
 * fake Stripe makes as Stripe does, delivered to doPost, then a refresh as a trigger runs it.
 * Reconciliation gets each sale's money after the sale, Attribution the sums, adding up exactly per
 * currency and mode; money that cannot count waits or says why.
 */
import { OLD_API_VERSION } from '@stripe-utm-sheets/tools/fake-stripe';
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import type { FakeStripeApi, StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { refresh, shop } from './attribution-shop';

const KEY = 'rk_test_51LocalRestrictedKey0001';

function deliverAll(app: AddOn, events: readonly StripeEvent[]): void {
  for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true });
}

function saleOf(app: AddOn, stripe: FakeStripeApi, reference: string, amount: number, currency = 'usd') {
  const sale = stripe.scenario.paid({ clientReferenceId: reference, amount, currency });
  deliverAll(app, sale.events);
  return sale.session.id;
}

/** The Attribution row of a campaign and source, in one currency. */
function group(app: AddOn, campaign: string, source: string, currency = 'usd') {
  return app.rows('Attribution').find((row) => row.utm_campaign === campaign && row.utm_source === source && row.currency === currency);
}

function sessionRow(app: AddOn, sessionId: string) {
  return app.rows().find((row) => row.session_id === sessionId);
}

/** Per currency and mode, Attribution's net_revenue against Reconciliation's (minor units both). */
function netAddsUp(app: AddOn): void {
  const key = (row: Record<string, unknown>) => `${String(row.currency)}/${String(row.livemode)}`;
  const minor = (value: unknown, currency: unknown) => Math.round(Number(value || 0) * (currency === 'jpy' ? 1 : 100));
  const ledger: Record<string, number> = {};
  for (const row of app.rows()) ledger[key(row)] = (ledger[key(row)] ?? 0) + minor(row.net_revenue, row.currency);
  const report: Record<string, number> = {};
  for (const row of app.rows('Attribution')) report[key(row)] = (report[key(row)] ?? 0) + minor(row.net_revenue, row.currency);
  expect(report).toEqual(ledger);
}

describe('net revenue per campaign', () => {
  it('takes a partial refund and a full refund off their campaigns, keeping first-payment revenue as it was', () => {
    const { app, stripe } = shop();
    const partly = saleOf(app, stripe, 'nl-1', 10000);
    const fully = saleOf(app, stripe, 'fb-2', 4000);
    deliverAll(app, stripe.afterSale.refund(partly, { amount: 2500 }).events);
    deliverAll(app, stripe.afterSale.refund(fully).events);
    refresh(app);
    expect(sessionRow(app, partly)).toMatchObject({ refunded: 25, disputed: 0, renewals: 0, renewal_revenue: 0, net_revenue: 75 });
    expect(sessionRow(app, fully)).toMatchObject({ refunded: 40, net_revenue: 0, payment_status: 'paid' });
    expect(group(app, 'spring_sale', 'newsletter')).toMatchObject({ paid_sessions: 1, revenue: 100, refunded: 25, net_revenue: 75 });
    expect(group(app, 'spring_sale', 'facebook')).toMatchObject({ paid_sessions: 1, revenue: 40, refunded: 40, net_revenue: 0 });
    expect(app.rows('Money after sale')).toEqual([
      expect.objectContaining({ kind: 'refund', session_id: partly, counted: 'refund', state: 'refunded in part' }),
      expect.objectContaining({ kind: 'refund', session_id: fully, counted: 'refund', state: 'refunded in full' }),
    ]);
    netAddsUp(app);
  });

  it('takes a lost dispute off, and gives a won one back', () => {
    const { app, stripe } = shop();
    const lost = saleOf(app, stripe, 'nl-1', 10000);
    const won = saleOf(app, stripe, 'g-3', 6000);
    const lostDispute = stripe.afterSale.dispute(lost);
    const wonDispute = stripe.afterSale.dispute(won);
    deliverAll(app, [...lostDispute.events, ...wonDispute.events]);
    refresh(app);
    // While both are open, the money is gone.
    expect(group(app, 'launch', 'google')).toMatchObject({ disputed: 60, net_revenue: 0 });
    deliverAll(app, stripe.afterSale.closeDispute(String(lostDispute.object.id), 'lost').events);
    deliverAll(app, stripe.afterSale.closeDispute(String(wonDispute.object.id), 'won').events);
    refresh(app);
    expect(group(app, 'spring_sale', 'newsletter')).toMatchObject({ revenue: 100, disputed: 100, net_revenue: 0 });
    expect(group(app, 'launch', 'google')).toMatchObject({ revenue: 60, disputed: 0, net_revenue: 60 });
    netAddsUp(app);
  });

  it.each([
    ['the 2024-06-20 shape, without a key', OLD_API_VERSION, false],
    ['the current shape, with a key (InvoicePayments tie the renewal)', undefined, true],
  ])("credits a subscription its renewals, and a renewal's refund, in %s", (_, apiVersion, withKey) => {
    const { app, stripe } = shop();
    const sub = stripe.scenario.subscription({
      clientReferenceId: 'nl-1',
      amount: 1500,
      renewals: 2,
      ...(apiVersion ? { apiVersion } : {}),
    });
    // Months of renewals are older than the 30 days Stripe keeps events: they came with the token alone.
    deliverAll(app, sub.events);
    if (withKey) {
      stripe.addKey(KEY);
      app.menu('connectStripeKey', { text: KEY });
    }
    const renewal = String(sub.invoices[2]?.['id']);
    deliverAll(app, stripe.afterSale.refund(renewal, { amount: 500, ...(apiVersion ? { apiVersion } : {}) }).events);
    refresh(app);
    expect(sessionRow(app, sub.session.id)).toMatchObject({ amount: 15, renewals: 2, renewal_revenue: 30, refunded: 5, net_revenue: 40 });
    expect(group(app, 'spring_sale', 'newsletter')).toMatchObject({
      paid_sessions: 1,
      revenue: 15,
      renewal_revenue: 30,
      refunded: 5,
      net_revenue: 40,
    });
    expect(app.rows('Money after sale').map((row) => row.counted)).toEqual(["the session's own payment", 'renewal', 'renewal', 'refund']);
    netAddsUp(app);
  });

  it('keeps money that arrives before its session waiting, and counts it once the session is logged', () => {
    const { app, stripe } = shop();
    const sale = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10000 });
    deliverAll(app, stripe.afterSale.refund(sale.session.id, { amount: 1000 }).events);
    refresh(app);
    expect(app.rows()).toEqual([]);
    expect(app.rows('Money after sale')[0]).toMatchObject({ session_id: '', counted: expect.stringMatching(/^waiting for its session/) });
    expect(app.summary('Attribution')).toMatch(/wait for a session not logged yet/);
    deliverAll(app, sale.events);
    refresh(app);
    expect(sessionRow(app, sale.session.id)).toMatchObject({ refunded: 10, net_revenue: 90 });
  });

  it('changes no total and adds no Reconciliation row for a payment no logged session made', () => {
    const { app, stripe } = shop();
    const sold = saleOf(app, stripe, 'nl-1', 10000);
    const elsewhere = stripe.scenario.paid({ clientReferenceId: 'pos-9', amount: 5000 });
    deliverAll(app, stripe.afterSale.refund(elsewhere.session.id).events);
    refresh(app);
    expect(app.rows().map((row) => row.session_id)).toEqual([sold]);
    expect(sessionRow(app, sold)).toMatchObject({ refunded: 0, net_revenue: 100 });
  });

  it('adds up exactly per currency and mode, zero- and three-decimal currencies included', () => {
    const { app, stripe } = shop();
    const sales = [
      saleOf(app, stripe, 'nl-1', 10000, 'usd'),
      saleOf(app, stripe, 'fb-2', 5000, 'jpy'),
      saleOf(app, stripe, 'g-3', 12345, 'kwd'),
      saleOf(app, stripe, 'zz-unknown', 999, 'usd'),
    ];
    deliverAll(app, stripe.afterSale.refund(sales[0]!, { amount: 333 }).events);
    deliverAll(app, stripe.afterSale.refund(sales[1]!, { amount: 1 }).events);
    deliverAll(app, stripe.afterSale.refund(sales[2]!, { amount: 5 }).events);
    deliverAll(app, stripe.afterSale.dispute(sales[3]!).events);
    refresh(app);
    expect(sessionRow(app, sales[1]!)).toMatchObject({ refunded: 1, net_revenue: 4999 });
    expect(sessionRow(app, sales[2]!)).toMatchObject({ refunded: 0.005, net_revenue: 12.34 });
    expect(group(app, '(unattributed)', '', 'usd')).toMatchObject({ disputed: 9.99, net_revenue: 0 });
    netAddsUp(app);
  });

  it('gives the same tabs when refreshed again, and when the events come again in another order', () => {
    const { app, stripe } = shop();
    const id = saleOf(app, stripe, 'nl-1', 10000);
    const events = [...stripe.afterSale.refund(id, { amount: 1000 }).events, ...stripe.afterSale.refund(id, { amount: 2000 }).events];
    deliverAll(app, [...events].reverse());
    deliverAll(app, events);
    refresh(app);
    const once = [app.rows(), app.rows('Attribution'), app.rows('Money after sale')];
    refresh(app);
    expect([app.rows(), app.rows('Attribution'), app.rows('Money after sale')]).toEqual(once);
    expect(sessionRow(app, id)).toMatchObject({ refunded: 30, net_revenue: 70 });
  });
});

describe('a current-shape renewal without a key', () => {
  it('counts the renewal, keeps its refund waiting, and says what would tie it', () => {
    const { app, stripe } = shop();
    const sub = stripe.scenario.subscription({ clientReferenceId: 'nl-1', amount: 1500, renewals: 1 });
    deliverAll(app, sub.events);
    deliverAll(app, stripe.afterSale.refund(String(sub.invoices[1]?.['id']), { amount: 500 }).events);
    refresh(app);
    expect(sessionRow(app, sub.session.id)).toMatchObject({ renewals: 1, renewal_revenue: 15, refunded: 0, net_revenue: 30 });
    expect(app.summary('Attribution')).toMatch(/2 subscription invoices are not tied to their payments yet/);
  });
});
