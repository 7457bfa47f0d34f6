/**
 * Writes that several classes share: appendRow (Spreadsheet.appendRow writes to the active sheet,
 * Sheet.appendRow to its own), and Sheets' limit on the characters of one cell, which refuses a
 * whole write before anything is written (appendRow, Range.setValue(s)).
 */
import type { SheetData } from '../sheet-data';
import { MAX_CELL_CHARACTERS } from '../user-entered';
import type { SpreadsheetService } from './service';
import { signatureError } from './signature-error';

export function appendRow(s: SpreadsheetService, sheet: SheetData, values: unknown, method: string): void {
  if (!Array.isArray(values)) throw signatureError([values], method);
  const row = sheet.lastRow() + 1;
  const items = values as unknown[];
  checkLengths([items]);
  sheet.growTo(row, items.length);
  items.forEach((value, c) => {
    s.workbook.writeInput(sheet, row, c + 1, value);
  });
  s.wrote(items.length);
}

/** Sheets refuses the whole write when one string is too long, before writing anything. */
export function checkLengths(rows: unknown[][]): void {
  for (const row of rows) {
    for (const value of row) {
      if (typeof value === 'string' && value.length > MAX_CELL_CHARACTERS) {
        throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
      }
    }
  }
}
