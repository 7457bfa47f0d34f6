/** The fake Stripe API must behave as Stripe's does where the add-on can tell: shapes, auth, lists, errors. */
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import {
  CURRENT_API_VERSION,
  DEFAULT_LIVE_KEY,
  DEFAULT_NOW,
  DEFAULT_TEST_KEY,
  FakeStripeApi,
  OLD_API_VERSION,
  signPayload,
  type JsonObject,
  type StripeApiReply,
  type StripeErrorBody,
  type StripeEvent,
  type StripeList,
} from '../../src/local/fake-stripe';
import type { FetchHandler } from '../../src/local/services/url-fetch';
import { readFixture } from '../fixtures/stripe';


interface CallOptions {
  key?: string | null;
  method?: string;
  headers?: Record<string, string>;
}

function call(handler: FetchHandler<StripeApiReply>, pathAndQuery: string, options: CallOptions = {}): StripeApiReply & { json: unknown } {
  const key = options.key === undefined ? DEFAULT_TEST_KEY : options.key;
  const headers: Record<string, string> = { ...(key === null ? {} : { Authorization: `Bearer ${key}` }), ...options.headers };
  const response = handler({ url: `https://api.stripe.com${pathAndQuery}`, method: options.method ?? 'get', headers });
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    json = undefined;
  }
  return { ...response, json };
}

const list = (response: { json: unknown }) => response.json as StripeList<StripeEvent>;
const failure = (response: { json: unknown }) => (response.json as StripeErrorBody).error;
const ids = (response: { json: unknown }) => list(response).data.map((event) => event.id);

/** 250 events over ~4 hours, every fifth sharing its second with the previous one. */
function twoHundredFiftyEvents(api: FakeStripeApi): StripeEvent[] {
  const start = api.now() - 250 * 60;
  const events: StripeEvent[] = [];
  for (let i = 0; i < 250; i++) {
    const session = api.addSession({ created: start + i * 60 - 120 });
    const created = i % 5 === 4 ? events[i - 1]!.created : start + i * 60;
    events.push(api.addEvent('checkout.session.completed', session, { created }));
  }
  return events;
}

