/**
 * The Reconciliation tab as a store of SessionRecords, one row per Checkout Session, whatever the
 * user has done to the tab. Columns are found by header in row 1 and the session's row by a
 * TextFinder on the session_id column, so a delivery costs the same handful of service calls at
 * 100 rows or 50,000. Cells are written so they hold exactly the record's text, Plain text or not.
 * Callers hold the script lock.
 */

import { columnToLetters } from '../core/column-letters';
import { consecutiveRuns } from '../core/runs';
import { supersedes, type SessionRecord } from '../core/reconciliation';
import {
  cellValue,
  COLUMN_FORMATS,
  RECONCILIATION_COLUMNS,
  storedRow,
  tabLayout,
  type Columns,
} from '../core/reconciliation-columns';
import { RECONCILIATION_SHEET } from '../core/own-tabs';
import { appendHeaders, headerRow } from './header-row';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export type UpsertAction = 'inserted' | 'updated' | 'unchanged';

/** The tab cannot be written without risking a duplicate or a wrong row: refuse, and let Stripe retry. */
export class UnreadableTabError extends Error {
  readonly retry = true;
}

/** Bold frozen header row, and number formats on our columns. */
function formatTab(sheet: Sheet, columns: Columns): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).setFontWeight('bold');
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const name of RECONCILIATION_COLUMNS) {
    const column = columns[name];
    const format = COLUMN_FORMATS[name];
    if (column !== undefined && format !== undefined) sheet.getRange(2, column, rows, 1).setNumberFormat(format);
  }
}

/**
 * The tab with every one of our headers: created if absent, laid out if empty, missing headers
 * added after the last one. Throws UnreadableTabError for a tab it cannot read safely.
 */
function openTab(spreadsheet: Spreadsheet): { sheet: Sheet; columns: Columns } {
  const existing = spreadsheet.getSheetByName(RECONCILIATION_SHEET);
  const sheet = existing ?? spreadsheet.insertSheet(RECONCILIATION_SHEET);
  const header = headerRow(sheet);
  const layout = tabLayout(header, () => (existing === null ? 0 : sheet.getLastRow()), RECONCILIATION_SHEET);
  if (layout.kind === 'unreadable') throw new UnreadableTabError(layout.error);
  if (layout.kind === 'empty') {
    const columns: Columns = {};
    for (const [name, column] of appendHeaders(sheet, [], RECONCILIATION_COLUMNS)) columns[name] = column;
    formatTab(sheet, columns);
    return { sheet, columns };
  }
  const columns = { ...layout.columns };
  for (const [name, column] of appendHeaders(sheet, header, layout.missing)) columns[name] = column;
  return { sheet, columns };
}

/** Creates the tab, or adds the headers it lacks; sets formats and a bold frozen header row. */
export function ensureReconciliationSheet(spreadsheet: Spreadsheet): Sheet {
  const { sheet, columns } = openTab(spreadsheet);
  formatTab(sheet, columns);
  return sheet;
}

function span(columns: Columns): { first: number; last: number } {
  const positions = RECONCILIATION_COLUMNS.map((name) => columns[name] ?? 0);
  return { first: Math.min(...positions), last: Math.max(...positions) };
}

interface FoundRow {
  /** Our columns' span in the session's row. */
  range: Range;
  values: unknown[];
}

/**
 * The session's row, read, or null. A match inside a longer cell (one id inside another, or an
 * apostrophe a Plain text cell kept) only means checking the row we read anyway.
 */
function findSessionRow(sheet: Sheet, columns: Columns, sessionId: string, first: number, last: number): FoundRow | null {
  const idColumn = columns.session_id ?? first;
  const letter = columnToLetters(idColumn);
  const finder = sheet.getRange(`${letter}2:${letter}`).createTextFinder(sessionId);
  for (let cell = finder.findNext(); cell !== null; cell = finder.findNext()) {
    const range = cell.offset(0, first - idColumn, 1, last - first + 1);
    const values = range.getValues()[0] ?? [];
    if (storedRow(values, columns, first).sessionId === sessionId) return { range, values };
  }
  return null;
}

/** Our cells of the row, each as its target cell needs it; cells of other columns are kept as read. */
function rowFor(record: SessionRecord, columns: Columns, first: number, formats: readonly unknown[], existing: readonly unknown[]): unknown[] {
  const row = existing.slice();
  for (const name of RECONCILIATION_COLUMNS) {
    const column = columns[name];
    if (column !== undefined) row[column - first] = cellValue(record, name, formats[column - first]);
  }
  return row;
}

/** Writes our columns of the row, run by run: someone's own columns between ours (and their formulas) are left alone. */
function writeOurColumns(range: Range, columns: Columns, first: number, last: number, row: readonly unknown[]): void {
  const ours = [...new Set(RECONCILIATION_COLUMNS.map((name) => columns[name] ?? first))].sort((a, b) => a - b);
  for (const { start, end } of consecutiveRuns(ours)) {
    const target = start === first && end === last ? range : range.offset(0, start - first, 1, end - start + 1);
    target.setValues([row.slice(start - first, end - first + 1)]);
  }
}

/** The first row below everything in the tab, made if the grid ends there. */
function nextFreeRow(sheet: Sheet): number {
  const row = sheet.getLastRow() + 1;
  const maxRows = sheet.getMaxRows();
  if (row > maxRows) sheet.insertRowsAfter(maxRows, 1);
  return row;
}

/** Inserts the record, or updates its row if the record is newer; repeats and older events change nothing. */
export function upsertRecord(spreadsheet: Spreadsheet, record: SessionRecord): UpsertAction {
  const { sheet, columns } = openTab(spreadsheet);
  const { first, last } = span(columns);
  const found = findSessionRow(sheet, columns, record.session_id, first, last);

  if (found === null) {
    const range = sheet.getRange(nextFreeRow(sheet), first, 1, last - first + 1);
    const formats = range.getNumberFormats()[0] ?? [];
    writeOurColumns(range, columns, first, last, rowFor(record, columns, first, formats, new Array<unknown>(last - first + 1).fill('')));
    return 'inserted';
  }

  if (!supersedes(record, storedRow(found.values, columns, first).version)) return 'unchanged';
  const formats = found.range.getNumberFormats()[0] ?? [];
  writeOurColumns(found.range, columns, first, last, rowFor(record, columns, first, formats, found.values));
  return 'updated';
}
