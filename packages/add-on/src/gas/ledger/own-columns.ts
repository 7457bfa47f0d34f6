/**
 * The columns the add-on adds to a user's tab (a links tab's paid_sessions, revenue and net revenue
 * per currency), found by their mark (the declared name), never by header: a user's own `Revenue`
 * or `Paid sessions` column stays the user's, and ours, when a user's column already has its
 * header, is headed `revenue (add-on)`. New columns go after the tab's last used column, never over
 * a filled cell.
 */

import { columnToLetters } from '../../core/helpers/column-letters';
import { headerKey } from '../../core/helpers/header-names';
import { fixedFormat, type ColumnDeclaration } from '../../core/ledger/declaration';
import { COLUMN_MARK_KEY, ownColumnHeader } from '../../core/ledger/marks';
import { LINK_HEADER_ROWS } from '../../core/link-tabs/link-header';
import { styleAppendedHeaders } from '../helpers/header-row';
import type { ScriptLockHeld } from '../script-lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What the add-on marked on one user tab: its columns by declared name, and the header row it read them under. */
export interface OwnedOnTab {
  columns: Map<string, number>;
  /** The row the add-on's header row mark is on now: it moves with its row (a title row inserted above); null when that row was deleted. */
  headerRow: number | null;
}

/** By sheet id. */
export type MarkedColumns = ReadonlyMap<number, OwnedOnTab>;

/** The value of the mark on the header row of a tab that holds columns of the add-on. */
const HEADER_ROW = '#header-row';

/** One finder call: every column mark (and header row mark) in the spreadsheet. */
export function findMarkedColumns(spreadsheet: Spreadsheet): MarkedColumns {
  const marks = spreadsheet.createDeveloperMetadataFinder().withKey(COLUMN_MARK_KEY).find();
  const bySheet = new Map<number, OwnedOnTab>();
  const on = (sheet: Sheet): OwnedOnTab => {
    const id = sheet.getSheetId();
    const found = bySheet.get(id) ?? { columns: new Map<string, number>(), headerRow: null };
    bySheet.set(id, found);
    return found;
  };
  for (const mark of marks) {
    const value = mark.getValue();
    const location = mark.getLocation();
    const column = location.getColumn();
    const row = location.getRow();
    if (value === HEADER_ROW && row !== null) {
      const owned = on(row.getSheet());
      owned.headerRow = owned.headerRow === null ? row.getRow() : Math.min(owned.headerRow, row.getRow());
    } else if (value !== null && column !== null) {
      const owned = on(column.getSheet());
      if (!owned.columns.has(value)) owned.columns.set(value, column.getColumn());
    }
  }
  return bySheet;
}

/** What is wrong with a tab's header row, and what the user does about it. */
export interface HeaderRowProblem {
  what: string;
  fix: string;
}

/**
 * Why the tab's header row can no longer be trusted, or null. The add-on marked the row it wrote
 * its columns' headers on; the mark moves with its row (a title row inserted above moves both down,
 * issue 17), so that row must still be the links header found (`found`, among the first rows:
 * core/link-tabs/link-header.ts). Deleting the header row removes the mark; a header moved away
 * leaves the mark on another row than the one found. A header renamed in place is fine: columns go
 * by their mark (renamed so it is no links header, the tab is simply no links tab any more).
 */
export function headerRowProblem(owned: OwnedOnTab, found: number | null): HeaderRowProblem | null {
  const marked = owned.headerRow;
  if (owned.columns.size === 0) return null;
  if (marked === null) return { what: 'its header row was deleted', fix: 'Put the header row back (Edit > Undo)' };
  if (marked === found) return null;
  if (found === null && marked <= LINK_HEADER_ROWS) return null;
  if (found === null)
    return {
      what: `its header row is now row ${String(marked)}, below the first ${String(LINK_HEADER_ROWS)} rows where the add-on looks for it`,
      fix: `Delete rows above it until it is within the first ${String(LINK_HEADER_ROWS)} rows (or Edit > Undo)`,
    };
  return {
    what: `its header row is row ${String(marked)}, but the first links header in the tab is row ${String(found)}`,
    fix: `Keep one links header row: move the header back to row ${String(marked)} or delete the other one (Edit > Undo)`,
  };
}

