/**
 * Stripe's balance transactions as the settled sync lists them: Stripe's own fixture shapes (both
 * API versions) with each kind of source expanded in place, the payment each names, a payment
 * that shows no fee (IC+), what is not about a payment, and what no real transaction holds; and
 * where the settled sync starts each run.
 */
import { readFixture, type Json } from '../stripe-fixtures';
import { balanceTransactionsPagePath, readBalanceTransaction } from '../../../src/core/stripe/balance-transaction';
import {
  FIRST_SETTLED_DAYS,
  nextSettledRun,
  parseSettledSyncState,
  SETTLED_OVERLAP_SECONDS,
} from '../../../src/core/stripe/settled-sync-state';

const NOW = 1_790_000_000;
const DAY = 86_400;

const transaction = (version: '' | '_2024-06-20', overrides: Json = {}): Json => ({
  ...readFixture(`balance_transaction_fixture${version}.json`),
  ...overrides,
});

const charge = (overrides: Json = {}): Json => ({ ...readFixture('charge_fixture.json'), payment_intent: 'pi_1PaidByCard', ...overrides });

describe('readBalanceTransaction', () => {
  it.each(['', '_2024-06-20'] as const)(
    "reads Stripe's fixture%s with its charge expanded, and the payment the charge names",
    (version) => {
      const reading = readBalanceTransaction(
        transaction(version, { fee: 59, net: 41, fee_details: [{ amount: 59, type: 'stripe_fee' }], source: charge() }),
        true,
      );
      expect(reading).toEqual({
        kind: 'recordable',
        record: {
          balance_transaction: transaction(version).id,
          type: 'charge',
          reporting_category: 'charge',
          source: 'ch_1PgafuB7WZ01zgkWXYmPNZs8',
          payment_intent: 'pi_1PaidByCard',
          charge: 'ch_1PgafuB7WZ01zgkWXYmPNZs8',
          amount_minor: 100,
          fee_minor: 59,
          net_minor: 41,
          currency: 'usd',
          exchange_rate: null,
          livemode: true,
          created: 1234567890,
        },
      });
    },
  );

  it("names a refund's and a dispute's payment and charge, and keeps the conversion rate", () => {
    const refund = { ...readFixture('refund_fixture.json'), payment_intent: 'pi_1Refunded' };
    const read = readBalanceTransaction(
      transaction('', { type: 'refund', reporting_category: 'refund', amount: -540, net: -540, exchange_rate: 1.08, source: refund }),
      false,
    );
    expect(read).toMatchObject({
      kind: 'recordable',
      record: { source: 're_1Pgc72B7WZ01zgkWqPvrRrPE', payment_intent: 'pi_1Refunded', charge: 'ch_1PgafuB7WZ01zgkWXYmPNZs8' },
    });
    expect(read.kind === 'recordable' && read.record).toMatchObject({
      amount_minor: -540,
      fee_minor: 0,
      exchange_rate: 1.08,
      livemode: false,
    });
    // A dispute of the fixture's shape names only its charge: the refresh finds its payment through the charge.
    const dispute: Json = { ...readFixture('dispute_fixture_2024-06-20.json'), payment_intent: null };
    const withdrawal = transaction('', {
      type: 'adjustment',
      reporting_category: 'dispute',
      amount: -100,
      fee: 1500,
      net: -1600,
      fee_details: [{ amount: 1500, type: 'stripe_fee' }],
      source: dispute,
    });
    expect(readBalanceTransaction(withdrawal, false)).toMatchObject({
      kind: 'recordable',
      record: { source: dispute.id, payment_intent: '', charge: dispute.charge, fee_minor: 1500 },
    });
  });

  it('says when a payment shows no fee at all (IC+ pricing), and records the fees Stripe charges apart', () => {
    const icPlus = readBalanceTransaction(transaction('', { source: charge() }), false);
    expect(icPlus.kind === 'recordable' && icPlus.record.fee_minor).toBeNull();
    const apart = readBalanceTransaction(
      transaction('', { type: 'stripe_fee', reporting_category: 'fee', amount: -432, net: -432, source: null }),
      false,
    );
    expect(apart).toMatchObject({ kind: 'recordable', record: { source: '', payment_intent: '', fee_minor: 0, net_minor: -432 } });
  });

  it('reads an unexpanded source by its prefix, naming no payment', () => {
    expect(readBalanceTransaction(transaction('', { fee: 3, net: 97 }), false)).toMatchObject({
      kind: 'recordable',
      record: { source: 'ch_1PgafuB7WZ01zgkWXYmPNZs8', charge: 'ch_1PgafuB7WZ01zgkWXYmPNZs8', payment_intent: '' },
    });
  });

  it('leaves out what is not about a payment: payouts, transfers, a fee with a source of another kind', () => {
    const payout = transaction('', { type: 'payout', reporting_category: 'payout', amount: -5000, net: -5000, source: 'po_1Weekly' });
    expect(readBalanceTransaction(payout, false)).toEqual({ kind: 'other', id: 'txn_1PgaxNB7WZ01zgkWEV3TLf40' });
    const transfer = transaction('', { type: 'transfer', reporting_category: 'transfer', source: { id: 'tr_1', object: 'transfer' } });
    expect(readBalanceTransaction(transfer, false).kind).toBe('other');
  });

  it.each([
    ['a net that is not amount minus fee', { fee: 10, net: 100 }, 'net'],
    ['a fractional amount', { amount: 10.5, net: 10.5 }, 'amount'],
    ['an id that is not a balance transaction', { id: 'ch_1NotATransaction' }, 'id'],
    ['a currency that is not one', { currency: 'dollars' }, 'currency'],
    ['a negative exchange rate', { exchange_rate: -1 }, 'exchange_rate'],
  ])('refuses %s, naming the field', (_, overrides, field) => {
    const reading = readBalanceTransaction(transaction('', overrides), false);
    expect(reading.kind).toBe('invalid');
    expect(reading.kind === 'invalid' && reading.error).toContain(field);
  });
});

