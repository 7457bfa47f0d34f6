/** A1 notation as Sheets reads it: "A1", "A1:C3", "$A$1", "A:A", "2:2", "A2:C", and "'My Sheet'!A1". */

import { columnToLetters, lettersToColumn } from '@stripe-utm-sheets/add-on/core/helpers/column-letters';

export { columnToLetters, lettersToColumn };

export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** "A1", or "A1:C3" for a range of more than one cell. */
export function toA1(range: GridRange): string {
  const start = `${columnToLetters(range.column)}${range.row}`;
  if (range.numRows === 1 && range.numColumns === 1) return start;
  return `${start}:${columnToLetters(range.column + range.numColumns - 1)}${range.row + range.numRows - 1}`;
}

/** A sheet name as A1 notation writes it: quoted when it is not a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Links!A1:B2" or "'My ''Sheet'''!A1" into its sheet name (null when absent) and cells. */
export function splitSheetName(reference: string): { sheetName: string | null; a1: string } {
  const quoted = /^'((?:[^']|'')*)'!(.*)$/.exec(reference);
  if (quoted) return { sheetName: (quoted[1] ?? '').replace(/''/g, "'"), a1: quoted[2] ?? '' };
  const bang = reference.lastIndexOf('!');
  if (bang === -1) return { sheetName: null, a1: reference };
  return { sheetName: reference.slice(0, bang), a1: reference.slice(bang + 1) };
}

interface Corner {
  column: number | null;
  row: number | null;
}

function corner(text: string): Corner | null {
  const match = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(text.trim());
  if (!match) return null;
  const letters = match[1] ?? '';
  const digits = match[2] ?? '';
  if (letters === '' && digits === '') return null;
  const column = letters === '' ? null : lettersToColumn(letters);
  const row = digits === '' ? null : Number(digits);
  if (row === 0) return null;
  return { column, row };
}

/**
 * The cells an A1 reference names on a sheet of the given size. A whole column ("A:A") runs to the
 * last row, a whole row ("2:2") to the last column, "A2:C" from row 2 to the last row.
 * Throws 'Range not found' for anything else, as Sheets does.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRange {
  const parts = a1.split(':');
  const fail = (): never => {
    throw new Error('Range not found');
  };
  if (parts.length > 2) return fail();
  const a = corner(parts[0] ?? '') ?? fail();
  if (parts.length === 1) {
    if (a.column === null || a.row === null) return fail();
    return { row: a.row, column: a.column, numRows: 1, numColumns: 1 };
  }
  const b = corner(parts[1] ?? '') ?? fail();
  // A whole row ("2:3") has no columns; a whole column ("A:C") has no rows; "A2:C" has no end row.
  if ((a.column === null) !== (b.column === null)) return fail();
  if (a.row === null && b.row !== null) return fail();
  const c1 = a.column ?? 1;
  const c2 = b.column ?? maxColumns;
  const r1 = a.row ?? 1;
  const r2 = b.row ?? maxRows;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}
