/**
 * Whether Stripe confirmed a sale: the rows the sync asks about, and what Stripe's answer makes of
 * each (core/ledger/confirmation.ts, core/ledger/sale-claims.ts).
 */
import { isFlagged, needsCheck, verdictOf, type SaleClaim } from '../../../src/core/ledger/confirmation';
import { claimsOf } from '../../../src/core/ledger/sale-claims';
import type { CheckoutSession } from '../../../src/core/stripe/stripe-event';
import { modeOfKey } from '../../../src/core/stripe/stripe-key';

const claim: SaleClaim = {
  row: 2,
  session_id: 'cs_test_a1',
  livemode: false,
  payment_status: 'paid',
  amount_minor: 1999,
  currency: 'usd',
  last_event: 'evt_1',
};
const stripe = (fields: Partial<CheckoutSession> = {}): CheckoutSession => ({
  id: 'cs_test_a1',
  object: 'checkout.session',
  created: 1,
  livemode: false,
  payment_status: 'paid',
  amount_total: 1999,
  currency: 'usd',
  ...fields,
});

describe('verdictOf', () => {
  it('confirms a row Stripe has as it says', () => {
    expect(verdictOf(claim, stripe())).toBe('yes');
    expect(verdictOf({ ...claim, currency: 'usd' }, stripe({ currency: 'USD' }))).toBe('yes');
  });

  it('flags a session Stripe has no such one of (its 404) as not found', () => {
    expect(verdictOf(claim, null)).toBe('not found in Stripe');
  });

  it.each([
    ['another amount', { amount_total: 1000 }],
    ['another currency', { currency: 'eur' }],
    ['the other mode', { livemode: true }],
    ['not paid', { payment_status: 'unpaid' as const }],
  ])('flags a paid row Stripe has with %s as differing', (_, fields) => {
    expect(verdictOf(claim, stripe(fields))).toBe('differs from Stripe');
  });

  it('confirms a row that claims less than Stripe: a delayed payment that has settled since', () => {
    expect(verdictOf({ ...claim, payment_status: 'unpaid' }, stripe())).toBe('yes');
    expect(verdictOf({ ...claim, payment_status: 'failed' }, stripe({ payment_status: 'unpaid' }))).toBe('yes');
  });
});

describe('which cells count as checked', () => {
  it.each([
    ['', true, false],
    ['not yet', true, false],
    ['yes', false, false],
    ["'yes", false, false],
    ['not found in Stripe', false, true],
    ['differs from Stripe', false, true],
    ['maybe', true, false],
  ])('%j: needs a check %j, flagged %j', (cell, check, flagged) => {
    expect([needsCheck(cell), isFlagged(cell)]).toEqual([check, flagged]);
  });
});

describe('claimsOf', () => {
  const header = ['Session ID', 'payment_status', 'amount', 'currency', 'livemode', 'last_event', 'amount_minor', 'confirmed'];
  const values = [
    header,
    [' cs_test_a1 ', 'paid', 19.99, 'USD', false, 'evt_1', 1999, ''],
    ['cs_live_b2', 'paid', 5000, 'jpy', 'TRUE', 'evt_2', '', 'not yet'],
    ['cs_test_c3', 'paid', 12.345, 'kwd', false, 'evt_3', '', 'yes'],
    ['', 'paid', 1, 'usd', false, 'evt_4', 100, ''],
    ['cs_test_d4', 'paid', 12.345, 'kwd', false, 'evt_5', '', 'not yet'],
  ];

  it("reads the rows of one mode still to check, by header, with each row's number and amount in minor units", () => {
    expect(claimsOf(values, 'test', needsCheck)).toEqual([
      { ...claim, row: 2 },
      {
        row: 6,
        session_id: 'cs_test_d4',
        livemode: false,
        payment_status: 'paid',
        amount_minor: 12345,
        currency: 'kwd',
        last_event: 'evt_5',
      },
    ]);
    expect(claimsOf(values, 'live', needsCheck)).toEqual([
      {
        row: 3,
        session_id: 'cs_live_b2',
        livemode: true,
        payment_status: 'paid',
        amount_minor: 5000,
        currency: 'jpy',
        last_event: 'evt_2',
      },
    ]);
  });

  it('reads a ledger without a confirmed column (an earlier version) as wholly unchecked', () => {
    const earlier = values.map((row) => row.slice(0, 7));
    expect(claimsOf(earlier, 'test', needsCheck).map((c) => c.session_id)).toEqual(['cs_test_a1', 'cs_test_c3', 'cs_test_d4']);
  });
});

describe('modeOfKey', () => {
  it.each([
    ['rk_live_abc', 'live'],
    ['rk_test_abc', 'test'],
    [' sk_live_abc', 'live'],
    ['anything', 'test'],
  ])('%j is a %s key', (key, mode) => {
    expect(modeOfKey(key)).toBe(mode);
  });
});
