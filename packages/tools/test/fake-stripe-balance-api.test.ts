/**
 * GET /v1/balance_transactions as the add-on's sync reads it: Stripe's paging, the filters it takes
 * (created bounds, type, source, currency), `expand[]=data.source` giving each transaction's charge,
 * refund or dispute (each naming its payment intent), one transaction by id, the restricted key's
 * permission, a charge's transaction that comes after a delay, and IC+ accounts whose charges carry
 * no fee.
 */
import { DEFAULT_LIVE_KEY, FakeStripeApi, type JsonObject, type StripeList } from '../src/fake-stripe';
import { call, failure } from './fake-stripe-helpers';

const DAY = 86_400;
const page = (api: FakeStripeApi, query: string, key?: string) =>
  call(api.handle, `/v1/balance_transactions${query}`, key === undefined ? {} : { key }).json as StripeList<JsonObject>;
const idsOf = (list: StripeList<JsonObject>) => list.data.map((transaction) => transaction['id']);

/** Ten days of money, a day apart: two sales, a refund, a chargeback won, a EUR sale. */
function tenDays(api = new FakeStripeApi()) {
  api.setNow(api.now() - 10 * DAY);
  const first = api.scenario.paid({ amount: 4900 });
  api.advance(DAY);
  const second = api.scenario.paid({ amount: 2500 });
  api.advance(DAY);
  const refund = api.afterSale.refund(first.session.id, { amount: 900 });
  api.advance(DAY);
  const dispute = api.afterSale.dispute(second.session.id);
  api.advance(DAY);
  api.afterSale.closeDispute(String(dispute.object['id']), 'won');
  api.advance(DAY);
  const eur = api.scenario.paid({ currency: 'eur', amount: 2900 });
  api.advance(5 * DAY);
  return { api, first, second, refund, dispute, eur };
}

