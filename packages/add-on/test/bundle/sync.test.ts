/**
 * Sync from Stripe's API, as the menu and the hourly trigger run it in dist/Code.js: paging,
 * resuming after an error, backing off on rate limits, and clear messages for a bad key.
 */
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { fireTrigger } from '@stripe-utm-sheets/tools/services';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';

const KEY = 'rk_test_51LocalRestrictedKey0001';
// Sync windows are measured from the real clock, so the fake Stripe lives at the real now too.
const now = (): number => Math.floor(Date.now() / 1000);

function stripeWithHistory(sessions: number): FakeStripeApi {
  let clock = now() - 10 * 86_400;
  const stripe = new FakeStripeApi({ keys: [KEY], now: () => clock });
  for (let i = 0; i < sessions; i++) {
    clock += 600;
    stripe.scenario.paid({ currency: i % 3 === 0 ? 'jpy' : 'usd', clientReferenceId: `row-${String(i)}` });
  }
  return stripe;
}

function connected(stripe: FakeStripeApi): AddOn {
  const app = new AddOn(stripe);
  app.setUp();
  app.menu('connectStripeKey', { text: KEY });
  return app;
}

const stripe = (app: AddOn): FakeStripeApi => app.stripe;

function lastAlert(app: AddOn): string {
  const entry = app.last?.services.ui.log.filter((e) => e.kind === 'alert').at(-1);
  return entry && 'prompt' in entry ? entry.prompt : '';
}

describe('Sync now', () => {
  it('asks how far back the first time, then pages through every completed session', () => {
    const app = connected(stripeWithHistory(250));
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(/Synced 250 events: 250 new sessions/);
    const rows = app.rows();
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((row) => row.session_id)).size).toBe(250);
    expect(rows.filter((row) => row.currency === 'jpy').every((row) => row.amount === row.amount_minor)).toBe(true);
    // 100 per page: three pages.
    expect(app.stripe.requests.filter((r) => r.path === '/v1/events' && r.query.limit === '100')).toHaveLength(3);
  });

  it('writes what webhooks already wrote only once', () => {
    const stripe = stripeWithHistory(20);
    const app = connected(stripe);
    for (const event of stripe.allEvents().slice(0, 10)) app.deliver(event);
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(/10 new sessions, 0 updated, 10 already up to date/);
    expect(app.rows()).toHaveLength(20);
  });

  it('picks up from its cursor: the next sync reads only what is new', () => {
    const stripe = stripeWithHistory(5);
    const app = connected(stripe);
    app.menu('syncNow', { text: '30' });
    stripe.scenario.paid({ clientReferenceId: 'late-sale' });
    app.menu('syncNow');
    expect(lastAlert(app)).toMatch(/1 new sessions/);
    expect(app.rows().map((row) => row.client_reference_id)).toContain('late-sale');
  });

  it('stops on an error with complete rows, and the next sync resumes where it stopped', () => {
    const stripe = stripeWithHistory(250);
    const app = connected(stripe);
    // Stripe fails the third page of events past every retry, once.
    let eventPages = 0;
    const failing = (request: Parameters<FakeStripeApi['handle']>[0]) => {
      if (request.url.includes('/v1/events?') && ++eventPages >= 3 && eventPages <= 7)
        return { status: 500, body: '{"error":{"message":"boom"}}' };
      return stripe.handle(request);
    };
    const run = app.execution('editor');
    run.services.urlFetch.handle('api.stripe.com', failing);
    run.services.ui.answerNext({ text: '30' });
    run.runtime.call('syncNow');
    run.services.endExecution();
    const alert = run.services.ui.log.filter((e) => e.kind === 'alert').at(-1);
    expect(alert && 'prompt' in alert ? alert.prompt : '').toMatch(/Sync stopped: .*\(500\).*resumes/);
    const partial = app.rows();
    expect(partial).toHaveLength(200);
    expect(partial.every((row) => typeof row.amount === 'number' && String(row.last_event).startsWith('evt_'))).toBe(true);
    expect(JSON.parse(app.properties.script.get('SYNC_STATE') ?? '{}')).toMatchObject({ run: { pages: 2 } });

    app.menu('syncNow');
    expect(lastAlert(app)).toMatch(/Synced 50 events: 50 new sessions/);
    expect(app.rows()).toHaveLength(250);
  });

  it('backs off and retries when Stripe rate-limits it', () => {
    const app = connected(stripeWithHistory(10));
    app.stripe.failNext(3, 429);
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(/Synced 10 events/);
    expect(app.last?.services.stats().sleptMs).toBeGreaterThan(3000);
  });

  it.each([
    ['a revoked key', () => undefined, /did not accept the API key \(401\)/],
    [
      'a key that may not read events',
      (stripe: FakeStripeApi) => {
        stripe.addKey({ key: KEY, deny: ['events'] });
      },
      /not allowed to read this \(403\).*Checkout Sessions, Events and Payment Links/,
    ],
  ])('says what to do about %s', (_, rekey, message) => {
    const app = connected(stripeWithHistory(3));
    app.stripe.removeKey(KEY);
    rekey(app.stripe);
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(message);
    expect(app.rows()).toEqual([]);
  });

  it('needs a key, and says so', () => {
    const app = new AddOn(stripeWithHistory(1));
    app.setUp();
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(/Connect a restricted Stripe key first/);
  });
});

