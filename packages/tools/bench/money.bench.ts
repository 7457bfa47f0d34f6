/**
 * What money after the sale costs: a refund, dispute or invoice delivered to doPost (spreadsheet
 * round trips with 100 and with 50,000 rows in the Money after sale tab: the same, at most 8), and
 * the UrlFetch calls a sync makes per 1,000 money events (pages of /v1/events, plus one
 * /v1/invoice_payments call per current-shape subscription invoice).
 */
import { FakeStripeApi, type StripeEvent } from '../src/fake-stripe';
import { LocalAddOn } from '../src/local-add-on';
import { fmt, verdict } from './measure';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const KEY = 'rk_test_51BenchRestrictedKey000001';

/** A Money after sale tab holding `rows` past refunds, written straight into the workbook (not counted). */
function fill(app: LocalAddOn, rows: number): void {
  const sheet = app.workbook.sheet('Money after sale');
  const header = sheet.values()[0] ?? [];
  const data = Array.from({ length: rows }, (_, i) =>
    header.map((name) => {
      switch (name) {
        case 'object_id':
          return `ch_1Seeded${String(i).padStart(8, '0')}`;
        case 'kind':
          return 'refund';
        case 'state':
          return 'refunded in part';
        case 'amount':
          return 5;
        case 'amount_minor':
          return 500;
        case 'currency':
          return 'usd';
        case 'payment_intent':
          return `pi_1Seeded${String(i)}`;
        case 'livemode':
          return false;
        case 'created':
        case 'last_event_created':
          return new Date((NOW - 86_400 + i) * 1000);
        case 'last_event':
          return `evt_1Seeded${String(i)}`;
        default:
          return '';
      }
    }),
  );
  app.workbook.write(sheet.name, data, 'A2');
  sheet.maxRows = sheet.lastRow() + 500;
}

function roundTrips(app: LocalAddOn, event: StripeEvent): { trips: number; result: string } {
  const answer = app.deliver(event);
  return { trips: app.last?.services.stats().spreadsheet.roundTrips ?? -1, result: answer.result ?? String(answer.error) };
}

/** The money events of one shop: a refund in part, then in full, a dispute lost, a renewal. */
function costAt(rows: number): Record<string, { trips: number; result: string }> {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = new LocalAddOn(stripe);
  app.setUp();
  // The tab is made by the first money event; then it is filled.
  const sale = stripe.scenario.paid({ amount: 10000 });
  app.deliver(stripe.afterSale.refund(sale.session.id, { amount: 100 }).events[0]!);
  fill(app, rows);
  const sub = stripe.scenario.subscription({ renewals: 1 });
  const renewal = sub.events.filter((event) => event.type === 'invoice.paid').pop()!;
  const other = stripe.scenario.paid({ amount: 10000 });
  const refund = stripe.afterSale.refund(other.session.id, { amount: 2500 }).events[0]!;
  return {
    'a new refund': roundTrips(app, refund),
    'the same event again': roundTrips(app, refund),
    'a second refund of the same charge': roundTrips(app, stripe.afterSale.refund(other.session.id, { amount: 2500 }).events[0]!),
    'a dispute': roundTrips(app, stripe.afterSale.dispute(sale.session.id).events[0]!),
    'a renewal': roundTrips(app, renewal),
  };
}

/** UrlFetch calls of one Sync now over `count` money events (and the sessions they concern). */
function syncCalls(count: number): { calls: number; events: number } {
  const stripe = new FakeStripeApi({ keys: [KEY], now: () => NOW });
  const app = new LocalAddOn(stripe);
  app.setUp();
  let made = 0;
  while (made < count) {
    const sub = stripe.scenario.subscription({ renewals: 2 });
    const sale = stripe.scenario.paid();
    made += 3 + stripe.afterSale.refund(sale.session.id, { amount: 100 }).events.length;
    made += stripe.afterSale.dispute(sub.invoices[1] ? String(sub.invoices[1]['id']) : sale.session.id).events.length;
  }
  app.menu('connectStripeKey', { button: 'OK', text: KEY });
  const run = app.menu('syncNow', { button: 'OK', text: '30' });
  return { calls: run.services.stats().urlFetchRequests, events: made };
}

export function benchMoney(): void {
  const small = costAt(100);
  const large = costAt(50_000);
  let same = true;
  let under = true;
  for (const kind of Object.keys(small)) {
    const a = small[kind]!;
    const b = large[kind]!;
    same &&= a.trips === b.trips;
    under &&= a.trips <= 8 && b.trips <= 8;
    console.log(`doPost, ${kind} (${a.result}): ${String(a.trips)} round trips with 100 money rows; ${String(b.trips)} with 50,000`);
  }
  console.log(`per-delivery cost independent of the tab's size: ${verdict(same)}; at most 8 round trips: ${verdict(under)}`);
  const { calls, events } = syncCalls(1000);
  console.log(
    `Sync now over ${String(events)} money events (and their sessions): ${String(calls)} UrlFetch calls, ${fmt((calls / events) * 1000)} per 1,000 money events`,
  );
}
