/**
 * What Stripe kept of each sale and per campaign, from balance transactions: each placed against
 * the session whose payment it names (its own, a renewal's through its invoice, a dispute's
 * through its charge), or said why not; sessions without their payment's transaction left out;
 * IC+ sessions' fees unread; and, whatever the data, the rows add up exactly to the sessions and
 * the sessions to the transactions they count.
 */
import fc from 'fast-check';
import type { Attribution, Sale } from '../../../src/core/attribution/attribution';
import { settledMoney } from '../../../src/core/attribution/settled-money';
import { buildSettledReport, settledSessionCells } from '../../../src/core/attribution/settled-report';
import type { MoneyRecord } from '../../../src/core/ledger/money';
import type { SessionMoneyInput } from '../../../src/core/ledger/session-money';
import type { SettledRecord } from '../../../src/core/stripe/balance-transaction';

const session = (id: string, overrides: Partial<SessionMoneyInput> = {}): SessionMoneyInput => ({
  session_id: id,
  paid: true,
  amount_minor: 10000,
  currency: 'eur',
  livemode: false,
  payment_intent: `pi_${id}`,
  subscription: '',
  ...overrides,
});

let n = 0;
const txn = (overrides: Partial<SettledRecord>): SettledRecord => ({
  balance_transaction: `txn_${String(++n)}`,
  type: 'charge',
  reporting_category: 'charge',
  source: `ch_${String(n)}`,
  payment_intent: '',
  charge: '',
  amount_minor: 10800,
  fee_minor: 300,
  net_minor: 10500,
  currency: 'usd',
  exchange_rate: 1.08,
  livemode: false,
  created: 1000 + n,
  ...overrides,
});

const invoice = (overrides: Partial<MoneyRecord>): MoneyRecord => ({
  object_id: 'in_1',
  kind: 'invoice',
  state: 'subscription_cycle',
  amount: 15,
  amount_minor: 1500,
  currency: 'eur',
  payment_intent: 'pi_renewal',
  charge: '',
  subscription: 'sub_1',
  livemode: false,
  created: 0,
  last_event: 'evt_1',
  last_event_created: 0,
  ...overrides,
});

describe('settledMoney', () => {
  it("ties a payment, its refund, a dispute that names only its charge, and a renewal's payment to their session", () => {
    const plan = session('plan', { payment_intent: '', subscription: 'sub_1' });
    const sale = session('sale');
    const records = [
      txn({ payment_intent: 'pi_sale', charge: 'ch_sale' }),
      txn({ type: 'refund', reporting_category: 'refund', payment_intent: 'pi_sale', amount_minor: -1000, fee_minor: 0, net_minor: -1000 }),
      txn({
        type: 'adjustment',
        reporting_category: 'dispute',
        charge: 'ch_sale',
        amount_minor: -9800,
        fee_minor: 1500,
        net_minor: -11300,
      }),
      txn({ payment_intent: 'pi_first', amount_minor: 1620, fee_minor: 77, net_minor: 1543 }),
      txn({ payment_intent: 'pi_renewal', amount_minor: 1620, fee_minor: 77, net_minor: 1543 }),
    ];
    const money = [invoice({ state: 'subscription_create', payment_intent: 'pi_first', object_id: 'in_0' }), invoice({})];
    const { bySession, placements } = settledMoney([plan, sale], money, records);
    expect(bySession.get('sale')).toEqual({ currency: 'usd', gross: 10800, fees: 1800, net: -1800, feesUnread: false, transactions: 3 });
    expect(bySession.get('plan')).toEqual({ currency: 'usd', gross: 3240, fees: 154, net: 3086, feesUnread: false, transactions: 2 });
    expect(placements.map((p) => p.counted)).toEqual(['payment', 'refund', 'dispute: amount and fee withdrawn', 'payment', 'payment']);
  });

  it('says why a transaction counts for nothing, and leaves out a session whose payment has no transaction yet', () => {
    const records = [
      txn({ payment_intent: 'pi_elsewhere' }),
      txn({ payment_intent: '', charge: '' }),
      txn({ payment_intent: 'pi_live', livemode: false }),
      txn({ type: 'refund', reporting_category: 'refund', payment_intent: 'pi_early', amount_minor: -100, fee_minor: 0, net_minor: -100 }),
      txn({ type: 'stripe_fee', reporting_category: 'fee', source: '', amount_minor: -500, fee_minor: 0, net_minor: -500 }),
      txn({ payment_intent: 'pi_two' }),
      txn({ payment_intent: 'pi_two', currency: 'gbp', reporting_category: 'refund', type: 'refund' }),
    ];
    const sessions = [session('live', { livemode: true }), session('early'), session('two')];
    const { bySession, placements } = settledMoney(sessions, [], records);
    expect(placements.map((p) => p.counted)).toEqual([
      'waiting for its session (or not a sale of a payment link)',
      'not counted: names no payment',
      'not counted: test mode, and its session is not',
      "waiting for the balance transaction of its session's payment",
      "not counted: Stripe's fees charged apart (IC+ pricing), for no one sale",
      'payment',
      "not counted: settled in GBP, and its session's payment in USD",
    ]);
    expect([...bySession.keys()]).toEqual(['two']);
  });

  it('marks a session whose payment shows no fee (IC+), and the report leaves its fees and net out of every total', () => {
    const records = [txn({ payment_intent: 'pi_a', fee_minor: null, net_minor: 10800 }), txn({ payment_intent: 'pi_b' })];
    const sales = [sale('a'), sale('b')];
    const { bySession } = settledMoney(
      sales.map((s) => session(s.session_id)),
      [],
      records,
    );
    expect(bySession.get('a')).toMatchObject({ feesUnread: true, gross: 10800, fees: 0, net: 0 });
    const cells = settledSessionCells(
      3,
      sales.map((s, i) => ({ sale: s, row: i + 2 })),
      bySession,
    );
    expect(cells).toEqual([
      ['usd', '', ''],
      ['usd', 3, 105],
      ['', '', ''],
    ]);
    const [row] = buildSettledReport(sales, [unattributed, unattributed], bySession);
    expect(row).toMatchObject({ paid_sessions: 2, gross_minor: 21600, fees_minor: 300, net_minor: 10500, readable: 1 });
  });
});

