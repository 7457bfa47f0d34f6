/**
 * The Reconciliation tab as a store of SessionRecords, one row per Checkout Session, whatever the
 * user has done to the tab. Columns are found by header in row 1 and the session's row by a
 * TextFinder on the session_id column, so a delivery costs the same handful of service calls at
 * 100 rows or 50,000. Cells are written so they hold exactly the record's text, Plain text or not.
 * Every function takes the script lock's proof (script-lock.ts): none can run without the lock.
 */

import { columnToLetters } from '../../core/column-letters';
import { consecutiveRuns } from '../../core/runs';
import { supersedes, type SessionRecord } from '../../core/reconciliation';
import {
  cellValue,
  COLUMN_FORMATS,
  RECONCILIATION_COLUMNS,
  storedRow,
  tabLayout,
  type ColumnName,
  type Columns,
} from '../../core/reconciliation-columns';
import { RECONCILIATION_SHEET } from '../../core/own-tabs';
import type { UpsertAction } from '../../core/webhook-answer';
import { appendHeaders } from '../header-row';
import type { ScriptLockHeld } from '../script-lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The tab cannot be written without risking a duplicate or a wrong row: refuse, and let Stripe retry. */
export class UnreadableTabError extends Error {}

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

/** `'Reconciliation'!A2:A`: quoted, so the name works whatever it holds. */
function a1(range: string): string {
  return `'${RECONCILIATION_SHEET.replace(/'/g, "''")}'!${range}`;
}

/** Row 1, or null when there is no such tab. */
function readHeaderRow(spreadsheet: Spreadsheet): unknown[] | null {
  let range: Range;
  try {
    range = spreadsheet.getRange(a1('1:1'));
  } catch {
    return null;
  }
  const header: unknown[] = range.getValues()[0] ?? [];
  return header;
}

/** Lays out an empty (or new) tab; adds the headers a readable one lacks after its last one. */
function completeTab(held: ScriptLockHeld, spreadsheet: Spreadsheet, header: readonly unknown[] | null, missing: readonly ColumnName[]): Columns {
  held.wrote();
  const sheet = spreadsheet.getSheetByName(RECONCILIATION_SHEET) ?? spreadsheet.insertSheet(RECONCILIATION_SHEET);
  const columns: Columns = {};
  for (const [name, column] of appendHeaders(sheet, header ?? [], missing)) columns[name] = column;
  if (header === null || missing.length === RECONCILIATION_COLUMNS.length) formatTab(sheet, columns);
  return columns;
}

/**
 * The tab with every one of our headers: created if absent, laid out if empty, missing headers
 * added after the last one. Throws UnreadableTabError for a tab it cannot read safely.
 */
function openTab(held: ScriptLockHeld, spreadsheet: Spreadsheet): Columns {
  const header = readHeaderRow(spreadsheet);
  if (header === null) return completeTab(held, spreadsheet, null, RECONCILIATION_COLUMNS);
  const layout = tabLayout(header, () => spreadsheet.getRange(a1('A1')).getSheet().getLastRow(), RECONCILIATION_SHEET);
  if (layout.kind === 'unreadable') throw new UnreadableTabError(layout.error);
  if (layout.kind === 'empty') return completeTab(held, spreadsheet, [], RECONCILIATION_COLUMNS);
  if (layout.missing.length === 0) return layout.columns;
  return { ...layout.columns, ...completeTab(held, spreadsheet, header, layout.missing) };
}

/** Creates the tab, or adds the headers it lacks; sets formats and a bold frozen header row. */
export function ensureReconciliationSheet(held: ScriptLockHeld, spreadsheet: Spreadsheet): Sheet {
  const columns = openTab(held, spreadsheet);
  held.wrote();
  const sheet = spreadsheet.getSheetByName(RECONCILIATION_SHEET);
  if (sheet === null) throw new Error(`The ${RECONCILIATION_SHEET} tab disappeared while it was being set up`);
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

interface Search {
  found: FoundRow | null;
  /** The session_id column searched: its sheet is where a new row goes. */
  searched: Range;
}

/**
 * The session's row, read, or null. A match inside a longer cell (one id inside another, or an
 * apostrophe a Plain text cell kept) only means checking the row we read anyway.
 */
function findSessionRow(spreadsheet: Spreadsheet, columns: Columns, sessionId: string, first: number, last: number): Search {
  const idColumn = columns.session_id ?? first;
  const letter = columnToLetters(idColumn);
  const searched = spreadsheet.getRange(a1(`${letter}2:${letter}`));
  const finder = searched.createTextFinder(sessionId);
  for (let cell = finder.findNext(); cell !== null; cell = finder.findNext()) {
    const range = cell.offset(0, first - idColumn, 1, last - first + 1);
    const values = range.getValues()[0] ?? [];
    if (storedRow(values, columns, first).sessionId === sessionId) return { found: { range, values }, searched };
  }
  return { found: null, searched };
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

/**
 * Appends the record below everything in the tab (appendRow grows the grid itself). The new row
 * is written as its column formats ask, read from the row above it: a column formatted as Plain
 * text is so down to its end. Were it not, the cost is an apostrophe shown, never a second row:
 * reading ignores an apostrophe a Plain text cell kept.
 */
function appendRecord(sheet: Sheet, record: SessionRecord, columns: Columns, first: number, last: number): void {
  const above = Math.max(sheet.getLastRow(), 1);
  const formats = sheet.getRange(above, first, 1, last - first + 1).getNumberFormats()[0] ?? [];
  const row = rowFor(record, columns, first, formats, new Array<unknown>(last - first + 1).fill(''));
  sheet.appendRow([...new Array<unknown>(first - 1).fill(''), ...row]);
}

/** Inserts the record, or updates its row if the record is newer; repeats and older events change nothing. */
export function upsertRecord(held: ScriptLockHeld, spreadsheet: Spreadsheet, record: SessionRecord): UpsertAction {
  const columns = openTab(held, spreadsheet);
  const { first, last } = span(columns);
  const { found, searched } = findSessionRow(spreadsheet, columns, record.session_id, first, last);

  if (found === null) {
    held.wrote();
    appendRecord(searched.getSheet(), record, columns, first, last);
    return 'inserted';
  }

  if (!supersedes(record, storedRow(found.values, columns, first).version)) return 'unchanged';
  const formats = found.range.getNumberFormats()[0] ?? [];
  held.wrote();
  writeOurColumns(found.range, columns, first, last, rowFor(record, columns, first, formats, found.values));
  return 'updated';
}
