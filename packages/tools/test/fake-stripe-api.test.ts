/** The fake Stripe API must behave as Stripe's does where the add-on can tell: object shapes, retrieval, lists. */
import { CURRENT_API_VERSION, DEFAULT_NOW, FakeStripeApi, OLD_API_VERSION, type JsonObject, type StripeEvent } from '../src/fake-stripe';
import { readFixture } from '@stripe-utm-sheets/add-on/fixtures/stripe';
import { call, failure, ids, list, newestFirst, twoHundredFiftyEvents } from './fake-stripe-helpers';

describe('FakeStripeApi: objects', () => {
  it('builds sessions with every key of the current fixture, realistic ids and values', () => {
    const api = new FakeStripeApi();
    const session = api.addSession({ client_reference_id: 'row-7', customer_details: { email: 'a@example.com' } });
    expect(session.id).toMatch(/^cs_test_a1[A-Za-z0-9]{56}$/);
    expect(session.object).toBe('checkout.session');
    expect(session.customer_details?.email).toBe('a@example.com');
    expect(session.customer_details?.name).toBe('Jenny Rosen'); // nested objects merge
    expect(session.client_reference_id).toBe('row-7');
    expect(session.created).toBe(DEFAULT_NOW);
    expect(session.expires_at).toBe(DEFAULT_NOW + 86_400);
    expect(session.payment_intent).toMatch(/^pi_1[A-Za-z0-9]{23}$/);
    expect(api.addSession({ livemode: true }).id).toMatch(/^cs_live_a1/);
  });

  it('keeps amount_subtotal in step with an overridden amount_total', () => {
    const api = new FakeStripeApi();
    expect(api.addSession({ amount_total: 5000, currency: 'jpy' })).toMatchObject({ amount_subtotal: 5000, amount_total: 5000 });
  });

  it('builds events in the shape of the event fixture', () => {
    const api = new FakeStripeApi();
    const session = api.addSession();
    const event = api.addEvent('checkout.session.completed', session.id);
    expect(event).toMatchObject({
      object: 'event',
      api_version: CURRENT_API_VERSION,
      created: DEFAULT_NOW,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'checkout.session.completed',
    });
    expect(event.id).toMatch(/^evt_1[A-Za-z0-9]{23}$/);
    expect(event.data.object).toEqual(session);
  });

  it('snapshots the session into the event: later changes leave the event as it was', () => {
    const api = new FakeStripeApi();
    const session = api.addSession({ payment_status: 'unpaid' });
    const event = api.addEvent('checkout.session.completed', session.id);
    api.updateSession(session.id, { payment_status: 'paid' });
    expect(call(api.handle, `/v1/events/${event.id}`).json).toMatchObject({ data: { object: { payment_status: 'unpaid' } } });
    expect(call(api.handle, `/v1/checkout/sessions/${session.id}`).json).toMatchObject({ payment_status: 'paid' });
  });

  it('is deterministic for a seed', () => {
    const make = (seed: number) => {
      const api = new FakeStripeApi({ seed });
      return api.scenario.assortment().flatMap((result) => [result.session.id, ...result.events.map((event) => event.id)]);
    };
    expect(make(7)).toEqual(make(7));
    expect(make(7)).not.toEqual(make(8));
  });

  it('refuses duplicate ids', () => {
    const api = new FakeStripeApi();
    const session = api.addSession();
    expect(() => api.addSession({ id: session.id })).toThrow(/already exists/);
    api.addEvent('checkout.session.completed', session, { id: 'evt_1same' });
    expect(() => api.addEvent('checkout.session.completed', session, { id: 'evt_1same' })).toThrow(/already exists/);
  });

  describe("against Stripe's fixtures (test/fixtures/stripe)", () => {
    const fixture = (name: string) => readFixture(name);
    const keysOf = (value: unknown) => Object.keys(value as JsonObject).sort();

    it('sessions have the current fixture keys, top level and in customer_details', () => {
      const current = fixture('checkout_session_fixture.json');
      const session = new FakeStripeApi().addSession();
      expect(keysOf(session)).toEqual(keysOf(current));
      expect(keysOf(session.customer_details)).toEqual(keysOf(current['customer_details']));
      expect(keysOf(session.customer_details?.address)).toEqual(keysOf((current['customer_details'] as JsonObject)['address']));
    });

    it('old-API events carry the 2024-06-20 fixture shape', () => {
      const old = fixture('checkout_session_fixture_2024-06-20.json');
      const api = new FakeStripeApi();
      const event = api.eventFromOldApi('checkout.session.completed', api.addSession());
      expect(event.api_version).toBe(OLD_API_VERSION);
      expect(keysOf(event.data.object)).toEqual(keysOf(old));
      expect(Object.keys(event.data.object)).toEqual(Object.keys(old)); // same order too
      expect(keysOf(event.data.object['customer_details'])).toEqual(keysOf(old['customer_details']));
    });

    it('events have the event fixture keys', () => {
      const api = new FakeStripeApi();
      const event = api.addEvent('checkout.session.completed', api.addSession());
      expect(keysOf(event)).toEqual(keysOf(fixture('event_fixture.json')));
    });
  });
});

