/**
 * The fake Stripe API must hold Payment Links as Stripe does: their shape, scenarios selling through
 * them, and GET /v1/payment_links with its paging, its 404s and the permission it needs.
 */
import type Stripe from 'stripe';
import { DEFAULT_LIVE_KEY, DEFAULT_TEST_KEY, FakeStripeApi, type JsonObject, type StripeList } from '../src/fake-stripe';
import { call, failure } from './fake-stripe-helpers';

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
