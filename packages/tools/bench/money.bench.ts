/**
 * What money after the sale costs: a refund, dispute or invoice delivered to doPost (spreadsheet
 * round trips with 100 and with 50,000 rows in the Money after sale tab: the same, at most 8), and
 * the UrlFetch calls a sync makes per 1,000 money events (pages of /v1/events, plus one
 * /v1/invoice_payments call per current-shape subscription invoice).
 */
import { FakeStripeApi, type StripeEvent } from '../src/fake-stripe';
import { LocalAddOn } from '../src/local-add-on';
import { columnToLetters } from '@stripe-utm-sheets/add-on/core/helpers/column-letters';
import { runWithServices } from '../src/services';
import { refresh, shop } from './attribution.bench';
import { compare, fmt, verdict } from './measure';

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

/** The baseline: the same three tabs read, refunds summed per payment, sales grouped by reference net of them; nothing written. */
const READ_AND_GROUP_NET = `function readAndGroupNet() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sales = ss.getSheetByName('Reconciliation').getDataRange().getValues();
  var links = ss.getSheetByName('Links').getDataRange().getValues();
  var money = ss.getSheetByName('Money after sale').getDataRange().getValues();
  var byPayment = {};
  for (var m = 1; m < money.length; m++) byPayment[money[m][7]] = (byPayment[money[m][7]] || 0) + money[m][13];
  var byReference = {};
  for (var i = 1; i < links.length; i++) byReference[links[i][6]] = links[i][3] + '|' + links[i][1] + '|' + links[i][2];
  var totals = {};
  for (var j = 1; j < sales.length; j++) {
    var key = (byReference[sales[j][1]] || '(unattributed)') + '|' + sales[j][4];
    totals[key] = (totals[key] || 0) + (sales[j][2] === 'paid' ? sales[j][10] : 0) - (byPayment[sales[j][13]] || 0);
  }
  return Object.keys(totals).length;
}`;

/** `shop`'s sessions given payments, and one refund, dispute or renewal invoice per session in Money after sale. */
function withMoney(app: LocalAddOn, stripe: FakeStripeApi, sessions: number): void {
  // The tab is made by a real delivery, so it carries the add-on's mark; then it is filled.
  const sale = stripe.scenario.paid({ amount: 10000 });
  app.deliver(stripe.afterSale.refund(sale.session.id, { amount: 100 }).events[0]!);
  const ledger = app.workbook.sheet('Reconciliation');
  const ledgerHeader = ledger.values()[0] ?? [];
  const intentColumn = ledgerHeader.indexOf('payment_intent') + 1;
  const subscriptionColumn = ledgerHeader.indexOf('subscription') + 1;
  app.workbook.write(
    'Reconciliation',
    Array.from({ length: sessions }, (_, i) => [i % 10 === 9 ? '' : `pi_1Bench${String(i)}`]),
    `${columnToLetters(intentColumn)}2`,
  );
  app.workbook.write(
    'Reconciliation',
    Array.from({ length: sessions }, (_, i) => [i % 10 === 9 ? `sub_1Bench${String(i)}` : '']),
    `${columnToLetters(subscriptionColumn)}2`,
  );
  const sheet = app.workbook.sheet('Money after sale');
  const header = sheet.values()[0] ?? [];
  const kinds = ['refund', 'dispute', 'invoice'] as const;
  const rows = Array.from({ length: sessions }, (_, i) => {
    const kind = i % 10 === 9 ? 'invoice' : kinds[i % 2]!;
    return header.map((name) => {
      switch (name) {
        case 'object_id':
          return `${kind === 'refund' ? 'ch' : kind === 'dispute' ? 'dp' : 'in'}_1Bench${String(i).padStart(8, '0')}`;
        case 'kind':
          return kind;
        case 'state':
          return kind === 'refund' ? 'refunded in part' : kind === 'dispute' ? 'lost' : 'subscription_cycle';
        case 'amount':
          return 5;
        case 'amount_minor':
          return 500;
        case 'currency':
          return i % 3 === 0 ? 'eur' : 'usd';
        case 'payment_intent':
          return kind === 'invoice' ? `pi_1BenchRenewal${String(i)}` : `pi_1Bench${String(i)}`;
        case 'subscription':
          return kind === 'invoice' ? `sub_1Bench${String(i)}` : '';
        case 'livemode':
          return false;
        case 'created':
        case 'last_event_created':
          return new Date((NOW - 3600 + (i % 3600)) * 1000);
        case 'last_event':
          return `evt_1BenchMoney${String(i)}`;
        default:
          return '';
      }
    });
  });
  app.workbook.write(sheet.name, rows, 'A3');
}

/** refreshAttribution over 50,000 sessions and 50,000 refunds, disputes and invoices, against reading and grouping the same cells. */
export function benchMoneyRefresh(): void {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = shop(50_000, 10_000, stripe);
  withMoney(app, stripe, 50_000);
  const first = refresh(app);
  const baseline = () => {
    const run = runWithServices(READ_AND_GROUP_NET, { workbook: app.workbook });
    run.runtime.call('readAndGroupNet');
  };
  const result = compare(() => refresh(app), baseline, 3);
  console.log(
    `refreshAttribution over 50,000 sessions, 50,000 refunds, disputes and invoices and 10,000 link rows: ${String(first.roundTrips)} round trips; ` +
      `median ${fmt(result.subject)} ms; reading the same cells and netting them in plain JavaScript: ${fmt(result.baseline)} ms; ` +
      `ratio ${fmt(result.ratio, 2)} (target under 2: ${verdict(result.ratio < 2)})`,
  );
  const counted = new Set(app.rows('Money after sale').map((row) => String(row.counted)));
  console.log(`Money after sale, as the refresh placed it: ${[...counted].sort().join('; ')}`);
}
