/**
 * The Attribution tab follows webhook deliveries on its own (issue 15), in the built add-on: a
 * delivery that changed the ledger leaves one one-off trigger and a marker; more deliveries add
 * none; the trigger's run refreshes, deletes its trigger and clears the marker first; a busy lock
 * reschedules; a delivery that changed nothing, or was refused, schedules nothing; and a delivery
 * costs the spreadsheet no more round trips than before.
 */
import { SCRIPT_PROPERTIES } from '@stripe-utm-sheets/add-on/core/contracts/script-properties';
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { fireTrigger, type ExecutionContext, type ScriptWithServices, type TriggerRecord } from '@stripe-utm-sheets/tools/services';
import { runInEditor } from './bundle';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';

const KEY = 'rk_test_51LocalRestrictedKey0001';
const HANDLER = 'refreshAfterDeliveries';
const MARKER = SCRIPT_PROPERTIES.pendingRefresh;
const MINUTE = 60_000;
const LINKS = [
  ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'client_reference_id'],
  ['https://buy.stripe.com/test_springA', 'newsletter', 'email', 'spring_sale', 'nl-1'],
  ['https://buy.stripe.com/test_springA', 'facebook', 'paid_social', 'spring_sale', 'fb-2'],
];

/** The add-on, with a hook on the Stripe calls its executions make (the refresh's Payment Links list). */
class ShopAddOn extends AddOn {
  onPaymentLinks: (() => void) | null = null;

  override execution(context: ExecutionContext): ScriptWithServices {
    const run = super.execution(context);
    run.services.urlFetch.handle('api.stripe.com', (request) => {
      if (request.url.includes('/v1/payment_links')) this.onPaymentLinks?.();
      return this.stripe.handle(request);
    });
    return run;
  }
}

function shop(): ShopAddOn {
  const app = new ShopAddOn(new FakeStripeApi({ keys: [KEY], now: () => Math.floor(Date.now() / 1000) }));
  app.setUp();
  app.workbook.write('Links', LINKS);
  return app;
}

const sale = (app: AddOn, reference: string, amount = 1000) =>
  app.stripe.scenario.paid({ clientReferenceId: reference, amount, currency: 'usd' }).events[0]!;

const ours = (app: AddOn): TriggerRecord[] => app.triggers.toJSON().triggers.filter((t) => t.handlerFunction === HANDLER);
const marker = (app: AddOn): { due: number; failures: number } | null => {
  const text = app.properties.script.get(MARKER);
  return text === null ? null : (JSON.parse(text) as { due: number; failures: number });
};
const revenue = (app: AddOn, source: string): unknown =>
  app.rows('Attribution').find((row) => row.utm_source === source && row.currency === 'usd')?.revenue;

/** Apps Script's clock, `minutes` from now. */
const later = (minutes: number): Date => new Date(Date.now() + minutes * MINUTE);

