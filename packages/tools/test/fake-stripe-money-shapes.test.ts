/**
 * The fake's charges, refunds, disputes, invoices and invoice payments have Stripe's shapes, at the
 * current API version and at 2024-06-20, against Stripe's fixtures (test/fixtures/stripe): the same
 * keys, except where Stripe's changelog says the API no longer sends one. Served by id at the
 * request's Stripe-Version; carried by events at the event's version.
 */
import { readFixture } from '@stripe-utm-sheets/add-on/fixtures/stripe';
import { CURRENT_API_VERSION, FakeStripeApi, OLD_API_VERSION, type JsonObject } from '../src/fake-stripe';
import { call } from './fake-stripe-helpers';

const keysOf = (value: unknown) => Object.keys(value as JsonObject).sort();
const fixtureKeys = (name: string, except: string[] = []) => keysOf(readFixture(name)).filter((key) => !except.includes(key));
const nested = (value: unknown, ...path: string[]): JsonObject =>
  path.reduce<JsonObject>((object, key) => object[key] as JsonObject, value as JsonObject);

/** A paid card sale refunded in part, a disputed one, and a subscription renewed once. */
function moneyOfEveryKind(api = new FakeStripeApi()) {
  const sale = api.scenario.paid({ amount: 4900 });
  const refund = api.afterSale.refund(sale.session.id, { amount: 900 });
  const disputed = api.scenario.paid({ amount: 2500 });
  const dispute = api.afterSale.dispute(disputed.session.id);
  const subscription = api.scenario.subscription({ renewals: 1 });
  return { api, sale, refund, dispute, subscription };
}

const get = (api: FakeStripeApi, path: string, version?: string) =>
  call(api.handle, path, version === undefined ? {} : { headers: { 'Stripe-Version': version } }).json as JsonObject;

