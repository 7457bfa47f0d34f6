/** Rows of a tab the stores share: row 1 (the headers the add-on reads columns by, and adds to when one is missing), and the row below everything (where a new record goes). */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function headerRow(sheet: Sheet): unknown[] {
  return sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0] ?? [];
}

/**
 * Writes `names` after the tab's last used column (a column of notes without a header is used
 * too: a new column never lands on a filled cell), first adding columns where the grid ends (a
 * range past getMaxColumns() does not exist); returns the column each one got. `header` counts
 * as used as well, for a caller that has just written it.
 */
export function appendHeaders<Name extends string>(sheet: Sheet, header: readonly unknown[], names: readonly Name[]): Map<Name, number> {
  const placed = new Map<Name, number>();
  if (names.length === 0) return placed;
  const lastHeader = header.reduce<number>((last, cell, index) => (cell === '' || cell === null ? last : index + 1), 0);
  const lastUsed = Math.max(lastHeader, sheet.getLastColumn());
  const maxColumns = sheet.getMaxColumns();
  const needed = lastUsed + names.length - maxColumns;
  if (needed > 0) sheet.insertColumnsAfter(maxColumns, needed);
  sheet.getRange(1, lastUsed + 1, 1, names.length).setValues([[...names]]);
  names.forEach((name, i) => placed.set(name, lastUsed + 1 + i));
  return placed;
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
