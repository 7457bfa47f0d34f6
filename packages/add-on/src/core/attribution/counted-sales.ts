/**
 * Which sales count in revenue: every one but those Stripe did not confirm (core/ledger/confirmation.ts:
 * `not found in Stripe`, `differs from Stripe`). Flagged sales keep their row and their campaign, but
 * the Attribution tab and the links tabs' counts leave them out, and the Attribution tab's summary
 * lists them. A sale not checked yet (`not yet`) still counts, as it did before a key was connected.
 */

import { textOfCell } from '../helpers/literal-text';
import { isFlagged } from '../ledger/confirmation';
import { locateColumns } from '../ledger/reconciliation-columns';
import type { Attribution, Sale } from './attribution';
import { formatAmount } from './attribution-report';

export interface FlaggedSale {
  sale: Sale;
  /** 1-based row in the Reconciliation tab. */
  row: number;
  /** The `confirmed` cell: why it does not count. */
  why: string;
}

export interface CountedSales {
  /** The sales that count, and each one's attribution at the same index. */
  sales: Sale[];
  attributions: Attribution[];
  flagged: FlaggedSale[];
}

/** `sales[i]` was read from row `sales[i].row` of `values` (header first) and is attributed `attributions[i]`. */
export function countedSales(
  values: readonly (readonly unknown[])[],
  sales: ReadonlyArray<{ sale: Sale; row: number }>,
  attributions: readonly Attribution[],
): CountedSales {
  const column = locateColumns(values[0] ?? []).columns.confirmed;
  const counted: CountedSales = { sales: [], attributions: [], flagged: [] };
  sales.forEach(({ sale, row }, i) => {
    const cell = column === undefined ? '' : values[row - 1]?.[column - 1];
    const attribution = attributions[i];
    if (isFlagged(cell)) counted.flagged.push({ sale, row, why: textOfCell(cell).trim() });
    else if (attribution !== undefined) {
      counted.sales.push(sale);
      counted.attributions.push(attribution);
    }
  });
  return counted;
}

/** How many flagged sales the summary names one by one; the rest are counted. */
const LISTED = 20;

/** The Attribution tab's summary lines for flagged sales: what is left out, and each sale (the first 20). */
export function flaggedLines(flagged: readonly FlaggedSale[]): string[] {
  if (flagged.length === 0) return [];
  const lines = [
    `${String(flagged.length)} ${flagged.length === 1 ? 'sale is' : 'sales are'} left out of revenue: Stripe does not confirm ` +
      `${flagged.length === 1 ? 'it' : 'them'} (the confirmed column of Reconciliation says why; a sale Stripe confirms later counts again).`,
  ];
  for (const { sale, row, why } of flagged.slice(0, LISTED)) {
    const amount = sale.amount_minor === null || sale.currency === '' ? 'no amount' : formatAmount(sale.amount_minor, sale.currency);
    lines.push(`- ${sale.session_id} (Reconciliation row ${String(row)}, ${amount}${sale.livemode ? '' : ', test mode'}): ${why}`);
  }
  if (flagged.length > LISTED) lines.push(`- and ${String(flagged.length - LISTED)} more.`);
  return lines;
}
