/**
 * What reading what Stripe kept costs: the UrlFetch calls the settled sync makes per 1,000 sales
 * (pages of 100 balance transactions with their sources expanded, never one call per sale; target
 * at most 20), for a first sync over a month of sales with their refunds and disputes, and for the
 * next sync, which reads only what is new (an hour back from its cursor).
 */
import { FakeStripeApi } from '../src/fake-stripe';
import { LocalAddOn } from '../src/local-add-on';
import { fmt, verdict } from './measure';

const KEY = 'rk_test_51BenchRestrictedKey000001';
const SALES = 1000;

/** Balance transaction pages the sync asked for, and every UrlFetch call of its execution. */
function syncOnce(app: LocalAddOn, stripe: FakeStripeApi): { pages: number; calls: number } {
  const before = stripe.requests.filter((r) => r.path === '/v1/balance_transactions').length;
  const run = app.menu('syncNow', { button: 'OK', text: '30' });
  const pages = stripe.requests.filter((r) => r.path === '/v1/balance_transactions').length - before;
  return { pages, calls: run.services.stats().urlFetchRequests };
}

export function benchSettled(): void {
  // Sales over the last 25 days at the real clock (the sync's windows are the real clock's): one in
  // ten refunded in part, one in fifty disputed, a third of them in EUR, settled in USD.
  const realNow = Math.floor(Date.now() / 1000);
  let clock = realNow - 25 * 86_400;
  const stripe = new FakeStripeApi({ keys: [KEY], now: () => clock });
  const app = new LocalAddOn(stripe);
  app.setUp();
  app.menu('connectStripeKey', { button: 'OK', text: KEY });
  for (let i = 0; i < SALES; i++) {
    clock += 2000;
    const sale = stripe.scenario.paid({ clientReferenceId: `row-${String(i % 50)}`, currency: i % 3 === 0 ? 'eur' : 'usd' });
    if (i % 10 === 0) stripe.afterSale.refund(sale.session.id, { amount: 100 });
    if (i % 50 === 7) stripe.afterSale.dispute(sale.session.id);
  }
  clock = realNow;
  const transactions = stripe.balanceTransactions().length;
  const first = syncOnce(app, stripe);
  const recorded = app.rows('Settled').length;
  const perThousand = (first.pages / SALES) * 1000;
  console.log(
    `Sync now over ${fmt(SALES)} sales (${fmt(transactions)} balance transactions, ${fmt(recorded)} recorded): ` +
      `${fmt(first.pages)} calls to /v1/balance_transactions, ${fmt(perThousand, 1)} per 1,000 sales ` +
      `(target at most 20: ${verdict(perThousand <= 20)}); ${fmt(first.calls)} UrlFetch calls in all, events included`,
  );
  clock = realNow + 60;
  for (let i = 0; i < 20; i++) stripe.scenario.paid({ clientReferenceId: `row-${String(i)}` });
  const next = syncOnce(app, stripe);
  console.log(
    `the next sync, 20 sales later: ${fmt(next.pages)} call to /v1/balance_transactions; ${fmt(next.calls)} UrlFetch calls in all`,
  );
}
