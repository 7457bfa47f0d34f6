/** Which sales count in revenue, and how the Attribution tab lists the ones that do not (core/attribution/counted-sales.ts). */
import type { Attribution, Sale } from '../../../src/core/attribution/attribution';
import { countedSales, flaggedLines } from '../../../src/core/attribution/counted-sales';

const sale = (session_id: string, amount_minor: number | null = 1000, livemode = false): Sale => ({
  session_id,
  client_reference_id: '',
  payment_status: 'paid',
  amount_minor,
  currency: 'usd',
  livemode,
  payment_link: '',
  created: null,
  payment_intent: '',
  subscription: '',
});
const unattributed = (reason: 'no_reference'): Attribution => ({ kind: 'unattributed', reason });

describe('countedSales', () => {
  const values = [
    ['session_id', 'confirmed'],
    ['cs_test_a', 'yes'],
    ['cs_test_b', 'not found in Stripe'],
    ['cs_test_c', 'not yet'],
    ['cs_test_d', "'differs from Stripe"],
    ['cs_test_e', ''],
  ];
  const sales = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ sale: sale(`cs_test_${id}`), row: i + 2 }));
  const attributions = sales.map(() => unattributed('no_reference'));

  it('keeps every sale but the flagged ones, each with its own attribution', () => {
    const counted = countedSales(values, sales, attributions);
    expect(counted.sales.map((s) => s.session_id)).toEqual(['cs_test_a', 'cs_test_c', 'cs_test_e']);
    expect(counted.attributions).toHaveLength(3);
    expect(counted.flagged.map((f) => [f.sale.session_id, f.row, f.why])).toEqual([
      ['cs_test_b', 3, 'not found in Stripe'],
      ['cs_test_d', 5, 'differs from Stripe'],
    ]);
  });

  it('counts every sale of a ledger without a confirmed column', () => {
    const counted = countedSales(
      values.map((row) => row.slice(0, 1)),
      sales,
      attributions,
    );
    expect(counted.sales).toHaveLength(5);
    expect(counted.flagged).toEqual([]);
  });
});

describe('flaggedLines', () => {
  it('says nothing when no sale is flagged', () => {
    expect(flaggedLines([])).toEqual([]);
  });

  it('names each flagged sale with its row, amount, mode and why, up to 20, then counts the rest', () => {
    const flagged = Array.from({ length: 22 }, (_, i) => ({
      sale: sale(`cs_live_${String(i)}`, 123456, i > 0),
      row: i + 2,
      why: 'not found in Stripe',
    }));
    const lines = flaggedLines(flagged);
    expect(lines[0]).toMatch(/^22 sales are left out of revenue: Stripe does not confirm them/);
    expect(lines[1]).toBe('- cs_live_0 (Reconciliation row 2, 1,234.56 USD, test mode): not found in Stripe');
    expect(lines[2]).toBe('- cs_live_1 (Reconciliation row 3, 1,234.56 USD): not found in Stripe');
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines.at(-1)).toBe('- and 2 more.');
  });
});
