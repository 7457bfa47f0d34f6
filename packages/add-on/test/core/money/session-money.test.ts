/**
 * Each session's money after the sale, as the contract counts it: refunds by Stripe's running
 * total, disputes by their newest status, renewals of its subscription, net revenue; records that
 * cannot count say why. Sums in minor units, so they add up exactly.
 */
import fc from 'fast-check';
import type { MoneyRecord } from '../../../src/core/ledger/money';
import { moneySupersedes } from '../../../src/core/ledger/money';
import { sessionMoney, type SessionMoneyInput } from '../../../src/core/ledger/session-money';

const session = (fields: Partial<SessionMoneyInput> & { session_id: string }): SessionMoneyInput => ({
  paid: true,
  amount_minor: 10000,
  currency: 'usd',
  livemode: false,
  payment_intent: '',
  subscription: '',
  ...fields,
});

const record = (fields: Partial<MoneyRecord> & Pick<MoneyRecord, 'object_id' | 'kind' | 'amount_minor'>): MoneyRecord => ({
  state: '',
  amount: fields.amount_minor / 100,
  currency: 'usd',
  payment_intent: '',
  charge: '',
  subscription: '',
  livemode: false,
  created: 1,
  last_event: 'evt_1',
  last_event_created: 1,
  ...fields,
});

const ONE_OFF = session({ session_id: 'cs_test_one', payment_intent: 'pi_one' });
const SUBSCRIBER = session({ session_id: 'cs_test_sub', subscription: 'sub_1', amount_minor: 1500 });

