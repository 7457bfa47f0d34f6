/**
 * The cells a Range covers (an Area), a sheet's data range (Sheet.getDataRange), and a walk over the
 * stored cells inside an area (a TextFinder's search).
 */
import type { Cell, SheetData } from '../sheet-data';
import type { RangeImpl } from './range';
import type { SpreadsheetService } from './service';

/** The cells a Range covers. */
export interface Area {
  sheet: SheetData;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function dataRange(s: SpreadsheetService, sheet: SheetData): RangeImpl {
  return s.range(sheet, 1, 1, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastColumn()));
}

/** Visits the stored cells inside an area, row by row. */
export function forEachStoredCell(area: Area, visit: (cell: Cell, row: number, column: number) => void): void {
  const lastRow = area.row + area.numRows - 1;
  const lastColumn = area.column + area.numColumns - 1;
  const inside: [Cell, number, number][] = [];
  area.sheet.forEachCell((cell, row, column) => {
    if (row >= area.row && row <= lastRow && column >= area.column && column <= lastColumn) inside.push([cell, row, column]);
  });
  for (const [cell, row, column] of inside) visit(cell, row, column);
}