describe('FakeStripeApi: GET /v1/balance_transactions', () => {
  it('lists newest first, `limit` at a time, `starting_after` the next page, `has_more` until the last', () => {
    const { api } = tenDays();
    const all = page(api, '?limit=100');
    expect(all.data).toHaveLength(6);
    expect(all).toMatchObject({ object: 'list', url: '/v1/balance_transactions', has_more: false });
    const created = all.data.map((transaction) => Number(transaction['created']));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const first = page(api, '?limit=4');
    expect(first.has_more).toBe(true);
    const rest = page(api, `?limit=4&starting_after=${String(first.data[3]!['id'])}`);
    expect(rest.has_more).toBe(false);
    expect([...idsOf(first), ...idsOf(rest)]).toEqual(idsOf(all));
    expect(page(api, '').data).toHaveLength(6); // default limit 10
  });

  it('filters by created bounds, type, source and currency', () => {
    const { api, refund, first } = tenDays();
    const all = page(api, '?limit=100').data;
    const at = (index: number) => Number(all[index]!['created']);
    expect(idsOf(page(api, `?created[gte]=${String(at(2))}`))).toEqual(idsOf({ data: all.slice(0, 3) } as StripeList<JsonObject>));
    expect(idsOf(page(api, `?created[gt]=${String(at(2))}`))).toEqual(idsOf({ data: all.slice(0, 2) } as StripeList<JsonObject>));
    expect(idsOf(page(api, `?created[lte]=${String(at(2))}&created[gt]=${String(at(4))}`))).toEqual(
      idsOf({ data: all.slice(2, 4) } as StripeList<JsonObject>),
    );
    expect(idsOf(page(api, `?created[lt]=${String(at(4))}`))).toEqual(idsOf({ data: all.slice(5) } as StripeList<JsonObject>));
    expect(page(api, '?type=charge').data.map((transaction) => transaction['type'])).toEqual(['charge', 'charge', 'charge']);
    expect(page(api, '?type=adjustment').data.map((transaction) => transaction['reporting_category'])).toEqual([
      'dispute_reversal',
      'dispute',
    ]);
    expect(page(api, `?source=${String(refund.object['id'])}`).data).toEqual([expect.objectContaining({ type: 'refund', amount: -900 })]);
    expect(page(api, `?source=${String(refund.charge['id'])}`).data).toEqual([expect.objectContaining({ type: 'charge', amount: 4900 })]);
    expect(page(api, `?source=${first.session.id}`).data).toEqual([]);
    expect(page(api, '?currency=usd').data).toHaveLength(6);
    expect(page(api, '?currency=eur').data).toEqual([]); // a EUR sale settles in USD
  });

  it('refuses what Stripe refuses or the fake does not serve: an unknown type, ending_before, payout, other expansions', () => {
    const { api } = tenDays();
    const refused = (query: string) => call(api.handle, `/v1/balance_transactions${query}`);
    expect(refused('?type=sale').status).toBe(400);
    expect(failure(refused('?type=sale'))).toMatchObject({
      param: 'type',
      message: expect.stringMatching(/^Invalid type: must be one of/),
    });
    expect(failure(refused('?ending_before=txn_1'))).toMatchObject({ message: 'Received unknown parameter: ending_before' });
    expect(failure(refused('?payout=po_1'))).toMatchObject({ message: 'Received unknown parameter: payout' });
    expect(failure(refused('?expand[]=data.source.charge'))).toMatchObject({
      param: 'expand',
      message: expect.stringMatching(/cannot be expanded/),
    });
    expect(refused('?limit=101').status).toBe(400);
    expect(refused('?starting_after=txn_1nothere').status).toBe(400);
    expect(call(api.handle, '/v1/balance_transactions', { method: 'post' }).status).toBe(405);
  });

  it('expand[]=data.source: each transaction with its charge, refund or dispute, each naming its payment intent', () => {
    const { api, first, second, eur } = tenDays();
    const expanded = page(api, '?limit=100&expand[]=data.source').data;
    const plain = page(api, '?limit=100').data;
    expect(expanded.map((transaction) => (transaction['source'] as JsonObject)['id'])).toEqual(
      plain.map((transaction) => transaction['source']),
    );
    const sources = expanded.map((transaction) => transaction['source'] as JsonObject);
    expect(sources.map((source) => source['object'])).toEqual(['charge', 'dispute', 'dispute', 'refund', 'charge', 'charge']);
    expect(sources.map((source) => source['payment_intent'])).toEqual([
      eur.session.payment_intent,
      second.session.payment_intent,
      second.session.payment_intent,
      first.session.payment_intent,
      second.session.payment_intent,
      first.session.payment_intent,
    ]);
    expect(sources[3]).toMatchObject({ object: 'refund', charge: sources[5]!['id'] });
    expect(sources[1]).toMatchObject({ object: 'dispute', charge: sources[4]!['id'], status: 'won' });
    // Each expanded transaction is otherwise the plain one.
    expect(expanded.map((transaction) => ({ ...transaction, source: (transaction['source'] as JsonObject)['id'] }))).toEqual(plain);
  });

  it('GET /v1/balance_transactions/{id}, with expand[]=source; unknown ids and the other mode refused as Stripe does', () => {
    const { api, eur } = tenDays();
    const [newest] = page(api, '?limit=1').data;
    expect(call(api.handle, `/v1/balance_transactions/${String(newest!['id'])}`).json).toEqual(newest);
    const expanded = call(api.handle, `/v1/balance_transactions/${String(newest!['id'])}?expand[]=source`).json as JsonObject;
    expect(expanded['source']).toMatchObject({
      object: 'charge',
      payment_intent: eur.session.payment_intent,
      currency: 'eur',
      amount: 2900,
    });
    const missing = call(api.handle, '/v1/balance_transactions/txn_1nothere');
    expect(missing.status).toBe(404);
    expect(failure(missing)).toMatchObject({ code: 'resource_missing', message: "No such balance_transaction: 'txn_1nothere'" });
    const live = call(api.handle, `/v1/balance_transactions/${String(newest!['id'])}`, { key: DEFAULT_LIVE_KEY });
    expect(live.status).toBe(404);
    expect(failure(live).message).toMatch(/exists in test mode, but a live mode key/);
    expect(page(api, '', DEFAULT_LIVE_KEY).data).toEqual([]);
    const sale = api.scenario.paid({ livemode: true });
    expect(
      page(api, '?expand[]=data.source', DEFAULT_LIVE_KEY).data.map(
        (transaction) => (transaction['source'] as JsonObject)['payment_intent'],
      ),
    ).toEqual([sale.session.payment_intent]);
  });

  it('a restricted key without Balance transaction sources read gets 403 naming rak_balance_transaction_source_read', () => {
    const { api, first } = tenDays();
    api.addKey({ key: 'rk_test_no_balance', deny: ['balance_transactions'] });
    api.addKey({ key: 'rk_test_no_charges', deny: ['charges'] });
    const refused = call(api.handle, '/v1/balance_transactions?expand[]=data.source', { key: 'rk_test_no_balance' });
    expect(refused.status).toBe(403);
    expect(failure(refused).message).toMatch(
      /Having the 'rak_balance_transaction_source_read' permission would allow this request to continue\.$/,
    );
    expect(call(api.handle, '/v1/balance_transactions/txn_1any', { key: 'rk_test_no_balance' }).status).toBe(403);
    const charge = api.allObjects('charge').find((candidate) => candidate['payment_intent'] === first.session.payment_intent)!;
    expect(call(api.handle, `/v1/charges/${String(charge['id'])}`, { key: 'rk_test_no_balance' }).status).toBe(200);
    expect(call(api.handle, '/v1/balance_transactions?expand[]=data.source', { key: 'rk_test_no_charges' }).status).toBe(200);
  });
});