function markHeaderRow(sheet: Sheet, row: number): void {
  sheet
    .getRange(`${String(row)}:${String(row)}`)
    .addDeveloperMetadata(COLUMN_MARK_KEY, HEADER_ROW, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}

function markColumn(sheet: Sheet, column: number, name: string): void {
  const letters = columnToLetters(column);
  sheet.getRange(`${letters}:${letters}`).addDeveloperMetadata(COLUMN_MARK_KEY, name, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}

export interface AddedColumns {
  columns: Map<string, number>;
  /** Said once: the columns that had to take another header because the user has one of that name. */
  notices: string[];
}

/**
 * Adds `wanted` after the tab's last used column, headed by name (or `name (add-on)` where the
 * user has a column of that name) on the header row (`headerRow`, 1 unless a title row is above
 * it), each marked. `header` is that row as read. Rows above the header are the user's, untouched.
 */
export function addOwnColumns(
  held: ScriptLockHeld,
  sheet: Sheet,
  header: readonly unknown[],
  wanted: readonly ColumnDeclaration[],
  headerMarked: boolean,
  headerRow = 1,
): AddedColumns {
  const columns = new Map<string, number>();
  if (wanted.length === 0) return { columns, notices: [] };
  held.wrote();
  if (!headerMarked) markHeaderRow(sheet, headerRow);
  const userKeys = new Set(header.map(headerKey).filter((key) => key !== ''));
  const lastUsed = sheet.getLastColumn();
  const maxColumns = sheet.getMaxColumns();
  if (lastUsed + wanted.length > maxColumns) sheet.insertColumnsAfter(maxColumns, lastUsed + wanted.length - maxColumns);
  const headers = wanted.map((c) => ownColumnHeader(c.header ?? c.name, userKeys, headerKey));
  styleAppendedHeaders(sheet, sheet.getRange(headerRow, lastUsed + 1, 1, wanted.length).setValues([headers]), headers);
  const notices: string[] = [];
  wanted.forEach((c, i) => {
    const column = lastUsed + 1 + i;
    markColumn(sheet, column, c.name);
    const format = fixedFormat(c);
    if (format !== null) sheet.getRange(headerRow + 1, column, Math.max(sheet.getMaxRows() - headerRow, 1), 1).setNumberFormat(format);
    columns.set(c.name, column);
    if (headers[i] !== (c.header ?? c.name)) {
      notices.push(
        `"${sheet.getName()}" already has a column called ${c.header ?? c.name}, and it is yours: the add-on left it as it is and writes its own in column ${columnToLetters(column)} ("${headers[i] ?? ''}").`,
      );
    }
  });
  return { columns, notices };
}

/**
 * Columns an earlier version added to a links tab carry no mark: `paid_sessions` then `revenue`,
 * exactly as it wrote them, as the last two headers, holding counts and revenue text and no
 * formula. Anything else with those names is the user's. `values` is the tab from its header row
 * (row `headerRow`) down.
 */
export function adoptEarlierColumns(
  held: ScriptLockHeld,
  sheet: Sheet,
  values: readonly (readonly unknown[])[],
  wanted: readonly ColumnDeclaration[],
  headerRow = 1,
): Map<string, number> | null {
  const header = values[0] ?? [];
  let last = header.length;
  while (last > 0 && (header[last - 1] === '' || header[last - 1] === null)) last--;
  const first = last - wanted.length + 1;
  if (first < 1 || wanted.some((c, i) => header[first - 1 + i] !== c.name)) return null;
  const body = values.slice(1);
  const counts = body.every((row) => row[first - 1] === '' || (typeof row[first - 1] === 'number' && Number.isInteger(row[first - 1])));
  const texts = body.every((row) => wanted.every((_, i) => i === 0 || typeof row[first - 1 + i] === 'string'));
  if (!counts || !texts) return null;
  if (body.length > 0) {
    const formulas = sheet.getRange(headerRow + 1, first, body.length, wanted.length).getFormulas();
    if (formulas.some((row) => row.some((formula) => formula !== ''))) return null;
  }
  held.wrote();
  markHeaderRow(sheet, headerRow);
  const columns = new Map<string, number>();
  wanted.forEach((c, i) => {
    markColumn(sheet, first + i, c.name);
    columns.set(c.name, first + i);
  });
  return columns;
}
