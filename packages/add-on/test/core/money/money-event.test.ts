/**
 * Refund, dispute and invoice events as Stripe sends them, in both API shapes, read into the
 * add-on's words; impossible amounts and mismatched modes refused as bad input, with the field.
 */
import { readEvent } from '../../../src/core/stripe/stripe-event';
import { moneyRecordFromEvent } from '../../../src/core/ledger/money';
import { readDelivery } from '../../../src/core/webhook/webhook-delivery';
import { charge, dispute, invoice, moneyEvent, MONEY_SHAPES } from '../../fixtures/money-events';

function money(json: unknown) {
  const reading = readEvent(json);
  if (reading.kind !== 'money_event') throw new Error(`expected a money event, got ${JSON.stringify(reading)}`);
  return moneyRecordFromEvent(reading.event);
}

function refusal(json: unknown): string {
  const reading = readEvent(json);
  if (reading.kind !== 'invalid') throw new Error(`expected a refusal, got ${reading.kind}`);
  return reading.error;
}

describe.each(MONEY_SHAPES)('money events in the %s shape', (shape) => {
  it('reads charge.refunded as the charge with its running total, in part and in full', () => {
    const part = money(
      moneyEvent('charge.refunded', charge({ id: 'ch_1A', amount: 10000, amount_refunded: 2500, payment_intent: 'pi_1A' }, shape)),
    );
    expect(part).toMatchObject({
      object_id: 'ch_1A',
      kind: 'refund',
      amount: 25,
      amount_minor: 2500,
      currency: 'usd',
      payment_intent: 'pi_1A',
      state: 'refunded in part',
    });
    const full = money(moneyEvent('charge.refunded', charge({ amount: 10000, amount_refunded: 10000, payment_intent: 'pi_1A' }, shape)));
    expect(full.state).toBe('refunded in full');
  });

  it.each([
    'charge.dispute.created',
    'charge.dispute.updated',
    'charge.dispute.closed',
    'charge.dispute.funds_withdrawn',
    'charge.dispute.funds_reinstated',
  ])('reads %s as the dispute with its status', (type) => {
    const record = money(
      moneyEvent(type, dispute({ id: 'dp_1A', amount: 4000, status: 'lost', charge: 'ch_1A', payment_intent: 'pi_1A' }, shape)),
    );
    expect(record).toMatchObject({
      object_id: 'dp_1A',
      kind: 'dispute',
      amount: 40,
      state: 'lost',
      charge: 'ch_1A',
      payment_intent: 'pi_1A',
    });
  });

  it('reads a dispute that names only its charge', () => {
    const record = money(
      moneyEvent(
        'charge.dispute.created',
        dispute({ amount: 4000, status: 'needs_response', charge: 'ch_1B', payment_intent: null }, shape),
      ),
    );
    expect(record).toMatchObject({ charge: 'ch_1B', payment_intent: '' });
  });

  it('reads invoice.paid with its subscription wherever the shape puts it', () => {
    const record = money(
      moneyEvent(
        'invoice.paid',
        invoice(
          { id: 'in_1A', amount_paid: 1500, billing_reason: 'subscription_cycle', subscription: 'sub_1A', payment_intent: 'pi_2A' },
          shape,
        ),
      ),
    );
    expect(record).toMatchObject({ object_id: 'in_1A', kind: 'invoice', amount: 15, state: 'subscription_cycle', subscription: 'sub_1A' });
    // Only the 2024-06-20 invoice names its payment; after, Stripe's InvoicePayments do.
    expect(record.payment_intent).toBe(shape === 'current' ? '' : 'pi_2A');
  });

  it('keeps zero- and three-decimal currencies exact', () => {
    expect(
      money(moneyEvent('charge.refunded', charge({ amount: 5000, amount_refunded: 1200, currency: 'jpy', payment_intent: 'pi_1A' }, shape)))
        .amount,
    ).toBe(1200);
    expect(
      money(
        moneyEvent('charge.refunded', charge({ amount: 12345, amount_refunded: 10005, currency: 'kwd', payment_intent: 'pi_1A' }, shape)),
      ).amount,
    ).toBe(10.005);
  });

  it('refuses impossible amounts as bad input, naming the field', () => {
    expect(refusal(moneyEvent('charge.refunded', charge({ amount: 1000, amount_refunded: 1001, payment_intent: 'pi_1A' }, shape)))).toMatch(
      /^data\.object\.amount_refunded: .*more than the charge amount/,
    );
    expect(refusal(moneyEvent('charge.refunded', charge({ amount: 1000, amount_refunded: -5, payment_intent: 'pi_1A' }, shape)))).toMatch(
      /^data\.object\.amount_refunded: -5 is negative/,
    );
    expect(refusal(moneyEvent('charge.refunded', charge({ amount: 1000, amount_refunded: 2.5, payment_intent: 'pi_1A' }, shape)))).toMatch(
      /^data\.object\.amount_refunded/,
    );
    expect(
      refusal(
        moneyEvent('charge.dispute.created', dispute({ amount: -1, status: 'lost', charge: 'ch_1A', payment_intent: 'pi_1A' }, shape)),
      ),
    ).toMatch(/^data\.object\.amount/);
    expect(
      refusal(
        moneyEvent('invoice.paid', invoice({ amount_paid: 1e21, billing_reason: 'subscription_cycle', subscription: 'sub_1A' }, shape)),
      ),
    ).toMatch(/^data\.object\.amount_paid/);
    expect(
      refusal(
        moneyEvent('charge.dispute.updated', dispute({ amount: 100, status: 'stolen', charge: 'ch_1A', payment_intent: 'pi_1A' }, shape)),
      ),
    ).toMatch(/^data\.object\.status: expected one of/);
  });

  it("refuses ids that are not Stripe's and text where an amount goes", () => {
    expect(
      refusal(
        moneyEvent('charge.refunded', {
          ...charge({ amount: 1000, amount_refunded: 10, payment_intent: 'pi_1A' }, shape),
          id: '=HYPERLINK("x")',
        }),
      ),
    ).toMatch(/^data\.object\.id/);
    expect(
      refusal(
        moneyEvent('charge.refunded', { ...charge({ amount: 1000, amount_refunded: 10, payment_intent: 'pi_1A' }, shape), amount: '1000' }),
      ),
    ).toMatch(/^data\.object\.amount: expected number/);
    // A payment id that is not Stripe's is no payment: it ties the refund to nothing.
    expect(
      money(moneyEvent('charge.refunded', charge({ amount: 1000, amount_refunded: 10, payment_intent: '+cmd|calc' }, shape)))
        .payment_intent,
    ).toBe('');
  });

  it("refuses an object whose mode is not its event's", () => {
    expect(
      refusal(
        moneyEvent('charge.refunded', charge({ amount: 1000, amount_refunded: 10, payment_intent: 'pi_1A' }, shape), { livemode: true }),
      ),
    ).toBe('data.object.livemode: does not match the event');
  });
});

describe('other refund events', () => {
  it.each(['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated'])(
    'acknowledges %s without recording it',
    (type) => {
      const delivery = readDelivery(JSON.stringify(moneyEvent(type, { id: 're_1A', object: 'refund', amount: 100, livemode: false })));
      expect(delivery).toEqual({ kind: 'ignored', eventId: expect.any(String), type });
    },
  );
});
