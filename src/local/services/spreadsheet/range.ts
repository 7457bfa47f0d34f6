/**
 * Range: its position and A1 notation; neighbours (getCell, offset); reads of values, display
 * values, formulas, number formats, notes, backgrounds and font weights (each cell counted as read);
 * writes of the same (strings parsed as typed input, each cell counted as written, grids checked
 * against the range's size as Sheets checks them); clearing; activation; and a TextFinder over the
 * range; developer metadata on a whole row or column (metadata-access.ts). Formats this fake does not
 * keep are accepted and counted, not stored.
 */
import { toA1 } from '../a1-notation';
import { stringOf, textOf } from '../script-realm';
import { exportCellValue, hasContent, type Cell, type FontWeight } from '../sheet-data';
import type { CellValue } from '../user-entered';
import { forEachStoredCell, type Area } from './areas';
import { clearCell, clearOptions } from './clearing';
import type { DeveloperMetadataImpl } from './developer-metadata';
import type { DeveloperMetadataFinderImpl } from './developer-metadata-finder';
import { displayValue } from './display-value';
import { addMetadata, ARBITRARY_RANGE_ERROR, metadataAt, rangeLocation } from './metadata-access';
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

  getNumColumns(): number {
    return this.area.numColumns;
  }

  getHeight(): number {
    return this.area.numRows;
  }

  getWidth(): number {
    return this.area.numColumns;
  }

  getLastRow(): number {
    return this.area.row + this.area.numRows - 1;
  }

  getLastColumn(): number {
    return this.area.column + this.area.numColumns - 1;
  }

  /** "A1" or "A1:C3", always with explicit bounds (Sheets answers "A:A" for a whole column). */
  getA1Notation(): string {
    return toA1(this.area);
  }

  getGridId(): number {
    return this.area.sheet.sheetId;
  }

  getSheet(): SheetImpl {
    return this.s.sheet(this.area.sheet);
  }

  getCell(row: unknown, column: unknown): RangeImpl {
    const r = Number(row);
    const c = Number(column);
    if (!(r >= 1 && c >= 1 && r <= this.area.numRows && c <= this.area.numColumns)) throw new Error('Cell reference out of range');
    return this.s.range(this.area.sheet, this.area.row + r - 1, this.area.column + c - 1);
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

  activate(): RangeImpl {
    this.s.select(this.area);
    return this.s.range(this.area.sheet, this.area.row, this.area.column, this.area.numRows, this.area.numColumns);
  }

  /** True when no cell holds a value or formula (a server-side check: not counted as cells read). */
  isBlank(): boolean {
    let blank = true;
    forEachStoredCell(this.area, (cell) => {
      if (hasContent(cell)) blank = false;
    });
    return blank;
  }

  getValue(): CellValue {
    this.s.read(1);
    return this.s.env.realm.value(exportCellValue(this._topLeft()?.value ?? ''));
  }

  getValues(): CellValue[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => exportCellValue(cell?.value ?? '')));
  }

  getDisplayValue(): string {
    this.s.read(1);
    return displayValue(this._topLeft(), this.s.workbook.timeZone);
  }

  getDisplayValues(): string[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => displayValue(cell, this.s.workbook.timeZone)));
  }

  getFormula(): string {
    this.s.read(1);
    return this._topLeft()?.formula ?? '';
  }

  getFormulas(): string[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.formula ?? ''));
  }

  getNumberFormat(): string {
    this.s.read(1);
    return this._topLeft()?.numberFormat ?? '';
  }

  getNumberFormats(): string[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.numberFormat ?? ''));
  }

  getNote(): string {
    this.s.read(1);
    return this._topLeft()?.note ?? '';
  }

  getNotes(): string[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.note ?? ''));
  }

  getBackground(): string {
    this.s.read(1);
    return this._topLeft()?.background ?? '#ffffff';
  }

  getBackgrounds(): string[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.background ?? '#ffffff'));
  }

  getFontWeight(): FontWeight {
    this.s.read(1);
    return this._topLeft()?.fontWeight ?? 'normal';
  }

  getFontWeights(): FontWeight[][] {
    return this.s.env.realm.grid(this._readGrid((cell) => cell?.fontWeight ?? 'normal'));
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

  setFormula(formula: unknown): RangeImpl {
    this._forEachCell((row, column) => {
      this.s.workbook.writeFormula(this.area.sheet, row, column, formula);
    });
    return this._self();
  }

  setFormulas(formulas: unknown): RangeImpl {
    const grid = this._checkGrid(formulas, 'setFormulas');
    this._forEachCell((row, column, r, c) => {
      this.s.workbook.writeFormula(this.area.sheet, row, column, grid[r]?.[c]);
    });
    return this._self();
  }

  setNumberFormat(format: unknown): RangeImpl {
    return this._setEach(() => textOf(format), (cell, value) => (cell.numberFormat = value));
  }

  setNumberFormats(formats: unknown): RangeImpl {
    const grid = this._checkGrid(formats, 'setNumberFormats');
    return this._setEach((r, c) => textOf(grid[r]?.[c]), (cell, value) => (cell.numberFormat = value));
  }

  setNote(note: unknown): RangeImpl {
    return this._setEach(() => textOf(note), (cell, value) => (cell.note = value));
  }

  setNotes(notes: unknown): RangeImpl {
    const grid = this._checkGrid(notes, 'setNotes');
    return this._setEach(
      (r, c) => textOf(grid[r]?.[c]),
      (cell, value) => (cell.note = value),
    );
  }

  clearNote(): RangeImpl {
    return this._setEach(() => '', (cell, value) => (cell.note = value));
  }

  setBackground(color: unknown): RangeImpl {
    return this._setEach(() => (color === null || color === undefined ? null : stringOf(color)), (cell, value) => (cell.background = value));
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
    return this._setEach(() => fontWeight(weight), (cell, value) => (cell.fontWeight = value));
  }

  setFontWeights(weights: unknown): RangeImpl {
    const grid = this._checkGrid(weights, 'setFontWeights');
    return this._setEach((r, c) => fontWeight(grid[r]?.[c]), (cell, value) => (cell.fontWeight = value));
  }

  /** Formatting this fake does not keep: accepted, counted as writes, not stored. */
  setFontColor(): RangeImpl {
    return this._unstoredFormat();
  }

  setFontStyle(): RangeImpl {
    return this._unstoredFormat();
  }

  setFontSize(): RangeImpl {
    return this._unstoredFormat();
  }

  setHorizontalAlignment(): RangeImpl {
    return this._unstoredFormat();
  }

  setVerticalAlignment(): RangeImpl {
    return this._unstoredFormat();
  }

  setWrap(): RangeImpl {
    return this._unstoredFormat();
  }

  clearContent(): RangeImpl {
    return this.clear({ contentsOnly: true });
  }

  clearFormat(): RangeImpl {
    return this.clear({ formatOnly: true });
  }

  /** Clears contents and formats (notes stay); clear({contentsOnly: true}) / clear({formatOnly: true}). */
  clear(options?: unknown): RangeImpl {
    const { contents, formats } = clearOptions(options);
    const { sheet } = this.area;
    forEachStoredCell(this.area, (cell, row, column) => {
      clearCell(this.s.workbook, sheet, row, column, cell, contents, formats);
    });
    this.s.wrote(this.area.numRows * this.area.numColumns);
    return this._self();
  }

  createTextFinder(text: unknown): TextFinderImpl {
    return this.s.textFinder([this.area], stringOf(text));
  }

  /** Only on a whole row ('3:3') or a whole column ('C:C'); anything else is refused as Sheets does. */
  addDeveloperMetadata(...args: unknown[]): RangeImpl {
    const location = rangeLocation(this.area);
    if (!location) throw new Error(ARBITRARY_RANGE_ERROR);
    addMetadata(this.s, this.area.sheet.developerMetadata, location, args, 'Range.addDeveloperMetadata');
    return this._self();
  }

  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    return this.s.env.realm.array(metadataAt(this.area).map((record) => this.s.developerMetadata(record)));
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return this.s.metadataFinder({ kind: 'range', area: this.area });
  }

  private _self(): RangeImpl {
    return this.s.range(this.area.sheet, this.area.row, this.area.column, this.area.numRows, this.area.numColumns);
  }

  private _topLeft(): Cell | undefined {
    return this.area.sheet.cell(this.area.row, this.area.column);
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

  private _unstoredFormat(): RangeImpl {
    this.s.wrote(this.area.numRows * this.area.numColumns);
    return this._self();
  }

  /** Sheets' dimension checks for setValues and its kin. */
  private _checkGrid(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values)) throw signatureError([values], `Range.${method}`);
    const rows = values as unknown[];
    if (rows.length !== this.area.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.area.numRows}.`);
    }
    for (const row of rows) {
      if (!Array.isArray(row)) throw signatureError([values], `Range.${method}`);
      const line = row as unknown[];
      if (line.length !== this.area.numColumns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.area.numColumns}.`);
      }
    }
    return rows as unknown[][];
  }
}

function fontWeight(value: unknown): FontWeight {
  return value === 'bold' ? 'bold' : 'normal';
}