describe('a delivery that changed the ledger', () => {
  it('schedules exactly one one-off trigger, about two minutes ahead, with its marker', () => {
    const app = shop();
    const before = Date.now();
    expect(app.deliver(sale(app, 'nl-1'))).toMatchObject({ ok: true, result: 'inserted' });
    const [trigger, ...more] = ours(app);
    expect(more).toEqual([]);
    expect(trigger).toMatchObject({ eventType: 'CLOCK', schedule: { after: 2 * MINUTE } });
    expect(Date.parse(trigger!.schedule!.runAt!)).toBeGreaterThanOrEqual(before + 2 * MINUTE);
    expect(marker(app)).toEqual({ due: expect.any(Number) as number, failures: 0 });
    expect(marker(app)!.due).toBeGreaterThanOrEqual(before + 2 * MINUTE);
    // Not due yet: nothing runs now.
    expect(app.runDueTriggers()).toEqual([]);
  });

  it('ten deliveries, of sales and of an update, still leave one', () => {
    const app = shop();
    const { events } = app.stripe.scenario.asyncPayment({ outcome: 'succeeded', clientReferenceId: 'fb-2', currency: 'usd' });
    for (let i = 0; i < 8; i++) expect(app.deliver(sale(app, 'nl-1'))).toMatchObject({ ok: true, result: 'inserted' });
    expect(app.deliver(events[0]!)).toMatchObject({ result: 'inserted' });
    expect(app.deliver(events[1]!)).toMatchObject({ result: 'updated' });
    expect(ours(app)).toHaveLength(1);
    expect(app.triggers.toJSON().triggers).toHaveLength(1);
  });

  it('is refreshed into the Attribution tab when the trigger fires, which deletes its trigger and the marker', () => {
    const app = shop();
    app.deliver(sale(app, 'nl-1', 1999));
    app.deliver(sale(app, 'fb-2', 500));
    expect(app.rows('Attribution')).toEqual([]);
    const fired = app.runDueTriggers(later(3));
    expect(fired.map((f) => [f.trigger.handlerFunction, f.ok])).toEqual([[HANDLER, true]]);
    expect(revenue(app, 'newsletter')).toBe(19.99);
    expect(revenue(app, 'facebook')).toBe(5);
    expect(app.triggers.toJSON().triggers).toEqual([]);
    expect(marker(app)).toBeNull();
  });

  it('after the run, schedules the next; during it, finds the marker already cleared', () => {
    const app = shop();
    app.menu('connectStripeKey', { text: KEY });
    // A sale without a known reference makes the refresh ask Stripe for the Payment Links: that is "during the run".
    app.deliver(sale(app, 'nobody'));
    const during: Array<{ marker: unknown; triggers: number }> = [];
    app.onPaymentLinks = () => {
      during.push({ marker: marker(app), triggers: ours(app).length });
    };
    app.runDueTriggers(later(3));
    app.onPaymentLinks = null;
    // Cleared before the refresh read anything: a delivery waiting for the lock then schedules the next one.
    expect(during).toEqual([{ marker: null, triggers: 0 }]);
    expect(app.deliver(sale(app, 'nl-1', 700))).toMatchObject({ ok: true, result: 'inserted' });
    expect(ours(app)).toHaveLength(1);
    expect(marker(app)).not.toBeNull();
    app.runDueTriggers(later(3));
    expect(revenue(app, 'newsletter')).toBe(7);
    expect(ours(app)).toEqual([]);
  });
});

describe('a delivery that changed nothing', () => {
  it('schedules nothing: a repeat, an ignored event type, an expired checkout counted before', () => {
    const app = shop();
    const event = sale(app, 'nl-1');
    const expired = app.stripe.scenario.expired({ clientReferenceId: 'nl-1' }).events[0]!;
    app.deliver(event);
    // An expired checkout is counted (issue 16): the Attribution tab's checkouts follow it too.
    expect(app.deliver(expired)).toMatchObject({ ok: true, result: 'inserted' });
    app.runDueTriggers(later(3));
    expect(app.deliver(event)).toMatchObject({ ok: true, result: 'unchanged' });
    expect(app.deliver(expired)).toMatchObject({ ok: true, result: 'unchanged' });
    const other = { ...expired, id: 'evt_other', type: 'customer.created', data: { object: { object: 'customer' } } };
    expect(app.deliver(other)).toMatchObject({ ok: true, result: 'ignored' });
    expect(app.triggers.toJSON().triggers).toEqual([]);
    expect(marker(app)).toBeNull();
  });

  it('schedules nothing when refused: a wrong token, a body that is not an event, a busy lock', () => {
    const app = shop();
    expect(app.deliver(sale(app, 'nl-1'), 'not-the-token')).toMatchObject({ ok: false, retry: true });
    expect(app.postRaw('not json').body).toMatch(/"ok":false/);
    app.locks.hold('script', 'another-execution');
    expect(app.deliver(sale(app, 'nl-1'))).toMatchObject({ ok: false, retry: true });
    expect(app.triggers.toJSON().triggers).toEqual([]);
    expect(marker(app)).toBeNull();
  });
});

describe('a run that cannot refresh', () => {
  it('reschedules when the lock is busy, later, and refreshes once it is free', () => {
    const app = shop();
    app.deliver(sale(app, 'nl-1', 1200));
    app.locks.hold('script', 'another-execution');
    const [first] = app.runDueTriggers(later(3));
    expect(first).toMatchObject({ ok: true });
    expect(app.rows('Attribution')).toEqual([]);
    const [next, ...more] = ours(app);
    expect(more).toEqual([]);
    expect(next!.uniqueId).not.toBe(first!.trigger.uniqueId);
    // Twice the delay after a failure: a refresh that keeps failing does not burn the daily trigger time.
    expect(next!.schedule).toMatchObject({ after: 4 * MINUTE });
    expect(marker(app)).toMatchObject({ failures: 1 });
    expect(app.runDueTriggers(later(3))).toEqual([]);
    app.locks.release('script', 'another-execution');
    app.runDueTriggers(later(5));
    expect(revenue(app, 'newsletter')).toBe(12);
    expect(app.triggers.toJSON().triggers).toEqual([]);
    expect(marker(app)).toBeNull();
  });

  it('does not reschedule for a tab that cannot be read safely: the tab says what to fix', () => {
    const app = shop();
    app.deliver(sale(app, 'nl-1'));
    app.workbook.sheet('Reconciliation').insertRows(0, 1);
    const [run] = app.runDueTriggers(later(3));
    expect(run).toMatchObject({ ok: true });
    expect(app.last!.runtime.logs.map((entry) => entry.message).join('\n')).toMatch(/header row is missing/);
    expect(app.triggers.toJSON().triggers).toEqual([]);
    expect(marker(app)).toBeNull();
  });
});

