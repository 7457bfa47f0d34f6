/** The fake Stripe API must behave as Stripe's does where the add-on can tell: auth, failures, the request log, scenarios, signing, Payment Links. */
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import {
  DEFAULT_LIVE_KEY,
  DEFAULT_TEST_KEY,
  FakeStripeApi,
  OLD_API_VERSION,
  signPayload,
  type JsonObject,
  type StripeList,
} from '../src/fake-stripe';
import { call, failure, ids } from './fake-stripe-helpers';

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
      message:
        'Unrecognized request URL (GET: /v1/charges). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.',
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
    'id',
    'object',
    'active',
    'after_completion',
    'allow_promotion_codes',
    'application',
    'application_fee_amount',
    'application_fee_percent',
    'automatic_tax',
    'billing_address_collection',
    'consent_collection',
    'currency',
    'custom_fields',
    'custom_text',
    'customer_creation',
    'inactive_message',
    'invoice_creation',
    'livemode',
    'managed_payments',
    'metadata',
    'on_behalf_of',
    'payment_intent_data',
    'payment_method_collection',
    'payment_method_options',
    'payment_method_types',
    'phone_number_collection',
    'restrictions',
    'shipping_address_collection',
    'shipping_options',
    'submit_type',
    'subscription_data',
    'tax_id_collection',
    'transfer_data',
    'url',
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
    expect(launch).toMatchObject({
      object: 'payment_link',
      livemode: false,
      url: 'https://buy.stripe.com/test_4gw5nPg1j1wmfXq3cd',
      metadata: { campaign: 'launch' },
    });
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

    expect(
      links(all)
        .data.filter((link) => !link.active)
        .map((link) => link.id),
    ).toEqual([made[4], made[2]]);
    expect(failure(call(api.handle, '/v1/payment_links?url=x')).message).toBe('Received unknown parameter: url');

    expect(linkIds(call(api.handle, '/v1/payment_links', { key: DEFAULT_LIVE_KEY }))).toEqual([liveOnly.id, api.defaultLivePaymentLink]);
  });

  it("GET /v1/payment_links/:id, with Stripe's 404s", () => {
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
