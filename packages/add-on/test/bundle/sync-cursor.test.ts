/**
 * Where a sync starts from: a saved cursor Stripe refuses is started again from its window, in the
 * same sync, losing and duplicating nothing; an event dated ahead of the clock freezes nothing.
 */
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { connected, KEY, lastAlert, now, stripeWithHistory } from './connected-add-on';

/** A sync state whose run continues after `startingAfter`, as a stopped sync leaves it. */
function savedRun(app: AddOn, since: number, startingAfter: string): void {
  const state = JSON.stringify({ cursor: null, run: { since, startingAfter, newest: null, pages: 2, events: 200 } });
  app.properties.script.replace(new Map([...Object.entries(app.properties.script.entries()), ['SYNC_STATE_TEST', state]]));
}

const eventPages = (stripe: FakeStripeApi) => stripe.requests.filter((r) => r.path === '/v1/events' && r.query.limit === '100');

describe('a cursor Stripe refuses', () => {
  it('starts that run again from its window, in the same sync, and says so', () => {
    const stripe = stripeWithHistory(20);
    const app = connected(stripe);
    savedRun(app, now() - 11 * 86_400, 'evt_1NoLongerKnownToStripe');
    app.menu('syncNow');
    expect(lastAlert(app)).toMatch(
      /^Stripe no longer accepts the place where the last sync stopped.*started again from the start of its window.*Synced 20 events: 20 new sessions/s,
    );
    expect(app.rows()).toHaveLength(20);
    const pages = eventPages(stripe);
    expect(pages.map((r) => r.query.starting_after)).toEqual(['evt_1NoLongerKnownToStripe', undefined]);
    expect(JSON.parse(app.properties.script.get('SYNC_STATE_TEST') ?? '{}')).toMatchObject({ run: null, cursor: expect.any(Number) });
  });

  it('neither loses nor duplicates what a stopped sync already wrote', () => {
    // 250 sales, one every 2.5 hours, ending 3 days ago.
    let clock = now() - 29 * 86_400;
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => clock });
    for (let i = 0; i < 250; i++) {
      clock += 9_000;
      stripe.scenario.paid({ clientReferenceId: `row-${String(i)}` });
    }
    clock = now();
    const app = connected(stripe);
    // The first sync stops after two pages (a Stripe outage past every retry), its cursor 200 events back...
    let pages = 0;
    const run = app.execution('editor');
    run.services.urlFetch.handle('api.stripe.com', (request) => {
      if (request.url.includes('/v1/events?') && ++pages >= 3) return { status: 500, body: '{"error":{"message":"boom"}}' };
      return stripe.handle(request);
    });
    run.services.ui.answerNext({ text: '30' });
    run.runtime.call('syncNow');
    run.services.endExecution();
    expect(app.rows()).toHaveLength(200);

    // ...and the next sync comes a week later, when that event is past Stripe's 30 days; five sales came meanwhile.
    clock = now() + 7 * 86_400 - 3_600;
    for (let i = 0; i < 5; i++) stripe.scenario.paid({ clientReferenceId: `new-${String(i)}` });
    clock = now() + 7 * 86_400;
    const kept = stripe.allEvents().filter((event) => event.created >= clock - 30 * 86_400).length;
    app.menu('syncNow');
    expect(lastAlert(app)).toMatch(/started again/);
    expect(lastAlert(app)).toContain(
      `Synced ${String(kept)} events: 5 new sessions, 0 updated, ${String(kept - 5)} already up to date, 0 not recorded.`,
    );
    const rows = app.rows();
    expect(rows).toHaveLength(205);
    expect(new Set(rows.map((row) => row.session_id)).size).toBe(205);
  });

  it('starts again from the 30 days Stripe keeps when the cursor is past them', () => {
    // Sales over the last 40 days: the ten older than 30 days are gone from Stripe's event list.
    let clock = now() - 40 * 86_400 - 43_200;
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => clock });
    const old: string[] = [];
    for (let i = 0; i < 40; i++) {
      clock += 86_400;
      old.push(stripe.scenario.paid({ clientReferenceId: `day-${String(i)}` }).events[0]!.id);
    }
    clock = now();
    const app = connected(stripe);
    savedRun(app, now() - 40 * 86_400, old[4]!);
    app.menu('syncNow');
    expect(lastAlert(app)).toMatch(/started again.*Synced 30 events: 30 new sessions/s);
    const [refused, restarted] = eventPages(stripe);
    expect(refused).toMatchObject({ status: 400, query: { starting_after: old[4] } });
    expect(restarted?.query.starting_after).toBeUndefined();
    // Clamped to the 30 days Stripe keeps (give or take the seconds the test takes).
    expect(Math.abs(Number(restarted?.query['created[gte]']) - (now() - 30 * 86_400))).toBeLessThan(60);
    expect(app.rows()).toHaveLength(30);
  });

  it('reports the error as usual when the new start fails too, and tries it once only', () => {
    const stripe = stripeWithHistory(5);
    const app = connected(stripe);
    savedRun(app, now() - 11 * 86_400, 'evt_1NoLongerKnownToStripe');
    stripe.failNext(100, 500, { path: '/v1/events' });
    const run = app.execution('editor');
    // The refused cursor goes through the fake's own check; everything after it fails.
    let first = true;
    run.services.urlFetch.handle('api.stripe.com', (request) => {
      if (first) {
        first = false;
        stripe.clearFailures();
        const answer = stripe.handle(request);
        stripe.failNext(100, 500, { path: '/v1/events' });
        return answer;
      }
      return stripe.handle(request);
    });
    run.runtime.call('syncNow');
    run.services.endExecution();
    const alert = run.services.ui.log.filter((e) => e.kind === 'alert').at(-1);
    expect(alert && 'prompt' in alert ? alert.prompt : '').toMatch(/^Sync stopped: .*\(500\)/);
    expect(app.rows()).toEqual([]);
    const pages = eventPages(stripe);
    expect(pages.filter((r) => r.query.starting_after !== undefined)).toHaveLength(1);
    expect(pages.length).toBeGreaterThan(1);
    // The cursor Stripe refused is not kept: the next sync starts from the window at once.
    stripe.clearFailures();
    app.menu('syncNow');
    expect(lastAlert(app)).toMatch(/^Synced 5 events: 5 new sessions/);
  });
});

