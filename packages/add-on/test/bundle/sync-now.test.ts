/**
 * Sync now and the hourly sync in dist/Code.js: paging through every session, resuming after an
 * error, backing off on rate limits, clear messages for a bad key, and the time-driven trigger.
 */
import type { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { fireTrigger } from '@stripe-utm-sheets/tools/services';
import { runInEditor } from './bundle';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { connected, KEY, lastAlert, stripeWithHistory } from './connected-add-on';

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
    expect(lastAlert(app)).toMatch(/1 new session,/);
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
    expect(JSON.parse(app.properties.script.get('SYNC_STATE_TEST') ?? '{}')).toMatchObject({ run: { pages: 2 } });

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
      /not allowed to read this \(403\).*Checkout Sessions, Events, Payment Links, Invoices, Balance transaction sources, Charges and Disputes/,
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

describe('the hourly sync', () => {
  it('is a time-driven trigger that syncs without any Ui, and can be turned off', () => {
    const stripe = stripeWithHistory(3);
    const app = connected(stripe);
    app.menu('syncNow', { text: '30' });
    runInEditor(app, 'chooseScheduledSync', '60');
    const [trigger] = app.triggers.toJSON().triggers;
    expect(trigger).toMatchObject({ handlerFunction: 'runScheduledSync', eventType: 'CLOCK' });
    stripe.scenario.paid({ clientReferenceId: 'from-the-trigger' });
    const run = app.execution('trigger');
    fireTrigger(run, trigger!.uniqueId);
    expect(app.rows().map((row) => row.client_reference_id)).toContain('from-the-trigger');
    runInEditor(app, 'chooseScheduledSync', 'off');
    expect(app.triggers.toJSON().triggers).toEqual([]);
  });
});
