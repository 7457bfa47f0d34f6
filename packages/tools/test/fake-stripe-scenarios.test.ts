/**
 * The fake Stripe API's scenarios make the sessions and events real sales make (paid, async, expired,
 * an assortment), at the fake's clock, which may be injected but then not moved.
 */
import { FakeStripeApi, OLD_API_VERSION } from '../src/fake-stripe';

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
