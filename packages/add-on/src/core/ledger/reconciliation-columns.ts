/**
 * The Reconciliation tab's columns as a record table (record-table.ts): found by header, keyed by
 * session_id, a session's record as cells and a row read back. The first ten columns are the
 * contract's; the rest are ours.
 */

import { textOfCell } from '../helpers/literal-text';
import { RECONCILIATION_TAB } from './declaration';
import { isPaymentStatus, supersedes, type RecordVersion, type SessionRecord } from './reconciliation';
import {
  cellOfField,
  layoutOf,
  locateHeaders,
  recordColumnFormats,
  recordColumns,
  storedKey,
  unixSecondsOf,
  type CellOut,
  type RecordTable,
  type TabLayout,
} from './record-table';

export { unixSecondsOf, type CellOut, type TabLayout };

export type ColumnName = keyof SessionRecord;
export type Columns = Partial<Record<ColumnName, number>>;

/** The columns a session's record fills, as the ledger declares them (ledger/declaration.ts). */
export const RECONCILIATION_COLUMNS = recordColumns(RECONCILIATION_TAB) as readonly ColumnName[];

/**
 * Number formats set once when the tab is made, from the declaration. Text columns get none: text
 * is written so that it stays literal in any cell (literal-text.ts), Plain text or not.
 */
export const COLUMN_FORMATS = recordColumnFormats(RECONCILIATION_TAB) as Partial<Record<ColumnName, string>>;

export interface HeaderReading {
  columns: Columns;
  missing: ColumnName[];
  repeated: Partial<Record<ColumnName, number[]>>;
}

/** Reads row 1: `session_id`, `Session ID` and `Session-id` all name the session column. */
export function locateColumns(headerRow: readonly unknown[]): HeaderReading {
  return locateHeaders(headerRow, RECONCILIATION_COLUMNS) as HeaderReading;
}

/** Whether a delivery may write to the tab as it stands (record-table.ts's layoutOf, keyed by session_id). */
export function tabLayout(headerRow: readonly unknown[], lastRow: () => number, tabName: string): TabLayout {
  return layoutOf(headerRow, lastRow, tabName, 'session_id', RECONCILIATION_COLUMNS);
}

export function cellValue(record: SessionRecord, column: ColumnName, numberFormat: unknown = ''): CellOut {
  return cellOfField(record[column], column === 'created' || column === 'last_event_created', numberFormat);
}

export interface StoredRow {
  sessionId: string;
  version: RecordVersion;
}

/** What a row says about its session and the event it shows; `row[0]` is column `firstColumn`. */
export function storedRow(row: readonly unknown[], columns: Columns, firstColumn = 1): StoredRow {
  const at = (name: ColumnName): unknown => {
    const column = columns[name];
    return column === undefined ? undefined : row[column - firstColumn];
  };
  return { sessionId: storedKey(at('session_id')), version: versionOf(at) };
}

function versionOf(at: (name: ColumnName) => unknown): RecordVersion {
  const status = textOfCell(at('payment_status'));
  return {
    // A status someone typed over is not evidence of payment: read it as the lowest.
    payment_status: isPaymentStatus(status) ? status : 'unpaid',
    last_event: textOfCell(at('last_event')),
    last_event_created: unixSecondsOf(at('last_event_created')),
  };
}

/** The Reconciliation tab as a store's table: one row per Checkout Session. */
export const SESSION_TABLE: RecordTable<SessionRecord> = {
  tab: RECONCILIATION_TAB,
  key: 'session_id',
  columns: RECONCILIATION_COLUMNS,
  keyOf: (record) => record.session_id,
  cellOf: (record, column, numberFormat) => cellValue(record, column as ColumnName, numberFormat),
  replaces: (record, stored) =>
    supersedes(
      record,
      versionOf((name) => stored(name)),
    ),
};
