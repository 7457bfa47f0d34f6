/** Rows of a tab the stores share: row 1 (the headers the add-on reads columns by, and adds to when one is missing), and the row below everything (where a new record goes). */

import { DEFAULT_COLUMN_WIDTH, fittingWidth } from '../../core/attribution/charts-panel';
import { setColumnWidths } from './column-widths';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function headerRow(sheet: Sheet): unknown[] {
  return sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0] ?? [];
}

/**
 * Writes `names` after the tab's last used column (a column of notes without a header is used
 * too: a new column never lands on a filled cell), first adding columns where the grid ends (a
 * range past getMaxColumns() does not exist); returns the column each one got. `header` counts
 * as used as well, for a caller that has just written it. The header row is row 1 unless the
 * caller found it lower (a links tab under a title row: gas/links/link-header.ts).
 */
export function appendHeaders<Name extends string>(
  sheet: Sheet,
  header: readonly unknown[],
  names: readonly Name[],
  headerRow = 1,
): Map<Name, number> {
  const placed = new Map<Name, number>();
  if (names.length === 0) return placed;
  const lastHeader = header.reduce<number>((last, cell, index) => (cell === '' || cell === null ? last : index + 1), 0);
  const lastUsed = Math.max(lastHeader, sheet.getLastColumn());
  const maxColumns = sheet.getMaxColumns();
  const needed = lastUsed + names.length - maxColumns;
  if (needed > 0) sheet.insertColumnsAfter(maxColumns, needed);
  styleAppendedHeaders(sheet, sheet.getRange(headerRow, lastUsed + 1, 1, names.length).setValues([[...names]]), names);
  names.forEach((name, i) => placed.set(name, lastUsed + 1 + i));
  return placed;
}

/**
 * Headers the add-on has just written after a tab's last used column, headed like the header to
 * their left (a tab's headers are usually bold, and issue 17 found ours plain beside them; a user
 * who keeps theirs plain gets ours plain), bold on a tab with none yet; each column as wide as its
 * header needs. Only the new header cells and columns change: the user's cells are never restyled.
 */
export function styleAppendedHeaders(sheet: Sheet, added: GoogleAppsScript.Spreadsheet.Range, headers: readonly string[]): void {
  const first = added.getColumn();
  const weight = first === 1 ? 'bold' : sheet.getRange(added.getRow(), first - 1).getFontWeight();
  added.setFontWeight(weight === 'bold' ? 'bold' : 'normal');
  setColumnWidths(
    sheet,
    first,
    headers.map((header) => (fittingWidth([header]) > DEFAULT_COLUMN_WIDTH ? fittingWidth([header]) : null)),
  );
}

/**
 * The range of `width` columns from `first` in the row below everything in the tab, growing the
 * grid when it is full. Sheets checks a range against the grid when the range is made: asking
 * getMaxRows first would cost every append a round trip to save the rare one that finds it full.
 */
export function newRowRange(sheet: Sheet, first: number, width: number): GoogleAppsScript.Spreadsheet.Range {
  const row = sheet.getLastRow() + 1;
  try {
    return sheet.getRange(row, first, 1, width);
  } catch {
    sheet.insertRowsAfter(row - 1, 1);
    return sheet.getRange(row, first, 1, width);
  }
}