describe('FakeStripeApi: retrieve', () => {
  it('serves an event and a session by id', () => {
    const api = new FakeStripeApi();
    const { session, events } = api.scenario.paid();
    const event = call(api.handle, `/v1/events/${events[0]!.id}`);
    expect(event.status).toBe(200);
    expect(event.headers).toMatchObject({ 'Content-Type': 'application/json', 'Stripe-Version': CURRENT_API_VERSION });
    expect(event.headers?.['Request-Id']).toMatch(/^req_[A-Za-z0-9]{14}$/);
    expect(event.json).toEqual(events[0]);
    const fetched = call(api.handle, `/v1/checkout/sessions/${session.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.json).toEqual(session);
  });

  it('answers 404 resource_missing for an unknown id', () => {
    const api = new FakeStripeApi();
    const missingEvent = call(api.handle, '/v1/events/evt_1nope');
    expect(missingEvent.status).toBe(404);
    expect(failure(missingEvent)).toMatchObject({
      type: 'invalid_request_error',
      code: 'resource_missing',
      param: 'id',
      message: "No such event: 'evt_1nope'",
    });
    const missingSession = call(api.handle, '/v1/checkout/sessions/cs_test_nope');
    expect(missingSession.status).toBe(404);
    expect(failure(missingSession).message).toBe("No such checkout.session: 'cs_test_nope'");
    expect(failure(missingSession).request_log_url).toMatch(/^https:\/\/dashboard\.stripe\.com\/test\/logs\/req_/);
  });

  it('renders a session at the requested Stripe-Version, but an event at its own version', () => {
    const api = new FakeStripeApi();
    const { session, events } = api.scenario.paid({ currency: 'kwd' });
    const old = call(api.handle, `/v1/checkout/sessions/${session.id}`, { headers: { 'Stripe-Version': OLD_API_VERSION } });
    expect(old.headers?.['Stripe-Version']).toBe(OLD_API_VERSION);
    expect(old.json).toHaveProperty('shipping_details', null);
    expect(old.json).not.toHaveProperty('collected_information');
    expect(old.json).toMatchObject({ id: session.id, amount_total: 12345, currency: 'kwd', payment_status: 'paid' });
    const event = call(api.handle, `/v1/events/${events[0]!.id}`, { headers: { 'stripe-version': OLD_API_VERSION } });
    expect((event.json as StripeEvent).data.object).toHaveProperty('collected_information');
  });

  it('rejects a malformed Stripe-Version', () => {
    const api = new FakeStripeApi();
    const response = call(api.handle, '/v1/events', { headers: { 'Stripe-Version': 'latest' } });
    expect(response.status).toBe(400);
    expect(failure(response).message).toBe('Invalid Stripe API version: latest');
  });

  it('keeps events for 30 days only, as Stripe does', () => {
    const api = new FakeStripeApi();
    const { events } = api.scenario.paid();
    api.advance(30 * 86_400);
    expect(call(api.handle, `/v1/events/${events[0]!.id}`).status).toBe(200);
    api.advance(1);
    expect(call(api.handle, `/v1/events/${events[0]!.id}`).status).toBe(404);
    expect(list(call(api.handle, '/v1/events')).data).toEqual([]);
    expect(new FakeStripeApi({ eventRetentionDays: Infinity }).now()).toBe(DEFAULT_NOW);
  });
});

describe('FakeStripeApi: listing events', () => {
  it('returns a Stripe list, newest first, 10 by default', () => {
    const api = new FakeStripeApi();
    const events = twoHundredFiftyEvents(api);
    const response = call(api.handle, '/v1/events');
    expect(response.status).toBe(200);
    expect(list(response)).toMatchObject({ object: 'list', url: '/v1/events', has_more: true });
    expect(ids(response)).toEqual(newestFirst(events).slice(0, 10));
  });

  it('pages through 250 events with starting_after, newest to oldest, ties in reverse creation order', () => {
    const api = new FakeStripeApi();
    const expected = newestFirst(twoHundredFiftyEvents(api));
    const seen: string[] = [];
    const hasMore: boolean[] = [];
    let cursor: string | undefined;
    for (;;) {
      const response = call(api.handle, `/v1/events?limit=100${cursor === undefined ? '' : `&starting_after=${cursor}`}`);
      const page = list(response);
      seen.push(...page.data.map((event) => event.id));
      hasMore.push(page.has_more);
      if (!page.has_more) break;
      cursor = page.data[page.data.length - 1]!.id;
    }
    expect(hasMore).toEqual([true, true, false]);
    expect(seen).toEqual(expected);
  });

  it('has no more beyond the oldest object', () => {
    const api = new FakeStripeApi();
    const expected = newestFirst(twoHundredFiftyEvents(api));
    expect(list(call(api.handle, `/v1/events?starting_after=${expected[249]!}`))).toMatchObject({ has_more: false, data: [] });
    expect(list(call(api.handle, `/v1/events?limit=5&starting_after=${expected[243]!}`)).has_more).toBe(true);
    expect(list(call(api.handle, `/v1/events?limit=5&starting_after=${expected[244]!}`)).has_more).toBe(false);
  });

  it('takes a cursor that the other filters exclude as a position', () => {
    const api = new FakeStripeApi();
    const session = api.addSession();
    const newer = api.addEvent('checkout.session.completed', session, { created: DEFAULT_NOW - 10 });
    const other = api.addEvent(
      'payment_intent.succeeded',
      { id: 'pi_1', object: 'payment_intent', livemode: false },
      { created: DEFAULT_NOW - 20 },
    );
    const older = api.addEvent('checkout.session.expired', session, { created: DEFAULT_NOW - 30 });
    const query = 'types[]=checkout.session.completed&types[]=checkout.session.expired';
    expect(ids(call(api.handle, `/v1/events?${query}`))).toEqual([newer.id, older.id]);
    expect(ids(call(api.handle, `/v1/events?${query}&starting_after=${other.id}`))).toEqual([older.id]);
  });

  it('filters by types[]', () => {
    const api = new FakeStripeApi();
    api.scenario.assortment();
    api.addEvent('customer.created', { id: 'cus_1', object: 'customer', livemode: false });
    const typesOf = (query: string) => list(call(api.handle, `/v1/events?limit=100&${query}`)).data.map((event) => event.type);

    expect(typesOf('types[]=checkout.session.completed')).toEqual(Array(5).fill('checkout.session.completed'));
    expect(typesOf('types[]=checkout.session.expired&types[]=customer.created').sort()).toEqual([
      'checkout.session.expired',
      'customer.created',
    ]);
    expect(typesOf('types[0]=checkout.session.expired&types[1]=customer.created')).toHaveLength(2);
    expect(typesOf('types[]=charge.succeeded')).toEqual([]);
  });

  it('rejects more than 20 types, and types without brackets', () => {
    const api = new FakeStripeApi();
    const many = Array.from({ length: 21 }, (_, i) => `types[]=t${i}`).join('&');
    expect(failure(call(api.handle, `/v1/events?${many}`))).toMatchObject({ param: 'types' });
    expect(call(api.handle, `/v1/events?${Array.from({ length: 20 }, (_, i) => `types[]=t${i}`).join('&')}`).status).toBe(200);
    expect(failure(call(api.handle, '/v1/events?types=checkout.session.completed'))).toMatchObject({
      message: 'Invalid array',
      param: 'types',
    });
  });

  it('filters by created[gte], URL-encoded or not', () => {
    const api = new FakeStripeApi();
    const session = api.addSession();
    const at = (created: number) => api.addEvent('checkout.session.completed', session, { created }).id;
    const [, b, c, d] = [at(100_000), at(200_000), at(300_000), at(400_000)];
    api.setNow(400_000); // well within the 30 days events are kept
    expect(ids(call(api.handle, '/v1/events?created[gte]=200000'))).toEqual([d, c, b]);
    expect(ids(call(api.handle, '/v1/events?created%5Bgte%5D=300000'))).toEqual([d, c]);
    const bad = call(api.handle, '/v1/events?created[gte]=yesterday');
    expect(bad.status).toBe(400);
    expect(failure(bad)).toMatchObject({ message: 'Invalid integer: yesterday', param: 'created[gte]' });
    expect(failure(call(api.handle, '/v1/events?created[after]=1'))).toMatchObject({
      message: 'Received unknown parameter: created[after]',
    });
  });

  it('validates limit: 1 to 100', () => {
    const api = new FakeStripeApi();
    twoHundredFiftyEvents(api);
    expect(list(call(api.handle, '/v1/events?limit=1')).data).toHaveLength(1);
    expect(list(call(api.handle, '/v1/events?limit=100')).data).toHaveLength(100);
    for (const [limit, message] of [
      ['0', 'This value must be greater than or equal to 1.'],
      ['101', 'This value must be less than or equal to 100.'],
      ['ten', 'Invalid integer: ten'],
    ] as const) {
      const response = call(api.handle, `/v1/events?limit=${limit}`);
      expect(response.status).toBe(400);
      expect(failure(response)).toEqual(expect.objectContaining({ type: 'invalid_request_error', param: 'limit', message }));
    }
  });

  it('rejects an unknown cursor, and parameters it does not serve as Stripe rejects unknown ones', () => {
    const api = new FakeStripeApi();
    const { events } = api.scenario.paid();
    const id = events[0]!.id;
    for (const param of [`ending_before=${id}`, 'type=checkout.session.completed', 'delivery_success=true', 'created[lt]=1', 'created=1']) {
      const refused = call(api.handle, `/v1/events?${param}`);
      expect(refused.status).toBe(400);
      expect(failure(refused).message).toBe(`Received unknown parameter: ${param.slice(0, param.indexOf('='))}`);
    }
    expect(failure(call(api.handle, '/v1/payment_links?active=true')).message).toBe('Received unknown parameter: active');
    const unknownCursor = call(api.handle, '/v1/events?starting_after=evt_1gone');
    expect(unknownCursor.status).toBe(400);
    expect(failure(unknownCursor)).toMatchObject({ code: 'resource_missing', param: 'starting_after' });
    const unknown = call(api.handle, '/v1/events?page=2');
    expect(unknown.status).toBe(400);
    expect(failure(unknown)).toMatchObject({ message: 'Received unknown parameter: page', param: 'page' });
    expect(call(api.handle, '/v1/events?expand[]=data.object').status).toBe(200);
  });

  it('refuses a cursor past the 30 days events are kept, as an unknown one', () => {
    const api = new FakeStripeApi();
    const { events } = api.scenario.paid();
    const id = events[0]!.id;
    api.advance(31 * 86_400);
    const tooOld = call(api.handle, `/v1/events?starting_after=${id}`);
    expect(tooOld.status).toBe(400);
    expect(failure(tooOld)).toMatchObject({
      code: 'resource_missing',
      doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
      message: `No such event: '${id}'`,
      param: 'starting_after',
      type: 'invalid_request_error',
    });
  });
});

describe('FakeStripeApi: listing sessions', () => {
  it('is not served: the add-on only retrieves sessions by id', () => {
    const api = new FakeStripeApi();
    api.scenario.assortment();
    const response = call(api.handle, '/v1/checkout/sessions?limit=100');
    expect(response.status).toBe(404);
    expect(failure(response).message).toMatch(/^FakeStripeApi does not list Checkout Sessions/);
  });
});