describe('FakeStripeApi: a charge whose balance transaction comes later', () => {
  it('with a delay, the charge names none and nothing is listed until then; then both, dated after the charge', () => {
    const api = new FakeStripeApi();
    api.setBalanceTransactionDelay(600);
    const sale = api.scenario.paid({ amount: 4900 });
    expect(page(api, '').data).toEqual([]);
    const charge = api.allObjects('charge')[0]!;
    expect(charge['payment_intent']).toBe(sale.session.payment_intent);
    const served = () => call(api.handle, `/v1/charges/${String(charge['id'])}`).json as JsonObject;
    expect(served()['balance_transaction']).toBeNull();
    expect(call(api.handle, `/v1/balance_transactions/${String(charge['balance_transaction'])}`).status).toBe(404);
    api.advance(599);
    expect(page(api, '').data).toEqual([]);
    api.advance(1);
    const [transaction] = page(api, '').data;
    expect(transaction).toMatchObject({
      id: charge['balance_transaction'],
      source: charge['id'],
      created: Number(charge['created']) + 600,
    });
    expect(served()['balance_transaction']).toBe(transaction!['id']);
    expect(() => {
      api.setBalanceTransactionDelay(-1);
    }).toThrow(/whole number of seconds/);
  });

  it('a paid session the fake only holds (no scenario, no event) has its charge and transaction when the balance is read', () => {
    const api = new FakeStripeApi();
    const session = api.addSession({ amount_total: 1000, created: api.now() - 3600 });
    const listed = page(api, '?expand[]=data.source').data;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ amount: 1000, created: session.created, source: { payment_intent: session.payment_intent } });
    api.updateSession(api.addSession({ payment_status: 'unpaid', status: 'open' }).id, { payment_status: 'paid', status: 'complete' });
    expect(page(api, '').data).toHaveLength(2);
  });

  it('is pending until its funds are available (two days on, at midnight UTC), then available', () => {
    const api = new FakeStripeApi();
    api.setNow(Date.UTC(2026, 0, 10, 15) / 1000);
    api.scenario.paid();
    const [pending] = page(api, '').data;
    expect(pending).toMatchObject({ status: 'pending', available_on: Date.UTC(2026, 0, 12) / 1000 });
    api.setNow(Date.UTC(2026, 0, 12) / 1000);
    expect(page(api, '').data[0]).toMatchObject({ status: 'available' });
    expect(api.balanceTransactions()[0]).toMatchObject({ status: 'available' });
  });
});

describe('FakeStripeApi: an account on IC+ pricing', () => {
  it("carries no fee on its charges' transactions; the day's fees come the next morning, with no source", () => {
    const api = new FakeStripeApi({ pricing: 'ic_plus' });
    api.setNow(Date.UTC(2026, 0, 10, 9) / 1000);
    const sales = [api.scenario.paid({ amount: 4900 }), api.scenario.paid({ currency: 'eur', amount: 2900 })];
    const dispute = api.afterSale.dispute(sales[0]!.session.id);
    const charges = page(api, '?type=charge').data;
    expect(
      charges.map((transaction) => [transaction['amount'], transaction['fee'], transaction['fee_details'], transaction['net']]),
    ).toEqual([
      [3132, 0, [], 3132],
      [4900, 0, [], 4900],
    ]);
    expect(page(api, `?source=${String(dispute.object['id'])}`).data[0]).toMatchObject({ fee: 1500 }); // a dispute fee all the same
    expect(page(api, '?type=stripe_fee').data).toEqual([]);
    api.setNow(Date.UTC(2026, 0, 11, 6) / 1000);
    const fees = page(api, '?type=stripe_fee').data;
    // Illustrative IC+ costs: 2.2% + 30¢ per payment: 4900 → 108 + 30, 3132 → 69 + 30.
    expect(fees).toEqual([
      expect.objectContaining({
        amount: -237,
        fee: 0,
        net: -237,
        source: null,
        reporting_category: 'fee',
        currency: 'usd',
        description: 'Card payments (2026-01-10): Stripe fees and network costs',
        created: Date.UTC(2026, 0, 11, 6) / 1000,
      }),
    ]);
    expect(call(api.handle, `/v1/balance_transactions/${String(fees[0]!['id'])}`).json).toEqual(fees[0]);
    expect(page(api, `?starting_after=${String(fees[0]!['id'])}&limit=100`).data).toHaveLength(3);
  });

  it('a switch to IC+ leaves the fees already taken as they were, and takes the day fee only of charges without one', () => {
    const api = new FakeStripeApi();
    api.setNow(Date.UTC(2026, 0, 10, 9) / 1000);
    api.scenario.paid({ amount: 4900 });
    api.allObjects('charge');
    api.setPricing('ic_plus');
    api.scenario.paid({ amount: 1000 });
    api.setNow(Date.UTC(2026, 0, 12) / 1000);
    expect(page(api, '?type=charge').data.map((transaction) => transaction['fee'])).toEqual([0, 172]);
    expect(page(api, '?type=stripe_fee').data.map((transaction) => transaction['amount'])).toEqual([-52]); // 1000 × 2.2% = 22, + 30
  });
});
