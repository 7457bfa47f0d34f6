/**
 * The money reads over HTTP, as Stripe answers them: /v1/events filtered by the new types and paged,
 * GET /v1/invoice_payments filtered and paged, the objects by id with the key of their mode, and the
 * 403 a restricted key without the resource's read permission gets.
 */
import { DEFAULT_LIVE_KEY, FakeStripeApi, type JsonObject, type StripeEvent, type StripeList } from '../src/fake-stripe';
import { call, failure, ids, list } from './fake-stripe-helpers';

const DAY = 86_400;
const MONEY_TYPES = [
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
  'invoice.paid',
];

/** A month of sales and their money, a day apart, every flow once. */
function monthOfMoney(api = new FakeStripeApi()) {
  api.setNow(api.now() - 20 * DAY);
  const refunded = api.scenario.paid({ amount: 5000 });
  api.advance(DAY);
  const partial = api.afterSale.refund(refunded.session.id, { amount: 1000 });
  api.advance(DAY);
  const referenced = api.afterSale.updateRefund(String(partial.object['id']));
  api.advance(DAY);
  const disputed = api.scenario.paid();
  api.advance(DAY);
  const dispute = api.afterSale.dispute(disputed.session.id);
  api.advance(DAY);
  const evidence = api.afterSale.submitEvidence(String(dispute.object['id']));
  api.advance(DAY);
  const won = api.afterSale.closeDispute(String(dispute.object['id']), 'won');
  api.advance(DAY);
  const subscription = api.scenario.subscription({ created: api.now() });
  const renewal = api.afterSale.renew(subscription.subscription, { created: api.now() + DAY });
  api.setNow(api.now() + 2 * DAY);
  const events = [
    ...refunded.events,
    ...partial.events,
    ...referenced.events,
    ...disputed.events,
    ...dispute.events,
    ...evidence.events,
    ...won.events,
    ...subscription.events,
    ...renewal.events,
  ];
  return { api, events, subscription, renewal };
}

const typesQuery = (types: string[]) => types.map((type) => `types[]=${encodeURIComponent(type)}`).join('&');
const newestFirst = (events: StripeEvent[]) =>
  events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.created - a.event.created || b.index - a.index)
    .map(({ event }) => event.id);

describe('FakeStripeApi: /v1/events with money after the sale', () => {
  it('types[] picks the money events (and not refund.created, charge.refund.updated or refund.updated), newest first', () => {
    const { api, events } = monthOfMoney();
    const response = call(api.handle, `/v1/events?${typesQuery(MONEY_TYPES)}&limit=100`);
    expect(response.status).toBe(200);
    const expected = newestFirst(events.filter((event) => MONEY_TYPES.includes(event.type)));
    expect(ids(response)).toEqual(expected);
    expect(
      list(response)
        .data.map((event) => event.type)
        .sort(),
    ).toEqual(
      [
        'charge.refunded',
        'charge.dispute.created',
        'charge.dispute.funds_withdrawn',
        'charge.dispute.updated',
        'charge.dispute.closed',
        'charge.dispute.funds_reinstated',
        'invoice.paid',
        'invoice.paid',
      ].sort(),
    );
    const refundEvents = ['refund.created', 'refund.updated', 'charge.refund.updated'];
    expect(
      list(call(api.handle, `/v1/events?${typesQuery(refundEvents)}`))
        .data.map((event) => event.type)
        .sort(),
    ).toEqual([...refundEvents].sort());
  });

  it('pages the money and session events together with limit and starting_after, created[gte] too', () => {
    const { api, events } = monthOfMoney();
    const types = ['checkout.session.completed', ...MONEY_TYPES];
    const expected = newestFirst(events.filter((event) => types.includes(event.type)));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = list(
        call(api.handle, `/v1/events?${typesQuery(types)}&limit=3${cursor === undefined ? '' : `&starting_after=${cursor}`}`),
      );
      seen.push(...page.data.map((event) => event.id));
      if (!page.has_more) break;
      cursor = page.data[page.data.length - 1]!.id;
    }
    expect(seen).toEqual(expected);
    const since = api.now() - 4 * DAY;
    expect(ids(call(api.handle, `/v1/events?${typesQuery(types)}&created[gte]=${String(since)}&limit=100`))).toEqual(
      newestFirst(events.filter((event) => types.includes(event.type) && event.created >= since)),
    );
  });
});