describe('FakeStripeApi: money objects in the current shape', () => {
  const { api, sale, refund, dispute, subscription } = moneyOfEveryKind();
  const chargeId = String(refund.charge['id']);

  it('charge: the fixture keys but `refunds` (not sent unless expanded since 2022-11-15), its payment intent and running refunds', () => {
    const charge = get(api, `/v1/charges/${chargeId}`);
    expect(keysOf(charge)).toEqual(fixtureKeys('charge_fixture.json', ['refunds']));
    expect(Object.keys(charge)).toEqual(Object.keys(readFixture('charge_fixture.json')).filter((key) => key !== 'refunds'));
    expect(keysOf(charge['payment_method_details'])).toEqual(keysOf(readFixture('charge_fixture.json')['payment_method_details']));
    expect(keysOf(nested(charge, 'payment_method_details', 'card'))).toEqual(
      keysOf(nested(readFixture('charge_fixture.json'), 'payment_method_details', 'card')),
    );
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 4900,
      amount_captured: 4900,
      amount_refunded: 900,
      refunded: false,
      currency: 'usd',
      livemode: false,
      payment_intent: sale.session.payment_intent,
      status: 'succeeded',
    });
    expect(chargeId).toMatch(/^ch_1[A-Za-z0-9]{23}$/);
  });

  it('refund: the fixture keys, naming its charge and payment intent', () => {
    const served = get(api, `/v1/refunds/${String(refund.object['id'])}`);
    expect(Object.keys(served)).toEqual(Object.keys(readFixture('refund_fixture.json')));
    expect(served).toMatchObject({
      object: 'refund',
      amount: 900,
      charge: chargeId,
      payment_intent: sale.session.payment_intent,
      currency: 'usd',
      status: 'succeeded',
    });
    expect(served).not.toHaveProperty('livemode'); // Stripe's refund has none
  });

  it('dispute: the fixture keys, its charge, payment intent, amount and status, the withdrawal listed', () => {
    const served = get(api, `/v1/disputes/${String(dispute.object['id'])}`);
    expect(Object.keys(served)).toEqual(Object.keys(readFixture('dispute_fixture.json')));
    expect(keysOf(served['evidence'])).toEqual(keysOf(readFixture('dispute_fixture.json')['evidence']));
    expect(keysOf(served['evidence_details'])).toEqual(keysOf(readFixture('dispute_fixture.json')['evidence_details']));
    expect(served).toMatchObject({ object: 'dispute', amount: 2500, currency: 'usd', livemode: false, status: 'needs_response' });
    expect(served['payment_intent']).toMatch(/^pi_/);
    const transactions = served['balance_transactions'] as JsonObject[];
    expect(transactions.map((transaction) => keysOf(transaction))).toEqual([keysOf(readFixture('balance_transaction_fixture.json'))]);
    expect(transactions[0]).toMatchObject({ amount: -2500, currency: 'usd', source: served['id'], reporting_category: 'dispute' });
  });

  it('invoice: the fixture keys but the removed top-level `subscription`; its subscription in parent, no payment named', () => {
    const renewal = subscription.invoices[1]!;
    const served = get(api, `/v1/invoices/${String(renewal['id'])}`);
    expect(Object.keys(served)).toEqual(Object.keys(readFixture('invoice_fixture.json')).filter((key) => key !== 'subscription'));
    expect(served).toMatchObject({
      object: 'invoice',
      billing_reason: 'subscription_cycle',
      amount_paid: 1999,
      currency: 'usd',
      livemode: false,
      status: 'paid',
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.subscription } },
    });
    for (const gone of ['subscription', 'payment_intent', 'charge', 'paid']) expect(served).not.toHaveProperty(gone);
    const line = nested(served, 'lines', 'data', '0');
    expect(line).toMatchObject({ object: 'line_item', amount: 1999, parent: { type: 'subscription_item_details' } });
  });

  it('invoice payment: the keys of Stripe API reference example, naming the payment intent that paid the invoice', () => {
    const renewal = subscription.invoices[1]!;
    const page = get(api, `/v1/invoice_payments?invoice=${String(renewal['id'])}`);
    const payment = (page['data'] as JsonObject[])[0]!;
    expect(Object.keys(payment)).toEqual([
      'id',
      'object',
      'amount_paid',
      'amount_requested',
      'created',
      'currency',
      'invoice',
      'is_default',
      'livemode',
      'payment',
      'status',
      'status_transitions',
    ]);
    expect(payment).toMatchObject({ object: 'invoice_payment', invoice: renewal['id'], status: 'paid', amount_paid: 1999 });
    const intent = nested(payment, 'payment')['payment_intent'];
    expect(nested(payment, 'payment')['type']).toBe('payment_intent');
    expect(get(api, `/v1/invoice_payments/${String(payment['id'])}`)).toEqual(payment);
    // The payment intent is the charge's, so a refund or dispute of the renewal can be tied to the invoice.
    const charge = api.allObjects('charge').find((candidate) => candidate['payment_intent'] === intent);
    expect(charge).toMatchObject({ amount: 1999 });
  });

  it('a subscription session names its subscription, first invoice and customer, and no payment intent', () => {
    expect(subscription.session).toMatchObject({
      mode: 'subscription',
      payment_intent: null,
      subscription: subscription.subscription,
      invoice: subscription.invoices[0]!['id'],
      customer: expect.stringMatching(/^cus_/) as unknown,
      payment_status: 'paid',
      amount_total: 1999,
    });
    expect(keysOf(subscription.session)).toEqual(keysOf(readFixture('checkout_session_fixture.json')));
    expect(subscription.invoices[0]).toMatchObject({ billing_reason: 'subscription_create', customer: subscription.session.customer });
  });
});

