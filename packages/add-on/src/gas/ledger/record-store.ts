/**
 * The one store of the add-on's record tabs (core/ledger/record-table.ts): Reconciliation, one row
 * per Checkout Session, and Money after sale, one row per refunded charge, dispute or invoice,
 * whatever the user has done to the tab. The tab is found by its mark (ledger/own-tabs.ts), columns
 * by header in row 1, and the record's row by a TextFinder on the key column, so a delivery costs
 * the same few round trips at 100 rows or 50,000. Cells are written as their own formats need (read,
 * never guessed from a neighbour), so they hold exactly the record's text, Plain text or not.
 * Every function takes the script lock's proof (script-lock.ts): none can run without the lock.
 */

import { columnToLetters } from '../../core/helpers/column-letters';
import { consecutiveRuns } from '../../core/helpers/runs';
import type { SessionRecord } from '../../core/ledger/reconciliation';
import { SESSION_TABLE } from '../../core/ledger/reconciliation-columns';
import { layoutOf, recordColumnFormats, storedKey, type Columns, type RecordTable } from '../../core/ledger/record-table';
import type { UpsertAction } from '../../core/contracts/webhook-answer';
import { appendHeaders, newRowRange } from '../helpers/header-row';
import { findMarkedTabs, openOwnTab } from './own-tabs';
import { layOutOwnTab } from './own-tab-layout';
import { UnreadableTabError } from './unreadable-tab';
import type { ScriptLockHeld } from '../script-lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export { UnreadableTabError };

/** Bold frozen header row, and number formats on the record's columns. */
function formatTab<R>(table: RecordTable<R>, sheet: Sheet, columns: Columns): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).setFontWeight('bold');
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const formats = recordColumnFormats(table.tab);
  for (const name of table.columns) {
    const column = columns[name];
    const format = formats[name];
    if (column !== undefined && format !== undefined) sheet.getRange(2, column, rows, 1).setNumberFormat(format);
  }
}

interface LedgerTab {
  sheet: Sheet;
  columns: Columns;
  /** Said once, when the ledger had to be made under another name. */
  notice: string | null;
}

/**
 * The record's tab with every one of its headers: made if there is none, laid out if empty, missing
 * headers added after its last used column. Throws UnreadableTabError for a tab it cannot read safely.
 */
function openTab<R>(table: RecordTable<R>, held: ScriptLockHeld, spreadsheet: Spreadsheet): LedgerTab {
  const opened = openOwnTab(held, spreadsheet, table.tab.role, findMarkedTabs(spreadsheet), true);
  if (opened === null) throw new Error(`The ${table.tab.name} tab could not be opened`);
  const { sheet, notice } = opened;
  if (notice !== null) console.log(notice);
  const header: unknown[] = opened.created ? [] : (sheet.getRange('1:1').getValues()[0] ?? []);
  const layout = opened.created
    ? ({ kind: 'empty' } as const)
    : layoutOf(header, () => sheet.getLastRow(), sheet.getName(), table.key, table.columns);
  if (layout.kind === 'unreadable') throw new UnreadableTabError(sheet.getName(), layout.error);
  const missing: readonly string[] = layout.kind === 'empty' ? (table.initialHeaders ?? table.columns) : layout.missing;
  const columns: Columns = layout.kind === 'empty' ? {} : { ...layout.columns };
  if (missing.length === 0) return { sheet, columns, notice };
  held.wrote();
  for (const [name, column] of appendHeaders(sheet, header, missing)) columns[name] = column;
  if (layout.kind === 'empty') {
    formatTab(table, sheet, columns);
    layOutOwnTab(sheet, table.tab.columns, (name) => columns[name]);
  }
  return { sheet, columns, notice };
}

/** Makes the ledger, or adds the headers it lacks; sets formats and a bold frozen header row. Returns what to tell the user once. */
export function ensureReconciliationSheet(held: ScriptLockHeld, spreadsheet: Spreadsheet): { sheet: Sheet; notice: string | null } {
  const { sheet, columns, notice } = openTab(SESSION_TABLE, held, spreadsheet);
  held.wrote();
  formatTab(SESSION_TABLE, sheet, columns);
  return { sheet, notice };
}

