/**
 * The fake Stripe API must fail as Stripe does when asked to (statuses, retry hints, bodies),
 * answer unknown paths and other methods as Stripe does, and log every request it answers.
 */
import { DEFAULT_TEST_KEY, FakeStripeApi, OLD_API_VERSION } from '../src/fake-stripe';
import { call, failure } from './fake-stripe-helpers';

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
    const unknown = call(api.handle, '/v1/customers');
    expect(unknown.status).toBe(404);
    expect(failure(unknown)).toMatchObject({
      type: 'invalid_request_error',
      message:
        'Unrecognized request URL (GET: /v1/customers). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.',
    });
    expect(call(api.handle, '/v1/events/evt_1/extra').status).toBe(404);
    expect(call(api.handle, '/v1/customers', { key: null }).status).toBe(401);
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
