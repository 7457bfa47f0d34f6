/**
 * Writes the refresh's columns of a tab: only the rows from the first to the last that change, so a
 * refresh after a sync rewrites what the sync changed, not every row; and each cell as its own
 * number format needs it (read first), so text stays literal in any cell.
 */

import { literalText, textOfCell } from '../../core/helpers/literal-text';
import { consecutiveRuns } from '../../core/helpers/runs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a cell holds, compared as the refresh would write it. */
function sameCell(current: unknown, next: unknown): boolean {
  return typeof next === 'string' ? textOfCell(current) === next : current === next;
}

/**
 * `values` is the tab as read from its header row down (the header on row `headerRow`: 1, or
 * lower under a links tab's title row); `columns` the 1-based column of each of `names`; `cells`
 * one row of values (in `names` order) per data row.
 */
export function writeColumns(
  sheet: Sheet,
  values: readonly (readonly unknown[])[],
  names: readonly string[],
  columns: ReadonlyMap<string, number>,
  cells: readonly (readonly unknown[])[],
  headerRow = 1,
): void {
  if (cells.length === 0) return;
  const placed = names.map((name) => columns.get(name) ?? 0);
  if (placed.some((column) => column === 0)) throw new Error(`No column for ${names[placed.indexOf(0)] ?? ''} in ${sheet.getName()}`);
  const changed = (r: number): boolean => placed.some((column, i) => !sameCell(values[r + 1]?.[column - 1] ?? '', cells[r]?.[i] ?? ''));
  let first = 0;
  while (first < cells.length && !changed(first)) first++;
  if (first === cells.length) return;
  let last = cells.length - 1;
  while (last > first && !changed(last)) last--;
  const span = cells.slice(first, last + 1);
  for (const { start, end } of consecutiveRuns([...placed].sort((a, b) => a - b))) {
    const indexes = Array.from({ length: end - start + 1 }, (_, k) => placed.indexOf(start + k));
    const target = sheet.getRange(headerRow + 1 + first, start, span.length, end - start + 1);
    const formats = target.getNumberFormats();
    target.setValues(
      span.map((row, r) =>
        indexes.map((i, k) => {
          const value = row[i];
          return typeof value === 'string' ? literalText(value, formats[r]?.[k]) : value;
        }),
      ),
    );
  }
}
