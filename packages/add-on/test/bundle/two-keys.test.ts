/**
 * A test key and a live key side by side, as dist/Code.js runs them: both connected, each delivery
 * checked with the key of its own mode (a mode without one by the token alone), each mode synced
 * with its own key and cursor (one failing does not stop the other), and an earlier version's one
 * key and sync state moved to the mode the key's prefix names.
 */
import { FakeStripeApi, type StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { SCRIPT_PROPERTIES } from '../../src/core/contracts/script-properties';

const TEST_KEY = 'rk_test_51LocalRestrictedKey0001';
const LIVE_KEY = 'rk_live_51LocalRestrictedKey0002';
const now = (): number => Math.floor(Date.now() / 1000);

function addOn(): AddOn {
  const app = new AddOn(new FakeStripeApi({ keys: [TEST_KEY, LIVE_KEY], now }));
  app.setUp();
  return app;
}

const property = (app: AddOn, name: string) => app.properties.script.get(name);
/** What an earlier version left in the script properties. */
function setProperty(app: AddOn, name: string, value: string): void {
  app.properties.script.replace(new Map([...app.properties.script.snapshot(), [name, value]]));
}
const uiLog = (app: AddOn) => app.last?.services.ui.log ?? [];
const lastAlert = (app: AddOn): string => {
  const entry = uiLog(app)
    .filter((e) => e.kind === 'alert')
    .at(-1);
  return entry && 'prompt' in entry ? entry.prompt : '';
};
/** The keys Stripe's API was called with, for this path. */
const keysUsedFor = (app: AddOn, path: RegExp) =>
  app.stripe.requests.filter((r) => path.test(r.path)).map((r) => (r.headers.Authorization ?? '').replace('Bearer ', ''));
/** The event with Stripe's copy's amount lowered: only a check with Stripe can tell. */
const tampered = (event: StripeEvent): StripeEvent => ({ ...event, data: { object: { ...event.data.object, amount_total: 1 } } });

describe('two keys', () => {
  it('keeps a test key and a live key, each in its own mode, and says which are connected', () => {
    const app = addOn();
    app.menu('connectStripeKey', { text: TEST_KEY });
    expect(lastAlert(app)).toMatch(/^Connected rk_test_…0001 \(test mode\).*Live-mode deliveries are still checked by their token only/);
    app.menu('connectStripeKey', { text: LIVE_KEY });
    expect(lastAlert(app)).toMatch(/^Connected rk_live_…0002 \(live mode\).*The test-mode key rk_test_…0001 stays connected/);
    expect(property(app, SCRIPT_PROPERTIES.stripeApiKeys.test)).toBe(TEST_KEY);
    expect(property(app, SCRIPT_PROPERTIES.stripeApiKeys.live)).toBe(LIVE_KEY);

    const run = app.menu('connectStripeKey', { button: 'CANCEL' });
    const prompt = run.services.ui.log.find((e) => e.kind === 'prompt');
    expect(prompt && 'prompt' in prompt ? prompt.prompt : '').toMatch(
      /Test mode: rk_test_…0001\.\nLive mode: rk_live_…0002\.[\s\S]*remove test or remove live/,
    );
    const dialog = app.menu('showWebhookUrl').services.ui.lastDialog();
    expect(dialog?.html).toMatch(/rk_test_…0001 for test mode, rk_live_…0002 for live mode/);
  });

  it('replaces only the key of its own mode, and removes one mode without the other', () => {
    const app = addOn();
    app.menu('connectStripeKey', { text: TEST_KEY });
    app.menu('connectStripeKey', { text: LIVE_KEY });
    const newer = 'rk_test_51LocalRestrictedKey0003';
    app.stripe.addKey(newer);
    app.menu('connectStripeKey', { text: newer });
    expect([property(app, SCRIPT_PROPERTIES.stripeApiKeys.test), property(app, SCRIPT_PROPERTIES.stripeApiKeys.live)]).toEqual([
      newer,
      LIVE_KEY,
    ]);
    app.menu('connectStripeKey', { text: 'remove live' });
    expect(lastAlert(app)).toMatch(/Disconnected the live-mode key.*The test-mode key stays connected/);
    expect([property(app, SCRIPT_PROPERTIES.stripeApiKeys.test), property(app, SCRIPT_PROPERTIES.stripeApiKeys.live)]).toEqual([
      newer,
      null,
    ]);
    app.menu('connectStripeKey', { text: '' });
    expect(property(app, SCRIPT_PROPERTIES.stripeApiKeys.test)).toBeNull();
  });

  it('checks a live event with the live key while a test key is connected too', () => {
    const app = addOn();
    app.menu('connectStripeKey', { text: TEST_KEY });
    app.menu('connectStripeKey', { text: LIVE_KEY });
    const { session, events } = app.stripe.scenario.paid({ livemode: true, amount: 4900 });
    expect(app.deliver(tampered(events[0]!))).toMatchObject({ ok: true, result: 'inserted', verified: true });
    expect(app.rows()[0]).toMatchObject({ session_id: session.id, livemode: true, amount_minor: 4900, confirmed: 'yes' });
    expect(keysUsedFor(app, /^\/v1\/(events|checkout\/sessions)\/./)).toEqual([LIVE_KEY, LIVE_KEY]);
  });

  it('checks a test event with the test key while a live key is connected too', () => {
    const app = addOn();
    app.menu('connectStripeKey', { text: LIVE_KEY });
    app.menu('connectStripeKey', { text: TEST_KEY });
    const { session, events } = app.stripe.scenario.paid({ amount: 1999 });
    expect(app.deliver(tampered(events[0]!))).toMatchObject({ ok: true, result: 'inserted', verified: true });
    expect(app.rows()[0]).toMatchObject({ session_id: session.id, livemode: false, amount_minor: 1999, confirmed: 'yes' });
    expect(keysUsedFor(app, /^\/v1\/(events|checkout\/sessions)\/./)).toEqual([TEST_KEY, TEST_KEY]);
  });

  it('accepts an event of a mode with no key by its token alone, as before any key was connected', () => {
    const app = addOn();
    app.menu('connectStripeKey', { text: TEST_KEY });
    const { session, events } = app.stripe.scenario.paid({ livemode: true, amount: 4900 });
    // Before: a test key asked about a live event got "a similar object exists in live mode" and the sale was refused.
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'inserted', verified: false });
    expect(app.rows()[0]).toMatchObject({ session_id: session.id, livemode: true, confirmed: 'not yet' });
    expect(keysUsedFor(app, /^\/v1\/(events|checkout\/sessions)\/./)).toEqual([]);
  });
});