const unattributed: Attribution = { kind: 'unattributed', reason: 'no_reference' };

function sale(id: string, overrides: Partial<Sale> = {}): Sale {
  return {
    session_id: id,
    client_reference_id: '',
    payment_status: 'paid',
    amount_minor: 10000,
    currency: 'eur',
    livemode: false,
    payment_link: '',
    created: 0,
    payment_intent: `pi_${id}`,
    subscription: '',
    ...overrides,
  };
}

describe('the settled report', () => {
  it('adds up exactly, per mode and settlement currency, to the sessions, and the sessions to the transactions they count', () => {
    const campaigns = ['spring', 'launch', 'black_friday'];
    const arbitrary = fc.array(
      fc.record({
        campaign: fc.integer({ min: -1, max: 2 }),
        livemode: fc.boolean(),
        transactions: fc.array(
          fc.record({
            category: fc.constantFrom('charge', 'refund', 'dispute', 'dispute_reversal'),
            amount: fc.integer({ min: -100_000, max: 100_000 }),
            fee: fc.option(fc.integer({ min: -2000, max: 5000 }), { freq: 8 }),
            currency: fc.constantFrom('usd', 'eur', 'jpy'),
          }),
          { maxLength: 4 },
        ),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arbitrary, (made) => {
        const sales = made.map((m, i) => sale(`s${String(i)}`, { livemode: m.livemode }));
        const attributions: Attribution[] = made.map((m): Attribution =>
          m.campaign < 0
            ? unattributed
            : {
                kind: 'attributed',
                via: 'kept',
                row: null,
                campaign: {
                  utm_campaign: campaigns[m.campaign] ?? '',
                  utm_source: 'news',
                  utm_medium: 'email',
                  utm_term: '',
                  utm_content: '',
                },
              },
        );
        const records = made.flatMap((m, i) =>
          m.transactions.map((t) =>
            txn({
              payment_intent: `pi_s${String(i)}`,
              reporting_category: t.category,
              amount_minor: t.amount,
              fee_minor: t.fee,
              net_minor: t.amount - (t.fee ?? 0),
              currency: t.currency,
              livemode: m.livemode,
            }),
          ),
        );
        const inputs = sales.map((s) => session(s.session_id, { livemode: s.livemode }));
        const { bySession, placements } = settledMoney(inputs, [], records);
        // Each session: the sum of the transactions placed against it and counted.
        for (const [id, settled] of bySession) {
          const counted = records.filter((_, i) => {
            const placement = placements[i];
            return placement !== undefined && placement.session_id === id && !placement.counted.startsWith('not counted');
          });
          expect(settled.gross).toBe(counted.filter((r) => r.reporting_category === 'charge').reduce((sum, r) => sum + r.amount_minor, 0));
          expect(settled.feesUnread).toBe(counted.some((r) => r.fee_minor === null));
          if (!settled.feesUnread) {
            expect(settled.fees).toBe(counted.reduce((sum, r) => sum + (r.fee_minor ?? 0), 0));
            expect(settled.net).toBe(counted.reduce((sum, r) => sum + r.net_minor, 0));
          }
        }
        // Each mode and currency: the rows to the sessions.
        const key = (livemode: boolean, currency: string) => `${String(livemode)}/${currency}`;
        const fromRows = new Map<string, number[]>();
        for (const row of buildSettledReport(sales, attributions, bySession)) {
          const sums = fromRows.get(key(row.livemode, row.settlement_currency)) ?? [0, 0, 0, 0];
          fromRows.set(key(row.livemode, row.settlement_currency), [
            (sums[0] ?? 0) + row.paid_sessions,
            (sums[1] ?? 0) + row.gross_minor,
            (sums[2] ?? 0) + row.fees_minor,
            (sums[3] ?? 0) + row.net_minor,
          ]);
        }
        const fromSessions = new Map<string, number[]>();
        for (const s of sales) {
          const settled = bySession.get(s.session_id);
          if (settled === undefined) continue;
          const sums = fromSessions.get(key(s.livemode, settled.currency)) ?? [0, 0, 0, 0];
          fromSessions.set(key(s.livemode, settled.currency), [
            (sums[0] ?? 0) + 1,
            (sums[1] ?? 0) + settled.gross,
            (sums[2] ?? 0) + settled.fees,
            (sums[3] ?? 0) + settled.net,
          ]);
        }
        expect(fromRows).toEqual(fromSessions);
      }),
    );
  });
});
