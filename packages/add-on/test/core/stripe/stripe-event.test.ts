import {
  EVENT_ID,
  HANDLED_EVENT_TYPES,
  isHandledEventType,
  SESSION_EVENT_TYPES,
  readCheckoutSession,
  readEvent,
  SESSION_ID,
  type EventReading,
} from '../../../src/core/stripe/stripe-event';
import {
  completedSession,
  eventFor,
  OLD_SESSION,
  readFixture,
  SESSION_FIXTURES,
  withField,
  withoutField,
  type Json,
} from '../stripe-fixtures';

function sessionEvent(reading: EventReading) {
  if (reading.kind !== 'session_event') throw new Error(`expected a session event, got ${JSON.stringify(reading)}`);
  return reading.event;
}

function invalidError(reading: EventReading): string {
  if (reading.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(reading)}`);
  return reading.error;
}

describe.each(SESSION_FIXTURES)('readEvent with Stripe fixture %s', (fixture) => {
  const session = completedSession(fixture);
  const event = eventFor(session);

  it('reads a completed session event', () => {
    const read = sessionEvent(readEvent(event));
    expect(read).toMatchObject({ id: event.id, type: 'checkout.session.completed', created: event.created, livemode: false });
    expect(read.session).toMatchObject({
      id: session.id,
      object: 'checkout.session',
      created: session.created,
      livemode: false,
      payment_status: 'paid',
      status: 'complete',
      amount_total: 1999,
      currency: 'usd',
      client_reference_id: 'row_42',
      customer_email: null,
      customer_details: { email: 'buyer@example.com' },
      payment_link: 'plink_1PgafmB7WZ01zgkWabc',
    });
  });

  it('reads the fixture exactly as Stripe sends it, nulls and all', () => {
    const raw = readFixture(fixture);
    const read = sessionEvent(readEvent(eventFor(raw)));
    expect(read.session.id).toBe(raw.id);
    expect(read.session.payment_status).toBe('unpaid');
    expect(read.session.amount_total).toBeNull();
    expect(read.session.currency).toBeNull();
    expect(read.session.client_reference_id).toBeNull();
    expect(read.session.payment_link).toBeNull();
  });

  it.each(SESSION_EVENT_TYPES)('reads %s', (type) => {
    expect(sessionEvent(readEvent({ ...event, type })).type).toBe(type);
  });

  it('reads a live-mode event with a live-mode session', () => {
    const live = completedSession(fixture, { id: 'cs_live_a1B2c3', livemode: true });
    const read = sessionEvent(readEvent(eventFor(live, { livemode: true })));
    expect(read.livemode).toBe(true);
    expect(read.session.id).toBe('cs_live_a1B2c3');
  });

  it.each([
    ['data.object.amount_total', '12', 'data.object.amount_total: expected number, got "12"'],
    ['data.object.amount_total', 19.5, 'data.object.amount_total: expected int, got 19.5'],
    ['data.object.livemode', 'false', 'data.object.livemode: expected boolean, got "false"'],
    ['data.object.created', '1234567890', 'data.object.created: expected number, got "1234567890"'],
    ['data.object.client_reference_id', 42, 'data.object.client_reference_id: expected string, got 42'],
    ['data.object.customer_email', { email: 'x' }, 'data.object.customer_email: expected string, got {"email":"x"}'],
    ['data.object.customer_details.email', 42, 'data.object.customer_details.email: expected string, got 42'],
    ['data.object.customer_details', 'buyer@example.com', 'data.object.customer_details: expected object, got "buyer@example.com"'],
    [
      'data.object.payment_status',
      'complete',
      'data.object.payment_status: expected one of "paid", "unpaid", "no_payment_required", got "complete"',
    ],
    ['data.object.payment_status', null, 'data.object.payment_status: expected one of "paid", "unpaid", "no_payment_required", got null'],
    ['data.object.status', 'done', 'data.object.status: expected one of "open", "complete", "expired", got "done"'],
    ['data.object.object', 'payment_intent', 'data.object.object: expected one of "checkout.session", got "payment_intent"'],
    ['data.object.currency', 'us dollars', 'data.object.currency: "us dollars" is not in Stripe\'s format for this field'],
    ['data.object.id', 'pi_123', 'data.object.id: "pi_123" is not in Stripe\'s format for this field'],
    ['data.object', 'cs_test_a1', 'data.object: expected object, got "cs_test_a1"'],
    ['livemode', 'false', 'livemode: expected boolean, got "false"'],
    ['created', -1, 'created: -1 is negative, which Stripe never sends'],
    ['object', 'invoice', 'object: expected one of "event", got "invoice"'],
    ['id', 'evt 1', 'id: "evt 1" is not in Stripe\'s format for this field'],
  ])('names the path when %s is %j', (fieldPath, value, error) => {
    expect(invalidError(readEvent(withField(event, fieldPath, value)))).toBe(error);
  });

  it.each([
    ['data.object.id'],
    ['data.object.payment_status'],
    ['data.object.livemode'],
    ['data.object.created'],
    ['id'],
    ['type'],
    ['created'],
  ])('names the path when the required %s is missing', (fieldPath) => {
    expect(invalidError(readEvent(withoutField(event, fieldPath)))).toMatch(
      new RegExp(`^${fieldPath.replace(/\./g, '\\.')}: expected .+, got nothing$`),
    );
  });

  it('says that a long client_reference_id is too long', () => {
    expect(invalidError(readEvent(withField(event, 'data.object.client_reference_id', 'x'.repeat(501))))).toBe(
      'data.object.client_reference_id: too long',
    );
  });

  it('ignores fields it does not know, at every level', () => {
    let extended = withField(event, 'data.object.brand_new_field', { nested: [1, 2, { deep: null }] });
    extended = withField(extended, 'data.object.customer_details.brand_new_field', 'x');
    extended = withField(extended, 'brand_new_envelope_field', 7);
    extended = withField(extended, 'data.previous_attributes', { status: 'open' });
    const read = sessionEvent(readEvent(extended));
    expect(read.session.amount_total).toBe(1999);
    // Only what the add-on uses is carried on: nothing a payload adds reaches the sheet by accident.
    expect(read.session).not.toHaveProperty('brand_new_field');
    expect(read.session).not.toHaveProperty('success_url');
  });

  it.each([
    'data.object.amount_total',
    'data.object.currency',
    'data.object.client_reference_id',
    'data.object.customer_email',
    'data.object.customer_details',
    'data.object.customer_details.email',
    'data.object.status',
    'data.object.payment_link',
    'api_version',
  ])('accepts null for %s, as some API versions send', (fieldPath) => {
    expect(readEvent(withField(event, fieldPath, null)).kind).toBe('session_event');
  });

  it.each([
    'data.object.amount_total',
    'data.object.currency',
    'data.object.client_reference_id',
    'data.object.customer_email',
    'data.object.customer_details',
    'data.object.customer_details.email',
    'data.object.status',
    'data.object.payment_link',
    'api_version',
  ])('accepts %s missing, as some API versions omit it', (fieldPath) => {
    expect(readEvent(withoutField(event, fieldPath)).kind).toBe('session_event');
  });

  it('accepts an expanded payment_link object', () => {
    const expanded = withField(event, 'data.object.payment_link', { id: 'plink_1abc', object: 'payment_link', active: true });
    expect(sessionEvent(readEvent(expanded)).session.payment_link).toEqual({ id: 'plink_1abc', object: 'payment_link', active: true });
  });

  it('refuses a session whose livemode differs from the event', () => {
    expect(invalidError(readEvent(withField(event, 'data.object.livemode', true)))).toBe('data.object.livemode: does not match the event');
    expect(invalidError(readEvent({ ...event, livemode: true }))).toBe('data.object.livemode: does not match the event');
  });

  it('refuses ids that could become formulas or reach other objects', () => {
    for (const id of [
      '=HYPERLINK("https://evil.example","Refund")',
      '+cs_test_a1',
      'cs_test_a1=1',
      'cs_test_a1\n=1',
      'cs_test_../../v1/charges',
    ]) {
      expect(invalidError(readEvent(withField(event, 'data.object.id', id)))).toMatch(
        /^data\.object\.id: .* is not in Stripe's format for this field$/,
      );
    }
    for (const id of ['=HYPERLINK("https://evil.example","Refund")', '@evt_1', 'evt_1;=1', 'evt_1\n']) {
      expect(invalidError(readEvent({ ...event, id }))).toMatch(/^id: .* is not in Stripe's format for this field$/);
    }
  });
});

describe('readEvent with events the add-on does not handle', () => {
  it('acknowledges another event type, with its id, whatever its object', () => {
    const plan = readFixture('event_fixture.json');
    expect(readEvent(plan)).toEqual({ kind: 'other_event', id: 'evt_1Pgc76B7WZ01zgkWwyRHS12y', type: 'plan.created' });
    const sessionLike = eventFor(completedSession(), { type: 'checkout.session.created_by_a_future_api' });
    expect(readEvent(sessionLike)).toEqual({ kind: 'other_event', id: sessionLike.id, type: 'checkout.session.created_by_a_future_api' });
  });

  it('does not read a session event type it does not handle as a session event', () => {
    expect(readEvent(eventFor(completedSession(), { type: 'payment_intent.succeeded' })).kind).toBe('other_event');
  });

  it.each([
    ['null', null],
    ['an empty array', []],
    ['a string', 'evt_1'],
    ['a number', 42],
    ['a boolean', true],
    ['an array holding an event', [eventFor(completedSession())]],
  ])('refuses %s as not an event object', (_, json) => {
    expect(readEvent(json)).toEqual({ kind: 'invalid', error: 'the body is not a Stripe event object' });
  });

  it('names the first missing field of an object that is not an event', () => {
    expect(invalidError(readEvent({}))).toBe('id: expected string, got nothing');
    expect(invalidError(readEvent({ hello: 'world' }))).toMatch(/^id: /);
  });

  it('cuts what it quotes from the payload short', () => {
    const error = invalidError(readEvent(withField(eventFor(completedSession()), 'data.object.amount_total', 'x'.repeat(10_000))));
    expect(error.length).toBeLessThan(200);
    expect(error.startsWith('data.object.amount_total: expected number, got "xxx')).toBe(true);
  });
});

describe('isHandledEventType', () => {
  it('knows exactly the four checkout.session events and the seven money events', () => {
    expect([...HANDLED_EVENT_TYPES].sort()).toEqual([
      'charge.dispute.closed',
      'charge.dispute.created',
      'charge.dispute.funds_reinstated',
      'charge.dispute.funds_withdrawn',
      'charge.dispute.updated',
      'charge.refunded',
      'checkout.session.async_payment_failed',
      'checkout.session.async_payment_succeeded',
      'checkout.session.completed',
      'checkout.session.expired',
      'invoice.paid',
    ]);
    expect(isHandledEventType('refund.created')).toBe(false);
    expect(isHandledEventType('checkout.session.completed')).toBe(true);
    expect(isHandledEventType('checkout.session.created')).toBe(false);
    expect(isHandledEventType('checkout.session.completed ')).toBe(false);
    expect(isHandledEventType('toString')).toBe(false);
  });
});

describe('id shapes', () => {
  it.each([
    'cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY',
    'cs_test_a12et9VnHfV9NETJktvuOmVoyrOB40recOCQWiVNeDlBe4IqxEIRNi1Qdf',
    'cs_live_b1',
  ])('SESSION_ID accepts %s', (id) => {
    expect(SESSION_ID.test(id)).toBe(true);
  });

  it.each([
    '=HYPERLINK("https://evil.example","x")',
    '=cs_test_a1',
    '+cs_test_a1',
    '-cs_test_a1',
    '@cs_test_a1',
    'cs_test_',
    'cs_test_a1 ',
    'cs_test_a1\n',
    'cs_test_a1_b2',
    'cs_prod_a1',
    'cs_test_a1"&"',
    `cs_test_${'a'.repeat(251)}`,
    '',
  ])('SESSION_ID refuses %j', (id) => {
    expect(SESSION_ID.test(id)).toBe(false);
  });

  it.each(['evt_1Pgc76B7WZ01zgkWwyRHS12y', 'evt_1', 'evt_test_a1'])('EVENT_ID accepts %s', (id) => {
    expect(EVENT_ID.test(id)).toBe(true);
  });

  it.each([
    '=HYPERLINK("https://evil.example","x")',
    '=evt_1',
    'evt_',
    'evt_1\n',
    'evt_1 ',
    'evt_1-2',
    'evt_1/../x',
    'ev_1',
    `evt_${'a'.repeat(251)}`,
    '',
  ])('EVENT_ID refuses %j', (id) => {
    expect(EVENT_ID.test(id)).toBe(false);
  });
});

describe('readCheckoutSession', () => {
  it.each(SESSION_FIXTURES)('reads the session Stripe returns from the API (%s)', (fixture) => {
    const raw = readFixture(fixture);
    const read = readCheckoutSession(raw);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.session.id).toBe(raw.id);
  });

  it('names the path under "session"', () => {
    const bad: Json = { ...readFixture(OLD_SESSION), amount_total: '12' };
    expect(readCheckoutSession(bad)).toEqual({ ok: false, error: 'session.amount_total: expected number, got "12"' });
    expect(readCheckoutSession(null)).toEqual({ ok: false, error: 'session: expected object, got null' });
  });
});
