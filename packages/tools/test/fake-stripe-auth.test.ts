/** The fake Stripe API must authenticate as Stripe does: missing, wrong, expired and restricted keys, and test and live mode kept apart. */
import { DEFAULT_LIVE_KEY, DEFAULT_TEST_KEY, FakeStripeApi } from '../src/fake-stripe';
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
