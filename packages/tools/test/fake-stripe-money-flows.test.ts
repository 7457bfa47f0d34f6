/**
 * Money after the sale makes the events Stripe sends, in Stripe's order, each carrying the object's
 * state at that moment: refunds (partial, several, full, the later card reference), disputes
 * (won, lost, an inquiry), and a subscription's renewals. What Stripe refuses, the fake refuses.
 */
import { FakeStripeApi, type JsonObject, type StripeEvent } from '../src/fake-stripe';

const DAY = 86_400;
const trail = (events: StripeEvent[], ...fields: string[]) =>
  events.map((event) => [event.type, ...fields.map((field) => event.data.object[field])]);

describe('FakeStripeApi: refunds', () => {
  it('partial refunds, then the rest: charge.refunded with the running amount_refunded, then refund.created', () => {
    const api = new FakeStripeApi();
    const { session } = api.scenario.paid({ amount: 10_000 });
    const first = api.afterSale.refund(session.id, { amount: 2500 });
    api.advance(DAY);
    const second = api.afterSale.refund(session.payment_intent!, { amount: 1500 });
    api.advance(DAY);
    const rest = api.afterSale.refund(String(first.charge['id']));
    const events = [...first.events, ...second.events, ...rest.events];
    expect(events.map((event) => [event.type, event.data.object['object']])).toEqual([
      ['charge.refunded', 'charge'],
      ['refund.created', 'refund'],
      ['charge.refunded', 'charge'],
      ['refund.created', 'refund'],
      ['charge.refunded', 'charge'],
      ['refund.created', 'refund'],
    ]);
    const charges = events.filter((event) => event.type === 'charge.refunded').map((event) => event.data.object);
    expect(charges.map((charge) => [charge['amount'], charge['amount_refunded'], charge['refunded']])).toEqual([
      [10_000, 2500, false],
      [10_000, 4000, false],
      [10_000, 10_000, true],
    ]);
    const refunds = events.filter((event) => event.type === 'refund.created').map((event) => event.data.object);
    expect(refunds.map((refund) => refund['amount'])).toEqual([2500, 1500, 6000]);
    for (const object of [...charges, ...refunds]) expect(object['payment_intent']).toBe(session.payment_intent);
    expect(new Set(refunds.map((refund) => refund['charge']))).toEqual(new Set([first.charge['id']]));
    expect(events.map((event) => event.created)).toEqual([0, 0, 1, 1, 2, 2].map((days) => api.now() - (2 - days) * DAY));
    // The charge.refunded event has no previous_attributes: Stripe sends them with *.updated events only.
    expect(events[0]!.data).not.toHaveProperty('previous_attributes');
  });

  it('dates the charge when the session was paid, and keeps its mode on refund events (a refund has no livemode)', () => {
    const api = new FakeStripeApi();
    const live = api.scenario.paid({ livemode: true, currency: 'eur' });
    api.advance(3 * DAY);
    const refund = api.afterSale.refund(live.session.id);
    expect(refund.charge).toMatchObject({ created: live.events[0]!.created, livemode: true, currency: 'eur', amount: 2500 });
    expect(refund.events.map((event) => event.livemode)).toEqual([true, true]);
  });

  it('the card reference arriving later: charge.refund.updated and refund.updated, with previous_attributes', () => {
    const api = new FakeStripeApi();
    const { session } = api.scenario.paid();
    const { object: refund } = api.afterSale.refund(session.id, { amount: 999 });
    api.advance(2 * DAY);
    const { events } = api.afterSale.updateRefund(String(refund['id']));
    expect(trail(events, 'id', 'amount', 'status')).toEqual([
      ['charge.refund.updated', refund['id'], 999, 'succeeded'],
      ['refund.updated', refund['id'], 999, 'succeeded'],
    ]);
    expect(events[0]!.data.object['destination_details']).toMatchObject({
      card: { reference_status: 'available', reference: expect.stringMatching(/^\d{23}$/) as unknown },
    });
    expect(events[0]!.data.previous_attributes).toEqual({
      destination_details: { card: { reference: null, reference_status: 'pending' } },
    });
  });

  it('refuses what Stripe refuses: more than is left, nothing left, a non-integer, a charged-back charge, an unpaid session', () => {
    const api = new FakeStripeApi();
    const { session } = api.scenario.paid({ amount: 1000 });
    expect(() => api.afterSale.refund(session.id, { amount: 1001 })).toThrow(
      'Refund amount (1001) is greater than unrefunded amount on charge (1000)',
    );
    expect(() => api.afterSale.refund(session.id, { amount: 10.5 })).toThrow(/Invalid positive integer/);
    api.afterSale.refund(session.id);
    expect(() => api.afterSale.refund(session.id)).toThrow(/has already been refunded/);
    const disputed = api.scenario.paid();
    api.afterSale.dispute(disputed.session.id);
    expect(() => api.afterSale.refund(disputed.session.id, { amount: 100 })).toThrow(/has been charged back; cannot issue a refund/);
    const failed = api.scenario.asyncPayment({ outcome: 'failed' });
    expect(() => api.afterSale.refund(failed.session.id)).toThrow(/is not paid/);
  });
});

