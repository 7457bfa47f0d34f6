/**
 * What Stripe kept, as the fake's balance transactions say it: their shape against Stripe's
 * fixtures at both API versions, the fee of a card payment by card country and currency, the
 * conversion into the account's settlement currency with its exchange_rate, and the transactions
 * of refunds, disputes (the dispute fee) and renewals. Amounts are worked out by hand in each test
 * from the fake's illustrative prices (settlement.ts): 2.9% + 30¢ for a US card on a USD account,
 * +1.5% for a card from elsewhere, +1% when converted; EUR at 1.08 USD.
 */
import { readFixture } from '@stripe-utm-sheets/add-on/fixtures/stripe';
import { FakeStripeApi, OLD_API_VERSION, type JsonObject, type StripeList } from '../src/fake-stripe';
import { call } from './fake-stripe-helpers';

const transactions = (api: FakeStripeApi, query = '', version?: string): JsonObject[] =>
  (
    call(api.handle, `/v1/balance_transactions?limit=100${query}`, version === undefined ? {} : { headers: { 'Stripe-Version': version } })
      .json as StripeList<JsonObject>
  ).data;

/** The one balance transaction whose source is `id` (or whose expanded source has that id). */
const of = (list: JsonObject[], id: unknown): JsonObject => {
  const found = list.filter((transaction) => {
    const source = transaction['source'];
    return source === id || (typeof source === 'object' && source !== null && (source as JsonObject)['id'] === id);
  });
  expect(found).toHaveLength(1);
  return found[0]!;
};

const money = (transaction: JsonObject) => ({
  type: transaction['type'],
  reporting_category: transaction['reporting_category'],
  amount: transaction['amount'],
  fee: transaction['fee'],
  net: transaction['net'],
  currency: transaction['currency'],
  exchange_rate: transaction['exchange_rate'],
});

describe('FakeStripeApi: balance transactions have Stripe shapes', () => {
  const api = new FakeStripeApi();
  const sale = api.scenario.paid({ amount: 4900 });
  const refund = api.afterSale.refund(sale.session.id, { amount: 900 });
  const disputed = api.scenario.paid({ amount: 2500 });
  const dispute = api.afterSale.dispute(disputed.session.id);
  api.afterSale.closeDispute(String(dispute.object['id']), 'won');

  it('at the current version: the fixture keys in its order, for a charge, a refund and a dispute', () => {
    const listed = transactions(api);
    expect(listed).toHaveLength(5);
    for (const transaction of listed)
      expect(Object.keys(transaction)).toEqual(Object.keys(readFixture('balance_transaction_fixture.json')));
    expect(new Set(listed.map((transaction) => transaction['balance_type']))).toEqual(new Set(['payments']));
  });

  it('at 2024-06-20: that fixture keys in its order (no balance_type), listed and embedded in a dispute alike', () => {
    const listed = transactions(api, '', OLD_API_VERSION);
    for (const transaction of listed) {
      expect(Object.keys(transaction)).toEqual(Object.keys(readFixture('balance_transaction_fixture_2024-06-20.json')));
    }
    const served = call(api.handle, `/v1/disputes/${String(dispute.object['id'])}`, { headers: { 'Stripe-Version': OLD_API_VERSION } })
      .json as JsonObject;
    const embedded = served['balance_transactions'] as JsonObject[];
    expect(embedded.map((transaction) => transaction['id']).sort()).toEqual(
      listed
        .filter((transaction) => transaction['source'] === dispute.object['id'])
        .map((transaction) => transaction['id'])
        .sort(),
    );
    for (const transaction of embedded) expect(transaction).toEqual(listed.find((candidate) => candidate['id'] === transaction['id']));
  });

  it('a charge names its balance transaction, and the transaction its charge', () => {
    const charge = refund.charge;
    const transaction = of(transactions(api), charge['id']);
    expect(charge['balance_transaction']).toBe(transaction['id']);
    expect(transaction['id']).toMatch(/^txn_1[A-Za-z0-9]{23}$/);
    expect(transaction).toMatchObject({ object: 'balance_transaction', created: charge['created'], description: null });
    expect(call(api.handle, `/v1/charges/${String(charge['id'])}`).json).toMatchObject({ balance_transaction: transaction['id'] });
  });

  it('a refund: money out, no fee back (Stripe keeps the charge fee), named by the refund', () => {
    const transaction = of(transactions(api), refund.object['id']);
    expect(refund.object['balance_transaction']).toBe(transaction['id']);
    expect(money(transaction)).toEqual({
      type: 'refund',
      reporting_category: 'refund',
      amount: -900,
      fee: 0,
      net: -900,
      currency: 'usd',
      exchange_rate: null,
    });
    expect(transaction).toMatchObject({ fee_details: [], status: 'available', available_on: refund.object['created'] });
  });

  it('a chargeback: the amount and a 15.00 USD dispute fee out; when won the amount back, not the fee', () => {
    const listed = transactions(api).filter((transaction) => transaction['source'] === dispute.object['id']);
    expect(listed.map(money)).toEqual([
      { type: 'adjustment', reporting_category: 'dispute_reversal', amount: 2500, fee: 0, net: 2500, currency: 'usd', exchange_rate: null },
      { type: 'adjustment', reporting_category: 'dispute', amount: -2500, fee: 1500, net: -4000, currency: 'usd', exchange_rate: null },
    ]);
    expect(listed[1]!['fee_details']).toEqual([
      { amount: 1500, application: null, currency: 'usd', description: 'Dispute fee', type: 'stripe_fee' },
    ]);
    expect(listed[1]!['description']).toBe(`Chargeback withdrawal for ${String(dispute.object['charge'])}`);
  });

  it('an inquiry moves no money, and a lost chargeback only the withdrawal', () => {
    const fresh = new FakeStripeApi();
    const inquired = fresh.scenario.paid();
    const inquiry = fresh.afterSale.dispute(inquired.session.id, { inquiry: true });
    fresh.afterSale.closeDispute(String(inquiry.object['id']), 'warning_closed');
    const lost = fresh.afterSale.dispute(fresh.scenario.paid().session.id);
    fresh.afterSale.closeDispute(String(lost.object['id']), 'lost');
    const listed = transactions(fresh);
    expect(listed.filter((transaction) => transaction['source'] === inquiry.object['id'])).toEqual([]);
    expect(listed.filter((transaction) => transaction['source'] === lost.object['id']).map((t) => t['reporting_category'])).toEqual([
      'dispute',
    ]);
  });
});