describe('FakeStripeApi: money objects at API version 2024-06-20', () => {
  const { api, sale, refund, dispute, subscription } = moneyOfEveryKind();
  const old = (path: string) => get(api, path, OLD_API_VERSION);

  it('charge: the 2024-06-20 fixture keys in its order but `refunds`, with the invoice it paid (null for a one-off sale)', () => {
    const charge = old(`/v1/charges/${String(refund.charge['id'])}`);
    expect(Object.keys(charge)).toEqual(Object.keys(readFixture('charge_fixture_2024-06-20.json')).filter((key) => key !== 'refunds'));
    expect(keysOf(nested(charge, 'payment_method_details', 'card'))).toEqual(
      keysOf(nested(readFixture('charge_fixture_2024-06-20.json'), 'payment_method_details', 'card')),
    );
    expect(charge).toMatchObject({ invoice: null, amount_refunded: 900, payment_intent: sale.session.payment_intent });
    const renewal = subscription.invoices[1]!;
    const payment = api.allObjects('invoice_payment').find((candidate) => candidate['invoice'] === renewal['id'])!;
    const renewalCharge = api
      .allObjects('charge')
      .find((candidate) => candidate['payment_intent'] === nested(payment, 'payment')['payment_intent'])!;
    expect(old(`/v1/charges/${String(renewalCharge['id'])}`)).toMatchObject({ invoice: renewal['id'] });
    expect(get(api, `/v1/charges/${String(renewalCharge['id'])}`)).not.toHaveProperty('invoice');
  });

  it('refund and dispute: the 2024-06-20 fixture keys', () => {
    expect(Object.keys(old(`/v1/refunds/${String(refund.object['id'])}`))).toEqual(
      Object.keys(readFixture('refund_fixture_2024-06-20.json')),
    );
    const served = old(`/v1/disputes/${String(dispute.object['id'])}`);
    const fixture = readFixture('dispute_fixture_2024-06-20.json');
    expect(Object.keys(served)).toEqual(Object.keys(fixture));
    expect(keysOf(served['evidence'])).toEqual(keysOf(fixture['evidence']));
    expect(keysOf(served['evidence_details'])).toEqual(keysOf(fixture['evidence_details']));
    expect(keysOf(nested(served, 'payment_method_details', 'card'))).toEqual(keysOf(nested(fixture, 'payment_method_details', 'card')));
    expect((served['balance_transactions'] as JsonObject[]).map((transaction) => keysOf(transaction))).toEqual([
      keysOf(readFixture('balance_transaction_fixture_2024-06-20.json')),
    ]);
  });

  it('invoice: the 2024-06-20 fixture keys in its order, with top-level subscription, payment_intent and charge', () => {
    const renewal = subscription.invoices[1]!;
    const served = old(`/v1/invoices/${String(renewal['id'])}`);
    const fixture = readFixture('invoice_fixture_2024-06-20.json');
    expect(Object.keys(served)).toEqual(Object.keys(fixture));
    // The fixture's line is an invoice item's; a subscription's line also names its subscription item.
    expect(keysOf(nested(served, 'lines', 'data', '0'))).toEqual(
      [...keysOf(nested(fixture, 'lines', 'data', '0')), 'subscription_item'].sort(),
    );
    const payment = api.allObjects('invoice_payment').find((candidate) => candidate['invoice'] === renewal['id'])!;
    const intent = nested(payment, 'payment')['payment_intent'];
    const charge = api.allObjects('charge').find((candidate) => candidate['payment_intent'] === intent)!;
    expect(served).toMatchObject({
      subscription: subscription.subscription,
      payment_intent: intent,
      charge: charge['id'],
      paid: true,
      billing_reason: 'subscription_cycle',
      amount_paid: 1999,
    });
    expect(served).not.toHaveProperty('parent');
  });

  it('events carry the shape of their own version: per flow, per account version, and per endpoint', () => {
    const fresh = new FakeStripeApi();
    const oldSale = fresh.scenario.subscription({ apiVersion: OLD_API_VERSION });
    expect(oldSale.events.map((event) => event.api_version)).toEqual([OLD_API_VERSION, OLD_API_VERSION]);
    expect(oldSale.events[0]!.data.object).toMatchObject({
      subscription: oldSale.subscription,
      payment_intent: expect.stringMatching(/^pi_/) as unknown,
    });

    // An account upgraded after its first sales: /v1/events then mixes both shapes, as a real one can.
    fresh.setApiVersion(OLD_API_VERSION);
    const before = fresh.afterSale.renew(oldSale.subscription);
    fresh.setApiVersion(CURRENT_API_VERSION);
    const after = fresh.afterSale.renew(oldSale.subscription);
    fresh.setNow(after.events[0]!.created);
    const listed = (
      call(fresh.handle, '/v1/events?types[]=invoice.paid').json as {
        data: { id: string; api_version: string; data: { object: JsonObject } }[];
      }
    ).data;
    const byId = new Map(listed.map((event) => [event.id, event]));
    expect(byId.get(before.events[0]!.id)?.api_version).toBe(OLD_API_VERSION);
    expect(byId.get(before.events[0]!.id)?.data.object).toHaveProperty('subscription', oldSale.subscription);
    expect(byId.get(after.events[0]!.id)?.api_version).toBe(CURRENT_API_VERSION);
    expect(byId.get(after.events[0]!.id)?.data.object).toMatchObject({
      parent: { subscription_details: { subscription: oldSale.subscription } },
    });
    expect(byId.get(after.events[0]!.id)?.data.object).not.toHaveProperty('payment_intent');

    // A webhook endpoint pinned to 2024-06-20 gets the same event in that shape.
    const pinned = fresh.eventAtVersion(after.events[0]!.id, OLD_API_VERSION);
    expect(pinned).toMatchObject({ id: after.events[0]!.id, type: 'invoice.paid', api_version: OLD_API_VERSION });
    expect(Object.keys(pinned.data.object)).toEqual(Object.keys(readFixture('invoice_fixture_2024-06-20.json')));
    expect(pinned.data.object['payment_intent']).toMatch(/^pi_/);
  });
});