describe('FakeStripeApi: GET /v1/invoice_payments', () => {
  const payments = (response: { json: unknown }) => (response.json as StripeList<JsonObject>).data;

  it('lists an invoice payment by invoice, and by its payment intent', () => {
    const { api, renewal } = monthOfMoney();
    const invoice = String(renewal.object['id']);
    const byInvoice = call(api.handle, `/v1/invoice_payments?invoice=${invoice}`);
    expect(byInvoice.status).toBe(200);
    expect(byInvoice.json).toMatchObject({ object: 'list', url: '/v1/invoice_payments', has_more: false });
    expect(payments(byInvoice).map((payment) => payment['invoice'])).toEqual([invoice]);
    const intent = (payments(byInvoice)[0]!['payment'] as JsonObject)['payment_intent'] as string;
    const byIntent = call(api.handle, `/v1/invoice_payments?payment[type]=payment_intent&payment[payment_intent]=${intent}&status=paid`);
    expect(payments(byIntent)).toEqual(payments(byInvoice));
    expect(payments(call(api.handle, '/v1/invoice_payments?invoice=in_1nothing'))).toEqual([]);
    expect(payments(call(api.handle, `/v1/invoice_payments?invoice=${invoice}&status=open`))).toEqual([]);
  });

  it('pages newest first with limit and starting_after, one mode at a time', () => {
    const api = new FakeStripeApi();
    const { subscription } = api.scenario.subscription({ renewals: 4 });
    api.scenario.subscription({ livemode: true });
    const all: string[] = [];
    let cursor: string | undefined;
    const hasMore: boolean[] = [];
    for (;;) {
      const page = call(api.handle, `/v1/invoice_payments?limit=2${cursor === undefined ? '' : `&starting_after=${cursor}`}`)
        .json as StripeList<JsonObject>;
      all.push(...page.data.map((payment) => String(payment['invoice'])));
      hasMore.push(page.has_more);
      if (!page.has_more) break;
      cursor = String(page.data[page.data.length - 1]!['id']);
    }
    expect(hasMore).toEqual([true, true, false]);
    const invoices = api
      .allObjects('invoice')
      .filter(
        (invoice) => (invoice['parent'] as { subscription_details: JsonObject }).subscription_details['subscription'] === subscription,
      );
    expect(all).toEqual(invoices.map((invoice) => String(invoice['id'])).reverse());
    expect(payments(call(api.handle, '/v1/invoice_payments', { key: DEFAULT_LIVE_KEY }))).toHaveLength(1);
  });

  it('refuses parameters as Stripe does', () => {
    const api = new FakeStripeApi();
    const refused = (query: string) => failure(call(api.handle, `/v1/invoice_payments?${query}`));
    expect(refused('customer=cus_1')).toMatchObject({ message: 'Received unknown parameter: customer', param: 'customer' });
    expect(refused('payment[payment_intent]=pi_1')).toMatchObject({
      message: 'Missing required param: payment[type].',
      param: 'payment[type]',
    });
    expect(refused('payment[type]=card')).toMatchObject({ param: 'payment[type]' });
    expect(refused('payment=pi_1')).toMatchObject({ message: 'Invalid hash' });
    expect(refused('payment[charge]=ch_1')).toMatchObject({ message: 'Received unknown parameter: payment[charge]' });
    expect(refused('status=done')).toMatchObject({ param: 'status' });
    expect(refused('limit=101')).toMatchObject({ param: 'limit' });
    expect(refused('starting_after=inpay_1nope')).toMatchObject({ code: 'resource_missing', param: 'starting_after' });
  });
});

describe('FakeStripeApi: money objects by id', () => {
  it('serves each with the key of its mode, and says when it exists in the other mode', () => {
    const api = new FakeStripeApi();
    const live = api.scenario.paid({ livemode: true });
    const refund = api.afterSale.refund(live.session.id, { amount: 100 });
    const paths = [`/v1/charges/${String(refund.charge['id'])}`, `/v1/refunds/${String(refund.object['id'])}`];
    for (const path of paths) {
      expect(call(api.handle, path, { key: DEFAULT_LIVE_KEY }).status).toBe(200);
      const other = call(api.handle, path);
      expect(other.status).toBe(404);
      expect(failure(other).message).toMatch(/a similar object exists in live mode, but a test mode key was used/);
    }
  });

  it('answers 404 resource_missing for an unknown id or an object of another kind, and does not list what the add-on reads by id', () => {
    const api = new FakeStripeApi();
    const { session } = api.scenario.paid();
    const charge = String(api.afterSale.refund(session.id).charge['id']);
    expect(failure(call(api.handle, '/v1/disputes/dp_1nope'))).toMatchObject({
      code: 'resource_missing',
      message: "No such dispute: 'dp_1nope'",
    });
    expect(failure(call(api.handle, `/v1/invoices/${charge}`))).toMatchObject({ message: `No such invoice: '${charge}'` });
    for (const resource of ['charges', 'refunds', 'disputes', 'invoices']) {
      const listed = call(api.handle, `/v1/${resource}`);
      expect(listed.status).toBe(404);
      expect(failure(listed).message).toMatch(new RegExp(`does not list ${resource}`));
    }
    expect(call(api.handle, `/v1/charges/${charge}?expand[]=refunds`).status).toBe(200);
    expect(failure(call(api.handle, `/v1/charges/${charge}?limit=1`)).message).toBe('Received unknown parameter: limit');
  });

  it('answers 403 naming the permission a restricted key lacks: charges (and refunds), disputes, invoices (and invoice payments)', () => {
    const api = new FakeStripeApi();
    const { session } = api.scenario.paid();
    const refund = api.afterSale.refund(session.id, { amount: 100 });
    const dispute = api.afterSale.dispute(api.scenario.paid().session.id);
    const bought = api.scenario.subscription();
    const invoice = String(bought.invoices[0]!['id']);
    const cases = [
      {
        deny: 'charges',
        paths: [`/v1/charges/${String(refund.charge['id'])}`, `/v1/refunds/${String(refund.object['id'])}`],
        permission: 'rak_charge_read',
      },
      { deny: 'disputes', paths: [`/v1/disputes/${String(dispute.object['id'])}`], permission: 'rak_dispute_read' },
      { deny: 'invoices', paths: [`/v1/invoices/${invoice}`, `/v1/invoice_payments?invoice=${invoice}`], permission: 'rak_invoice_read' },
    ] as const;
    for (const { deny, paths, permission } of cases) {
      const key = `rk_test_no_${deny}`;
      api.addKey({ key, deny: [deny] });
      for (const path of paths) {
        const denied = call(api.handle, path, { key });
        expect(denied.status).toBe(403);
        expect(failure(denied).message).toMatch(
          new RegExp(`does not have the required permissions .* Having the '${permission}' permission`),
        );
      }
      // Only that resource is denied: the key reads the others and the events.
      expect(call(api.handle, '/v1/events', { key }).status).toBe(200);
      const others = cases.filter((other) => other.deny !== deny).flatMap((other) => other.paths);
      for (const path of others) expect(call(api.handle, path, { key }).status).toBe(200);
    }
  });
});