describe('its triggers and the others', () => {
  it("leaves the scheduled sync's trigger alone, and a sync takes over the pending refresh", () => {
    const app = shop();
    app.menu('connectStripeKey', { text: KEY });
    app.menu('syncNow', { text: '1' });
    runInEditor(app, 'chooseScheduledSync', '60');
    const sync = app.triggers.toJSON().triggers.filter((t) => t.handlerFunction === 'runScheduledSync');
    expect(sync).toHaveLength(1);
    app.deliver(sale(app, 'nl-1', 300));
    expect(ours(app)).toHaveLength(1);
    fireTrigger(app.execution('trigger'), sync[0]!.uniqueId);
    // The sync's own refresh covered the delivery: no second refresh is left pending.
    expect(revenue(app, 'newsletter')).toBe(3);
    expect(ours(app)).toEqual([]);
    expect(marker(app)).toBeNull();
    app.deliver(sale(app, 'fb-2', 400));
    app.runDueTriggers(later(3));
    expect(revenue(app, 'facebook')).toBe(4);
    expect(app.triggers.toJSON().triggers.map((t) => t.handlerFunction)).toEqual(['runScheduledSync']);
  });

  it('replaces a marker whose trigger is gone (deleted by hand), once it is overdue', () => {
    const app = shop();
    app.deliver(sale(app, 'nl-1'));
    app.triggers.remove(ours(app)[0]!.uniqueId);
    app.deliver(sale(app, 'nl-1'));
    expect(ours(app)).toEqual([]);
    app.properties.script.seed({ [MARKER]: JSON.stringify({ due: Date.now() - 31 * MINUTE, failures: 0 }) });
    app.deliver(sale(app, 'nl-1'));
    expect(ours(app)).toHaveLength(1);
    expect(marker(app)!.due).toBeGreaterThan(Date.now());
  });
});

describe("a delivery's cost", () => {
  /** What the last execution asked of the spreadsheet and of the other services. */
  const cost = (app: AddOn) => {
    const stats = app.last!.services.stats();
    return { roundTrips: stats.spreadsheet.roundTrips, calls: stats.spreadsheet.calls, services: stats.serviceCalls };
  };

  it('is the same round trips to the spreadsheet (7 new, 4 repeat, 7 update), and one property read when a refresh is pending', () => {
    const app = shop();
    const { events } = app.stripe.scenario.asyncPayment({ outcome: 'succeeded', clientReferenceId: 'fb-2', currency: 'usd' });
    app.deliver(events[0]!);
    const scheduling = cost(app);
    app.deliver(events[0]!);
    const repeat = cost(app);
    app.deliver(events[1]!);
    const pending = cost(app);
    expect([scheduling.roundTrips, repeat.roundTrips, pending.roundTrips]).toEqual([7, 4, 7]);
    expect(scheduling.calls).toBe(pending.calls);
    // A repeat reads the token and the key; a change also reads the marker.
    expect(pending.services).toEqual({
      ...repeat.services,
      'Properties.getProperty': repeat.services['Properties.getProperty']! + 1,
      'PropertiesService.getScriptProperties': repeat.services['PropertiesService.getScriptProperties']! + 1,
    });
    // The first change of a burst also writes the marker and creates the trigger.
    expect(scheduling.services).toEqual({
      ...pending.services,
      'PropertiesService.getScriptProperties': pending.services['PropertiesService.getScriptProperties']! + 1,
      'Properties.setProperty': 1,
      'ScriptApp.newTrigger': 1,
      'TriggerBuilder.timeBased': 1,
      'ClockTriggerBuilder.after': 1,
      'ClockTriggerBuilder.create': 1,
    });
  });
});
