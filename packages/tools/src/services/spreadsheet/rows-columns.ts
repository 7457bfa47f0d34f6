/**
 * Sheet's row and column insertion (insertRowsAfter, insertColumnsAfter, insertColumnAfter), with the
 * bounds Sheets checks and its errors, and the grid's column limit.
 */
import type { SheetData } from '../sheet-data';
import type { SpreadsheetService } from './service';
import type { SheetImpl } from './sheet';

export function insertRows(s: SpreadsheetService, sheet: SheetData, after: number, howMany: number): SheetImpl {
  if (!(after >= 0 && after <= sheet.maxRows)) throw new Error('Those rows are out of bounds.');
  if (!(howMany >= 1)) throw new Error('The number of rows to insert must be at least 1.');
  sheet.insertRows(after, howMany);
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
