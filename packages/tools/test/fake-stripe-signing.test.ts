/** The fake Stripe API signs webhooks as Stripe does: the HMAC computed by hand, and the official stripe package accepts it. */
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { FakeStripeApi, signPayload } from '../src/fake-stripe';

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
