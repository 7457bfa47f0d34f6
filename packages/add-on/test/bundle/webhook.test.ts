/**
 * doPost as Stripe meets it: dist/Code.js in the local Apps Script runtime, one fresh execution per
 * delivery, deliveries repeated and reordered, hostile bodies, with and without a Stripe key.
 */
import fc from 'fast-check';
import { FakeStripeApi, OLD_API_VERSION, type StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';

const KEY = 'rk_test_51LocalRestrictedKey0001';
const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);

function addOn(): AddOn {
  return new AddOn(new FakeStripeApi({ keys: [KEY], now: () => NOW }));
}

describe('setting up', () => {
  it('creates the Reconciliation tab, the token and shows the endpoint URL to paste into Stripe', () => {
    const app = addOn();
    const run = app.menu('setUpReconciliation');
    const token = app.token();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const sheet = app.workbook.getSheet('Reconciliation');
    expect(sheet?.values()[0]?.slice(0, 10)).toEqual([
      'session_id',
      'client_reference_id',
      'payment_status',
      'amount',
      'currency',
      'customer_email',
      'payment_link',
      'livemode',
      'created',
      'last_event',
    ]);
    expect(sheet?.frozenRows).toBe(1);
    const dialog = run.services.ui.lastDialog();
    expect(dialog?.html).toContain(`/exec?token=${token}`);
    expect(dialog?.html).toContain('checkout.session.async_payment_succeeded');
    expect(dialog?.html).toMatch(/Verification: token only/);
    // Running it again keeps the token: the URL pasted into Stripe stays valid.
    app.menu('setUpReconciliation');
    expect(app.token()).toBe(token);
  });
});

describe('a delivery', () => {
  it('writes a completed session once, whatever the number of redeliveries', () => {
    const app = addOn();
    app.setUp();
    const { session, events } = app.stripe.scenario.paid({
      currency: 'usd',
      amount: 1999,
      email: 'jenny@example.com',
      clientReferenceId: 'nl-0001',
    });
    const first = app.deliver(events[0]!);
    expect(first).toMatchObject({ ok: true, result: 'inserted', session: session.id, event: events[0]!.id });
    for (let i = 0; i < 5; i++) expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'unchanged' });
    expect(app.rows()).toEqual([
      expect.objectContaining({
        session_id: session.id,
        client_reference_id: 'nl-0001',
        payment_status: 'paid',
        amount: 19.99,
        amount_minor: 1999,
        currency: 'usd',
        customer_email: 'jenny@example.com',
        payment_link: app.stripe.defaultPaymentLink,
        livemode: false,
        last_event: events[0]!.id,
      }),
    ]);
    expect(app.rows()[0]?.created).toEqual(new Date(session.created * 1000));
  });

  it.each([
    ['jpy', 5000, 5000],
    ['kwd', 12345, 12.345],
    ['eur', 2500, 25],
  ])('writes %s %d minor units as %d', (currency, minor, major) => {
    const app = addOn();
    app.setUp();
    const { events } = app.stripe.scenario.paid({ currency, amount: minor });
    app.deliver(events[0]!);
    expect(app.rows()[0]).toMatchObject({ amount: major, amount_minor: minor, currency });
  });

  it('reads the 2024-06-20 API shape too', () => {
    const app = addOn();
    app.setUp();
    const { session, events } = app.stripe.scenario.paid({ apiVersion: OLD_API_VERSION, email: 'old@example.com' });
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'inserted' });
    expect(app.rows()[0]).toMatchObject({ session_id: session.id, customer_email: 'old@example.com', payment_status: 'paid' });
  });

  it('follows a delayed payment to paid, or to failed, in either order', () => {
    const app = addOn();
    app.setUp();
    const succeeded = app.stripe.scenario.asyncPayment({ outcome: 'succeeded', currency: 'eur' });
    const failed = app.stripe.scenario.asyncPayment({ outcome: 'failed', currency: 'usd' });
    app.deliver(succeeded.events[0]!);
    expect(app.rows()[0]).toMatchObject({ payment_status: 'unpaid' });
    app.deliver(succeeded.events[1]!);
    // The late completed event (still "unpaid") must not undo the payment.
    app.deliver(failed.events[1]!);
    app.deliver(failed.events[0]!);
    app.deliver(succeeded.events[0]!);
    const byId = Object.fromEntries(app.rows().map((row) => [String(row.session_id), row]));
    expect(byId[succeeded.session.id]).toMatchObject({ payment_status: 'paid', last_event: succeeded.events[1]!.id });
    expect(byId[failed.session.id]).toMatchObject({ payment_status: 'failed', last_event: failed.events[1]!.id });
  });

  it('updates only its own columns when the user put one of theirs in between', () => {
    const app = addOn();
    app.setUp();
    const { session, events } = app.stripe.scenario.asyncPayment({ outcome: 'succeeded', currency: 'eur' });
    // The user's own column sits after payment_status, with a formula on the session's row.
    const sheet = app.workbook.sheet('Reconciliation');
    const header = sheet.values()[0]!.filter((cell) => cell !== '');
    app.workbook.write('Reconciliation', [[...header.slice(0, 3), 'my notes', ...header.slice(3)]], 'A1');
    app.deliver(events[0]!);
    app.workbook.write('Reconciliation', [['=1+1']], 'D2');
    expect(app.deliver(events[1]!)).toMatchObject({ ok: true, result: 'updated' });
    expect(app.rows()[0]).toMatchObject({ session_id: session.id, payment_status: 'paid', last_event: events[1]!.id });
    expect(sheet.formulas()[1]?.[3]).toBe('=1+1');
  });

  it('gives an expired session no Reconciliation row but counts it once as a checkout, and acknowledges other event types', () => {
    const app = addOn();
    app.setUp();
    const { events, session } = app.stripe.scenario.expired({ clientReferenceId: 'nl-0001' });
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'inserted', session: session.id });
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'unchanged' });
    expect(app.deliver({ ...events[0]!, type: 'customer.created', data: { object: { object: 'customer' } } })).toMatchObject({
      ok: true,
      result: 'ignored',
    });
    expect(app.rows()).toEqual([]);
    expect(app.rows('Checkouts')).toEqual([
      expect.objectContaining({ client_reference_id: 'nl-0001', checkouts: 1, session_ids: session.id, livemode: false }),
    ]);
  });

  it('stores payload text as literal text, never as a formula', () => {
    const app = addOn();
    app.setUp();
    const hostile = [
      '=IMPORTXML("https://evil.example/x","//a")',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(A1)',
      "'quoted",
      '00123',
      'TRUE',
      '2024-03-01',
    ];
    const sessions = hostile.map((text) => app.stripe.scenario.paid({ email: text, session: { customer_email: text } }));
    // client_reference_id is set by the buyer's link and reaches us as it was sent.
    const { events } = app.stripe.scenario.paid({ clientReferenceId: '=HYPERLINK("https://evil.example","click")' });
    for (const { events: sent } of sessions) expect(app.deliver(sent[0]!)).toMatchObject({ ok: true, result: 'inserted' });
    app.deliver(events[0]!);
    expect(app.formulas()).toEqual([]);
    expect(
      app
        .rows()
        .slice(0, hostile.length)
        .map((row) => row.customer_email),
    ).toEqual(hostile);
    expect(app.rows()[hostile.length]?.client_reference_id).toBe('=HYPERLINK("https://evil.example","click")');
  });
});

