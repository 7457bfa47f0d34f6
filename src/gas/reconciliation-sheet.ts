/**
 * The Reconciliation tab as a store of SessionRecords, one row per Checkout Session.
 * A delivery finds its row with a TextFinder on the session_id column, so its cost does not grow
 * with the tab: a fixed handful of service calls whether the tab has 100 rows or 50,000.
 * Callers hold the script lock.
 */

import { columnToLetters } from '../core/column-letters';
import { consecutiveRuns } from '../core/runs';
import { isPaymentStatus, supersedes, type SessionRecord } from '../core/reconciliation';
import {
  cellValue,
  COLUMN_FORMATS,
  locateColumns,
  RECONCILIATION_COLUMNS,
  RECONCILIATION_SHEET,
  storedVersion,
  type ColumnName,
} from '../core/reconciliation-columns';
import { appendHeaders, headerRow } from './header-row';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Columns = Partial<Record<ColumnName, number>>;

export type UpsertAction = 'inserted' | 'updated' | 'unchanged';

/** `'Reconciliation'!A2:A`: quoted, so a renamed tab with spaces still works. */
function a1(range: string): string {
  return `'${RECONCILIATION_SHEET.replace(/'/g, "''")}'!${range}`;
}

/** Creates the tab, or adds the headers it lacks; sets formats, a bold frozen header row. */
export function ensureReconciliationSheet(spreadsheet: Spreadsheet): Sheet {
  const sheet = spreadsheet.getSheetByName(RECONCILIATION_SHEET) ?? spreadsheet.insertSheet(RECONCILIATION_SHEET);
  const header = headerRow(sheet);
  const { columns, missing } = locateColumns(header);
  for (const [name, column] of appendHeaders(sheet, header, missing)) columns[name] = column;
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).setFontWeight('bold');
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const name of RECONCILIATION_COLUMNS) {
    const column = columns[name];
    const format = COLUMN_FORMATS[name];
    if (column !== undefined && format !== undefined) sheet.getRange(2, column, rows, 1).setNumberFormat(format);
  }
  return sheet;
}

function readHeader(spreadsheet: Spreadsheet): unknown[] | null {
  try {
    const header: unknown[] = spreadsheet.getRange(a1('1:1')).getValues()[0] ?? [];
    return header;
  } catch {
    return null; // No such tab.
  }
}

/** Our columns by header. A deleted tab or a missing header is made again rather than lose the sale. */
function readColumns(spreadsheet: Spreadsheet): Columns {
  const located = locateColumns(readHeader(spreadsheet) ?? []);
  if (located.missing.length === 0) return located.columns;
  ensureReconciliationSheet(spreadsheet);
  return locateColumns(readHeader(spreadsheet) ?? []).columns;
}

function span(columns: Columns): { first: number; last: number } {
  const positions = RECONCILIATION_COLUMNS.map((name) => columns[name] ?? 0);
  return { first: Math.min(...positions), last: Math.max(...positions) };
}

interface FoundRow {
  /** Our columns' span in the session's row. */
  range: Range;
  /** The session's cell, to offset from. */
  cell: Range;
  values: unknown[];
}

/**
 * The session's row, read, or null. matchEntireCell/matchCase would cost two more calls on every
 * delivery; checking the id in the row we read anyway does the same job, and a partial match
 * (one id inside a longer one) only means looking once more.
 */
function findSessionRow(spreadsheet: Spreadsheet, columns: Columns, sessionId: string, first: number, last: number): FoundRow | null {
  const idColumn = columns.session_id ?? first;
  const letter = columnToLetters(idColumn);
  const finder = spreadsheet.getRange(a1(`${letter}2:${letter}`)).createTextFinder(sessionId);
  for (let cell = finder.findNext(); cell !== null; cell = finder.findNext()) {
    const range = cell.offset(0, first - idColumn, 1, last - first + 1);
    const values = range.getValues()[0] ?? [];
    if (values[idColumn - first] === sessionId) return { range, cell, values };
  }
  return null;
}

function rowFor(record: SessionRecord, columns: Columns, first: number, last: number, existing?: readonly unknown[]): unknown[] {
  const row: unknown[] = existing ? existing.slice() : new Array<unknown>(last - first + 1).fill('');
  for (const name of RECONCILIATION_COLUMNS) {
    const column = columns[name];
    if (column !== undefined) row[column - first] = cellValue(record, name);
  }
  return row;
}

/** Inserts the record, or updates its row if the record is newer; repeats and older events change nothing. */
export function upsertRecord(spreadsheet: Spreadsheet, record: SessionRecord): UpsertAction {
  const columns = readColumns(spreadsheet);
  const { first, last } = span(columns);
  const idColumn = columns.session_id ?? first;
  const found = findSessionRow(spreadsheet, columns, record.session_id, first, last);

  if (found === null) {
    const sheet = spreadsheet.getSheetByName(RECONCILIATION_SHEET);
    if (sheet === null) throw new Error(`The ${RECONCILIATION_SHEET} tab disappeared while writing`);
    const leading = new Array<unknown>(first - 1).fill('');
    sheet.appendRow([...leading, ...rowFor(record, columns, first, last)]);
    return 'inserted';
  }

  const current = found.values;
  const stored = storedVersion(current, columns, first);
  const existing = {
    payment_status: isPaymentStatus(stored.payment_status) ? stored.payment_status : 'unpaid',
    last_event: typeof stored.last_event === 'string' ? stored.last_event : '',
    last_event_created: stored.last_event_created,
  } as const;
  if (!supersedes(record, existing)) return 'unchanged';

  // Only our columns are written, run by run: someone's own columns between ours (and their
  // formulas) are left alone. The usual layout is one run, the span already read.
  const row = rowFor(record, columns, first, last, current);
  const ours = RECONCILIATION_COLUMNS.map((name) => columns[name] ?? first).sort((a, b) => a - b);
  for (const { start, end } of consecutiveRuns([...new Set(ours)])) {
    const target = start === first && end === last ? found.range : found.cell.offset(0, start - idColumn, 1, end - start + 1);
    target.setValues([row.slice(start - first, end - first + 1)]);
  }
  return 'updated';
}
