import fc from 'fast-check';
import {
  isPaymentStatus,
  paymentLinkId,
  PAYMENT_STATUSES,
  recordFromEvent,
  supersedes,
  type PaymentStatus,
  type RecordVersion,
  type SessionRecord,
} from '../../../src/core/ledger/reconciliation';
import { readCheckoutSession, readEvent, type CheckoutSessionEvent, type HandledEventType } from '../../../src/core/stripe/stripe-event';
import { completedSession, eventFor, readFixture, SESSION_FIXTURES, withField, type Json } from '../stripe-fixtures';

/** The event readEvent makes of `json`, failing the test if it makes anything else. */
function read(json: Json): CheckoutSessionEvent {
  const reading = readEvent(json);
  if (reading.kind !== 'session_event') throw new Error(`not a session event: ${JSON.stringify(reading)}`);
  return reading.event;
}

function record(json: Json): SessionRecord {
  const made = recordFromEvent(read(json));
  if (made === null) throw new Error('no record');
  return made;
}

const SESSION_ID = 'cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY';

describe.each(SESSION_FIXTURES)('recordFromEvent with Stripe fixture %s', (fixture) => {
  it('makes the row a paid card session shows', () => {
    const session = completedSession(fixture);
    expect(record(eventFor(session))).toEqual({
      session_id: session.id,
      client_reference_id: 'row_42',
      payment_status: 'paid',
      amount: 19.99,
      amount_minor: 1999,
      currency: 'usd',
      customer_email: 'buyer@example.com',
      payment_link: 'plink_1PgafmB7WZ01zgkWabc',
      livemode: false,
      created: 1234567890,
      last_event: 'evt_1Pgc76B7WZ01zgkWwyRHS12y',
      last_event_created: 1721948600,
      // The fixture's payment: how the session's refunds and disputes find it.
      payment_intent: readFixture(fixture).payment_intent,
      subscription: '',
      // Read from the event's own copy, not fetched from Stripe.
      confirmed: 'not yet',
    });
  });

  it('makes a row of the fixture as Stripe sends it, with blanks for its nulls', () => {
    const raw = readFixture(fixture);
    expect(record(eventFor(raw))).toMatchObject({
      session_id: raw.id,
      client_reference_id: '',
      payment_status: 'unpaid',
      amount: null,
      amount_minor: null,
      currency: '',
      customer_email: 'example@example.com',
      payment_link: '',
    });
  });

  it.each([
    ['jpy', 5000, 5000],
    ['usd', 1999, 19.99],
    ['usd', 1005, 10.05],
    ['kwd', 12345, 12.345],
    ['bhd', 1, 0.001],
    ['huf', 12345, 123.45],
    ['JPY', 5000, 5000],
  ])('converts %s %d to %d major units', (currency, minor, major) => {
    const made = record(eventFor(completedSession(fixture, { currency, amount_total: minor })));
    expect(made.amount).toBe(major);
    expect(made.amount_minor).toBe(minor);
    expect(made.currency).toBe(currency.toLowerCase());
  });

  it('leaves the amount blank when Stripe sent no amount or no currency, never 0', () => {
    expect(record(eventFor(completedSession(fixture, { amount_total: null }))).amount).toBeNull();
    const noCurrency = record(eventFor(completedSession(fixture, { currency: null })));
    expect(noCurrency.amount).toBeNull();
    expect(noCurrency.amount_minor).toBe(1999);
    expect(noCurrency.currency).toBe('');
  });

  it('keeps an amount of 0', () => {
    expect(record(eventFor(completedSession(fixture, { amount_total: 0, payment_status: 'no_payment_required' })))).toMatchObject({
      amount: 0,
      amount_minor: 0,
      payment_status: 'no_payment_required',
    });
  });

  describe('customer_email', () => {
    const details = (email: string | null): Json => ({ ...(readFixture(fixture).customer_details as Json), email });
    it.each<[string, Json, string]>([
      [
        'customer_details.email over customer_email',
        { customer_details: details('paid@example.com'), customer_email: 'prefilled@example.com' },
        'paid@example.com',
      ],
      [
        'customer_email when customer_details.email is null',
        { customer_details: details(null), customer_email: 'prefilled@example.com' },
        'prefilled@example.com',
      ],
      [
        'customer_email when customer_details is null',
        { customer_details: null, customer_email: 'prefilled@example.com' },
        'prefilled@example.com',
      ],
      [
        'customer_details.email when customer_email is null',
        { customer_details: details('paid@example.com'), customer_email: null },
        'paid@example.com',
      ],
      ['blank when neither is set', { customer_details: null, customer_email: null }, ''],
    ])('takes %s', (_, overrides, email) => {
      expect(record(eventFor(completedSession(fixture, overrides))).customer_email).toBe(email);
    });

    it('takes customer_email when customer_details is absent', () => {
      const session = completedSession(fixture, { customer_email: 'prefilled@example.com' });
      delete session.customer_details;
      expect(record(eventFor(session)).customer_email).toBe('prefilled@example.com');
    });
  });

  describe('payment_status by event type', () => {
    const delayed = completedSession(fixture, { payment_status: 'unpaid' });

    it('keeps a delayed payment unpaid at checkout.session.completed', () => {
      expect(record(eventFor(delayed)).payment_status).toBe('unpaid');
    });

    it('makes async_payment_succeeded paid, whatever the session copy says', () => {
      expect(record(eventFor(delayed, { type: 'checkout.session.async_payment_succeeded' })).payment_status).toBe('paid');
      expect(record(eventFor(completedSession(fixture), { type: 'checkout.session.async_payment_succeeded' })).payment_status).toBe('paid');
    });

    it('makes async_payment_failed failed, whatever the session copy says', () => {
      expect(record(eventFor(delayed, { type: 'checkout.session.async_payment_failed' })).payment_status).toBe('failed');
      expect(record(eventFor(completedSession(fixture), { type: 'checkout.session.async_payment_failed' })).payment_status).toBe('failed');
    });

    it('makes no row for an expired session, even one that says paid', () => {
      const expired = completedSession(fixture, { status: 'expired', payment_status: 'unpaid' });
      expect(recordFromEvent(read(eventFor(expired, { type: 'checkout.session.expired' })))).toBeNull();
      expect(recordFromEvent(read(eventFor(completedSession(fixture), { type: 'checkout.session.expired' })))).toBeNull();
    });
  });

  it('takes the session from the copy fetched back from Stripe, and the event id and time from the event', () => {
    const event = read(eventFor(completedSession(fixture, { payment_status: 'unpaid', amount_total: 100 })));
    const fetched = readCheckoutSession(
      completedSession(fixture, {
        payment_status: 'paid',
        amount_total: 2500,
        customer_email: 'later@example.com',
        customer_details: null,
      }),
    );
    if (!fetched.ok) throw new Error(fetched.error);
    expect(recordFromEvent(event, fetched.session)).toMatchObject({
      payment_status: 'paid',
      amount: 25,
      customer_email: 'later@example.com',
      last_event: event.id,
      last_event_created: event.created,
    });
  });
});