/** A sync state whose run continues after `startingAfter`, as a stopped sync leaves it. */
function savedRun(app: AddOn, since: number, startingAfter: string): void {
  const state = JSON.stringify({ cursor: null, run: { since, startingAfter, newest: null, pages: 2, events: 200 } });
  app.properties.script.replace(new Map([...Object.entries(app.properties.script.entries()), ['SYNC_STATE', state]]));
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
    expect(JSON.parse(app.properties.script.get('SYNC_STATE') ?? '{}')).toMatchObject({ run: null, cursor: expect.any(Number) });
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
  const savedState = (app: AddOn) => JSON.parse(app.properties.script.get('SYNC_STATE') ?? '{}') as { cursor: number | null; run: unknown };

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
      new Map([...Object.entries(app.properties.script.entries()), ['SYNC_STATE', JSON.stringify({ cursor: frozen, run: null })]]),
    );
    app.menu('syncNow');
    expect(lastAlert(app)).toBe('Synced 4 events: 4 new sessions, 0 updated, 0 already up to date, 0 not recorded.');
    const [page] = eventPages(stripe);
    expect(Math.abs(Number(page?.query['created[gte]']) - (now() - 30 * 86_400))).toBeLessThan(60);
    expect(savedState(app).cursor).toBeLessThanOrEqual(now());
  });
});

describe('the sync summary', () => {
  /** The numbers of "Synced N events: a new sessions, b updated, c already up to date, d not recorded (...)". */
  function counts(message: string): { events: number; buckets: number[]; notRecorded: Record<string, number> } {
    const match =
      /Synced (\d+) events: (\d+) new sessions, (\d+) updated, (\d+) already up to date, (\d+) not recorded(?: \(([^)]*)\))?\./.exec(
        message,
      );
    if (!match) throw new Error(`not a sync summary: ${message}`);
    const notRecorded = Object.fromEntries(
      (match[6] ?? '')
        .split(', ')
        .filter((part) => part !== '')
        .map((part) => {
          const [count = '', ...what] = part.split(' ');
          return [what.join(' '), Number(count)];
        }),
    );
    return { events: Number(match[1]), buckets: [2, 3, 4, 5].map((i) => Number(match[i])), notRecorded };
  }

  it('puts every event it read in exactly one bucket', () => {
    const stripe = stripeWithHistory(5);
    stripe.scenario.expired({ clientReferenceId: 'abandoned-1' });
    stripe.scenario.expired({ clientReferenceId: 'abandoned-2' });
    // An async payment: completed (unpaid), then succeeded: the newer event wins, the older changes nothing.
    stripe.scenario.asyncPayment({ outcome: 'succeeded', clientReferenceId: 'sepa', daysLater: 1 });
    // An event whose session Stripe's schema would never produce.
    stripe.addEvent('checkout.session.completed', { object: 'checkout.session', id: 'not-a-session-id', livemode: false });
    const app = connected(stripe);
    app.deliver(stripe.allEvents()[0]!);
    app.menu('syncNow', { text: '30' });
    const message = lastAlert(app);
    const { events, buckets, notRecorded } = counts(message);
    expect(events).toBe(10);
    expect(buckets.reduce((a, b) => a + b, 0)).toBe(events);
    expect(Object.values(notRecorded).reduce((a, b) => a + b, 0)).toBe(buckets[3]);
    expect(message).toMatch(
      /Synced 10 events: 5 new sessions, 0 updated, 2 already up to date, 3 not recorded \(2 expired sessions, 1 unreadable\)\./,
    );
  });

  it('adds up when nothing was left out, too', () => {
    const app = connected(stripeWithHistory(3));
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toBe('Synced 3 events: 3 new sessions, 0 updated, 0 already up to date, 0 not recorded.');
  });
});

