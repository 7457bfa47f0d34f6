/**
 * Sheet.sort(columnPosition, ascending): the sheet's rows below its frozen ones, up to the last row
 * with content, reordered by one column, as the Sheets UI's "Sort sheet A→Z / Z→A" does with a
 * frozen header row. Order as Sheets sorts: numbers and dates by value, then text without case, then
 * booleans; blank cells last whichever the direction; ties keep their order. Cells move with their
 * row (values, formulas as written, formats, notes); row metadata stays where it was (GUESSES.md).
 */
import type { Cell, SheetData } from '../sheet-data';

function rank(value: unknown): number {
  if (typeof value === 'number' || value instanceof Date) return 0;
  return typeof value === 'boolean' ? 2 : 1;
}

function compareValues(a: Cell['value'], b: Cell['value']): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  if (rank(a) === 0) return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base', numeric: false });
}

export function sortSheet(sheet: SheetData, column: number, ascending: boolean): void {
  if (!(column >= 1 && column <= sheet.maxColumns)) throw new Error('Those columns are out of bounds.');
  const first = sheet.frozenRows + 1;
  const last = sheet.lastRow();
  if (last <= first) return;
  sheet.sortRows(first, last, (x, y) => {
    const a = x[column - 1]?.value ?? '';
    const b = y[column - 1]?.value ?? '';
    if ((a === '') !== (b === '')) return a === '' ? 1 : -1;
    const order = compareValues(a, b);
    return ascending ? order : -order;
  });
}