describe('what is refused, and leaves Reconciliation untouched', () => {
  const event = (app: AddOn): StripeEvent => app.stripe.scenario.paid().events[0]!;

  it.each([
    ['no token', null],
    ['a wrong token', 'x'.repeat(64)],
    ['an empty token', ''],
  ])('%s', (_, token) => {
    const app = addOn();
    app.setUp();
    // A person fixes a token (a rotated one, a relay with an old URL): Stripe must keep the event until then.
    expect(app.deliver(event(app), token)).toEqual({ ok: false, error: 'Wrong or missing token', retry: true });
    expect(app.rows()).toEqual([]);
    expect(app.rows('Webhook log')).toEqual([expect.objectContaining({ reason: 'wrong or missing token (retried)', count: 1 })]);
  });

  it('before set-up, with a clear answer', () => {
    const app = addOn();
    expect(app.deliver(event(app), 'anything')).toEqual({ ok: false, error: expect.stringMatching(/Set up reconciliation/), retry: true });
    expect(app.workbook.getSheet('Webhook log')).toBeNull();
  });

  it.each([
    ['not JSON', '{"id": "evt_1", ', /not JSON/],
    ['an empty body', '', /no body/],
    ['JSON that is not an event', '[1,2,3]', /not a Stripe event/],
    ['an event with a wrong field', null, /data\.object\.amount_total: expected number/],
    ['a body over 256 KiB', null, /over 256 KiB/],
  ])('%s', (_, body, error) => {
    const app = addOn();
    app.setUp();
    const valid = event(app);
    const text =
      body ??
      (String(error).includes('amount_total')
        ? JSON.stringify({ ...valid, data: { object: { ...(valid.data.object as object), amount_total: '1999' } } })
        : JSON.stringify({ ...valid, padding: 'x'.repeat(256 * 1024) }));
    const response = app.postRaw(text);
    expect(response.status).toBe(302);
    const answer = JSON.parse(response.body) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(error);
    expect(app.rows()).toEqual([]);
  });

  it('keeps the rejection log to one row per reason however many strangers post', () => {
    const app = addOn();
    app.setUp();
    for (let i = 0; i < 30; i++) app.postRaw(`junk ${String(i)}`);
    for (let i = 0; i < 30; i++) app.postRaw('{}', `guess-${String(i)}`);
    const log = app.rows('Webhook log');
    expect(log).toHaveLength(2);
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'not JSON', count: 30 }),
        expect.objectContaining({ reason: 'wrong or missing token (retried)', count: 30 }),
      ]),
    );
  });

  it("answers JSON, not Apps Script's HTML error page, when something breaks inside", () => {
    const app = addOn();
    app.setUp();
    // A user renamed a column header to something else and then deleted the tab's rows: still JSON.
    app.workbook.deleteSheet(app.workbook.sheet('Reconciliation'));
    app.workbook.insertSheet('Reconciliation');
    const response = app.postRaw(JSON.stringify(event(app)));
    expect(response.mimeType).toBe('JSON');
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, result: 'inserted' });
  });

  it('asks Stripe to retry when another delivery holds the lock', () => {
    const app = addOn();
    app.setUp();
    app.locks.hold('script', 'another-execution');
    expect(app.deliver(event(app))).toMatchObject({ ok: false, error: expect.stringMatching(/Busy/) });
    expect(app.rows()).toEqual([]);
  });
});