/** Newest first: created desc, later insertion first on ties. */
function newestFirst(events: StripeEvent[]): string[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.created - a.event.created || b.index - a.index)
    .map(({ event }) => event.id);
}

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
    const other = api.addEvent('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent', livemode: false }, { created: DEFAULT_NOW - 20 });
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
    expect(typesOf('types[]=checkout.session.expired&types[]=customer.created').sort()).toEqual(['checkout.session.expired', 'customer.created']);
    expect(typesOf('types[0]=checkout.session.expired&types[1]=customer.created')).toHaveLength(2);
    expect(typesOf('types[]=charge.succeeded')).toEqual([]);
  });

  it('rejects more than 20 types, and types without brackets', () => {
    const api = new FakeStripeApi();
    const many = Array.from({ length: 21 }, (_, i) => `types[]=t${i}`).join('&');
    expect(failure(call(api.handle, `/v1/events?${many}`))).toMatchObject({ param: 'types' });
    expect(call(api.handle, `/v1/events?${Array.from({ length: 20 }, (_, i) => `types[]=t${i}`).join('&')}`).status).toBe(200);
    expect(failure(call(api.handle, '/v1/events?types=checkout.session.completed'))).toMatchObject({ message: 'Invalid array', param: 'types' });
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
    expect(failure(call(api.handle, '/v1/events?created[after]=1'))).toMatchObject({ message: 'Received unknown parameter: created[after]' });
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

describe('FakeStripeApi: auth', () => {
  it('answers 401 without a key', () => {
    const api = new FakeStripeApi();
    const response = call(api.handle, '/v1/events', { key: null });
    expect(response.status).toBe(401);
    expect(failure(response).type).toBe('invalid_request_error');
    expect(failure(response).message).toMatch(/^You did not provide an API key\./);
  });

  it('answers 401 with a masked key for a wrong key', () => {
    const api = new FakeStripeApi();
    const response = call(api.handle, '/v1/events', { key: 'rk_test_51Hwrongwrongwrong1234' });
    expect(response.status).toBe(401);
    expect(response.json).toEqual({
      error: { type: 'invalid_request_error', message: `Invalid API Key provided: rk_test_${'*'.repeat(18)}1234` },
    });
    expect(failure(call(api.handle, '/v1/events', { key: 'rk_test_abc' })).message).toBe('Invalid API Key provided: rk_test_***');
  });

  it('accepts Basic auth with the key as user name, as Stripe does', () => {
    const api = new FakeStripeApi();
    const basic = `Basic ${Buffer.from(`${DEFAULT_TEST_KEY}:`).toString('base64')}`;
    expect(call(api.handle, '/v1/events', { key: null, headers: { authorization: basic } }).status).toBe(200);
  });

  it('answers 401 api_key_expired for an expired key', () => {
    const api = new FakeStripeApi({ keys: [{ key: 'rk_test_rolled', expired: true }] });
    const response = call(api.handle, '/v1/events', { key: 'rk_test_rolled' });
    expect(response.status).toBe(401);
    expect(failure(response)).toMatchObject({ code: 'api_key_expired', message: 'Expired API Key provided: rk_test_**lled' });
  });

  it('answers 403 for a restricted key without the permission, and serves what it may read', () => {
    const api = new FakeStripeApi({ keys: [{ key: 'rk_test_sessions_only', deny: ['events'] }] });
    const { session } = api.scenario.paid();
    const denied = call(api.handle, '/v1/events', { key: 'rk_test_sessions_only' });
    expect(denied.status).toBe(403);
    expect(failure(denied).type).toBe('invalid_request_error');
    expect(failure(denied).message).toBe(
      `The provided key 'rk_test_*********only' does not have the required permissions for this endpoint on account '${api.accountId}'. Having the 'rak_event_read' permission would allow this request to continue.`,
    );
    expect(call(api.handle, `/v1/checkout/sessions/${session.id}`, { key: 'rk_test_sessions_only' }).status).toBe(200);
    api.addKey({ key: 'rk_test_events_only', deny: ['checkout_sessions'] });
    expect(failure(call(api.handle, `/v1/checkout/sessions/${session.id}`, { key: 'rk_test_events_only' })).message).toMatch(
      /'rak_checkout_session_read' permission/,
    );
    api.removeKey('rk_test_events_only');
    expect(call(api.handle, '/v1/events', { key: 'rk_test_events_only' }).status).toBe(401);
  });

  it('keeps test and live mode apart', () => {
    const api = new FakeStripeApi();
    const test = api.scenario.paid();
    const live = api.scenario.paid({ livemode: true });
    expect(live.session.id).toMatch(/^cs_live_/);
    expect(live.events[0]!.livemode).toBe(true);

    expect(ids(call(api.handle, '/v1/events'))).toEqual([test.events[0]!.id]);
    expect(ids(call(api.handle, '/v1/events', { key: DEFAULT_LIVE_KEY }))).toEqual([live.events[0]!.id]);

    const crossEvent = call(api.handle, `/v1/events/${live.events[0]!.id}`);
    expect(crossEvent.status).toBe(404);
    expect(failure(crossEvent).message).toBe(
      `No such event: '${live.events[0]!.id}'; a similar object exists in live mode, but a test mode key was used to make this request.`,
    );
    const crossSession = call(api.handle, `/v1/checkout/sessions/${test.session.id}`, { key: DEFAULT_LIVE_KEY });
    expect(crossSession.status).toBe(404);
    expect(failure(crossSession).message).toMatch(/a similar object exists in test mode, but a live mode key was used/);
    expect(failure(crossSession).request_log_url).toMatch(/^https:\/\/dashboard\.stripe\.com\/logs\//);
    // A cursor from the other mode is no cursor at all.
    expect(call(api.handle, `/v1/events?starting_after=${live.events[0]!.id}`).status).toBe(400);
  });
});

describe('FakeStripeApi: failures', () => {
  it('fails the next n requests with the status given, then recovers', () => {
    const api = new FakeStripeApi();
    api.failNext(2, 503);
    const first = call(api.handle, '/v1/events');
    expect(first.status).toBe(503);
    expect(first.headers?.['Stripe-Should-Retry']).toBe('true');
    expect(failure(first).type).toBe('api_error');
    expect(call(api.handle, '/v1/events').status).toBe(503);
    expect(call(api.handle, '/v1/events').status).toBe(200);
  });

  it('answers a 429 as Stripe does: code rate_limit', () => {
    const api = new FakeStripeApi();
    api.failNext(1, 429);
    const response = call(api.handle, '/v1/events');
    expect(response.status).toBe(429);
    expect(response.headers?.['Stripe-Should-Retry']).toBe('true');
    expect(failure(response)).toMatchObject({ code: 'rate_limit', type: 'invalid_request_error' });
    expect(failure(response).message).toMatch(/^Request rate limit exceeded\./);
  });

  it('fails only the paths asked for, with a custom body, headers and retry hint', () => {
    const api = new FakeStripeApi();
    const { session, events } = api.scenario.paid();
    api.failNext(1, 502, { path: /^\/v1\/checkout\/sessions\//, body: '<html>Bad Gateway</html>', shouldRetry: false });
    api.failNext(1, 500, { path: '/v1/events', code: 'lock_timeout', message: 'busy', headers: { 'X-Test': '1' } });
    expect(call(api.handle, `/v1/events/${events[0]!.id}`).status).toBe(200);
    const gateway = call(api.handle, `/v1/checkout/sessions/${session.id}`);
    expect(gateway).toMatchObject({ status: 502, body: '<html>Bad Gateway</html>', json: undefined });
    expect(gateway.headers).toMatchObject({ 'Stripe-Should-Retry': 'false', 'Content-Type': 'text/html; charset=utf-8' });
    const busy = call(api.handle, '/v1/events');
    expect(busy.status).toBe(500);
    expect(busy.headers?.['X-Test']).toBe('1');
    expect(failure(busy)).toMatchObject({ code: 'lock_timeout', message: 'busy', type: 'api_error' });
    expect(call(api.handle, '/v1/events').status).toBe(200);
  });

  it('clears pending failures', () => {
    const api = new FakeStripeApi();
    api.failNext(5, 500);
    api.clearFailures();
    expect(call(api.handle, '/v1/events').status).toBe(200);
  });

  it('answers unknown paths with Stripe 404, writes with 405, and throws for another host', () => {
    const api = new FakeStripeApi();
    const unknown = call(api.handle, '/v1/charges');
    expect(unknown.status).toBe(404);
    expect(failure(unknown)).toMatchObject({
      type: 'invalid_request_error',
      message: 'Unrecognized request URL (GET: /v1/charges). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.',
    });
    expect(call(api.handle, '/v1/events/evt_1/extra').status).toBe(404);
    expect(call(api.handle, '/v1/charges', { key: null }).status).toBe(401);
    expect(call(api.handle, '/v1/checkout/sessions', { method: 'post' }).status).toBe(405);
    expect(call(api.handle, '/v1/events/evt_1', { method: 'DELETE' }).status).toBe(405);
    expect(() => api.handle({ url: 'https://example.com/v1/events', method: 'get', headers: {} })).toThrow(/not a Stripe API URL/);
  });
});

describe('FakeStripeApi: request log', () => {
  it('records method, path, parsed query, headers and status; handle is bound', () => {
    const api = new FakeStripeApi();
    const { handle } = api;
    call(handle, '/v1/events?limit=3&types[]=checkout.session.completed&types[]=checkout.session.expired&created%5Bgte%5D=5', {
      headers: { 'Stripe-Version': OLD_API_VERSION },
    });
    call(handle, '/v1/events?types[]=a', { key: 'rk_test_wrong' });
    expect(api.requests).toEqual([
      {
        method: 'GET',
        url: 'https://api.stripe.com/v1/events?limit=3&types[]=checkout.session.completed&types[]=checkout.session.expired&created%5Bgte%5D=5',
        path: '/v1/events',
        query: { limit: '3', 'types[]': ['checkout.session.completed', 'checkout.session.expired'], 'created[gte]': '5' },
        headers: { Authorization: `Bearer ${DEFAULT_TEST_KEY}`, 'Stripe-Version': OLD_API_VERSION },
        status: 200,
      },
      expect.objectContaining({ query: { 'types[]': ['a'] }, status: 401 }),
    ]);
  });
});

describe('FakeStripeApi: scenarios', () => {
  it('paid: a completed, paid card payment with email, reference and payment link', () => {
    const api = new FakeStripeApi();
    const { session, events } = api.scenario.paid({ currency: 'jpy', clientReferenceId: 'row-42' });
    expect(session).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      currency: 'jpy',
      amount_total: 5000,
      client_reference_id: 'row-42',
      payment_link: api.defaultPaymentLink,
      payment_method_types: ['card'],
      customer_details: { email: expect.stringMatching(/@example\.com$/) as unknown, address: { country: 'JP' } },
    });
    expect(api.defaultPaymentLink).toMatch(/^plink_1[A-Za-z0-9]{23}$/);
    expect(events.map((event) => event.type)).toEqual(['checkout.session.completed']);
    expect(events[0]!.created).toBe(api.now());
    expect(events[0]!.data.object).toEqual(session);
  });

  it.each(['succeeded', 'failed'] as const)('async payment that %s days later', (outcome) => {
    const api = new FakeStripeApi();
    const { session, events } = api.scenario.asyncPayment({ currency: 'eur', outcome, daysLater: 4 });
    expect(events.map((event) => [event.type, event.data.object['payment_status']])).toEqual([
      ['checkout.session.completed', 'unpaid'],
      [`checkout.session.async_payment_${outcome}`, outcome === 'succeeded' ? 'paid' : 'unpaid'],
    ]);
    expect(events[1]!.created - events[0]!.created).toBe(4 * 86_400);
    expect(events[1]!.created).toBe(api.now());
    expect(session).toMatchObject({ status: 'complete', payment_status: outcome === 'succeeded' ? 'paid' : 'unpaid', amount_total: 2500 });
    expect(session.payment_method_types).toEqual(['sepa_debit']);
  });

  it('expired: never paid, no customer details, the event at expires_at', () => {
    const api = new FakeStripeApi();
    const { session, events } = api.scenario.expired();
    expect(session).toMatchObject({ status: 'expired', payment_status: 'unpaid', customer_details: null, url: null, payment_intent: null });
    expect(events.map((event) => event.type)).toEqual(['checkout.session.expired']);
    expect(events[0]!.created).toBe(session.expires_at);
    expect(api.scenario.expired({ email: 'left@example.com' }).session.customer_details?.email).toBe('left@example.com');
  });

  it('assortment: several currencies with their minor units, oldest first, ending now', () => {
    const api = new FakeStripeApi();
    const results = api.scenario.assortment();
    expect(results.map((result) => [result.session.currency, result.session.amount_total, result.session.payment_status])).toEqual([
      ['usd', 1999, 'paid'],
      ['jpy', 5000, 'paid'],
      ['kwd', 12345, 'paid'],
      ['eur', 2500, 'paid'],
      ['usd', 1999, 'unpaid'],
      ['gbp', 1500, 'unpaid'],
    ]);
    const all = results.flatMap((result) => result.events);
    expect(all.map((event) => event.created)).toEqual([...all.map((event) => event.created)].sort((a, b) => a - b));
    expect(all[all.length - 1]!.created).toBe(api.now());
    expect(new Set(results.map((result) => result.session.client_reference_id)).size).toBe(6);
  });

  it('makes events in the 2024-06-20 shape on request', () => {
    const api = new FakeStripeApi();
    const { events } = api.scenario.asyncPayment({ outcome: 'succeeded', apiVersion: OLD_API_VERSION });
    for (const event of events) {
      expect(event.api_version).toBe(OLD_API_VERSION);
      expect(event.data.object).toHaveProperty('shipping_details');
      expect(event.data.object).not.toHaveProperty('collected_information');
    }
  });

  it('takes extra session fields', () => {
    const api = new FakeStripeApi();
    const { session } = api.scenario.paid({ session: { customer_email: 'typed@example.com', customer_details: { email: null } } });
    expect(session.customer_email).toBe('typed@example.com');
    expect(session.customer_details?.email).toBeNull();
    expect(session.customer_details?.name).toBe('Jenny Rosen');
  });
});

describe('FakeStripeApi: clock', () => {
  it('uses an injected clock and refuses to move it', () => {
    let time = 1_800_000_000;
    const api = new FakeStripeApi({ now: () => time });
    expect(api.addSession().created).toBe(1_800_000_000);
    time += 5;
    expect(api.now()).toBe(1_800_000_005);
    expect(() => {
      api.advance(1);
    }).toThrow(/injected/);
  });
});

describe('signPayload', () => {
  const secret = 'whsec_test_secret_for_the_fake';

  it('matches a hand-computed HMAC-SHA256 over "t.payload"', () => {
    const payload = '{"id":"evt_1","object":"event"}';
    const expected = createHmac('sha256', secret).update(`1700000000.${payload}`).digest('hex');
    expect(signPayload(payload, secret, 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('is accepted by the official stripe package, and a tampered payload is not', () => {
    const api = new FakeStripeApi();
    const { events } = api.scenario.paid({ currency: 'kwd' });
    const payload = JSON.stringify(events[0], null, 2);
    const timestamp = Math.floor(Date.now() / 1000);
    const header = signPayload(payload, secret, timestamp);
    const stripe = new Stripe('sk_test_unused');
    expect(header).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
    const event = stripe.webhooks.constructEvent(payload, header, secret);
    expect(event.id).toBe(events[0]!.id);
    expect(() => stripe.webhooks.constructEvent(payload.replace('12345', '12346'), header, secret)).toThrow(/signature/i);
    expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow(/signature/i);
    const stale = signPayload(payload, secret, timestamp - 3600);
    expect(() => stripe.webhooks.constructEvent(payload, stale, secret)).toThrow(/tolerance/i);
  });
});

describe('FakeStripeApi: payment links', () => {
  const links = (response: { json: unknown }) => response.json as StripeList<JsonObject>;
  const linkIds = (response: { json: unknown }) => links(response).data.map((link) => link['id']);

  /** Every field of Stripe's `payment_link` that the object always carries (names checked by the compiler). */
  const PAYMENT_LINK_KEYS: (keyof Stripe.PaymentLink)[] = [
    'id', 'object', 'active', 'after_completion', 'allow_promotion_codes', 'application', 'application_fee_amount',
    'application_fee_percent', 'automatic_tax', 'billing_address_collection', 'consent_collection', 'currency',
    'custom_fields', 'custom_text', 'customer_creation', 'inactive_message', 'invoice_creation', 'livemode',
    'managed_payments', 'metadata', 'on_behalf_of', 'payment_intent_data', 'payment_method_collection',
    'payment_method_options', 'payment_method_types', 'phone_number_collection', 'restrictions',
    'shipping_address_collection', 'shipping_options', 'submit_type', 'subscription_data', 'tax_id_collection',
    'transfer_data', 'url',
  ];

  it('holds the default links as real Payment Links, test and live, with buy.stripe.com URLs', () => {
    const api = new FakeStripeApi();
    const test = api.getPaymentLink(api.defaultPaymentLink)!;
    const live = api.getPaymentLink(api.defaultLivePaymentLink)!;
    expect(test).toMatchObject({ id: api.defaultPaymentLink, object: 'payment_link', active: true, livemode: false, metadata: {} });
    expect(test.url).toMatch(/^https:\/\/buy\.stripe\.com\/test_[A-Za-z0-9]{18}$/);
    expect(live).toMatchObject({ livemode: true, active: true });
    expect(live.id).toMatch(/^plink_1[A-Za-z0-9]{23}$/);
    expect(live.url).toMatch(/^https:\/\/buy\.stripe\.com\/[A-Za-z0-9]{18}$/);
    expect(Object.keys(test).sort()).toEqual([...PAYMENT_LINK_KEYS].sort());
    expect(test).not.toHaveProperty('created');
    // Same seed, same ids and URLs; the live default draws nothing, so later ids are as before.
    const again = new FakeStripeApi();
    expect([again.defaultPaymentLink, again.getPaymentLink(again.defaultPaymentLink)!.url]).toEqual([test.id, test.url]);
    expect(again.newSessionId()).toBe(api.newSessionId());
  });

  it('adds links, and scenarios sell through a given link (by id or object) or the mode default', () => {
    const api = new FakeStripeApi();
    const launch = api.addPaymentLink({ url: 'https://buy.stripe.com/test_4gw5nPg1j1wmfXq3cd', metadata: { campaign: 'launch' } });
    expect(launch).toMatchObject({ object: 'payment_link', livemode: false, url: 'https://buy.stripe.com/test_4gw5nPg1j1wmfXq3cd', metadata: { campaign: 'launch' } });
    expect(launch.id).toMatch(/^plink_1/);
    expect(() => api.addPaymentLink({ id: launch.id })).toThrow(/already exists/);
    expect(api.scenario.paid({ paymentLink: launch }).session.payment_link).toBe(launch.id);
    expect(api.scenario.paid({ paymentLink: launch.id }).session.payment_link).toBe(launch.id);
    expect(api.scenario.paid({ paymentLink: null }).session.payment_link).toBeNull();
    expect(api.scenario.paid().session.payment_link).toBe(api.defaultPaymentLink);
    expect(api.scenario.paid({ livemode: true }).session.payment_link).toBe(api.defaultLivePaymentLink);
    expect(api.allSessions().filter((session) => session.payment_link === launch.id)).toHaveLength(2);
    expect(api.updatePaymentLink(launch.id, { active: false }).active).toBe(false);
    expect(api.allPaymentLinks().map((link) => link.id)).toEqual([api.defaultPaymentLink, api.defaultLivePaymentLink, launch.id]);
  });

  it('GET /v1/payment_links: newest first, per mode, paged with limit and starting_after, inactive links too', () => {
    const api = new FakeStripeApi();
    const made: string[] = [api.defaultPaymentLink];
    for (let i = 0; i < 5; i++) {
      api.advance(60);
      made.push(api.addPaymentLink({ active: i % 2 === 0 }).id);
    }
    const liveOnly = api.addPaymentLink({ livemode: true });
    const newestFirst = [...made].reverse();

    const all = call(api.handle, '/v1/payment_links');
    expect(all.status).toBe(200);
    expect(links(all)).toMatchObject({ object: 'list', url: '/v1/payment_links', has_more: false });
    expect(linkIds(all)).toEqual(newestFirst);

    const first = call(api.handle, '/v1/payment_links?limit=4');
    expect([linkIds(first), links(first).has_more]).toEqual([newestFirst.slice(0, 4), true]);
    const next = call(api.handle, `/v1/payment_links?limit=4&starting_after=${newestFirst[3]!}`);
    expect([linkIds(next), links(next).has_more]).toEqual([newestFirst.slice(4), false]);

    expect(links(all).data.filter((link) => !link.active).map((link) => link.id)).toEqual([made[4], made[2]]);
    expect(failure(call(api.handle, '/v1/payment_links?url=x')).message).toBe('Received unknown parameter: url');

    expect(linkIds(call(api.handle, '/v1/payment_links', { key: DEFAULT_LIVE_KEY }))).toEqual([liveOnly.id, api.defaultLivePaymentLink]);
  });

  it('GET /v1/payment_links/:id, with Stripe\'s 404s', () => {
    const api = new FakeStripeApi();
    const one = call(api.handle, `/v1/payment_links/${api.defaultPaymentLink}`);
    expect(one.status).toBe(200);
    expect(one.json).toEqual(api.getPaymentLink(api.defaultPaymentLink));
    const missing = call(api.handle, '/v1/payment_links/plink_nope');
    expect(missing.status).toBe(404);
    expect(failure(missing)).toMatchObject({ code: 'resource_missing', param: 'id', message: "No such payment_link: 'plink_nope'" });
    const otherMode = call(api.handle, `/v1/payment_links/${api.defaultLivePaymentLink}`);
    expect(otherMode.status).toBe(404);
    expect(failure(otherMode).message).toMatch(/a similar object exists in live mode, but a test mode key was used/);
    expect(call(api.handle, '/v1/payment_links', { method: 'post' }).status).toBe(405);
  });

  it('needs read access to Payment Links; the default keys have it', () => {
    const api = new FakeStripeApi({ keys: [DEFAULT_TEST_KEY, { key: 'rk_test_no_links', deny: ['payment_links'] }] });
    expect(call(api.handle, '/v1/payment_links').status).toBe(200);
    const refused = call(api.handle, '/v1/payment_links', { key: 'rk_test_no_links' });
    expect(refused.status).toBe(403);
    expect(failure(refused).message).toBe(
      `The provided key 'rk_test_****inks' does not have the required permissions for this endpoint on account '${api.accountId}'. Having the 'rak_payment_link_read' permission would allow this request to continue.`,
    );
    expect(call(api.handle, `/v1/payment_links/${api.defaultPaymentLink}`, { key: 'rk_test_no_links' }).status).toBe(403);
    expect(call(api.handle, '/v1/events', { key: 'rk_test_no_links' }).status).toBe(200);
    expect(call(api.handle, '/v1/payment_links', { key: null }).status).toBe(401);
  });
});