describe("an earlier version's one key", () => {
  it('is read as the key of the mode its prefix names, and moved there once with its sync state', () => {
    const app = addOn();
    const cursor = now() - 2 * 86_400;
    const state = JSON.stringify({ cursor, run: null });
    setProperty(app, SCRIPT_PROPERTIES.stripeApiKey, LIVE_KEY);
    setProperty(app, SCRIPT_PROPERTIES.syncState, state);
    const { events } = app.stripe.scenario.paid({ livemode: true });
    expect(app.deliver(tampered(events[0]!))).toMatchObject({ ok: true, verified: true });
    expect(keysUsedFor(app, /^\/v1\/checkout\/sessions\/./)).toEqual([LIVE_KEY]);
    expect(property(app, SCRIPT_PROPERTIES.stripeApiKeys.live)).toBe(LIVE_KEY);
    expect(property(app, SCRIPT_PROPERTIES.syncStates.live)).toBe(state);
    expect([property(app, SCRIPT_PROPERTIES.stripeApiKey), property(app, SCRIPT_PROPERTIES.syncState)]).toEqual([null, null]);
    expect(property(app, SCRIPT_PROPERTIES.stripeApiKeys.test)).toBeNull();

    // The sync goes on from the old cursor: no "how far back" question, and the live key reads from there.
    app.menu('syncNow');
    expect(uiLog(app).filter((e) => e.kind === 'prompt')).toEqual([]);
    const [page] = app.stripe.requests.filter((r) => r.path === '/v1/events');
    // The saved cursor itself: the clock may pass a second while the sync runs.
    expect(page?.query['created[gte]']).toBe(String(cursor));
    expect(page?.headers.Authorization).toBe(`Bearer ${LIVE_KEY}`);
  });

  it('never replaces a key its mode already has', () => {
    const app = addOn();
    app.menu('connectStripeKey', { text: TEST_KEY });
    setProperty(app, SCRIPT_PROPERTIES.stripeApiKey, 'rk_test_51AnOlderKeyLeftBehind9');
    app.menu('connectStripeKey', { button: 'CANCEL' });
    expect(property(app, SCRIPT_PROPERTIES.stripeApiKeys.test)).toBe(TEST_KEY);
    expect(property(app, SCRIPT_PROPERTIES.stripeApiKey)).toBeNull();
  });
});