describe('with a restricted Stripe key', () => {
  it("writes only Stripe's copy of the session", () => {
    const app = addOn();
    app.setUp();
    app.menu('connectStripeKey', { text: KEY });
    expect(app.properties.script.get('STRIPE_API_KEY_TEST')).toBe(KEY);
    const { session, events } = app.stripe.scenario.paid({ amount: 1999, email: 'real@example.com' });
    const tampered = {
      ...events[0]!,
      data: { object: { ...(events[0]!.data.object as object), amount_total: 1, customer_details: { email: 'forged@example.com' } } },
    };
    expect(app.deliver(tampered)).toMatchObject({ ok: true, result: 'inserted', verified: true });
    expect(app.rows()[0]).toMatchObject({ session_id: session.id, amount_minor: 1999, customer_email: 'real@example.com' });
  });

  it('refuses an event Stripe never sent, and counts it', () => {
    const app = addOn();
    app.setUp();
    app.menu('connectStripeKey', { text: KEY });
    const { events } = app.stripe.scenario.paid();
    const forged = { ...events[0]!, id: 'evt_1ForgedEventThatStripeNeverSent' };
    expect(app.deliver(forged)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Could not confirm evt_1ForgedEventThatStripeNeverSent/),
    });
    expect(app.rows()).toEqual([]);
    expect(app.rows('Webhook log')).toEqual([expect.objectContaining({ reason: 'not confirmed by Stripe', count: 1 })]);
  });

  it("leaves the delivery for Stripe to retry while Stripe's API is down", () => {
    const app = addOn();
    app.setUp();
    app.menu('connectStripeKey', { text: KEY });
    const { events } = app.stripe.scenario.paid();
    // A delivery tries Stripe twice; both fail, so this one is left for Stripe's next retry.
    app.stripe.failNext(2, 503);
    expect(app.deliver(events[0]!)).toMatchObject({ ok: false, error: expect.stringMatching(/503/) });
    expect(app.rows()).toEqual([]);
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'inserted' });
  });

  it('refuses a secret key and keeps none', () => {
    const app = addOn();
    app.setUp();
    const run = app.menu('connectStripeKey', { text: 'sk_test_51SecretKeyThatCanMoveMoney' });
    expect(app.properties.script.get('STRIPE_API_KEY_TEST')).toBeNull();
    expect(run.services.ui.log.at(-1)).toMatchObject({ kind: 'alert', prompt: expect.stringMatching(/secret key/) });
  });
});

describe('any order, any repeats', () => {
  it('ends in the same tab as delivering each event once in order', () => {
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => NOW });
    const scenarios = [
      stripe.scenario.paid({ currency: 'usd' }),
      stripe.scenario.paid({ currency: 'jpy' }),
      stripe.scenario.asyncPayment({ outcome: 'succeeded', currency: 'eur' }),
      stripe.scenario.asyncPayment({ outcome: 'failed', currency: 'usd' }),
      stripe.scenario.expired(),
    ];
    const events = scenarios.flatMap((scenario) => scenario.events).sort((a, b) => a.created - b.created);
    const sortedRows = (app: AddOn) => [...app.rows()].sort((a, b) => String(a.session_id).localeCompare(String(b.session_id)));

    const reference = new AddOn(stripe);
    reference.setUp();
    for (const event of events) reference.deliver(event);
    const expected = sortedRows(reference);
    expect(expected).toHaveLength(4);

    // Every event at least once plus any repeats, in any order.
    const deliveries = fc.array(fc.nat(events.length - 1), { maxLength: events.length * 2 }).chain((repeats) => {
      const all = [...events.map((_, i) => i), ...repeats];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    });
    fc.assert(
      fc.property(deliveries, (order) => {
        const app = new AddOn(stripe);
        app.setUp();
        for (const index of order) expect(app.deliver(events[index]!).ok).toBe(true);
        expect(sortedRows(app)).toEqual(expected);
        expect(app.formulas()).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
