/**
 * Range, following https://developers.google.com/apps-script/reference/spreadsheet/range: its
 * position, sheet and A1 notation; offset; reads of values, formulas, number formats, notes,
 * backgrounds, font weights and wraps (each cell counted as read); writes of values, number formats,
 * notes, backgrounds, font weight and wrap (strings parsed as typed input, each cell counted as
 * written, grids checked against the range's size as Sheets checks them); a TextFinder over the
 * range; and developer metadata on a whole row or column (metadata-access.ts).
 */
import { toA1 } from '../a1-notation';
import { stringOf, textOf } from '../script-realm';
import { exportCellValue, type Cell, type FontWeight } from '../sheet-data';
import type { CellValue } from '../user-entered';
import type { Area } from './areas';
import { addMetadata, ARBITRARY_RANGE_ERROR, rangeLocation } from './metadata-access';
import type { SpreadsheetService } from './service';
import type { SheetImpl } from './sheet';
import { signatureError } from './signature-error';
import type { TextFinderImpl } from './text-finder';
import { checkLengths } from './writing';

export class RangeImpl {
  constructor(
    private readonly s: SpreadsheetService,
    readonly area: Area,
  ) {}

  getRow(): number {
    return this.area.row;
  }

  getColumn(): number {
    return this.area.column;
  }

  getNumRows(): number {
    return this.area.numRows;
  }

  /** "A1" or "A1:C3", always with explicit bounds (Sheets answers "A:A" for a whole column). */
  getA1Notation(): string {
    return toA1(this.area);
  }

  getSheet(): SheetImpl {
    return this.s.sheet(this.area.sheet);
  }

  offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown): RangeImpl {
    return this.s.range(
      this.area.sheet,
      this.area.row + Number(rowOffset),
      this.area.column + Number(columnOffset),
      numRows === undefined ? this.area.numRows : Number(numRows),
      numColumns === undefined ? this.area.numColumns : Number(numColumns),
    );
  }

  getValues(): CellValue[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => exportCellValue(cell?.value ?? '')));
  }

  getFormulas(): string[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.formula ?? ''));
  }

  getNumberFormats(): string[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.numberFormat ?? ''));
  }

  getNotes(): string[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.note ?? ''));
  }

  getBackgrounds(): string[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.background ?? '#ffffff'));
  }

  /** Every cell of the range gets the value (strings parsed as typed input). */
  setValue(value: unknown): RangeImpl {
    checkLengths([[value]]);
    this._forEachCell((row, column) => {
      this.s.workbook.writeInput(this.area.sheet, row, column, value);
    });
    return this._self();
  }

  setValues(values: unknown): RangeImpl {
    const grid = this._checkGrid(values, 'setValues');
    checkLengths(grid);
    this._forEachCell((row, column, r, c) => {
      this.s.workbook.writeInput(this.area.sheet, row, column, grid[r]?.[c]);
    });
    return this._self();
  }

  setNumberFormat(format: unknown): RangeImpl {
    return this._setEach(
      () => textOf(format),
      (cell, value) => (cell.numberFormat = value),
    );
  }

  setNumberFormats(formats: unknown): RangeImpl {
    const grid = this._checkGrid(formats, 'setNumberFormats');
    return this._setEach(
      (r, c) => textOf(grid[r]?.[c]),
      (cell, value) => (cell.numberFormat = value),
    );
  }

  setNotes(notes: unknown): RangeImpl {
    const grid = this._checkGrid(notes, 'setNotes');
    return this._setEach(
      (r, c) => textOf(grid[r]?.[c]),
      (cell, value) => (cell.note = value),
    );
  }

  setBackgrounds(colors: unknown): RangeImpl {
    const grid = this._checkGrid(colors, 'setBackgrounds');
    return this._setEach(
      (r, c) => {
        const color = grid[r]?.[c];
        return color === null || color === undefined ? null : stringOf(color);
      },
      (cell, value) => (cell.background = value),
    );
  }

  setFontWeight(weight: unknown): RangeImpl {
    return this._setEach(
      () => fontWeight(weight),
      (cell, value) => (cell.fontWeight = value),
    );
  }

  /** Stored per cell: Sheets' setWrap(true) is the WRAP strategy, false the default (overflow). */
  setWrap(isWrapEnabled: unknown): RangeImpl {
    return this._setEach(
      () => isWrapEnabled === true,
      (cell, wrap) => {
        if (wrap) cell.wrap = true;
        else delete cell.wrap;
      },
    );
  }

  getWrap(): boolean {
    return this.getWraps()[0]?.[0] ?? false;
  }

  getWraps(): boolean[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.wrap === true));
  }

  getFontWeight(): FontWeight {
    return this.getFontWeights()[0]?.[0] ?? 'normal';
  }

  getFontWeights(): FontWeight[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.fontWeight ?? 'normal'));
  }

  createTextFinder(text: unknown): TextFinderImpl {
    return this.s.textFinder(this.area, stringOf(text));
  }

  /** Only on a whole row ('3:3') or a whole column ('C:C'); anything else is refused as Sheets does. */
  addDeveloperMetadata(...args: unknown[]): RangeImpl {
    const location = rangeLocation(this.area);
    if (!location) throw new Error(ARBITRARY_RANGE_ERROR);
    addMetadata(this.s, this.area.sheet.developerMetadata, location, args, 'Range.addDeveloperMetadata');
    return this._self();
  }

  private _self(): RangeImpl {
    return this.s.range(this.area.sheet, this.area.row, this.area.column, this.area.numRows, this.area.numColumns);
  }

  private _readGrid<T>(read: (cell: Cell | undefined) => T): T[][] {
    const { sheet, row, column, numRows, numColumns } = this.area;
    this.s.read(numRows * numColumns);
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numColumns; c++) line.push(read(sheet.cell(row + r, column + c)));
      out.push(line);
    }
    return out;
  }

  /** Visits every cell of the range (stored or not) and counts them as written. */
  private _forEachCell(visit: (row: number, column: number, r: number, c: number) => void): void {
    const { row, column, numRows, numColumns } = this.area;
    for (let r = 0; r < numRows; r++) for (let c = 0; c < numColumns; c++) visit(row + r, column + c, r, c);
    this.s.wrote(numRows * numColumns);
  }

  private _setEach<T>(valueAt: (r: number, c: number) => T, assign: (cell: Cell, value: T) => void): RangeImpl {
    const { sheet } = this.area;
    this._forEachCell((row, column, r, c) => {
      assign(sheet.cellForWrite(row, column), valueAt(r, c));
      sheet.compact(row, column);
    });
    return this._self();
  }

  /** Sheets' dimension checks for setValues and its kin. */
  private _checkGrid(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values)) throw signatureError([values], `Range.${method}`);
    const rows = values as unknown[];
    if (rows.length !== this.area.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.area.numRows}.`,
      );
    }
    for (const row of rows) {
      if (!Array.isArray(row)) throw signatureError([values], `Range.${method}`);
      const line = row as unknown[];
      if (line.length !== this.area.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.area.numColumns}.`,
        );
      }
    }
    return rows as unknown[][];
  }
}

function fontWeight(value: unknown): FontWeight {
  return value === 'bold' ? 'bold' : 'normal';
}
