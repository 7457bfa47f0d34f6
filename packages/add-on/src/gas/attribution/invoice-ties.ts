/**
 * Ties invoices to the payments that paid them, for invoices recorded before a key of their mode
 * was connected (or whose InvoicePayments could not be read then): a current-shape invoice names no
 * payment_intent, so without this a renewal's refunds and disputes would wait for ever. Asked during
 * the refresh's read phase, a bounded number per refresh, and written back by the refresh.
 */

import { moneyRecordsFromTab } from '../../core/ledger/money-columns';
import { locateHeaders } from '../../core/ledger/record-table';
import { modeOf } from '../../core/stripe/stripe-key';
import { textOfCell } from '../../core/helpers/literal-text';
import type { LedgerValues } from '../ledger/reconciliation-reader';
import { writeOwnTabColumns } from './own-tab-columns';
import { stripeKeyFor } from '../stripe/settings';
import { WEBHOOK_RETRIES } from '../stripe/stripe-client';
import { paymentIntentOfInvoice } from '../stripe/invoice-payments';

/** At most this many Stripe calls per refresh: a backlog is worked off over the next refreshes. */
export const INVOICE_TIES_PER_REFRESH = 50;

export interface InvoiceTies {
  /** The payment_intent found for each invoice's 1-based row. */
  tied: Map<number, string>;
  /** Invoices still without one: no key of their mode, Stripe named none, or the bound was reached. */
  untied: number;
}

/** The payment_intent of subscription invoices that have none and that a key of their mode can ask about. */
export function tieInvoicesToPayments(money: LedgerValues | null): InvoiceTies {
  const ties: InvoiceTies = { tied: new Map(), untied: 0 };
  if (money === null) return ties;
  let asked = 0;
  for (const { record, row } of moneyRecordsFromTab(money.values)) {
    if (record.kind !== 'invoice' || record.subscription === '' || record.payment_intent !== '') continue;
    const key = stripeKeyFor(modeOf(record.livemode));
    if (key === null || asked >= INVOICE_TIES_PER_REFRESH) {
      ties.untied++;
      continue;
    }
    asked++;
    const paid = paymentIntentOfInvoice(key, record.object_id, WEBHOOK_RETRIES);
    const intent = paid.ok ? paid.intent : '';
    if (intent === '') ties.untied++;
    else ties.tied.set(row, intent);
  }
  return ties;
}

/** Writes the payments found into the tab's payment_intent column, then into `money.values`, which the refresh goes on to read. */
export function writeInvoiceTies(money: LedgerValues, ties: InvoiceTies): void {
  if (ties.tied.size === 0) return;
  const column = locateHeaders(money.values[0] ?? [], ['payment_intent']).columns.payment_intent;
  if (column === undefined) return;
  const cells = money.values.slice(1).map((row, i) => [ties.tied.get(i + 2) ?? textOfCell(row[column - 1])]);
  writeOwnTabColumns(money, ['payment_intent'], cells);
  for (const [row, intent] of ties.tied) {
    const cells = money.values[row - 1];
    if (cells !== undefined) cells[column - 1] = intent;
  }
}
