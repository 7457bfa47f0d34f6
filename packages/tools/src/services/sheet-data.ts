/**
 * One sheet of the in-memory spreadsheet behind the SpreadsheetApp fake: a grid of sparse cells
 * (value, formula, number format, note, background, font weight, and the links of an array result
 * that spilled), its size, frozen rows and columns, column widths, and the row and column moves that
 * Sheet's insert, delete, move and sort make, its embedded charts (chart-data.ts), and the developer
 * metadata on the sheet and on its rows and columns, which follows them (metadata-data.ts). Nothing
 * here is counted (see workbook.ts).
 */
import type { ChartData } from './chart-data';
import { movedIndex, shiftForDelete, shiftForInsert, type MetadataRecord } from './metadata-data';
import { isDate, nodeDate } from './script-realm';
import type { CellValue } from './user-entered';

export type { CellValue } from './user-entered';

export type FontWeight = 'normal' | 'bold';

export interface Cell {
  /** What getValue returns: '' for an empty cell and for a formula nothing has computed. */
  value: CellValue;
  /** '' unless the cell holds a formula ('=...'). */
  formula: string;
  numberFormat: string;
  note: string;
  /** null is no fill (getBackground reports '#ffffff'). */
  background: string | null;
  fontWeight: FontWeight;
  /** Set by Range.setWrap(true): long text wraps onto more lines (absent: it overflows or is cut). */
  wrap?: true;
  /** The formula cell whose array result this cell shows. */
  spilledFrom?: Cell;
  /** The cells a formula cell's array result spilled into. */
  spill?: Cell[];
}

export function blankCell(): Cell {
  return { value: '', formula: '', numberFormat: '', note: '', background: null, fontWeight: 'normal' };
}

/** A cell holds content when it has a value or a formula (what getLastRow looks for). */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== '');
}