describe('the hourly sync', () => {
  it('is a time-driven trigger that syncs without any Ui, and can be turned off', () => {
    const stripe = stripeWithHistory(3);
    const app = connected(stripe);
    app.menu('syncNow', { text: '30' });
    app.menu('toggleHourlySync');
    const [trigger] = app.triggers.toJSON().triggers;
    expect(trigger).toMatchObject({ handlerFunction: 'runScheduledSync', eventType: 'CLOCK' });
    stripe.scenario.paid({ clientReferenceId: 'from-the-trigger' });
    const run = app.execution('trigger');
    fireTrigger(run, trigger!.uniqueId);
    expect(app.rows().map((row) => row.client_reference_id)).toContain('from-the-trigger');
    app.menu('toggleHourlySync');
    expect(app.triggers.toJSON().triggers).toEqual([]);
  });
});

describe('a Reconciliation tab that cannot be read safely', () => {
  it('stops Sync now with the reason and writes nothing; the next sync, once the header is back, writes everything once', () => {
    const app = connected(stripeWithHistory(5));
    const tab = app.workbook.sheet('Reconciliation');
    tab.insertRows(0, 1);
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(/Sync stopped: The Reconciliation tab's header row is missing/);
    // A sync is not a delivery: Stripe has nothing to send again.
    expect(lastAlert(app)).not.toMatch(/Stripe will send/);
    expect(tab.lastRow()).toBe(2);
    tab.deleteRows(1, 1);
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(/5 new sessions/);
    expect(app.rows()).toHaveLength(5);
  });

  it('makes the hourly trigger log the reason instead of failing', () => {
    const app = connected(stripeWithHistory(3));
    app.menu('syncNow', { text: '30' });
    app.menu('toggleHourlySync');
    app.workbook.sheet('Reconciliation').insertRows(0, 1);
    const [trigger] = app.triggers.toJSON().triggers;
    const run = app.execution('trigger');
    expect(() => fireTrigger(run, trigger!.uniqueId)).not.toThrow();
    expect(run.runtime.logs.map((entry) => entry.message).join('\n')).toMatch(
      /Scheduled sync stopped: The Reconciliation tab's header row is missing/,
    );
  });

  it("says so on the Attribution tab's status line, and writes nothing else anywhere", () => {
    const app = connected(stripeWithHistory(3));
    app.menu('syncNow', { text: '30' });
    stripe(app).scenario.paid({ clientReferenceId: 'after-the-title-row' });
    app.workbook.sheet('Reconciliation').insertRows(0, 1);
    const cells = () => app.workbook.sheets.filter((sheet) => sheet.name !== 'Attribution').map((sheet) => JSON.stringify(sheet.values()));
    const before = cells();
    app.menu('syncNow');
    expect(cells()).toEqual(before);
    const status = app.workbook
      .sheet('Attribution')
      .values()
      .flat()
      .map(String)
      .find((cell) => cell.startsWith('Sync stopped'));
    expect(status).toMatch(/The Reconciliation tab's header row is missing \(row 1 is empty\)/);
  });
});
