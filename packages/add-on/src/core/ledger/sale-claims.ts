/** The rows the sync asks Stripe about, read from the Reconciliation tab by header (core/ledger/confirmation.ts says why). */

import { textOfCell } from '../helpers/literal-text';
import { minorUnitExponent } from '../stripe/currency';
import { modeOf, type StripeMode } from '../stripe/stripe-key';
import type { SaleClaim } from './confirmation';
import { locateColumns } from './reconciliation-columns';

function minorOf(minor: unknown, major: unknown, currency: string): number | null {
  const exact = typeof minor === 'number' ? minor : Number(textOfCell(minor) || Number.NaN);
  if (Number.isInteger(exact)) return exact;
  const amount = typeof major === 'number' ? major : Number(textOfCell(major) || Number.NaN);
  return isFinite(amount) ? Math.round(amount * Math.pow(10, minorUnitExponent(currency))) : null;
}

/** The rows of `mode` whose `confirmed` cell `select`s, in the tab's order; `values[0]` is the header row. */
export function claimsOf(values: readonly (readonly unknown[])[], mode: StripeMode, select: (cell: unknown) => boolean): SaleClaim[] {
  const { columns } = locateColumns(values[0] ?? []);
  const at = (cells: readonly unknown[], name: keyof typeof columns): unknown => {
    const column = columns[name];
    return column === undefined ? undefined : cells[column - 1];
  };
  const claims: SaleClaim[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const session_id = textOfCell(at(cells, 'session_id')).trim();
    const livemode = at(cells, 'livemode') === true || textOfCell(at(cells, 'livemode')).trim().toUpperCase() === 'TRUE';
    if (session_id === '' || modeOf(livemode) !== mode || !select(at(cells, 'confirmed'))) continue;
    const currency = textOfCell(at(cells, 'currency')).trim().toLowerCase();
    claims.push({
      row: r + 1,
      session_id,
      livemode,
      payment_status: textOfCell(at(cells, 'payment_status')).trim(),
      amount_minor: minorOf(at(cells, 'amount_minor'), at(cells, 'amount'), currency),
      currency,
      last_event: textOfCell(at(cells, 'last_event')).trim(),
    });
  }
  return claims;
}
