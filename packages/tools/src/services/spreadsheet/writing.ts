/**
 * Sheets' limit on the characters of one cell, which refuses a whole write before anything is written
 * (Range.setValue, Range.setValues).
 */
import { MAX_CELL_CHARACTERS } from '../user-entered';

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