describe('FakeStripeApi: disputes', () => {
  const open = (api: FakeStripeApi, options: Parameters<FakeStripeApi['afterSale']['dispute']>[1] = {}) => {
    const { session } = api.scenario.paid({ amount: 4900 });
    return { session, ...api.afterSale.dispute(session.id, options) };
  };

  it('a chargeback won: created, funds_withdrawn, updated (under_review), closed (won), funds_reinstated', () => {
    const api = new FakeStripeApi();
    const opened = open(api);
    api.advance(2 * DAY);
    const evidence = api.afterSale.submitEvidence(String(opened.object['id']));
    api.advance(30 * DAY);
    const closed = api.afterSale.closeDispute(String(opened.object['id']), 'won');
    const events = [...opened.events, ...evidence.events, ...closed.events];
    expect(trail(events, 'status', 'amount')).toEqual([
      ['charge.dispute.created', 'needs_response', 4900],
      ['charge.dispute.funds_withdrawn', 'needs_response', 4900],
      ['charge.dispute.updated', 'under_review', 4900],
      ['charge.dispute.closed', 'won', 4900],
      ['charge.dispute.funds_reinstated', 'won', 4900],
    ]);
    for (const event of events) {
      expect(event.data.object).toMatchObject({ object: 'dispute', payment_intent: opened.session.payment_intent, currency: 'usd' });
      expect(event.data.object['charge']).toMatch(/^ch_/);
    }
    expect(events[2]!.data.previous_attributes).toMatchObject({ status: 'needs_response' });
    const movements = (event: StripeEvent) =>
      (event.data.object['balance_transactions'] as JsonObject[]).map((transaction) => transaction['amount']);
    expect(events.map(movements)).toEqual([[], [-4900], [-4900], [-4900], [-4900, 4900]]);
    expect(api.getObject(String(events[0]!.data.object['charge']), 'charge')).toMatchObject({ disputed: true, amount_refunded: 0 });
  });

  it('a chargeback lost: created, funds_withdrawn, closed (lost), and no money back', () => {
    const api = new FakeStripeApi();
    const opened = open(api, { reason: 'product_not_received' });
    api.advance(40 * DAY);
    const closed = api.afterSale.closeDispute(String(opened.object['id']), 'lost');
    expect(trail([...opened.events, ...closed.events], 'status', 'reason')).toEqual([
      ['charge.dispute.created', 'needs_response', 'product_not_received'],
      ['charge.dispute.funds_withdrawn', 'needs_response', 'product_not_received'],
      ['charge.dispute.closed', 'lost', 'product_not_received'],
    ]);
  });

  it('an inquiry: warning_needs_response, warning_under_review, warning_closed, no funds moved', () => {
    const api = new FakeStripeApi();
    const opened = open(api, { inquiry: true });
    const evidence = api.afterSale.submitEvidence(String(opened.object['id']));
    const closed = api.afterSale.closeDispute(String(opened.object['id']), 'warning_closed');
    const events = [...opened.events, ...evidence.events, ...closed.events];
    expect(trail(events, 'status')).toEqual([
      ['charge.dispute.created', 'warning_needs_response'],
      ['charge.dispute.updated', 'warning_under_review'],
      ['charge.dispute.closed', 'warning_closed'],
    ]);
    expect(events.every((event) => (event.data.object['balance_transactions'] as unknown[]).length === 0)).toBe(true);
    expect(() => api.afterSale.closeDispute(String(opened.object['id']), 'warning_closed')).toThrow(/is closed/);
  });

  it('defaults to what is left after refunds, and refuses a dispute above the charge or a wrong outcome', () => {
    const api = new FakeStripeApi();
    const { session } = api.scenario.paid({ amount: 3000 });
    api.afterSale.refund(session.id, { amount: 1000 });
    const dispute = api.afterSale.dispute(session.id);
    expect(dispute.object['amount']).toBe(2000);
    const other = api.scenario.paid({ amount: 3000 });
    expect(() => api.afterSale.dispute(other.session.id, { amount: 3001 })).toThrow(/cannot be opened/);
    expect(() => api.afterSale.closeDispute(String(dispute.object['id']), 'warning_closed')).toThrow(/a chargeback closes won or lost/);
  });
});

