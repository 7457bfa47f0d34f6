/**
 * A tab of the add-on's that keeps one row per Stripe object (a Checkout Session, a refunded
 * charge, a dispute, an invoice), as the stores in src/gas/ledger write it: its columns found by
 * header in row 1 (people move, rename and re-case them), whether it can be written safely, how a
 * record becomes cells and whether a record may replace the row it finds. One description per kind
 * of record; one store for all of them.
 */

import { columnToLetters } from '../helpers/column-letters';
import { headerKey } from '../helpers/header-names';
import { literalText, textOfCell } from '../helpers/literal-text';
import { fixedFormat, type TabDeclaration } from './declaration';

export type Columns = Partial<Record<string, number>>;

/** A value as setValues must be given it. */
export type CellOut = string | number | boolean | Date;

export interface RecordTable<R> {
  readonly tab: TabDeclaration;
  /** The key column's name: one row per value. */
  readonly key: string;
  /** The columns a record fills (its `newest-event` columns), in the declaration's order. */
  readonly columns: readonly string[];
  /** The header row of a tab made new, when it is more than `columns` (the refresh fills the rest). */
  readonly initialHeaders?: readonly string[];
  keyOf(record: R): string;
  /** The record's cell for `column`; `numberFormat` is the target cell's (Plain text or not). */
  cellOf(record: R, column: string, numberFormat: unknown): CellOut;
  /** Whether `record` replaces the stored row; `stored` reads a cell of that row by column name. */
  replaces(record: R, stored: (column: string) => unknown): boolean;
}

/** The columns a tab's records fill, as its declaration says. */
export function recordColumns(tab: TabDeclaration): string[] {
  return tab.columns.filter((column) => column.merge === 'newest-event').map((column) => column.name);
}

/** Number formats set once when the tab is made; text columns get none (text is written literal). */
export function recordColumnFormats(tab: TabDeclaration): Partial<Record<string, string>> {
  const formats: Partial<Record<string, string>> = {};
  for (const column of tab.columns) {
    const format = fixedFormat(column);
    if (format !== null && column.merge === 'newest-event') formats[column.name] = format;
  }
  return formats;
}

export interface HeaderReading {
  /** 1-based column of each of `names`; the first of several wins. */
  columns: Columns;
  /** Names the row lacks, in the given order. */
  missing: string[];
  /** Names that head more than one column, with every column they head. */
  repeated: Partial<Record<string, number[]>>;
}

/** Reads row 1: `session_id`, `Session ID` and `Session-id` all name the session column. */
export function locateHeaders(headerRow: readonly unknown[], names: readonly string[]): HeaderReading {
  const byKey = new Map(names.map((name) => [headerKey(name), name]));
  const all: Partial<Record<string, number[]>> = {};
  headerRow.forEach((cell, index) => {
    const name = byKey.get(headerKey(cell));
    if (name !== undefined) (all[name] ??= []).push(index + 1);
  });
  const columns: Columns = {};
  const repeated: Partial<Record<string, number[]>> = {};
  for (const name of names) {
    const found = all[name];
    if (found === undefined) continue;
    columns[name] = found[0];
    if (found.length > 1) repeated[name] = found;
  }
  return { columns, missing: names.filter((name) => columns[name] === undefined), repeated };
}

/**
 * Whether a store may write to the tab as it stands. Rows are found by their key, so without
 * exactly one key column in row 1 a write could duplicate a record or land in a row that is not
 * its own: such a tab is refused until a person puts its header row back. A tab with nothing in
 * it is one the add-on may lay out itself.
 */
export type TabLayout = { kind: 'ready'; columns: Columns; missing: string[] } | { kind: 'empty' } | { kind: 'unreadable'; error: string };

export function layoutOf(
  headerRow: readonly unknown[],
  lastRow: () => number,
  tabName: string,
  key: string,
  names: readonly string[],
): TabLayout {
  const { columns, missing, repeated } = locateHeaders(headerRow, names);
  const keys = repeated[key];
  if (keys !== undefined) {
    return {
      kind: 'unreadable',
      error:
        `The ${tabName} tab has ${String(keys.length)} columns headed ${key} (${keys.map(columnToLetters).join(', ')}); ` +
        'rename or delete all but one so each record is found in its own row',
    };
  }
  if (columns[key] !== undefined) return { kind: 'ready', columns, missing };
  // Only a tab without a key header is asked how many rows it has.
  if (lastRow() === 0) return { kind: 'empty' };
  const rowOne = headerRow.some((cell) => cell !== '' && cell !== null) ? `row 1 has no ${key} header` : 'row 1 is empty';
  return {
    kind: 'unreadable',
    error:
      `The ${tabName} tab's header row is missing (${rowOne}). Put the header row back in row 1 ` +
      `(Edit > Undo, or type the headers, ${key} first); nothing was written`,
  };
}

/** A record's field as a cell: times as dates, null as empty, text literal whatever the cell's format. */
export function cellOfField(value: unknown, isTime: boolean, numberFormat: unknown): CellOut {
  if (isTime) return new Date((value as number) * 1000);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return literalText(value, numberFormat);
  return value as CellOut;
}

/** The key a stored row holds: a person may pad an id with spaces, and it is still that row. */
export function storedKey(value: unknown): string {
  return textOfCell(value).trim();
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

/** A whole number a row holds (a count, minor units), or 0 for anything a person typed over it. */
export function storedInteger(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(textOfCell(value) || Number.NaN);
  return Number.isInteger(number) ? number : 0;
}

/** A data row of a tab read as a grid, its cells by column name: what each tab's reader turns into records. */
export interface StoredRow {
  /** 1-based row in the tab. */
  row: number;
  /** The cell under `name`'s header, or undefined when the tab has no such column. */
  at: (name: string) => unknown;
  /** That cell as text, trimmed (a person may pad a value with spaces). */
  text: (name: string) => string;
}

/** Every data row of a grid whose row 1 holds some of `names`, as StoredRows. */
export function storedRows(values: readonly (readonly unknown[])[], names: readonly string[]): StoredRow[] {
  const { columns } = locateHeaders(values[0] ?? [], names);
  const rows: StoredRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const at = (name: string): unknown => {
      const column = columns[name];
      return column === undefined ? undefined : cells[column - 1];
    };
    rows.push({ row: r + 1, at, text: (name) => textOfCell(at(name)).trim() });
  }
  return rows;
}
