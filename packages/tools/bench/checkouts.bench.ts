/**
 * What an expired checkout costs to record: spreadsheet round trips of a checkout.session.expired
 * delivery with 100 and with 50,000 buckets already in the Checkouts tab (the same, at most 8),
 * for a new bucket, a bucket that exists, and a repeat.
 */
import { FakeStripeApi, type StripeEvent } from '../src/fake-stripe';
import { LocalAddOn } from '../src/local-add-on';
import { runWithServices } from '../src/services';
import { refresh, shop } from './attribution.bench';
import { compare, fmt, verdict } from './measure';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);

/** A Checkouts tab holding `rows` past buckets of 10 sessions each, written straight into the workbook (not counted). */
function fill(app: LocalAddOn, rows: number): void {
  const sheet = app.workbook.sheet('Checkouts');
  const header = sheet.values()[0] ?? [];
  const data = Array.from({ length: rows }, (_, i) => {
    const ids = Array.from({ length: 10 }, (_, k) => `cs_test_a1Seeded${String(i).padStart(8, '0')}x${String(k)}`).join(' ');
    return header.map((name) => {
      switch (name) {
        case 'day':
          return `2026-10-${String((i % 28) + 1).padStart(2, '0')}`;
        case 'client_reference_id':
          return `ref-${String(i)}`;
        case 'payment_link':
          return 'plink_1Seeded';
        case 'currency':
          return 'usd';
        case 'livemode':
          return false;
        case 'checkouts':
          return 10;
        case 'bucket':
          return `2026-10-${String((i % 28) + 1).padStart(2, '0')} test usd plink_1Seeded ref-${String(i)}`;
        case 'session_ids':
          return ids;
        case 'last_event_created':
          return new Date((NOW - 86_400) * 1000);
        default:
          return '';
      }
    });
  });
  app.workbook.write(sheet.name, data, 'A3');
  sheet.maxRows = sheet.lastRow() + 500;
}

function roundTrips(app: LocalAddOn, event: StripeEvent): { trips: number; result: string } {
  const answer = app.deliver(event);
  return { trips: app.last?.services.stats().spreadsheet.roundTrips ?? -1, result: answer.result ?? String(answer.error) };
}

function costAt(rows: number): Record<string, { trips: number; result: string }> {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = new LocalAddOn(stripe);
  app.setUp();
  app.deliver(stripe.scenario.expired({ clientReferenceId: 'first' }).events[0]!);
  fill(app, rows);
  const fresh = stripe.scenario.expired({ clientReferenceId: 'new-bucket' }).events[0]!;
  return {
    'a checkout in a new bucket': roundTrips(app, fresh),
    'the same event again': roundTrips(app, fresh),
    'a checkout in a bucket that exists': roundTrips(app, stripe.scenario.expired({ clientReferenceId: 'new-bucket' }).events[0]!),
  };
}

export function benchCheckouts(): void {
  const small = costAt(100);
  const large = costAt(50_000);
  let same = true;
  let under = true;
  for (const kind of Object.keys(small)) {
    const a = small[kind]!;
    const b = large[kind]!;
    same &&= a.trips === b.trips;
    under &&= a.trips <= 8 && b.trips <= 8;
    console.log(
      `doPost, checkout.session.expired, ${kind} (${a.result}): ${String(a.trips)} round trips with 100 buckets; ${String(b.trips)} with 50,000`,
    );
  }
  console.log(`per-delivery cost independent of the tab's size: ${verdict(same)}; at most 8 round trips: ${verdict(under)}`);
}

/** The baseline: the same cells read (Checkouts without its ids), checkouts grouped by reference and summed; nothing written. */
const READ_AND_GROUP_CHECKOUTS = `function readAndGroupCheckouts() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sales = ss.getSheetByName('Reconciliation').getDataRange().getValues();
  var links = ss.getSheetByName('Links').getDataRange().getValues();
  var tab = ss.getSheetByName('Checkouts');
  var buckets = tab.getRange(1, 1, tab.getLastRow(), tab.getLastColumn() - 1).getValues();
  var byReference = {};
  for (var i = 1; i < links.length; i++) byReference[links[i][6]] = links[i][3] + '|' + links[i][1] + '|' + links[i][2];
  var totals = {};
  for (var j = 1; j < sales.length; j++) {
    var key = (byReference[sales[j][1]] || '(unattributed)') + '|' + sales[j][4];
    totals[key] = (totals[key] || 0) + 1;
  }
  for (var b = 1; b < buckets.length; b++) {
    var group = (byReference[buckets[b][1]] || '(unattributed)') + '|' + buckets[b][3];
    totals[group] = (totals[group] || 0) + buckets[b][11];
  }
  return Object.keys(totals).length;
}`;

/**
 * refreshAttribution over 50,000 sales and 500,000 expired checkouts (30 days through 1,000
 * references: 30,000 buckets), against reading and grouping the same cells in plain JavaScript.
 */
export function benchCheckoutsRefresh(): void {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = shop(50_000, 10_000, stripe);
  app.deliver(stripe.scenario.expired({ clientReferenceId: 'ref-1' }).events[0]!);
  const sheet = app.workbook.sheet('Checkouts');
  const header = sheet.values()[0] ?? [];
  const days = 30;
  const references = 1_000;
  const perBucket = Math.round(500_000 / (days * references));
  const rows = Array.from({ length: days * references }, (_, i) => {
    const day = `2026-10-${String((i % days) + 1).padStart(2, '0')}`;
    const reference = `ref-${String(Math.floor(i / days) * 10)}`;
    return header.map((name) => {
      switch (name) {
        case 'day':
          return day;
        case 'client_reference_id':
          return reference;
        case 'payment_link':
          return 'plink_1Bench';
        case 'currency':
          return i % 3 === 0 ? 'eur' : 'usd';
        case 'livemode':
          return false;
        case 'checkouts':
          return perBucket;
        case 'bucket':
          return `${day} test ${i % 3 === 0 ? 'eur' : 'usd'} plink_1Bench ${reference}`;
        // The ids only a delivery reads: short stand-ins, since the refresh never reads them.
        case 'session_ids':
          return `cs_test_bench${String(i)}`;
        case 'last_event_created':
          return new Date((NOW - 86_400) * 1000);
        default:
          return '';
      }
    });
  });
  app.workbook.write(sheet.name, rows, 'A3');
  const first = refresh(app);
  const baseline = () => {
    const run = runWithServices(READ_AND_GROUP_CHECKOUTS, { workbook: app.workbook });
    run.runtime.call('readAndGroupCheckouts');
  };
  const result = compare(() => refresh(app), baseline, 3);
  const checkouts = app.rows('Attribution').reduce((sum, row) => sum + Number(row.checkouts), 0);
  console.log(
    `refreshAttribution over 50,000 sales and ${fmt(days * references * perBucket + 1)} expired checkouts in ${fmt(days * references + 1)} buckets ` +
      `and 10,000 link rows: ${String(first.roundTrips)} round trips; median ${fmt(result.subject)} ms; reading the same cells and grouping them ` +
      `in plain JavaScript: ${fmt(result.baseline)} ms; ratio ${fmt(result.ratio, 2)}; the Attribution tab counts ${fmt(checkouts)} checkouts`,
  );
}
