/**
 * The Reconciliation tab's columns, found by header (users move, add, rename and re-case columns),
 * whether the tab can be written safely, how a record becomes cells and how a row reads back.
 * The first ten columns are the contract's; the rest are ours.
 */

import { columnToLetters } from '../helpers/column-letters';
import { headerKey } from '../helpers/header-names';
import { literalText, textOfCell } from '../helpers/literal-text';
import { fixedFormat, RECONCILIATION_TAB } from './declaration';
import { isPaymentStatus, type RecordVersion, type SessionRecord } from './reconciliation';

export type ColumnName = keyof SessionRecord;
export type Columns = Partial<Record<ColumnName, number>>;

/** The columns a session's record fills, as the ledger declares them (ledger/declaration.ts). */
export const RECONCILIATION_COLUMNS: readonly ColumnName[] = RECONCILIATION_TAB.columns
  .filter((column) => column.merge === 'newest-event')
  .map((column) => column.name as ColumnName);

const BY_KEY = new Map<string, ColumnName>(RECONCILIATION_COLUMNS.map((name) => [headerKey(name), name]));

/**
 * Number formats set once when the tab is made, from the declaration. Text columns get none: text
 * is written so that it stays literal in any cell (literal-text.ts), Plain text or not.
 */
export const COLUMN_FORMATS: Partial<Record<ColumnName, string>> = {};
for (const column of RECONCILIATION_TAB.columns) {
  const format = fixedFormat(column);
  if (format !== null && RECONCILIATION_COLUMNS.indexOf(column.name as ColumnName) !== -1) {
    COLUMN_FORMATS[column.name as ColumnName] = format;
  }
}

export interface HeaderReading {
  /** 1-based column of each of our headers; the first of several wins. */
  columns: Columns;
  /** Our headers the row lacks, in our order. */
  missing: ColumnName[];
  /** Our headers that name more than one column, with every column they name. */
  repeated: Partial<Record<ColumnName, number[]>>;
}

/** Reads row 1: `session_id`, `Session ID` and `Session-id` all name the session column. */
export function locateColumns(headerRow: readonly unknown[]): HeaderReading {
  const all: Partial<Record<ColumnName, number[]>> = {};
  headerRow.forEach((cell, index) => {
    const name = BY_KEY.get(headerKey(cell));
    if (name !== undefined) (all[name] ??= []).push(index + 1);
  });
  const columns: Columns = {};
  const repeated: Partial<Record<ColumnName, number[]>> = {};
  for (const name of RECONCILIATION_COLUMNS) {
    const found = all[name];
    if (found === undefined) continue;
    columns[name] = found[0];
    if (found.length > 1) repeated[name] = found;
  }
  return { columns, missing: RECONCILIATION_COLUMNS.filter((name) => columns[name] === undefined), repeated };
}

/**
 * Whether a delivery may write to the tab as it stands. Rows are found by their session_id, so
 * without exactly one session_id column in row 1 a write could duplicate a sale or land in a
 * row that is not its own: such a tab is refused until a person puts its header row back.
 * A tab with nothing in it is one the add-on may lay out itself.
 */
export type TabLayout =
  { kind: 'ready'; columns: Columns; missing: ColumnName[] } | { kind: 'empty' } | { kind: 'unreadable'; error: string };

export function tabLayout(headerRow: readonly unknown[], lastRow: () => number, tabName: string): TabLayout {
  const { columns, missing, repeated } = locateColumns(headerRow);
  const ids = repeated.session_id;
  if (ids !== undefined) {
    return {
      kind: 'unreadable',
      error:
        `The ${tabName} tab has ${String(ids.length)} columns headed session_id (${ids.map(columnToLetters).join(', ')}); ` +
        'rename or delete all but one so each sale is found in its own row',
    };
  }
  if (columns.session_id !== undefined) return { kind: 'ready', columns, missing };
  // Only a tab without a session_id header is asked how many rows it has.
  if (lastRow() === 0) return { kind: 'empty' };
  const rowOne = headerRow.some((cell) => cell !== '' && cell !== null) ? 'row 1 has no session_id header' : 'row 1 is empty';
  return {
    kind: 'unreadable',
    error:
      `The ${tabName} tab's header row is missing (${rowOne}). Put the header row back in row 1 ` +
      '(Edit > Undo, or type the headers, session_id first); nothing was written',
  };
}

/** A value as setValues must be given it; `numberFormat` is the target cell's (Plain text or not). */
export type CellOut = string | number | boolean | Date;

export function cellValue(record: SessionRecord, column: ColumnName, numberFormat: unknown = ''): CellOut {
  const value = record[column];
  if (column === 'created' || column === 'last_event_created') return new Date((value as number) * 1000);
  if (value === null) return '';
  if (typeof value === 'string') return literalText(value, numberFormat);
  return value;
}

const SECONDS_PER_DAY = 86_400;
/** Sheets' day 0 is 1899-12-30: 25,569 days before the Unix epoch. */
const SHEETS_EPOCH_DAYS = 25_569;

/**
 * A time the row holds, as Unix seconds: a Date (how the add-on writes it), Unix seconds typed in,
 * or the day number Sheets gives once someone formats a date column as a number (read as UTC:
 * hours off at most, and only when the settlement and the event id cannot decide first).
 */
export function unixSecondsOf(value: unknown): number {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const time = (value as Date).getTime();
    return isFinite(time) ? Math.round(time / 1000) : 0;
  }
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !isFinite(number) || number <= 0) return 0;
  return number > 10_000_000 ? Math.round(number) : Math.round((number - SHEETS_EPOCH_DAYS) * SECONDS_PER_DAY);
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
  const status = textOfCell(at('payment_status'));
  return {
    // A person may pad an id with spaces; it is still that session's row.
    sessionId: textOfCell(at('session_id')).trim(),
    version: {
      // A status someone typed over is not evidence of payment: read it as the lowest.
      payment_status: isPaymentStatus(status) ? status : 'unpaid',
      last_event: textOfCell(at('last_event')),
      last_event_created: unixSecondsOf(at('last_event_created')),
    },
  };
}
