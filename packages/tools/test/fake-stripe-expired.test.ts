/**
 * Checkouts opened and never paid, as Stripe makes them: every visit to a Payment Link opens a
 * Checkout Session, and one never paid expires (24 hours after opening by default) with
 * `checkout.session.expired` carrying the whole session. `scenario.expired` makes one,
 * `scenario.expiredMany` many at once for a demo or a benchmark.
 */
import { readFixture } from '@stripe-utm-sheets/add-on/fixtures/stripe';
import { CURRENT_API_VERSION, FakeStripeApi, OLD_API_VERSION, type JsonObject } from '../src/fake-stripe';
import { call, ids } from './fake-stripe-helpers';

const DAY = 86_400;
const keysOf = (value: unknown) => Object.keys(value as JsonObject).sort();

describe('FakeStripeApi: an expired checkout', () => {
  it('carries the whole session: expired, unpaid, its reference, link, mode, amount and currency; the event at expires_at', () => {
    const api = new FakeStripeApi();
    const link = api.addPaymentLink({ currency: 'eur' });
    const { session, events } = api.scenario.expired({ clientReferenceId: 'nl-0001', paymentLink: link, currency: 'eur', amount: 2900 });
    const sent = events[0]!;
    expect(sent).toMatchObject({ type: 'checkout.session.expired', livemode: false, request: { id: null, idempotency_key: null } });
    expect(sent.data.object).toEqual(session);
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'expired',
      payment_status: 'unpaid',
      client_reference_id: 'nl-0001',
      payment_link: link.id,
      livemode: false,
      amount_total: 2900,
      currency: 'eur',
      payment_intent: null,
      url: null,
      customer_details: null,
    });
    expect(session.expires_at).toBe(session.created + DAY);
    expect(sent.created).toBe(session.expires_at);
    expect(sent.created).toBe(api.now());
    expect(keysOf(session)).toEqual(keysOf(readFixture('checkout_session_fixture.json')));
    // The add-on's fetch-back finds it as the event said.
    expect(call(api.handle, `/v1/checkout/sessions/${session.id}`).json).toEqual(session);
  });

  it('in live mode and in the 2024-06-20 shape when asked', () => {
    const api = new FakeStripeApi();
    const live = api.scenario.expired({ livemode: true });
    expect(live.events[0]).toMatchObject({
      livemode: true,
      data: { object: { livemode: true, payment_link: api.defaultLivePaymentLink } },
    });
    const old = api.scenario.expired({ apiVersion: OLD_API_VERSION }).events[0]!;
    expect(old.api_version).toBe(OLD_API_VERSION);
    expect(Object.keys(old.data.object)).toEqual(Object.keys(readFixture('checkout_session_fixture_2024-06-20.json')));
    expect(old.data.object).toMatchObject({ status: 'expired', payment_status: 'unpaid' });
  });

  it('expires when told, within the 30 minutes to 24 hours Stripe allows', () => {
    const api = new FakeStripeApi();
    const { session, events } = api.scenario.expired({ expiresAfter: 3600 });
    expect(session.expires_at - session.created).toBe(3600);
    expect(events[0]!.created).toBe(session.expires_at);
    expect(() => api.scenario.expired({ expiresAfter: 600 })).toThrow(/30 minutes to 24 hours/);
    expect(() => api.scenario.expired({ expiresAfter: 2 * DAY })).toThrow(/30 minutes to 24 hours/);
  });
});

describe('FakeStripeApi: many expired checkouts at once', () => {
  it('makes n sessions and their events, opened `interval` apart, the last expiring now, oldest first', () => {
    const api = new FakeStripeApi();
    const link = api.addPaymentLink();
    const made = api.scenario.expiredMany(40, {
      clientReferenceId: (index) => (index % 4 === 0 ? null : `fb-${String(index % 2)}`),
      paymentLink: link,
      interval: 600,
    });
    expect(made.sessions).toHaveLength(40);
    expect(made.events).toHaveLength(40);
    const sessions = made.sessions.map((id) => api.getSession(id)!);
    expect(sessions.map((session) => session.client_reference_id).slice(0, 5)).toEqual([null, 'fb-1', 'fb-0', 'fb-1', null]);
    expect(new Set(sessions.map((session) => session.payment_link))).toEqual(new Set([link.id]));
    expect(sessions.every((session) => session.status === 'expired' && session.payment_status === 'unpaid')).toBe(true);
    expect(sessions[1]!.created - sessions[0]!.created).toBe(600);
    const events = made.events.map((id) => api.getEvent(id)!);
    expect(events.map((event) => event.data.object['id'])).toEqual(made.sessions);
    expect(events[39]!.created).toBe(api.now());
    expect(events.every((event, index) => event.created === sessions[index]!.expires_at)).toBe(true);
    // Listed as Stripe lists them, newest first.
    const listed = ids(call(api.handle, '/v1/events?types[]=checkout.session.expired&limit=100'));
    expect(listed).toEqual([...made.events].reverse());
  });

  it('one reference for all, a start of its own, and each event in the API version of its day', () => {
    const api = new FakeStripeApi();
    const start = api.now() - 10 * DAY;
    const upgrade = api.now() - 5 * DAY;
    const made = api.scenario.expiredMany(10, {
      clientReferenceId: 'g-0004',
      start,
      interval: DAY,
      currency: 'eur',
      apiVersion: (expiredAt) => (expiredAt < upgrade ? OLD_API_VERSION : CURRENT_API_VERSION),
    });
    const events = made.events.map((id) => api.getEvent(id)!);
    expect(api.getSession(made.sessions[0]!)?.created).toBe(start);
    expect(events.map((event) => event.api_version)).toEqual([
      ...new Array<string>(4).fill(OLD_API_VERSION),
      ...new Array<string>(6).fill(CURRENT_API_VERSION),
    ]);
    expect(events.every((event) => event.data.object['client_reference_id'] === 'g-0004')).toBe(true);
    expect(events.every((event) => event.data.object['currency'] === 'eur' && event.data.object['amount_total'] === 2500)).toBe(true);
    expect(api.scenario.expiredMany(0).sessions).toEqual([]);
    expect(() => api.scenario.expiredMany(-1)).toThrow(/whole number/);
  });

  it('is cheap enough for a benchmark: 5,000 sessions well within a few seconds, none of them a sale', () => {
    const api = new FakeStripeApi();
    const started = Date.now();
    const made = api.scenario.expiredMany(5_000, { clientReferenceId: (index) => `ref-${String(index % 100)}` });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(made.sessions).toHaveLength(5_000);
    // Never paid, so no charge and nothing in the balance.
    expect(api.balanceTransactions()).toEqual([]);
  });
});