describe('an event dated in the future', () => {
  const savedState = (app: AddOn) =>
    JSON.parse(app.properties.script.get('SYNC_STATE_TEST') ?? '{}') as { cursor: number | null; run: unknown };

  it('is written like any other, and the next sync still reads what came after it', () => {
    let clock = now() - 3 * 86_400;
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => clock });
    stripe.scenario.paid({ clientReferenceId: 'three-days-ago' });
    // Stripe's copy says two days from now (a skewed clock, a test clock): the sync writes it as it is.
    clock = now() + 2 * 86_400;
    stripe.scenario.paid({ clientReferenceId: 'dated-ahead' });
    clock = now() - 600;
    const newestSoFar = stripe.scenario.paid({ clientReferenceId: 'ten-minutes-ago' }).events.at(-1)!.created;
    const app = connected(stripe);
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toBe('Synced 3 events: 3 new sessions, 0 updated, 0 already up to date, 0 not recorded.');
    expect(
      app
        .rows()
        .map((row) => row.client_reference_id)
        .sort(),
    ).toEqual(['dated-ahead', 'ten-minutes-ago', 'three-days-ago']);
    // The cursor stops at the newest event that is not ahead of the clock.
    expect(savedState(app)).toEqual({ cursor: newestSoFar, run: null });

    // Later sales, then a second sync: they are read (and the event dated ahead is read again, changing nothing).
    clock = now();
    stripe.scenario.paid({ clientReferenceId: 'later-1' });
    stripe.scenario.paid({ clientReferenceId: 'later-2' });
    app.menu('syncNow');
    expect(lastAlert(app)).toBe('Synced 4 events: 2 new sessions, 0 updated, 2 already up to date, 0 not recorded.');
    expect(app.rows().map((row) => row.client_reference_id)).toEqual(expect.arrayContaining(['later-1', 'later-2']));
    expect(app.rows()).toHaveLength(5);
    expect(savedState(app).cursor).toBeLessThanOrEqual(now());
  });

  it('unfreezes a cursor an earlier version left ahead of the clock: the sync reads again from the 30 days Stripe keeps', () => {
    const stripe = stripeWithHistory(4);
    const app = connected(stripe);
    const frozen = now() + 365 * 86_400;
    app.properties.script.replace(
      new Map([...Object.entries(app.properties.script.entries()), ['SYNC_STATE_TEST', JSON.stringify({ cursor: frozen, run: null })]]),
    );
    app.menu('syncNow');
    expect(lastAlert(app)).toBe('Synced 4 events: 4 new sessions, 0 updated, 0 already up to date, 0 not recorded.');
    const [page] = eventPages(stripe);
    expect(Math.abs(Number(page?.query['created[gte]']) - (now() - 30 * 86_400))).toBeLessThan(60);
    expect(savedState(app).cursor).toBeLessThanOrEqual(now());
  });
});