describe('FakeStripeApi: subscriptions', () => {
  it('the first invoice pays the session; renewals come a calendar month apart, each invoice.paid subscription_cycle', () => {
    const api = new FakeStripeApi();
    const bought = api.scenario.subscription({ currency: 'eur', amount: 1200, created: Date.UTC(2025, 0, 31, 12) / 1000 });
    const second = api.afterSale.renew(bought.subscription);
    const third = api.afterSale.renew(bought.subscription);
    const events = [...bought.events, ...second.events, ...third.events];
    expect(trail(events, 'billing_reason', 'amount_paid', 'currency')).toEqual([
      ['invoice.paid', 'subscription_create', 1200, 'eur'],
      ['checkout.session.completed', undefined, undefined, 'eur'],
      ['invoice.paid', 'subscription_cycle', 1200, 'eur'],
      ['invoice.paid', 'subscription_cycle', 1200, 'eur'],
    ]);
    // 31 January, then the last day of February, then 31 March.
    expect(events.map((event) => new Date(event.created * 1000).toISOString().slice(0, 10))).toEqual([
      '2025-01-31',
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
    ]);
    for (const event of events.filter((candidate) => candidate.type === 'invoice.paid')) {
      expect(event.data.object).toMatchObject({ livemode: false, parent: { subscription_details: { subscription: bought.subscription } } });
    }
    const ids = events.filter((event) => event.type === 'invoice.paid').map((event) => event.data.object['id']);
    expect(ids[0]).toBe(bought.session['invoice']);
    expect(new Set(ids).size).toBe(3);
    expect(third.object).toMatchObject({ period_start: second.events[0]!.created, period_end: third.events[0]!.created });
  });

  it('renewals: n months of invoice.paid ending now, in live mode too; a renewal can be refunded and disputed by its invoice', () => {
    const api = new FakeStripeApi();
    const bought = api.scenario.subscription({ renewals: 2, livemode: true });
    expect(bought.events.map((event) => [event.type, event.livemode])).toEqual([
      ['invoice.paid', true],
      ['checkout.session.completed', true],
      ['invoice.paid', true],
      ['invoice.paid', true],
    ]);
    expect(bought.events[3]!.created).toBe(api.now());
    const renewal = String(bought.invoices[2]!['id']);
    const refunded = api.afterSale.refund(renewal, { amount: 500 });
    expect(refunded.charge).toMatchObject({ amount: 1999, amount_refunded: 500, livemode: true });
    expect(api.getObject(String(refunded.charge['id']), 'charge')).toMatchObject({ payment_intent: refunded.object['payment_intent'] });
    // The session itself names the first invoice's payment.
    const first = api.afterSale.dispute(bought.session.id);
    expect(first.object['payment_intent']).not.toBe(refunded.object['payment_intent']);
  });
});

describe('FakeStripeApi: weekly subscriptions', () => {
  it('renew seven days apart, and their 2024-06-20 line prices say week', () => {
    const api = new FakeStripeApi();
    const bought = api.scenario.subscription({ interval: 'week', renewals: 2, apiVersion: '2024-06-20' });
    const paid = bought.events.filter((event) => event.type === 'invoice.paid');
    expect(paid.map((event) => event.created)).toEqual([api.now() - 14 * DAY, api.now() - 7 * DAY, api.now()]);
    const line = (paid[2]!.data.object['lines'] as { data: JsonObject[] }).data[0]!;
    expect(line).toMatchObject({ description: '1 × Membership (at 19.99 USD / week)', price: { recurring: { interval: 'week' } } });
    expect(line['period']).toEqual({ start: api.now(), end: api.now() + 7 * DAY });
  });
});
