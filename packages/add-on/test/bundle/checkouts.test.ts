/**
 * Checkouts opened and never paid (issue 16): every checkout.session.expired counted once, in a
 * bucket of its day (in the spreadsheet's time zone), reference, Payment Link and mode, whatever
 * the order and repeats and in any mix of the webhook and the sync; never a Reconciliation row;
 * a bucket that fills its cell goes on in a new row; an unreadable tab is refused with retry.
 */
import fc from 'fast-check';
import { FakeStripeApi, type StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { Workbook } from '@stripe-utm-sheets/tools/services';
import { KEY, lastAlert, now } from './connected-add-on';
import { insertRowAbove } from './user-edits';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);

function addOn(stripe = new FakeStripeApi({ keys: [KEY], now: () => NOW }), timeZone = 'Etc/UTC'): AddOn {
  const app = new AddOn(stripe, undefined, { workbook: new Workbook({ timeZone }) });
  app.setUp();
  return app;
}

/** Each bucket's key and count, sorted. */
const buckets = (app: AddOn) =>
  app
    .rows('Checkouts')
    .map((row) => `${String(row.bucket)} = ${String(row.checkouts)}`)
    .sort();

describe('checkouts that expired unpaid', () => {
  it('counts each session once in its bucket, whatever the order and repeats', () => {
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => NOW });
    const events: StripeEvent[] = [];
    for (let i = 0; i < 4; i++)
      events.push(...stripe.scenario.expired({ clientReferenceId: 'nl-1', created: NOW - 2 * 86_400 + i }).events);
    events.push(...stripe.scenario.expired({ clientReferenceId: 'fb-2', created: NOW - 2 * 86_400 }).events);
    events.push(...stripe.scenario.expired({ clientReferenceId: 'nl-1', created: NOW - 86_400 }).events);
    const reference = addOn(stripe);
    for (const event of events) expect(reference.deliver(event)).toMatchObject({ ok: true });
    const expected = buckets(reference);
    expect(expected).toEqual([
      expect.stringMatching(/^2026-11-18 test usd plink_\w+ fb-2 = 1$/),
      expect.stringMatching(/^2026-11-18 test usd plink_\w+ nl-1 = 4$/),
      expect.stringMatching(/^2026-11-19 test usd plink_\w+ nl-1 = 1$/),
    ]);
    expect(reference.rows()).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 12 }), fc.nat(), (repeats, seed) => {
        const app = addOn(stripe);
        const order = [...events.keys(), ...repeats].map((i) => ({ i, k: (i * 7919 + seed) % 89 })).sort((a, b) => a.k - b.k);
        for (const { i } of order) expect(app.deliver(events[i]!)).toMatchObject({ ok: true });
        expect(buckets(app)).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });

  it("files a checkout under its day in the spreadsheet's time zone", () => {
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => NOW });
    // 23:30 UTC on the 18th is already the 19th in Paris.
    const late = stripe.scenario.expired({ clientReferenceId: 'nl-1', created: Date.UTC(2026, 10, 18, 23, 30) / 1000 });
    const utc = addOn(stripe);
    const paris = addOn(stripe, 'Europe/Paris');
    utc.deliver(late.events[0]!);
    paris.deliver(late.events[0]!);
    expect(utc.rows('Checkouts')[0]?.day).toBe('2026-11-18');
    expect(paris.rows('Checkouts')[0]?.day).toBe('2026-11-19');
  });

  it('goes on in a new row when a bucket fills its cell, and still counts each session once', () => {
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => NOW });
    const app = addOn(stripe);
    const events = Array.from(
      { length: 760 },
      (_, i) => stripe.scenario.expired({ clientReferenceId: 'busy', created: NOW - 86_400 - i }).events[0]!,
    );
    for (const event of events) app.deliver(event);
    for (const event of events.slice(0, 5)) expect(app.deliver(event)).toMatchObject({ ok: true, result: 'unchanged' });
    const rows = app.rows('Checkouts');
    expect(rows.length).toBe(2);
    expect(rows.map((row) => row.bucket)).toEqual([rows[0]?.bucket, rows[0]?.bucket]);
    expect(rows.reduce((sum, row) => sum + Number(row.checkouts), 0)).toBe(760);
    for (const row of rows) expect(String(row.session_ids).length).toBeLessThanOrEqual(49_000);
  });

  it('refuses with retry, writing nothing, when a title row was inserted above its header', () => {
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => NOW });
    const app = addOn(stripe);
    app.deliver(stripe.scenario.expired({ clientReferenceId: 'a' }).events[0]!);
    insertRowAbove(app.workbook.sheet('Checkouts'));
    const before = app.workbook.sheet('Checkouts').values();
    const answer = app.deliver(stripe.scenario.expired({ clientReferenceId: 'b' }).events[0]!);
    expect(answer).toMatchObject({ ok: false, retry: true, error: expect.stringContaining("The Checkouts tab's header row is missing") });
    expect(app.workbook.sheet('Checkouts').values()).toEqual(before);
  });

  it('counts the same checkouts through the sync as through the webhook, in any mix', () => {
    let clock = now() - 5 * 86_400;
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => clock });
    const events: StripeEvent[] = [];
    for (let i = 0; i < 6; i++) {
      clock += 3600 * 7;
      events.push(...stripe.scenario.expired({ clientReferenceId: i % 2 === 0 ? 'nl-1' : 'fb-2' }).events);
      events.push(...stripe.scenario.paid({ clientReferenceId: 'nl-1' }).events);
    }
    clock = now();
    const delivered = addOn(stripe);
    for (const event of events) delivered.deliver(event);
    const mixed = addOn(stripe);
    events.forEach((event, i) => {
      if (i % 3 === 0) mixed.deliver(event);
    });
    mixed.menu('connectStripeKey', { text: KEY });
    mixed.menu('syncNow', { text: '30' });
    expect(lastAlert(mixed)).toMatch(/expired checkouts? counted/);
    expect(buckets(mixed)).toEqual(buckets(delivered));
    expect(mixed.rows().length).toBe(6);
  });
});
