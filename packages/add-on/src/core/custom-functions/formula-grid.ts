/**
 * How a custom function reads its arguments: Sheets passes a range as a 2D array and a single
 * cell as a plain value. Ranges give one result per row; a single value applies to every row.
 */

import { isBlank } from '../helpers/cell-value';

/** Raised for a call that cannot be answered row by row; Sheets shows it as the cell's #ERROR!. */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaError';
  }
}

export interface NamedArgument {
  name: string;
  value: unknown;
}

export type RowResult = { ok: true; value: string } | { ok: false; message: string };

const rows = (count: number): string => `${count} ${count === 1 ? 'row' : 'rows'}`;

function isGrid(value: unknown): value is unknown[][] {
  return Array.isArray(value);
}

/** The column of a one-column range, checked; an error that names the argument otherwise. */
function columnOf(argument: NamedArgument): unknown[] {
  const grid = argument.value as unknown[];
  const column = new Array<unknown>(grid.length);
  for (let row = 0; row < grid.length; row++) {
    const cells = grid[row];
    if (!Array.isArray(cells)) throw new FormulaError(`${argument.name}: expected a cell or a range of cells`);
    if (cells.length !== 1) {
      throw new FormulaError(`${argument.name}: give one column (like B2:B), not a range ${cells.length} columns wide`);
    }
    column[row] = cells[0];
  }
  return column;
}

/**
 * Runs `row` once per row. All single values: one result, and a failed row raises its message.
 * Any range: a column of results, where a row whose range cells are all blank gives "" and a
 * failed row shows its message in its own cell, so one bad row never spoils the others.
 */
export function applyPerRow(args: readonly NamedArgument[], row: (cells: unknown[]) => RowResult): string | string[][] {
  const columns: Array<unknown[] | null> = args.map((argument) => (isGrid(argument.value) ? columnOf(argument) : null));
  let height = -1;
  let heightFrom = '';
  columns.forEach((column, index) => {
    if (column === null) return;
    const name = args[index]?.name ?? '';
    if (height === -1) {
      height = column.length;
      heightFrom = name;
    } else if (column.length !== height) {
      throw new FormulaError(
        `${name} has ${rows(column.length)} but ${heightFrom} has ${rows(height)}; give ranges that cover the same rows, like A2:A and B2:B`,
      );
    }
  });

  if (height === -1) {
    const result = row(args.map((argument) => argument.value));
    if (!result.ok) throw new FormulaError(result.message);
    return result.value;
  }

  const out = new Array<string[]>(height);
  const cells = new Array<unknown>(args.length);
  for (let r = 0; r < height; r++) {
    let blank = true;
    for (let a = 0; a < args.length; a++) {
      const column = columns[a];
      const value = column ? column[r] : args[a]?.value;
      cells[a] = value;
      if (column && !isBlank(value)) blank = false;
    }
    if (blank) {
      out[r] = [''];
      continue;
    }
    const result = row(cells);
    out[r] = [result.ok ? result.value : result.message];
  }
  // Sheets rejects an empty array as a result.
  return height === 0 ? [['']] : out;
}

/** Runs `cell` on every cell of a range of any shape, or on a single value. */
export function applyPerCell(value: unknown, cell: (value: unknown) => RowResult): string | string[][] {
  if (!isGrid(value)) {
    const result = cell(value);
    if (!result.ok) throw new FormulaError(result.message);
    return result.value;
  }
  if (value.length === 0) return [['']];
  return value.map((cells: unknown): string[] => {
    if (!Array.isArray(cells)) throw new FormulaError('expected a cell or a range of cells');
    return cells.map((one: unknown) => {
      if (isBlank(one)) return '';
      const result = cell(one);
      return result.ok ? result.value : result.message;
    });
  });
}
