/**
 * What refreshAttribution costs: over 50,000 sessions and 10,000 link rows, its time in the local
 * runtime against a baseline in the same run that only reads the same cells and groups them in
 * plain JavaScript; and its spreadsheet calls at 1,000 and at 50,000 sessions (the same number).
 */
import { FakeStripeApi } from '../src/fake-stripe';
import { LocalAddOn } from '../src/local-add-on';
import { runWithServices } from '../src/services';
import { compare, fmt, verdict } from './measure';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const LINK_HEADER = ['payment_link', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'client_reference_id'];
const SOURCES = ['newsletter', 'facebook', 'google', 'linkedin', 'partner'];

export function shop(sessions: number, linkRows: number, stripe = new FakeStripeApi({ now: () => NOW })): LocalAddOn {
  const app = new LocalAddOn(stripe);
  app.setUp();
  const links = Array.from({ length: linkRows }, (_, i) => [
    `https://buy.stripe.com/test_link${String(i % 50)}`,
    SOURCES[i % SOURCES.length]!,
    i % 2 === 0 ? 'email' : 'cpc',
    `campaign_${String(i % 200)}`,
    '',
    `ad_${String(i)}`,
    `ref-${String(i)}`,
  ]);
  app.workbook.write('Links', [LINK_HEADER, ...links]);
  const header = app.workbook.sheet('Reconciliation').values()[0] ?? [];
  const rows = Array.from({ length: sessions }, (_, i) =>
    header.map((name) => {
      switch (name) {
        case 'session_id':
          return `cs_test_a1Bench${String(i).padStart(8, '0')}`;
        // One sale in ten carries no reference, one in twenty a reference no row has.
        case 'client_reference_id':
          return i % 10 === 0 ? '' : i % 20 === 1 ? `gone-${String(i)}` : `ref-${String(i % linkRows)}`;
        case 'payment_status':
          return i % 15 === 0 ? 'unpaid' : 'paid';
        case 'amount':
          return 19.99;
        case 'amount_minor':
          return 1999;
        case 'currency':
          return i % 3 === 0 ? 'eur' : 'usd';
        case 'customer_email':
          return `buyer${String(i)}@example.com`;
        case 'payment_link':
          return 'plink_1Bench';
        case 'livemode':
          return false;
        case 'created':
        case 'last_event_created':
          return new Date((NOW - 86_400 + i) * 1000);
        case 'last_event':
          return `evt_1Bench${String(i)}`;
        default:
          return '';
      }
    }),
  );
  app.workbook.write('Reconciliation', rows, 'A2');
  return app;
}

/** The baseline: the same two tabs read, sales grouped by reference and summed, and nothing written. */
const READ_AND_GROUP = `function readAndGroup() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sales = ss.getSheetByName('Reconciliation').getDataRange().getValues();
  var links = ss.getSheetByName('Links').getDataRange().getValues();
  var byReference = {};
  for (var i = 1; i < links.length; i++) byReference[links[i][6]] = links[i][3] + '|' + links[i][1] + '|' + links[i][2];
  var totals = {};
  for (var j = 1; j < sales.length; j++) {
    var key = (byReference[sales[j][1]] || '(unattributed)') + '|' + sales[j][4];
    totals[key] = (totals[key] || 0) + (sales[j][2] === 'paid' ? sales[j][10] : 0);
  }
  return Object.keys(totals).length;
}`;

/** Runs the refresh as the trigger does; returns its round trips to the spreadsheet and its calls. */
export function refresh(app: LocalAddOn): { roundTrips: number; calls: number } {
  const run = app.execution('trigger');
  try {
    run.runtime.call('refreshAttribution');
  } finally {
    run.services.endExecution();
  }
  const { roundTrips, calls } = run.services.stats().spreadsheet;
  return { roundTrips, calls };
}

export function benchAttribution(): void {
  const small = refresh(shop(1_000, 10_000));
  const app = shop(50_000, 10_000);
  const large = refresh(app);
  console.log(
    `refreshAttribution, 10,000 link rows: ${String(small.roundTrips)} round trips (${String(small.calls)} calls) with 1,000 sessions, ` +
      `${String(large.roundTrips)} (${String(large.calls)} calls) with 50,000: ${verdict(small.roundTrips === large.roundTrips)}`,
  );

  const baseline = () => {
    const run = runWithServices(READ_AND_GROUP, { workbook: app.workbook });
    run.runtime.call('readAndGroup');
  };
  const result = compare(() => refresh(app), baseline, 3);
  console.log(
    `refreshAttribution over 50,000 sessions and 10,000 link rows: median ${fmt(result.subject)} ms; reading the same cells and grouping them in ` +
      `plain JavaScript: ${fmt(result.baseline)} ms; ratio ${fmt(result.ratio, 2)} (target under 2: ${verdict(result.ratio < 2)})`,
  );
  const rows = app.rows('Attribution');
  console.log(`the Attribution tab: ${fmt(rows.length)} rows, ${fmt(app.workbook.sheet('Attribution').charts.length)} chart`);
}
