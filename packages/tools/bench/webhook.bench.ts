/**
 * What a webhook delivery costs: spreadsheet service calls and cells read with 100 rows in the
 * Reconciliation tab and with 50,000 (they must be the same), and deliveries per second through
 * doPost in the local runtime against a doPost that only answers.
 */
import { performance } from 'node:perf_hooks';
import { FakeStripeApi, type StripeEvent } from '../src/fake-stripe';
import { LocalAddOn } from '../src/local-add-on';
import { runWithServices } from '../src/services';
import { postToWebApp } from '../src/web-app';
import { fmt, median, verdict } from './measure';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);

/** A Reconciliation tab holding `rows` past sales, written straight into the workbook (not counted). */
function fill(app: LocalAddOn, rows: number, gridFull: boolean): void {
  const header = app.workbook.sheet('Reconciliation').values()[0] ?? [];
  const data = Array.from({ length: rows }, (_, i) =>
    header.map((name) => {
      switch (name) {
        case 'session_id':
          return `cs_test_a1Seeded${String(i).padStart(8, '0')}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`;
        case 'client_reference_id':
          return `row-${String(i)}`;
        case 'payment_status':
          return 'paid';
        case 'amount':
          return 19.99;
        case 'amount_minor':
          return 1999;
        case 'currency':
          return 'usd';
        case 'customer_email':
          return `buyer${String(i)}@example.com`;
        case 'payment_link':
          return 'plink_1Seeded';
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
  const sheet = app.workbook.write('Reconciliation', data, 'A2');
  // The same room below the last row at every size; a full grid is measured on its own below.
  sheet.maxRows = sheet.lastRow() + (gridFull ? 0 : 500);
}

interface Cost {
  /** Reads and writes that go to the spreadsheet (not handle-making calls like getRange). */
  roundTrips: number;
  calls: number;
  cellsRead: number;
  result: string;
  /** Script-property reads and writes, and triggers created (the refresh a delivery schedules). */
  quota: string;
}

function deliverCounted(app: LocalAddOn, event: StripeEvent): Cost {
  const answer = app.deliver(event);
  const all = app.last?.services.stats();
  const stats = all?.spreadsheet;
  const calls = (name: string): string => String(all?.serviceCalls[name] ?? 0);
  return {
    roundTrips: stats?.roundTrips ?? -1,
    calls: stats?.calls ?? -1,
    cellsRead: stats?.cellsRead ?? -1,
    result: answer.result ?? String(answer.error),
    quota: `${calls('Properties.getProperty')} property reads, ${calls('Properties.setProperty')} writes, ${calls('ClockTriggerBuilder.create')} triggers created`,
  };
}

/** How the user left the tab: as set up, or every cell Plain text and the headers re-cased. */
type TabState = 'as set up' | 'Plain text, re-cased headers' | 'grid full to its last row';

function costAt(rows: number, state: TabState): Record<string, Cost> {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = new LocalAddOn(stripe);
  app.setUp();
  fill(app, rows, state === 'grid full to its last row');
  if (state === 'Plain text, re-cased headers') {
    const sheet = app.workbook.sheet('Reconciliation');
    sheet.forEachCell((cell) => {
      cell.numberFormat = '@';
    });
    const header = sheet.values()[0] ?? [];
    header.forEach((name, i) => {
      app.workbook.writeInput(sheet, 1, i + 1, String(name).replace(/_/g, ' ').toUpperCase());
    });
  }
  const { events } = stripe.scenario.asyncPayment({ outcome: 'succeeded', currency: 'eur' });
  return {
    'a new session': deliverCounted(app, events[0]!),
    'a repeat': deliverCounted(app, events[0]!),
    'an update (async payment succeeded)': deliverCounted(app, events[1]!),
  };
}

const ANSWER_ONLY = `function doPost(e) {
  return ContentService.createTextOutput(JSON.stringify({ ok: true })).setMimeType(ContentService.MimeType.JSON);
}`;

export function benchWebhook(): void {
  let same = true;
  let under = true;
  for (const state of ['as set up', 'Plain text, re-cased headers', 'grid full to its last row'] as const) {
    const small = costAt(100, state);
    const large = costAt(50_000, state);
    for (const kind of Object.keys(small)) {
      const a = small[kind]!;
      const b = large[kind]!;
      same &&= a.roundTrips === b.roundTrips && a.calls === b.calls && a.cellsRead === b.cellsRead;
      under &&= a.roundTrips <= 8 && b.roundTrips <= 8;
      console.log(
        `doPost, tab ${state}, ${kind} (${a.result}): ${String(a.roundTrips)} round trips (${String(a.calls)} calls), ${String(a.cellsRead)} cells read with 100 rows; ` +
          `${String(b.roundTrips)} round trips (${String(b.calls)} calls), ${String(b.cellsRead)} cells read with 50,000 rows; ${a.quota}`,
      );
    }
  }
  console.log(`per-delivery cost independent of the tab's size: ${verdict(same)}; at most 8 round trips: ${verdict(under)}`);

  // Throughput: each delivery is a fresh execution (the bundle loaded anew), as in Apps Script.
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = new LocalAddOn(stripe);
  app.setUp();
  const events = Array.from({ length: 300 }, () => stripe.scenario.paid().events[0]!);
  const bodies = events.map((event) => JSON.stringify(event));
  const token = app.token();
  const answerOnly = () => {
    const run = runWithServices(ANSWER_ONLY);
    postToWebApp(run, { query: { token }, body: bodies[0]! });
  };
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 3; round++) {
    const slice = bodies.slice(round * 100, round * 100 + 100);
    let start = performance.now();
    for (const body of slice) {
      const answer = JSON.parse(app.postRaw(body, token).body) as { ok: boolean };
      if (!answer.ok) throw new Error('a benchmark delivery failed');
    }
    ours.push((performance.now() - start) / slice.length);
    start = performance.now();
    for (let i = 0; i < slice.length; i++) answerOnly();
    baseline.push((performance.now() - start) / slice.length);
  }
  const perDelivery = median(ours);
  const perAnswer = median(baseline);
  console.log(
    `doPost throughput in the local runtime (fresh execution per delivery, new sessions): ${fmt(1000 / perDelivery)} deliveries/s ` +
      `(${fmt(perDelivery, 2)} ms each); a doPost that only answers: ${fmt(1000 / perAnswer)}/s; ratio ${fmt(perDelivery / perAnswer, 2)}`,
  );
}