describe('the settled sync', () => {
  it('asks for pages of 100 with their sources expanded, from a time and after a transaction', () => {
    expect(decodeURIComponent(balanceTransactionsPagePath(NOW, null))).toBe(
      `/v1/balance_transactions?created[gte]=${String(NOW)}&limit=100&expand[]=data.source`,
    );
    expect(balanceTransactionsPagePath(NOW, 'txn_1Abc')).toMatch(/&starting_after=txn_1Abc$/);
    expect(() => balanceTransactionsPagePath(NOW, 'evt_1Abc')).toThrow(/not a balance transaction id/);
  });

  it('reads back a run paused after a balance transaction, and nothing an event cursor would be', () => {
    const run = { since: NOW - DAY, startingAfter: 'txn_1Paused', newest: NOW - 60, pages: 2, events: 200 };
    expect(parseSettledSyncState(JSON.stringify({ cursor: null, run }))).toEqual({ cursor: null, run });
    expect(parseSettledSyncState(JSON.stringify({ cursor: null, run: { ...run, startingAfter: 'evt_1Paused' } })).run).toBeNull();
  });

  it('goes back to the oldest sale the first time, an hour before its cursor after, and resumes a run in progress', () => {
    const fresh = { cursor: null, run: null };
    expect(nextSettledRun(fresh, NOW, () => NOW - 90 * DAY).since).toBe(NOW - 90 * DAY);
    expect(nextSettledRun(fresh, NOW, () => null).since).toBe(NOW - FIRST_SETTLED_DAYS * DAY);
    expect(nextSettledRun(fresh, NOW, () => NOW - DAY).since).toBe(NOW - FIRST_SETTLED_DAYS * DAY);
    // No 30-day bound: Stripe keeps balance transactions for good.
    expect(nextSettledRun({ cursor: NOW - 60 * DAY, run: null }, NOW, () => null).since).toBe(NOW - 60 * DAY - SETTLED_OVERLAP_SECONDS);
    const paused = { since: NOW - DAY, startingAfter: 'txn_1Paused', newest: null, pages: 1, events: 100 };
    expect(nextSettledRun({ cursor: NOW - 2 * DAY, run: paused }, NOW, () => null)).toBe(paused);
    // A time ahead of the clock is not trusted.
    expect(nextSettledRun({ cursor: NOW + DAY, run: null }, NOW, () => null).since).toBe(NOW - FIRST_SETTLED_DAYS * DAY);
  });
});