function isBlank(cell: Cell): boolean {
  return (
    !hasContent(cell) &&
    cell.numberFormat === '' &&
    cell.note === '' &&
    cell.background === null &&
    cell.fontWeight === 'normal' &&
    cell.wrap !== true &&
    !cell.spill
  );
}

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export class SheetData {
  maxRows = DEFAULT_MAX_ROWS;
  maxColumns = DEFAULT_MAX_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  readonly columnWidths = new Map<number, number>();
  /** Embedded charts, in the order they were inserted. */
  charts: ChartData[] = [];
  /** Developer metadata on the sheet (SHEET) and on its rows and columns (ROW, COLUMN). */
  developerMetadata: MetadataRecord[] = [];
  /** rows[row - 1][column - 1]; both levels sparse. */
  private rows: ((Cell | undefined)[] | undefined)[] = [];

  constructor(
    public name: string,
    readonly sheetId: number,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /** The cell, created blank when absent. */
  cellForWrite(row: number, column: number): Cell {
    let cells = this.rows[row - 1];
    if (!cells) {
      cells = [];
      this.rows[row - 1] = cells;
    }
    let cell = cells[column - 1];
    if (!cell) {
      cell = blankCell();
      cells[column - 1] = cell;
    }
    return cell;
  }

  /** Drops a cell that holds nothing any more (keeps the store sparse). */
  compact(row: number, column: number): void {
    const cells = this.rows[row - 1];
    const cell = cells?.[column - 1];
    if (cells && cell && isBlank(cell) && !cell.spilledFrom) cells[column - 1] = undefined;
  }

  /** Every stored cell, row by row. */
  forEachCell(visit: (cell: Cell, row: number, column: number) => void): void {
    this.rows.forEach((cells, r) => {
      cells?.forEach((cell, c) => {
        if (cell) visit(cell, r + 1, c + 1);
      });
    });
  }

  /** The last row holding a value or formula; 0 on an empty sheet. */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) if (this.rows[r - 1]?.some((cell) => hasContent(cell))) return r;
    return 0;
  }

  /** The last column holding a value or formula; 0 on an empty sheet. */
  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        if (hasContent(cells[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Inserts `count` blank rows after row `after` (0 inserts at the top). */
  insertRows(after: number, count: number): void {
    const fill: undefined[] = new Array<undefined>(count).fill(undefined);
    if (this.rows.length < after) this.rows.length = after;
    this.rows.splice(after, 0, ...fill);
    this.maxRows += count;
    shiftForInsert(this.developerMetadata, 'ROW', after, count);
  }

  /** Removes rows start..start+count-1, and returns their cells. */
  deleteRows(start: number, count: number): Cell[] {
    const removed = this.rows.splice(start - 1, count);
    this.maxRows -= count;
    this.developerMetadata = shiftForDelete(this.developerMetadata, 'ROW', start, count);
    return removed.flatMap((cells) => (cells ?? []).filter((cell): cell is Cell => cell !== undefined));
  }

  /**
   * Reorders rows first..last (cells, formats and notes move with their row), as sorting a range by
   * a column does; `compare` sees each row's cells, left to right.
   */
  sortRows(first: number, last: number, compare: (a: readonly (Cell | undefined)[], b: readonly (Cell | undefined)[]) => number): void {
    if (this.rows.length < last) this.rows.length = last;
    const block = this.rows.slice(first - 1, last).map((cells) => cells ?? []);
    block.sort(compare);
    this.rows.splice(first - 1, block.length, ...block);
  }

  /** Inserts `count` blank columns after column `after` (0 inserts at the left); cells move right. */
  insertColumns(after: number, count: number): void {
    for (const cells of this.rows) {
      if (!cells || cells.length <= after) continue;
      cells.splice(after, 0, ...new Array<undefined>(count).fill(undefined));
    }
    this.maxColumns += count;
    this.shiftColumnWidths(after + 1, count);
    shiftForInsert(this.developerMetadata, 'COLUMN', after, count);
  }

  /** Removes columns start..start+count-1, and returns their cells; cells to the right move left. */
  deleteColumns(start: number, count: number): Cell[] {
    const removed: Cell[] = [];
    for (const cells of this.rows) {
      if (!cells) continue;
      for (const cell of cells.splice(start - 1, count)) if (cell) removed.push(cell);
    }
    this.maxColumns -= count;
    for (let c = start; c < start + count; c++) this.columnWidths.delete(c);
    this.shiftColumnWidths(start + count, -count);
    this.developerMetadata = shiftForDelete(this.developerMetadata, 'COLUMN', start, count);
    return removed;
  }

  /**
   * Moves rows start..start+count-1 to before row `destination` (counted before the move), with their
   * cells and metadata, as Apps Script's Sheet.moveRows does (tests use it to play a user's drag).
   */
  moveRows(start: number, count: number, destination: number): void {
    const moved = (i: number): number => movedIndex(i, start, count, destination);
    if (this.rows.length < this.maxRows) this.rows.length = this.maxRows;
    const rows: ((Cell | undefined)[] | undefined)[] = new Array<undefined>(this.rows.length);
    this.rows.forEach((cells, r) => (rows[moved(r + 1) - 1] = cells));
    this.rows = rows;
    for (const record of this.developerMetadata) if (record.type === 'ROW') record.index = moved(record.index);
  }

  /** Moves columns start..start+count-1 to before column `destination`, with cells, widths and metadata. */
  moveColumns(start: number, count: number, destination: number): void {
    const moved = (i: number): number => movedIndex(i, start, count, destination);
    this.rows = this.rows.map((cells) => {
      if (!cells) return cells;
      const out = new Array<Cell | undefined>(cells.length);
      cells.forEach((cell, c) => (out[moved(c + 1) - 1] = cell));
      return out;
    });
    const widths = [...this.columnWidths].map(([column, width]): [number, number] => [moved(column), width]);
    this.columnWidths.clear();
    for (const [column, width] of widths) this.columnWidths.set(column, width);
    for (const record of this.developerMetadata) if (record.type === 'COLUMN') record.index = moved(record.index);
  }

  private shiftColumnWidths(from: number, by: number): void {
    const moved = [...this.columnWidths].filter(([column]) => column >= from);
    for (const [column] of moved) this.columnWidths.delete(column);
    for (const [column, width] of moved) this.columnWidths.set(column + by, width);
  }

  growTo(rows: number, columns: number): void {
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxColumns = Math.max(this.maxColumns, columns);
  }

  /** Values of the used range (1..lastRow x 1..lastColumn), for tests. */
  values(): CellValue[][] {
    return this.grid((cell) => cell?.value ?? '');
  }

  /** Formulas of the used range, for tests. */
  formulas(): string[][] {
    return this.grid((cell) => cell?.formula ?? '');
  }

  private grid<T>(read: (cell: Cell | undefined) => T): T[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    const out: T[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: T[] = [];
      for (let c = 1; c <= columns; c++) row.push(read(this.cell(r, c)));
      out.push(row);
    }
    return out;
  }
}

/** A Date of Node's realm for a value of either realm; other values as they are. */
export function exportCellValue(value: CellValue): CellValue {
  return isDate(value) ? nodeDate(value) : value;
}