function span<R>(table: RecordTable<R>, columns: Columns): { first: number; last: number } {
  const positions = table.columns.map((name) => columns[name] ?? 0);
  return { first: Math.min(...positions), last: Math.max(...positions) };
}

interface FoundRow {
  /** Our columns' span in the session's row. */
  range: Range;
  values: unknown[];
}

/** A cell of a row read from `first`, by column name. */
function cellReader(values: readonly unknown[], columns: Columns, first: number): (name: string) => unknown {
  return (name) => {
    const column = columns[name];
    return column === undefined ? undefined : values[column - first];
  };
}

/**
 * The record's row, read, or null. A match inside a longer cell (one id inside another, spaces a
 * person typed around it, an apostrophe a Plain text cell kept) only means checking the row we read anyway.
 */
function findRow<R>(table: RecordTable<R>, sheet: Sheet, columns: Columns, key: string, first: number, last: number): FoundRow | null {
  const idColumn = columns[table.key] ?? first;
  const letter = columnToLetters(idColumn);
  const finder = sheet.getRange(`${letter}2:${letter}`).createTextFinder(key);
  for (let cell = finder.findNext(); cell !== null; cell = finder.findNext()) {
    const range = cell.offset(0, first - idColumn, 1, last - first + 1);
    const values = range.getValues()[0] ?? [];
    if (storedKey(cellReader(values, columns, first)(table.key)) === key) return { range, values };
  }
  return null;
}

/** Our cells of the row, each as its target cell's format needs it; cells of other columns are kept as read. */
function rowFor<R>(
  table: RecordTable<R>,
  record: R,
  columns: Columns,
  first: number,
  formats: readonly unknown[],
  existing: readonly unknown[],
): unknown[] {
  const row = existing.slice();
  for (const name of table.columns) {
    const column = columns[name];
    if (column !== undefined) row[column - first] = table.cellOf(record, name, formats[column - first]);
  }
  return row;
}

/** Writes our columns of the row, run by run: someone's own columns between ours (and their formulas) are left alone. */
function writeOurColumns<R>(
  table: RecordTable<R>,
  range: Range,
  columns: Columns,
  first: number,
  last: number,
  row: readonly unknown[],
): void {
  const ours = [...new Set(table.columns.map((name) => columns[name] ?? first))].sort((a, b) => a - b);
  for (const { start, end } of consecutiveRuns(ours)) {
    const target = start === first && end === last ? range : range.offset(0, start - first, 1, end - start + 1);
    target.setValues([row.slice(start - first, end - first + 1)]);
  }
}

/**
 * Writes the record into the first row below everything in the tab, growing the grid when it is
 * full. The row's own number formats are read first: a user may have made any part of the tab Plain
 * text, and text written for the wrong kind of cell either shows an apostrophe or runs as a formula.
 */
function appendRecord<R>(table: RecordTable<R>, sheet: Sheet, record: R, columns: Columns, first: number, last: number): void {
  const range = newRowRange(sheet, first, last - first + 1);
  const formats = range.getNumberFormats()[0] ?? [];
  const blank = new Array<unknown>(last - first + 1).fill('');
  writeOurColumns(table, range, columns, first, last, rowFor(table, record, columns, first, formats, blank));
}

/** Inserts the record, or updates its row if the record is newer; repeats and older events change nothing. */
export function upsertRecordIn<R>(table: RecordTable<R>, held: ScriptLockHeld, spreadsheet: Spreadsheet, record: R): UpsertAction {
  const { sheet, columns } = openTab(table, held, spreadsheet);
  const { first, last } = span(table, columns);
  const found = findRow(table, sheet, columns, table.keyOf(record), first, last);

  if (found === null) {
    held.wrote();
    appendRecord(table, sheet, record, columns, first, last);
    return 'inserted';
  }

  if (!table.replaces(record, cellReader(found.values, columns, first))) return 'unchanged';
  const formats = found.range.getNumberFormats()[0] ?? [];
  held.wrote();
  writeOurColumns(table, found.range, columns, first, last, rowFor(table, record, columns, first, formats, found.values));
  return 'updated';
}

/** A session's record into Reconciliation. */
export function upsertRecord(held: ScriptLockHeld, spreadsheet: Spreadsheet, record: SessionRecord): UpsertAction {
  return upsertRecordIn(SESSION_TABLE, held, spreadsheet, record);
}