describe('sessionMoney', () => {
  it("takes refunds as each charge's running total, and nets them off", () => {
    const { bySession, placements } = sessionMoney(
      [ONE_OFF],
      [record({ object_id: 'ch_1', kind: 'refund', amount_minor: 2500, payment_intent: 'pi_one', charge: 'ch_1' })],
    );
    expect(bySession.get('cs_test_one')).toEqual({ refunded: 2500, disputed: 0, renewals: 0, renewal_revenue: 0, net: 7500 });
    expect(placements).toEqual([{ session_id: 'cs_test_one', counted: 'refund' }]);
  });

  it.each([
    ['needs_response', 4000, 'dispute: money gone'],
    ['under_review', 4000, 'dispute: money gone'],
    ['lost', 4000, 'dispute: money gone'],
    ['won', 0, 'dispute won: money back'],
    ['warning_needs_response', 0, 'dispute: no money taken'],
    ['warning_under_review', 0, 'dispute: no money taken'],
    ['warning_closed', 0, 'dispute: no money taken'],
    ['prevented', 0, 'dispute: no money taken'],
  ])('counts a dispute whose newest status is %s as %d gone', (state, gone, counted) => {
    const { bySession, placements } = sessionMoney(
      [ONE_OFF],
      [record({ object_id: 'dp_1', kind: 'dispute', amount_minor: 4000, state, payment_intent: 'pi_one', charge: 'ch_1' })],
    );
    expect(bySession.get('cs_test_one')?.disputed).toBe(gone);
    expect(bySession.get('cs_test_one')?.net).toBe(10000 - gone);
    expect(placements[0]?.counted).toBe(counted);
  });

  it("finds a dispute that names only its charge through the refunded charge's payment", () => {
    const { bySession } = sessionMoney(
      [ONE_OFF],
      [
        record({ object_id: 'ch_1', kind: 'refund', amount_minor: 1000, payment_intent: 'pi_one', charge: 'ch_1' }),
        record({ object_id: 'dp_1', kind: 'dispute', amount_minor: 3000, state: 'lost', charge: 'ch_1' }),
      ],
    );
    expect(bySession.get('cs_test_one')).toMatchObject({ refunded: 1000, disputed: 3000, net: 6000 });
  });

  it('counts renewals of the subscription, never its first invoice, and ties their refunds and disputes to the session', () => {
    const { bySession, placements } = sessionMoney(
      [SUBSCRIBER],
      [
        record({
          object_id: 'in_1',
          kind: 'invoice',
          amount_minor: 1500,
          state: 'subscription_create',
          subscription: 'sub_1',
          payment_intent: 'pi_first',
        }),
        record({
          object_id: 'in_2',
          kind: 'invoice',
          amount_minor: 1500,
          state: 'subscription_cycle',
          subscription: 'sub_1',
          payment_intent: 'pi_r1',
        }),
        record({ object_id: 'in_3', kind: 'invoice', amount_minor: 1500, state: 'subscription_cycle', subscription: 'sub_1' }),
        record({ object_id: 'ch_r1', kind: 'refund', amount_minor: 500, payment_intent: 'pi_r1', charge: 'ch_r1' }),
        record({ object_id: 'ch_f', kind: 'refund', amount_minor: 1500, payment_intent: 'pi_first', charge: 'ch_f' }),
      ],
    );
    expect(bySession.get('cs_test_sub')).toEqual({
      refunded: 2000,
      disputed: 0,
      renewals: 2,
      renewal_revenue: 3000,
      net: 1500 + 3000 - 2000,
    });
    expect(placements.map((p) => p.counted)).toEqual(["the session's own payment", 'renewal', 'renewal', 'refund', 'refund']);
  });

  it('keeps what arrives before its session waiting, and counts it once the session is logged', () => {
    const early = [record({ object_id: 'ch_1', kind: 'refund', amount_minor: 2500, payment_intent: 'pi_one', charge: 'ch_1' })];
    expect(sessionMoney([], early).placements[0]).toEqual({
      session_id: '',
      counted: 'waiting for its session (or not a sale of a payment link)',
    });
    expect(sessionMoney([ONE_OFF], early).bySession.get('cs_test_one')?.refunded).toBe(2500);
  });

  it('changes no total for a payment no session made', () => {
    const { bySession } = sessionMoney(
      [ONE_OFF],
      [
        record({ object_id: 'ch_x', kind: 'refund', amount_minor: 2500, payment_intent: 'pi_other', charge: 'ch_x' }),
        record({ object_id: 'in_x', kind: 'invoice', amount_minor: 900, state: 'subscription_cycle', subscription: 'sub_other' }),
      ],
    );
    expect(bySession.get('cs_test_one')).toEqual({ refunded: 0, disputed: 0, renewals: 0, renewal_revenue: 0, net: 10000 });
  });

  it('refuses a dispute above its payment, and money in another currency or mode, saying why', () => {
    const { bySession, placements } = sessionMoney(
      [ONE_OFF],
      [
        record({ object_id: 'dp_big', kind: 'dispute', amount_minor: 10001, state: 'lost', payment_intent: 'pi_one' }),
        record({ object_id: 'ch_eur', kind: 'refund', amount_minor: 100, currency: 'eur', payment_intent: 'pi_one' }),
        record({ object_id: 'ch_live', kind: 'refund', amount_minor: 100, livemode: true, payment_intent: 'pi_one' }),
      ],
    );
    expect(bySession.get('cs_test_one')?.net).toBe(10000);
    expect(placements.map((p) => p.counted)).toEqual([
      'not counted: disputes 100.01 USD, more than its payment of 100.00 USD',
      'not counted: in EUR, and its session is in USD',
      'not counted: live mode, and its session is not',
    ]);
  });

  it('gives an unpaid session no revenue but still its renewals and refunds', () => {
    const unpaid = session({ session_id: 'cs_test_u', paid: false, payment_intent: 'pi_u' });
    const { bySession } = sessionMoney([unpaid], []);
    expect(bySession.get('cs_test_u')?.net).toBe(0);
  });

  it("adds up exactly: the sessions' net is paid amounts plus renewals minus refunds and disputes, in any record order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ refund: fc.integer({ min: 0, max: 10000 }), disputed: fc.integer({ min: 0, max: 10000 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer(),
        (sales, seed) => {
          const sessions = sales.map((_, i) => session({ session_id: `cs_test_${String(i)}`, payment_intent: `pi_${String(i)}` }));
          const records = sales.flatMap((sale, i) => [
            record({
              object_id: `ch_${String(i)}`,
              kind: 'refund',
              amount_minor: sale.refund,
              payment_intent: `pi_${String(i)}`,
              charge: `ch_${String(i)}`,
            }),
            record({
              object_id: `dp_${String(i)}`,
              kind: 'dispute',
              amount_minor: sale.disputed,
              state: 'lost',
              charge: `ch_${String(i)}`,
            }),
          ]);
          const shuffled = records
            .map((r, i) => ({ r, k: (i * 7919 + seed) % 101 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.r);
          const total = [...sessionMoney(sessions, shuffled).bySession.values()].reduce((sum, m) => sum + m.net, 0);
          expect(total).toBe(sales.reduce((sum, sale) => sum + 10000 - sale.refund - sale.disputed, 0));
        },
      ),
    );
  });
});

describe('a Money after sale row shows the newest state of its object', () => {
  it('whatever order and however often its events arrive', () => {
    const versions = fc.uniqueArray(
      fc.record({
        created: fc.integer({ min: 1, max: 50 }),
        amount: fc.integer({ min: 0, max: 100 }),
        id: fc.integer({ min: 1, max: 10 ** 6 }),
      }),
      { minLength: 1, maxLength: 8, selector: (v) => v.id },
    );
    fc.assert(
      fc.property(versions, fc.array(fc.nat()), (list, picks) => {
        const asVersion = (v: { created: number; amount: number; id: number }) => ({
          state: ['needs_response', 'under_review', 'lost'][v.id % 3]!,
          amount_minor: v.amount,
          last_event_created: v.created,
          last_event: `evt_${String(v.id).padStart(8, '0')}`,
        });
        const fold = (order: typeof list) => order.map(asVersion).reduce((row, next) => (moneySupersedes(next, row) ? next : row));
        const deliveries = [...list, ...picks.map((p) => list[p % list.length]!)];
        expect(fold(deliveries)).toEqual(fold([...list].reverse()));
      }),
    );
  });
});