describe('paymentLinkId', () => {
  it.each<[string, unknown, string]>([
    ['an id', 'plink_1PgafmB7WZ01zgkWabc', 'plink_1PgafmB7WZ01zgkWabc'],
    ['an expanded Payment Link', { id: 'plink_1Pgafm', object: 'payment_link', url: 'https://buy.stripe.com/x' }, 'plink_1Pgafm'],
    ['null', null, ''],
    ['nothing', undefined, ''],
    ['a formula', '=HYPERLINK("https://evil.example","x")', ''],
    ['an id followed by a formula', 'plink_1abc=1+1', ''],
    ['an id and a newline', 'plink_1abc\n', ''],
    ['another object id', 'price_1abc', ''],
    ['an expanded object with a formula for id', { id: '=1+1' }, ''],
    ['an expanded object without id', { object: 'payment_link' }, ''],
    ['an array', ['plink_1abc'], ''],
    ['a number', 42, ''],
  ])('reads %s', (_, payment_link, id) => {
    expect(paymentLinkId({ payment_link })).toBe(id);
  });
});

describe('isPaymentStatus', () => {
  it('knows the four statuses and nothing else', () => {
    for (const status of PAYMENT_STATUSES) expect(isPaymentStatus(status)).toBe(true);
    for (const other of ['PAID', 'complete', 'expired', '', 'paid ', null, 1, undefined]) expect(isPaymentStatus(other)).toBe(false);
  });
});