describe('syncing both modes', () => {
  let clock = now();
  function bothModes(): AddOn {
    clock = now() - 5 * 86_400;
    const app = new AddOn(new FakeStripeApi({ keys: [TEST_KEY, LIVE_KEY], now: () => clock }));
    app.setUp();
    for (let i = 0; i < 6; i++) {
      clock += 3600;
      app.stripe.scenario.paid({ livemode: i % 2 === 1, clientReferenceId: `sale-${String(i)}` });
    }
    clock = now();
    app.menu('connectStripeKey', { text: TEST_KEY });
    app.menu('connectStripeKey', { text: LIVE_KEY });
    return app;
  }
  const cursorOf = (app: AddOn, mode: 'test' | 'live') =>
    (JSON.parse(property(app, SCRIPT_PROPERTIES.syncStates[mode]) ?? '{}') as { cursor?: number }).cursor;

  it('syncs each mode with its own key and keeps a cursor for each', () => {
    const app = bothModes();
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(/^Test mode: Synced 3 events: 3 new sessions[\s\S]*\n\nLive mode: Synced 3 events: 3 new sessions/);
    expect(app.rows().map((row) => row.livemode)).toEqual([false, false, false, true, true, true]);
    expect(new Set(keysUsedFor(app, /^\/v1\/events$/))).toEqual(new Set([TEST_KEY, LIVE_KEY]));
    const testCursor = cursorOf(app, 'test');
    const liveCursor = cursorOf(app, 'live');
    expect(testCursor).toBeLessThan(liveCursor!);

    // A new live sale: each mode reads from its own cursor.
    app.stripe.scenario.paid({ livemode: true, clientReferenceId: 'late-live' });
    const before = app.stripe.requests.length;
    app.menu('syncNow');
    const pages = app.stripe.requests.slice(before).filter((r) => r.path === '/v1/events' && r.query.limit === '100');
    expect(pages.map((r) => [r.headers.Authorization, r.query['created[gte]']])).toEqual([
      [`Bearer ${TEST_KEY}`, String(testCursor)],
      [`Bearer ${LIVE_KEY}`, String(liveCursor)],
    ]);
    expect(lastAlert(app)).toMatch(/Test mode: Synced 1 event: 0 new sessions[\s\S]*Live mode: Synced 2 events: 1 new session,/);
  });

  it('goes on with one mode when the other fails, and says which failed', () => {
    const app = bothModes();
    // The live key was rolled in Stripe's Dashboard: every live read is refused.
    app.stripe.removeKey(LIVE_KEY);
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(
      /^Test mode: Synced 3 events: 3 new sessions[\s\S]*\n\nLive mode: Sync stopped: Stripe did not accept the API key \(401\)/,
    );
    expect(app.rows().map((row) => row.livemode)).toEqual([false, false, false]);
    expect(cursorOf(app, 'test')).toEqual(expect.any(Number));
    expect(property(app, SCRIPT_PROPERTIES.syncStates.live)).toBeNull();
    // The attribution refresh still ran for the mode that synced.
    expect(app.rows('Attribution').length).toBeGreaterThan(0);
  });

  it('asks how far back only for the mode that never synced', () => {
    const app = addOn();
    app.menu('connectStripeKey', { text: TEST_KEY });
    app.menu('syncNow', { text: '30' });
    app.menu('connectStripeKey', { text: LIVE_KEY });
    app.menu('syncNow', { text: '7' });
    const prompt = uiLog(app).find((e) => e.kind === 'prompt');
    expect(prompt && 'prompt' in prompt ? prompt.prompt : '').toMatch(/the first live-mode sync/);
    const live = app.stripe.requests.filter((r) => r.query.limit === '100' && r.headers.Authorization === `Bearer ${LIVE_KEY}`);
    expect(Math.abs(Number(live[0]?.query['created[gte]']) - (now() - 7 * 86_400))).toBeLessThan(60);
  });
});
