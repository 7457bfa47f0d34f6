/**
 * Menu items of the built add-on in the local runtime: the first-sync prompt (key checked first,
 * days validated) and rotating the webhook token.
 */
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn, WEB_APP_URL } from '@stripe-utm-sheets/tools/local-add-on';

const KEY = 'rk_test_51LocalRestrictedKey0001';
const now = (): number => Math.floor(Date.now() / 1000);

/** One sale a day, the last half a day ago; the fake's clock then runs with the real one. */
function stripeWithSales(count: number): FakeStripeApi {
  let clock = now() - count * 86_400 - 43_200;
  const stripe = new FakeStripeApi({ keys: [KEY], now: () => clock });
  for (let i = 0; i < count; i++) {
    clock += 86_400;
    stripe.scenario.paid({ clientReferenceId: `row-${String(i)}` });
  }
  clock = now();
  return stripe;
}

function connected(stripe = stripeWithSales(3)): AddOn {
  const app = new AddOn(stripe);
  app.setUp();
  app.menu('connectStripeKey', { text: KEY });
  return app;
}

const uiLog = (app: AddOn) => app.last?.services.ui.log ?? [];
const prompts = (app: AddOn) => uiLog(app).filter((e) => e.kind === 'prompt');
const alerts = (app: AddOn) => uiLog(app).flatMap((e) => (e.kind === 'alert' ? [e] : []));
const eventLists = (stripe: FakeStripeApi) => stripe.requests.filter((r) => r.path === '/v1/events' && r.query.limit === '100');

describe('Sync now, the first time', () => {
  it('says that no key is connected before asking anything', () => {
    const app = new AddOn(stripeWithSales(1));
    app.setUp();
    app.menu('syncNow');
    expect(prompts(app)).toEqual([]);
    expect(alerts(app).map((a) => a.prompt)).toEqual([expect.stringMatching(/Connect a restricted Stripe key first/)]);
  });

  it.each(['45', '31', '0', '-3', 'abc', '2.5', '7 days', ''])('refuses %j days with what is allowed, and syncs nothing', (text) => {
    const stripe = stripeWithSales(3);
    const app = connected(stripe);
    const before = stripe.requests.length;
    app.menu('syncNow', { text });
    expect(prompts(app)).toHaveLength(1);
    expect(alerts(app).map((a) => a.prompt)).toEqual([expect.stringMatching(/whole number of days from 1 to 30.*nothing was synced/)]);
    expect(stripe.requests.length).toBe(before);
    expect(app.rows()).toEqual([]);
    expect(app.properties.script.get('SYNC_STATE_TEST')).toBeNull();
  });

  it('goes back exactly the days typed', () => {
    const stripe = stripeWithSales(10);
    const app = connected(stripe);
    app.menu('syncNow', { text: ' 7 ' });
    const [first] = eventLists(stripe);
    expect(Math.abs(Number(first?.query['created[gte]']) - (now() - 7 * 86_400))).toBeLessThan(60);
    expect(alerts(app).at(-1)?.prompt).toMatch(/^Synced 7 events: 7 new sessions/);
  });

  it('does nothing on Cancel', () => {
    const stripe = stripeWithSales(3);
    const app = connected(stripe);
    const before = stripe.requests.length;
    app.menu('syncNow', { button: 'CANCEL', text: '7' });
    expect(alerts(app)).toEqual([]);
    expect(stripe.requests.length).toBe(before);
  });
});

describe('Rotate webhook token', () => {
  const paid = (stripe: FakeStripeApi) => stripe.scenario.paid().events[0]!;

  it('is on the menu, and calls a function Code.js declares', () => {
    const app = new AddOn();
    const run = app.menu('onOpen');
    const fn = run.services.ui.menuFunction('Rotate webhook token…');
    expect(fn).toBe('rotateWebhookToken');
    expect(run.runtime.hasFunction('rotateWebhookToken')).toBe(true);
  });

  it('asks first, warning that the URL in Stripe stops working', () => {
    const app = new AddOn();
    const token = app.setUp();
    app.menu('rotateWebhookToken', { button: 'NO' });
    const [question] = alerts(app);
    expect(question).toMatchObject({ buttons: 'YES_NO', answer: 'NO' });
    expect(question?.prompt).toMatch(/URL .*Stripe.* stops working at once/);
    // What Stripe does meanwhile: through the relay it keeps the event; with the direct endpoint, the sync catches up.
    expect(question?.prompt).toMatch(/through the relay, Stripe gets a 503 .* exponential backoff, for up to three days/s);
    expect(question?.prompt).toMatch(/direct \/exec endpoint .* Sync now or the scheduled sync/s);
    expect(app.token()).toBe(token);
    expect(app.last?.services.ui.lastDialog()).toBeNull();
    expect(alerts(app).at(-1)?.prompt).toMatch(/Nothing changed/);
  });

  it('replaces the token at once: the old URL is refused, the new one, shown in the set-up dialog, works', () => {
    const stripe = new FakeStripeApi();
    const app = new AddOn(stripe);
    const old = app.setUp();
    expect(app.deliver(paid(stripe))).toMatchObject({ ok: true });

    app.menu('rotateWebhookToken', { button: 'YES' });
    const token = app.token();
    expect(token).not.toBe(old);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const dialog = app.last?.services.ui.lastDialog();
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Stripe webhooks' });
    expect(dialog?.html).toContain(`value="${WEB_APP_URL}?token=${token}"`);
    expect(dialog?.html).not.toContain(old);
    expect(dialog?.html).toMatch(/New webhook URL/);
    expect(dialog?.html).toMatch(/old URL no longer works/);
    expect(dialog?.html).toMatch(/Stripe gets a 503 for each refused event .* up\s+to three days/s);

    const refused = app.deliver(paid(stripe), old);
    // Refused, and asked to be sent again: a person fixes the URL, and Stripe must keep the event until then.
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/token/i), retry: true });
    expect(app.deliver(paid(stripe), token)).toMatchObject({ ok: true });
    expect(app.rows()).toHaveLength(2);
  });

  it('says to set up first when there is no token, and creates none', () => {
    const app = new AddOn();
    app.menu('rotateWebhookToken');
    expect(alerts(app).map((a) => a.prompt)).toEqual([expect.stringMatching(/Set up reconciliation/)]);
    expect(app.properties.script.get('WEBHOOK_TOKEN')).toBeNull();
  });
});