describe('supersedes', () => {
  const v = (payment_status: PaymentStatus, last_event_created: number, last_event: string): RecordVersion => ({
    payment_status,
    last_event,
    last_event_created,
  });

  it.each<[string, RecordVersion, RecordVersion, boolean]>([
    ['a repeat of the same event', v('unpaid', 100, 'evt_a'), v('unpaid', 100, 'evt_a'), false],
    ['a repeat of the same event id, even if it says more', v('paid', 200, 'evt_a'), v('unpaid', 100, 'evt_a'), false],
    ['a newer event of the same status', v('paid', 101, 'evt_a'), v('paid', 100, 'evt_b'), true],
    ['an older event of the same status', v('paid', 99, 'evt_b'), v('paid', 100, 'evt_a'), false],
    ['success over the unpaid completion, though older', v('paid', 50, 'evt_b'), v('unpaid', 100, 'evt_a'), true],
    ['failure over the unpaid completion, though older', v('failed', 50, 'evt_b'), v('unpaid', 100, 'evt_a'), true],
    ['no_payment_required over unpaid', v('no_payment_required', 50, 'evt_b'), v('unpaid', 100, 'evt_a'), true],
    ['an unpaid completion over success, though newer', v('unpaid', 200, 'evt_a'), v('paid', 100, 'evt_b'), false],
    ['an unpaid completion over failure, though newer', v('unpaid', 200, 'evt_a'), v('failed', 100, 'evt_b'), false],
    ['a newer failure over success', v('failed', 200, 'evt_a'), v('paid', 100, 'evt_b'), true],
    ['an older failure over success', v('failed', 100, 'evt_b'), v('paid', 200, 'evt_a'), false],
    ['the same second, the greater id', v('unpaid', 100, 'evt_b'), v('unpaid', 100, 'evt_a'), true],
    ['the same second, the smaller id', v('unpaid', 100, 'evt_a'), v('unpaid', 100, 'evt_b'), false],
    ['a row read back with no event over it', v('unpaid', 100, 'evt_a'), v('unpaid', 0, ''), true],
  ])('%s: %j over %j is %s', (_, incoming, existing, expected) => {
    expect(supersedes(incoming, existing)).toBe(expected);
  });

  const anyVersion = fc.record({
    payment_status: fc.constantFrom(...PAYMENT_STATUSES),
    last_event_created: fc.integer({ min: 0, max: 5 }),
    last_event: fc.stringMatching(/^evt_[A-Za-z0-9_]{1,3}$/),
  });

  /** Distinct events: one id is one event, so two versions never share an id. */
  const distinctVersions = (n: number) =>
    fc.uniqueArray(anyVersion, { minLength: n, maxLength: n, selector: (version) => version.last_event });

  it('orders any two different events one way only', () => {
    fc.assert(
      fc.property(distinctVersions(2), ([a, b]) => {
        expect(supersedes(a!, b!)).toBe(!supersedes(b!, a!));
        expect(supersedes(a!, a!)).toBe(false);
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(distinctVersions(3), ([a, b, c]) => {
        if (supersedes(a!, b!) && supersedes(b!, c!)) expect(supersedes(a!, c!)).toBe(true);
        if (supersedes(c!, b!) && supersedes(b!, a!)) expect(supersedes(c!, a!)).toBe(true);
      }),
    );
  });
});

describe('folding the deliveries of one session (property)', () => {
  type Settlement = 'none' | 'checkout.session.async_payment_succeeded' | 'checkout.session.async_payment_failed';

  /** The distinct events Stripe sends for one session: a completion, and perhaps a settlement. */
  const sessionHistory = fc
    .record({
      completedStatus: fc.constantFrom<'unpaid' | 'paid' | 'no_payment_required'>('unpaid', 'unpaid', 'paid', 'no_payment_required'),
      settlement: fc.constantFrom<Settlement>('none', 'checkout.session.async_payment_succeeded', 'checkout.session.async_payment_failed'),
      // Arbitrary, possibly equal, possibly out of order: clocks and retries promise nothing.
      times: fc.tuple(fc.integer({ min: 1_700_000_000, max: 1_700_000_010 }), fc.integer({ min: 1_700_000_000, max: 1_700_000_010 })),
      ids: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{1,4}$/), { minLength: 2, maxLength: 2 }),
      amount: fc.integer({ min: 0, max: 10_000_000 }),
    })
    .map(({ completedStatus, settlement, times, ids, amount }) => {
      const session = completedSession(undefined, { id: SESSION_ID, payment_status: completedStatus, amount_total: amount });
      const events: SessionRecord[] = [record(eventFor(session, { id: `evt_${ids[0]!}`, created: times[0] }))];
      // Only a delayed payment (unpaid at completion) settles later, one way or the other.
      if (settlement !== 'none' && completedStatus === 'unpaid') {
        const type: HandledEventType = settlement;
        events.push(
          record(
            eventFor(withField(session, 'payment_status', settlement === 'checkout.session.async_payment_succeeded' ? 'paid' : 'unpaid'), {
              id: `evt_${ids[1]!}`,
              created: times[1],
              type,
            }),
          ),
        );
      }
      return events;
    });

  /** Every delivery of the history: each event one to three times, in an arbitrary order. */
  const deliveries = sessionHistory.chain((events) =>
    fc
      .tuple(...events.map((event) => fc.integer({ min: 1, max: 3 }).map((times) => Array.from({ length: times }, () => ({ ...event })))))
      .chain((copies) => {
        const all = copies.flat();
        return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }).map((order) => ({ events, order }));
      }),
  );

  function fold(order: readonly SessionRecord[], start: SessionRecord | null = null): SessionRecord | null {
    let existing = start;
    for (const incoming of order) if (existing === null || supersedes(incoming, existing)) existing = incoming;
    return existing;
  }

  const chronological = (events: readonly SessionRecord[]) =>
    events
      .slice()
      .sort(
        (a, b) => a.last_event_created - b.last_event_created || (a.last_event < b.last_event ? -1 : a.last_event > b.last_event ? 1 : 0),
      );

  it('ends in the same row whatever order and however often the events arrive', () => {
    fc.assert(
      fc.property(deliveries, ({ events, order }) => {
        const sorted = fold(chronological(events));
        expect(fold(order)).toEqual(sorted);
        expect(fold(chronological(order))).toEqual(sorted);
        expect(fold(order.slice().reverse())).toEqual(sorted);
      }),
    );
  });

  it('ends settled whenever the payment settled, whichever arrived last', () => {
    fc.assert(
      fc.property(deliveries, ({ events, order }) => {
        const final = fold(order)!;
        const settlement = events[1];
        if (settlement !== undefined) {
          expect(final.payment_status).toBe(settlement.payment_status);
          expect(final.last_event).toBe(settlement.last_event);
        } else {
          expect(final).toEqual(events[0]);
        }
      }),
    );
  });

  it('changes nothing when any event is delivered again, at the end or anywhere', () => {
    fc.assert(
      fc.property(deliveries, fc.nat(), fc.nat(), ({ events, order }, which, where) => {
        const final = fold(order)!;
        const again = { ...order[which % order.length]! };
        expect(supersedes(again, final)).toBe(false);
        for (const event of events) expect(supersedes({ ...event }, final)).toBe(false);
        const withRepeat = [...order.slice(0, where % (order.length + 1)), again, ...order.slice(where % (order.length + 1))];
        expect(fold(withRepeat)).toEqual(final);
      }),
    );
  });
});
