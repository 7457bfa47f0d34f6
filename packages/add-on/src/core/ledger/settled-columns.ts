/**
 * The Settled tab as a record table (record-table.ts): one row per balance transaction, keyed by
 * its `txn_` id. Stripe never changes a balance transaction's amounts once made, so a row read
 * again is left alone; only a row that no longer says what Stripe says (a person typed over it)
 * is written again.
 */

import { textOfCell } from '../helpers/literal-text';
import { toMajorUnits } from '../stripe/currency';
import type { SettledRecord } from '../stripe/balance-transaction';
import { SETTLED_TAB } from './declaration';
import { cellOfField, type CellOut, recordColumns, type RecordTable, storedInteger, storedRows, unixSecondsOf } from './record-table';

/** What a row says of its transaction, as the store compares it and the refresh reads it. */
const STRIPE_FIELDS = ['type', 'reporting_category', 'source', 'payment_intent', 'charge', 'currency'] as const;

/** The record's value for a column: the major-unit columns from the minor ones, blank where Stripe gave none. */
function valueOf(record: SettledRecord, column: string): unknown {
  switch (column) {
    case 'amount':
      return toMajorUnits(record.amount_minor, record.currency);
    case 'fee':
      return record.fee_minor === null ? null : toMajorUnits(record.fee_minor, record.currency);
    case 'net':
      return toMajorUnits(record.net_minor, record.currency);
    default:
      return record[column as keyof SettledRecord];
  }
}

/** A stored whole number, or null for a blank cell (a fee Stripe does not show). */
function storedNullable(value: unknown): number | null {
  return textOfCell(value).trim() === '' ? null : storedInteger(value);
}

export const SETTLED_TABLE: RecordTable<SettledRecord> = {
  tab: SETTLED_TAB,
  key: 'balance_transaction',
  columns: recordColumns(SETTLED_TAB),
  // Which session a row counts against reads best beside what it is.
  initialHeaders: SETTLED_TAB.columns.map((column) => column.name),
  keyOf: (record) => record.balance_transaction,
  cellOf: (record, column, numberFormat): CellOut => cellOfField(valueOf(record, column), column === 'created', numberFormat),
  replaces: (record, stored) =>
    STRIPE_FIELDS.some((name) => textOfCell(stored(name)).trim() !== record[name]) ||
    storedInteger(stored('amount_minor')) !== record.amount_minor ||
    storedNullable(stored('fee_minor')) !== record.fee_minor ||
    storedInteger(stored('net_minor')) !== record.net_minor,
};

/**
 * The records of a Settled tab (header in row 1), each with its 1-based row. A row a person emptied
 * or typed over (no `txn_` id, no currency) is skipped: it counts for nothing.
 */
export function settledRecordsFromTab(values: readonly (readonly unknown[])[]): Array<{ record: SettledRecord; row: number }> {
  const records: Array<{ record: SettledRecord; row: number }> = [];
  for (const { row, at, text } of storedRows(values, SETTLED_TABLE.columns)) {
    const id = text('balance_transaction');
    const currency = text('currency').toLowerCase();
    if (!id.startsWith('txn_') || !/^[a-z]{3}$/.test(currency)) continue;
    const rate = Number(textOfCell(at('exchange_rate')) || Number.NaN);
    records.push({
      row,
      record: {
        balance_transaction: id,
        type: text('type'),
        reporting_category: text('reporting_category'),
        source: text('source'),
        payment_intent: text('payment_intent'),
        charge: text('charge'),
        amount_minor: storedInteger(at('amount_minor')),
        fee_minor: storedNullable(at('fee_minor')),
        net_minor: storedInteger(at('net_minor')),
        currency,
        exchange_rate: isFinite(rate) && rate > 0 ? rate : null,
        livemode: at('livemode') === true || text('livemode').toUpperCase() === 'TRUE',
        created: unixSecondsOf(at('created')),
      },
    });
  }
  return records;
}
