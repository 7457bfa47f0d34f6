/**
 * The Reconciliation tab's columns, found by header name (users move and add columns), and how
 * a record becomes cells. The first ten are the contract's; the rest are ours.
 */

import type { SessionRecord } from './reconciliation';

export const RECONCILIATION_SHEET = 'Reconciliation';

export type ColumnName = keyof SessionRecord;

export const RECONCILIATION_COLUMNS: readonly ColumnName[] = [
  'session_id',
  'client_reference_id',
  'payment_status',
  'amount',
  'currency',
  'customer_email',
  'payment_link',
  'livemode',
  'created',
  'last_event',
  'amount_minor',
  'last_event_created',
];

/**
 * Number formats set once when the tab is made. Text columns get none on purpose: payload text
 * is written with an apostrophe in front (see literalText), and a Plain text (`@`) cell would
 * keep that apostrophe as part of the value.
 */
export const COLUMN_FORMATS: Partial<Record<ColumnName, string>> = {
  // Shows 2 or 3 decimals as the currency needs; the currency column says which currency.
  amount: '#,##0.00#',
  created: 'yyyy-mm-dd hh:mm:ss',
  amount_minor: '0',
  last_event_created: 'yyyy-mm-dd hh:mm:ss',
};

/** 1-based column of each of our headers in row 1, and the names that are missing. */
export function locateColumns(headerRow: readonly unknown[]): { columns: Partial<Record<ColumnName, number>>; missing: ColumnName[] } {
  const columns: Partial<Record<ColumnName, number>> = {};
  headerRow.forEach((cell, index) => {
    const name = typeof cell === 'string' ? cell.trim() : '';
    if ((RECONCILIATION_COLUMNS as readonly string[]).indexOf(name) !== -1 && columns[name as ColumnName] === undefined) {
      columns[name as ColumnName] = index + 1;
    }
  });
  return { columns, missing: RECONCILIATION_COLUMNS.filter((name) => columns[name] === undefined) };
}

/** A value as the sheet should hold it: payload text is kept literal, times become Dates. */
export type CellOut = string | number | boolean | Date;

/**
 * Text from a payment (a customer's e-mail, a reference) must never be read as a formula, number
 * or date: Sheets parses what setValues writes like typed input, and an apostrophe in front is
 * how typed input says "this is text". The apostrophe is not part of the stored value.
 */
export function literalText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

export function cellValue(record: SessionRecord, column: ColumnName): CellOut {
  const value = record[column];
  if (column === 'created' || column === 'last_event_created') return new Date((value as number) * 1000);
  if (value === null) return '';
  if (typeof value === 'string') return literalText(value);
  return value;
}

/** What a row says about the event it shows, read back from the sheet; `row[0]` is column `firstColumn`. */
export function storedVersion(row: readonly unknown[], columns: Partial<Record<ColumnName, number>>, firstColumn = 1): {
  session_id: string;
  payment_status: unknown;
  last_event: unknown;
  last_event_created: number;
} {
  const at = (name: ColumnName): unknown => {
    const column = columns[name];
    return column === undefined ? undefined : row[column - firstColumn];
  };
  const created = at('last_event_created');
  const time = Object.prototype.toString.call(created) === '[object Date]' ? Math.round((created as Date).getTime() / 1000) : Number(created);
  return {
    session_id: typeof at('session_id') === 'string' ? (at('session_id') as string) : '',
    payment_status: at('payment_status'),
    last_event: at('last_event'),
    last_event_created: isFinite(time) ? time : 0,
  };
}
