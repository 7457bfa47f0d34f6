/**
 * Sheet's row and column insertion and deletion (insertRowsAfter/Before, insertColumnsAfter/Before,
 * deleteRows, deleteColumns and their one-row forms), with the bounds Sheets checks and its errors,
 * and the grid's column limit. Each tells the workbook what moved, so formulas' references follow
 * (Workbook.structureChanged) and cells removed take their array results with them.
 */
import type { SheetData } from '../sheet-data';
import type { SpreadsheetService } from './service';
import type { SheetImpl } from './sheet';

/** Inserts `howMany` rows after row `after` (0: at the top). */
export function insertRows(s: SpreadsheetService, sheet: SheetData, after: number, howMany: number): SheetImpl {
  if (!(after >= 0 && after <= sheet.maxRows)) throw new Error('Those rows are out of bounds.');
  if (!(howMany >= 1)) throw new Error('The number of rows to insert must be at least 1.');
  sheet.insertRows(after, howMany);
  s.workbook.structureChanged({ sheet: sheet.name, dimension: 'ROW', kind: 'insert', start: after + 1, count: howMany });
  return s.sheet(sheet);
}

/** Sheets' grid is at most 18,278 columns wide (ZZZ). */
export const MAX_GRID_COLUMNS = 18278;

/** Inserts `howMany` columns after column `after` (0: at the left). */
export function insertColumns(s: SpreadsheetService, sheet: SheetData, after: number, howMany: number): SheetImpl {
  if (!(after >= 0 && after <= sheet.maxColumns)) throw new Error('Those columns are out of bounds.');
  if (!(howMany >= 1)) throw new Error('The number of columns to insert must be at least 1.');
  if (sheet.maxColumns + howMany > MAX_GRID_COLUMNS) {
    throw new Error(`This action would increase the number of columns in the workbook above the limit of ${String(MAX_GRID_COLUMNS)}.`);
  }
  sheet.insertColumns(after, howMany);
  s.workbook.structureChanged({ sheet: sheet.name, dimension: 'COLUMN', kind: 'insert', start: after + 1, count: howMany });
  return s.sheet(sheet);
}

/** Deletes rows `start`..`start + howMany - 1`; the rows below move up. */
export function deleteRows(s: SpreadsheetService, sheet: SheetData, start: number, howMany: number): void {
  if (!(start >= 1 && howMany >= 1 && start + howMany - 1 <= sheet.maxRows)) throw new Error('Those rows are out of bounds.');
  if (deletesEveryUnfrozen(start, howMany, sheet.frozenRows, sheet.maxRows))
    throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
  s.workbook.forgetCells(sheet.deleteRows(start, howMany));
  s.workbook.structureChanged({ sheet: sheet.name, dimension: 'ROW', kind: 'delete', start, count: howMany });
}

/** Deletes columns `start`..`start + howMany - 1`; the columns to the right move left. */
export function deleteColumns(s: SpreadsheetService, sheet: SheetData, start: number, howMany: number): void {
  if (!(start >= 1 && howMany >= 1 && start + howMany - 1 <= sheet.maxColumns)) throw new Error('Those columns are out of bounds.');
  if (deletesEveryUnfrozen(start, howMany, sheet.frozenColumns, sheet.maxColumns)) {
    throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
  }
  s.workbook.forgetCells(sheet.deleteColumns(start, howMany));
  s.workbook.structureChanged({ sheet: sheet.name, dimension: 'COLUMN', kind: 'delete', start, count: howMany });
}

/** True when deleting `start`..`start + count - 1` would leave no row (column) past the frozen ones. */
function deletesEveryUnfrozen(start: number, count: number, frozen: number, max: number): boolean {
  const unfrozenDeleted = Math.max(0, start + count - 1 - Math.max(start - 1, frozen));
  return unfrozenDeleted >= max - frozen;
}
