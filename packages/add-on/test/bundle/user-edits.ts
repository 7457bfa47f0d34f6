/**
 * What people do to a tab between two deliveries, done to the local workbook directly (as the
 * Sheets UI would, not through the script): sort, insert and delete rows and columns, rename and
 * re-case headers, format columns as Plain text, fill the grid, delete the header row.
 */
import { columnToLetters } from '../../src/core/helpers/column-letters';
import type { Cell, SheetData, Workbook } from '@stripe-utm-sheets/tools/services';

/** The 1-based column whose header (row 1) is exactly `name`; throws when none is. */
export function columnOf(sheet: SheetData, name: string): number {
  const header = sheet.values()[0] ?? [];
  const index = header.findIndex((cell) => cell === name);
  if (index === -1) throw new Error(`No header "${name}" in ${sheet.name}: ${JSON.stringify(header)}`);
  return index + 1;
}

/** Format > Number > Plain text on whole columns (or the whole tab): the cells' number format becomes `@`. */
export function formatAsPlainText(sheet: SheetData, columns?: readonly number[]): void {
  const targets = columns ?? Array.from({ length: sheet.maxColumns }, (_, i) => i + 1);
  for (const column of targets) {
    for (let row = 1; row <= sheet.maxRows; row++) sheet.cellForWrite(row, column).numberFormat = '@';
  }
}

/** Types a new header over an old one. */
export function renameHeader(workbook: Workbook, sheet: SheetData, from: string, to: string): void {
  workbook.writeInput(sheet, 1, columnOf(sheet, from), to);
}

/** Right-click > Delete row 1. */
export function deleteHeaderRow(workbook: Workbook, sheet: SheetData): void {
  workbook.forgetCells(sheet.deleteRows(1, 1));
}

/** Right-click > Insert 1 row above row 1: the header row moves to row 2. */
export function insertRowAbove(sheet: SheetData, row = 1): void {
  sheet.insertRows(row - 1, 1);
}

/** Insert 1 column left of `column`, with a header of the user's own. */
export function insertColumn(workbook: Workbook, sheet: SheetData, column: number, header: string): void {
  sheet.insertColumns(column - 1, 1);
  workbook.writeInput(sheet, 1, column, header);
}

/** Delete a column (the user's own: deleting one of ours loses data the user chose to lose). */
export function deleteColumn(workbook: Workbook, sheet: SheetData, column: number): void {
  workbook.forgetCells(sheet.deleteColumns(column, 1));
}

function sortKey(cell: Cell | undefined): string {
  const value = cell?.value ?? '';
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Numbers by value, as Sheets sorts a column of amounts; anything else by its text. */
function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  const x = a?.value;
  const y = b?.value;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number' || typeof y === 'number') return typeof x === 'number' ? -1 : 1;
  return sortKey(a).localeCompare(sortKey(b));
}

const isBlank = (cell: Cell | undefined): boolean => cell?.value === undefined || cell.value === '';

/** Data > Sort range rows 2..last by a column, A→Z or Z→A; the header row stays, blank cells go last either way. */
export function sortBy(sheet: SheetData, column: number, descending = false): void {
  const last = sheet.lastRow();
  if (last < 3) return;
  sheet.sortRows(2, last, (a, b) => {
    const blanks = Number(isBlank(a[column - 1])) - Number(isBlank(b[column - 1]));
    if (blanks !== 0) return blanks;
    const order = compareCells(a[column - 1], b[column - 1]);
    return descending ? -order : order;
  });
}

/** The user's own headers in every empty column of row 1, up to the grid's edge. */
export function fillGrid(workbook: Workbook, sheet: SheetData): void {
  for (let column = 1; column <= sheet.maxColumns; column++) {
    if (sheet.cell(1, column)?.value === undefined || sheet.cell(1, column)?.value === '') {
      workbook.writeInput(sheet, 1, column, `notes ${columnToLetters(column)}`);
    }
  }
}