describe('FakeStripeApi: fees by card and currency, converted into the settlement currency', () => {
  it('a domestic card: 2.9% + 30¢; a card from abroad +1.5%; one processing line each, no exchange rate', () => {
    const api = new FakeStripeApi();
    const domestic = api.scenario.paid({ amount: 4900 });
    const abroad = api.scenario.paid({ amount: 4900, session: { customer_details: { address: { country: 'GB' } } } });
    const listed = transactions(api);
    // 4900 × 2.9% = 142.1 → 142, + 30.
    expect(money(of(listed, api.allObjects('charge').find((c) => c['payment_intent'] === domestic.session.payment_intent)!['id']))).toEqual(
      {
        type: 'charge',
        reporting_category: 'charge',
        amount: 4900,
        fee: 172,
        net: 4728,
        currency: 'usd',
        exchange_rate: null,
      },
    );
    // 4900 × 4.4% = 215.6 → 216, + 30.
    const foreign = of(listed, api.allObjects('charge').find((c) => c['payment_intent'] === abroad.session.payment_intent)!['id']);
    expect(money(foreign)).toMatchObject({ amount: 4900, fee: 246, net: 4654, exchange_rate: null });
    expect(foreign['fee_details']).toEqual([
      { amount: 246, application: null, currency: 'usd', description: 'Stripe processing fees', type: 'stripe_fee' },
    ]);
  });

  it('a EUR sale on a USD account: the amount in USD at the exchange rate, a card from abroad, and the conversion fee', () => {
    const api = new FakeStripeApi();
    api.scenario.paid({ currency: 'eur', amount: 2900 }); // a German card
    const [transaction] = transactions(api);
    // 29.00 EUR × 1.08 = 31.32 USD; 3132 × 4.4% = 137.8 → 138, + 30 = 168; conversion 1% = 31.32 → 31.
    expect(money(transaction!)).toEqual({
      type: 'charge',
      reporting_category: 'charge',
      amount: 3132,
      fee: 199,
      net: 2933,
      currency: 'usd',
      exchange_rate: 1.08,
    });
    expect((transaction!['fee_details'] as JsonObject[]).map((line) => [line['description'], line['amount'], line['currency']])).toEqual([
      ['Stripe processing fees', 168, 'usd'],
      ['Currency conversion fee', 31, 'usd'],
    ]);
  });

  it('zero- and three-decimal currencies convert by their minor units', () => {
    const api = new FakeStripeApi();
    api.scenario.paid({ currency: 'jpy', amount: 5000 });
    api.scenario.paid({ currency: 'kwd', amount: 12345 });
    const [kwd, jpy] = transactions(api);
    // 5000 JPY × 0.0067 = 33.50 USD; 12.345 KWD × 3.25 = 40.12125 USD → 40.12.
    expect(money(jpy!)).toMatchObject({ amount: 3350, exchange_rate: 0.0067, currency: 'usd' });
    expect(money(kwd!)).toMatchObject({ amount: 4012, exchange_rate: 3.25, currency: 'usd' });
    expect(jpy!['net']).toBe(3350 - Number(jpy!['fee']));
  });

  it('an account that settles in EUR: a USD sale converted at 1 / 1.08, with EEA prices', () => {
    const api = new FakeStripeApi({ settlementCurrency: 'EUR' });
    expect(api.settlementCurrency).toBe('eur');
    api.scenario.paid({ currency: 'usd', amount: 1999 });
    api.scenario.paid({ currency: 'eur', amount: 2500 });
    const [eur, usd] = transactions(api);
    // 19.99 × 0.925926 = 18.509 → 18.51 EUR; a US card: 3.25% of 1851 = 60.2 → 60, + 25; conversion 2% = 37.
    expect(money(usd!)).toEqual({
      type: 'charge',
      reporting_category: 'charge',
      amount: 1851,
      fee: 122,
      net: 1729,
      currency: 'eur',
      exchange_rate: 0.925926,
    });
    // A German card in EUR: 1.5% of 2500 = 37.5 → 38, + 25; nothing converted.
    expect(money(eur!)).toEqual({
      type: 'charge',
      reporting_category: 'charge',
      amount: 2500,
      fee: 63,
      net: 2437,
      currency: 'eur',
      exchange_rate: null,
    });
    expect(() => new FakeStripeApi({ settlementCurrency: 'chf' })).toThrow(/no illustrative prices for settlement currency chf/);
  });

  it('a EUR refund and a EUR chargeback are converted too, the dispute fee in USD', () => {
    const api = new FakeStripeApi();
    const refunded = api.scenario.paid({ currency: 'eur', amount: 2900 });
    const refund = api.afterSale.refund(refunded.session.id);
    const disputed = api.scenario.paid({ currency: 'eur', amount: 2900 });
    const dispute = api.afterSale.dispute(disputed.session.id);
    const listed = transactions(api);
    expect(money(of(listed, refund.object['id']))).toMatchObject({
      amount: -3132,
      fee: 0,
      net: -3132,
      exchange_rate: 1.08,
      currency: 'usd',
    });
    expect(money(of(listed, dispute.object['id']))).toMatchObject({ amount: -3132, fee: 1500, net: -4632, exchange_rate: 1.08 });
  });

  it('a SEPA debit is a `payment` with the debit price; its refund a `payment_refund`', () => {
    const api = new FakeStripeApi();
    const sale = api.scenario.asyncPayment({ currency: 'eur', amount: 2500, outcome: 'succeeded' });
    const refund = api.afterSale.refund(sale.session.id, { amount: 500 });
    const listed = transactions(api);
    // 25.00 EUR = 27.00 USD; 0.8% = 21.6 → 22 (capped at 5.00), conversion 1% = 27.
    expect(money(of(listed, refund.charge['id']))).toEqual({
      type: 'payment',
      reporting_category: 'charge',
      amount: 2700,
      fee: 49,
      net: 2651,
      currency: 'usd',
      exchange_rate: 1.08,
    });
    expect(money(of(listed, refund.object['id']))).toMatchObject({ type: 'payment_refund', reporting_category: 'refund', amount: -540 });
  });

  it("a subscription's first invoice and each renewal have their charge's transaction", () => {
    const api = new FakeStripeApi();
    const plan = api.scenario.subscription({ renewals: 2 });
    const listed = transactions(api);
    expect(listed.map((transaction) => [transaction['description'], transaction['amount'], transaction['fee']])).toEqual([
      ['Subscription update', 1999, 88],
      ['Subscription update', 1999, 88],
      ['Subscription creation', 1999, 88],
    ]);
    const charges = api.allObjects('charge');
    expect(charges).toHaveLength(3);
    expect(new Set(listed.map((transaction) => transaction['source']))).toEqual(new Set(charges.map((charge) => charge['id'])));
    expect(plan.invoices).toHaveLength(3);
  });
});
