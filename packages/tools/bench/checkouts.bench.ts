/**
 * What an expired checkout costs to record: spreadsheet round trips of a checkout.session.expired
 * delivery with 100 and with 50,000 buckets already in the Checkouts tab (the same, at most 8),
 * for a new bucket, a bucket that exists, and a repeat.
 */
import { FakeStripeApi, type StripeEvent } from '../src/fake-stripe';
import { LocalAddOn } from '../src/local-add-on';
import { verdict } from './measure';

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
