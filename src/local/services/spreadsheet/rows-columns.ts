/**
 * Sheet's row and column insertion and deletion (insertRowsAfter, deleteColumns, ... and their
 * one-row kin), with the bounds Sheets checks and its errors: the grid's column limit, and that a
 * sheet keeps at least one row and column that is not frozen; and moveRows / moveColumns.
 */
import type { SheetData } from '../sheet-data';
import { areaOf } from './facade-arguments';
import type { SpreadsheetService } from './service';
import type { SheetImpl } from './sheet';

export function insertRows(s: SpreadsheetService, sheet: SheetData, after: number, howMany: number): SheetImpl {
  if (!(after >= 0 && after <= sheet.maxRows)) throw new Error('Those rows are out of bounds.');
  if (!(howMany >= 1)) throw new Error('The number of rows to insert must be at least 1.');
  sheet.insertRows(after, howMany);
  return s.sheet(sheet);
}

export function deleteRows(s: SpreadsheetService, sheet: SheetData, start: number, howMany: number): SheetImpl {
  if (!(start >= 1 && howMany >= 1 && start + howMany - 1 <= sheet.maxRows)) throw new Error('Those rows are out of bounds.');
  if (sheet.maxRows - howMany <= sheet.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
  s.workbook.forgetCells(sheet.deleteRows(start, howMany));
  return s.sheet(sheet);
}

/** Sheets' grid is at most 18,278 columns wide (ZZZ). */
export const MAX_GRID_COLUMNS = 18278;

export function insertColumns(s: SpreadsheetService, sheet: SheetData, after: number, howMany: number): SheetImpl {
  if (!(after >= 0 && after <= sheet.maxColumns)) throw new Error('Those columns are out of bounds.');
  if (!(howMany >= 1)) throw new Error('The number of columns to insert must be at least 1.');
  if (sheet.maxColumns + howMany > MAX_GRID_COLUMNS) {
    throw new Error(`This action would increase the number of columns in the workbook above the limit of ${String(MAX_GRID_COLUMNS)}.`);
  }
  sheet.insertColumns(after, howMany);
  return s.sheet(sheet);
}

export function deleteColumns(s: SpreadsheetService, sheet: SheetData, start: number, howMany: number): SheetImpl {
  if (!(start >= 1 && howMany >= 1 && start + howMany - 1 <= sheet.maxColumns)) throw new Error('Those columns are out of bounds.');
  if (sheet.maxColumns - howMany <= sheet.frozenColumns) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
  s.workbook.forgetCells(sheet.deleteColumns(start, howMany));
  return s.sheet(sheet);
}

/** Sheet.moveRows: the rows the range spans go before row `destination` (1..maxRows + 1). */
export function moveRows(sheet: SheetData, rowSpec: unknown, destination: unknown): void {
  const area = areaOf(rowSpec, 'Sheet.moveRows');
  const to = Number(destination);
  if (area.sheet !== sheet || !(to >= 1 && to <= sheet.maxRows + 1)) throw new Error('Those rows are out of bounds.');
  sheet.moveRows(area.row, area.numRows, to);
}

/** Sheet.moveColumns: the columns the range spans go before column `destination` (1..maxColumns + 1). */
export function moveColumns(sheet: SheetData, columnSpec: unknown, destination: unknown): void {
  const area = areaOf(columnSpec, 'Sheet.moveColumns');
  const to = Number(destination);
  if (area.sheet !== sheet || !(to >= 1 && to <= sheet.maxColumns + 1)) throw new Error('Those columns are out of bounds.');
  sheet.moveColumns(area.column, area.numColumns, to);
}
