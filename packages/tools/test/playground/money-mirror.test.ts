/**
 * A verified delivery of money after the sale (from `stripe listen`) is copied into the playground's
 * fake Stripe API, so the add-on's fetch-back with the playground key finds the event as it came and
 * the object as of its newest event: a charge refunded twice (the older event arriving last), a
 * dispute, and an invoice in the 2024-06-20 shape, kept in the current one with its payment.
 */
import { FakeStripeApi, OLD_API_VERSION, type JsonObject, type StripeList } from '../../src/fake-stripe';
import { createPlaygroundStripe, PLAYGROUND_STRIPE_KEY, VerifiedEventMirror } from '../../src/playground/playground-stripe';

/** Another account's money, as `stripe listen` would forward it. */
function otherAccount() {
  const stripe = new FakeStripeApi({ seed: 4242, now: () => Math.floor(Date.now() / 1000) });
  const { session } = stripe.scenario.paid({ amount: 6000 });
  const first = stripe.afterSale.refund(session.id, { amount: 1000, created: stripe.now() - 60 });
  const second = stripe.afterSale.refund(session.id, { amount: 2000 });
  const dispute = stripe.afterSale.dispute(stripe.scenario.paid().session.id);
  const plan = stripe.scenario.subscription({ renewals: 1, apiVersion: OLD_API_VERSION });
  return { first, second, dispute, plan };
}

function playground() {
  const stripe = createPlaygroundStripe(() => undefined);
  const get = (path: string, version?: string) =>
    JSON.parse(
      stripe.handle({
        url: `https://api.stripe.com${path}`,
        method: 'get',
        headers: { Authorization: `Bearer ${PLAYGROUND_STRIPE_KEY}`, ...(version === undefined ? {} : { 'Stripe-Version': version }) },
      }).body,
    ) as JsonObject;
  return { stripe, mirror: new VerifiedEventMirror(stripe), get };
}

describe('verified deliveries of money after the sale', () => {
  it('keeps each event as it came, and the charge as its newest event says, whatever the order', () => {
    const { first, second } = otherAccount();
    const { mirror, get } = playground();
    for (const event of [...second.events, ...first.events]) {
      expect(mirror.mirror(JSON.stringify(event))).toBe(`copied ${event.id} (${event.type}) into the fake Stripe API`);
      expect(get(`/v1/events/${event.id}`)).toEqual(event);
    }
    expect(mirror.mirror(JSON.stringify(first.events[0]))).toBeNull(); // a repeat changes nothing
    expect(get(`/v1/charges/${String(second.charge['id'])}`)).toMatchObject({ amount: 6000, amount_refunded: 3000, refunded: false });
    expect(get(`/v1/refunds/${String(first.object['id'])}`)).toMatchObject({ amount: 1000, status: 'succeeded' });
  });

  it('serves a delivered dispute by id', () => {
    const { dispute } = otherAccount();
    const { mirror, get } = playground();
    for (const event of dispute.events) mirror.mirror(JSON.stringify(event));
    expect(get(`/v1/disputes/${String(dispute.object['id'])}`)).toMatchObject({ status: 'needs_response', amount: 1999 });
  });

  it('keeps a 2024-06-20 invoice in the current shape, its payment listed, and gives it back in its own shape', () => {
    const { plan } = otherAccount();
    const { mirror, get } = playground();
    const renewal = plan.events[2]!;
    mirror.mirror(JSON.stringify(renewal));
    expect(get(`/v1/events/${renewal.id}`)).toEqual(renewal);
    const delivered = renewal.data.object;
    const current = get(`/v1/invoices/${String(delivered['id'])}`);
    expect(current).toMatchObject({ parent: { subscription_details: { subscription: plan.subscription } }, amount_paid: 1999 });
    expect(current).not.toHaveProperty('payment_intent');
    const payments = get(`/v1/invoice_payments?invoice=${String(delivered['id'])}`) as unknown as StripeList<JsonObject>;
    expect(payments.data.map((payment) => payment['payment'])).toEqual([
      { type: 'payment_intent', payment_intent: delivered['payment_intent'] },
    ]);
    expect(get(`/v1/invoices/${String(delivered['id'])}`, OLD_API_VERSION)).toMatchObject({
      subscription: plan.subscription,
      payment_intent: delivered['payment_intent'],
    });
  });
});
