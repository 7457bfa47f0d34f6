/**
 * The in-memory spreadsheet behind the SpreadsheetApp fake: sheets of sparse cells with values,
 * formulas, formats and notes, an optional formula evaluator, and a JSON form for the playground.
 * Nothing here is counted: the script goes through SpreadsheetApp (spreadsheet.ts); tests may read
 * and seed the workbook directly.
 */
import { parseA1, splitSheetName } from './a1-notation';
import { isDate, nodeDate } from './script-realm';
import { interpretWrite, toCellValue, type CellValue } from './user-entered';

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
  return !hasContent(cell) && cell.numberFormat === '' && cell.note === '' && cell.background === null &&
    cell.fontWeight === 'normal' && !cell.spill;
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
  }

  /** Removes rows start..start+count-1, and returns their cells. */
  deleteRows(start: number, count: number): Cell[] {
    const removed = this.rows.splice(start - 1, count);
    this.maxRows -= count;
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
    return removed;
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

export interface FormulaLocation {
  workbook: Workbook;
  sheet: SheetData;
  row: number;
  column: number;
}

/**
 * Computes a formula's value: a value, or a 2D array (a 1D array is a column) that spills down and
 * right from the formula's cell. Return undefined for a formula it does not know (the cell shows '');
 * a throw shows '#ERROR!'.
 */
export type FormulaEvaluator = (formula: string, at: FormulaLocation) => unknown;

export interface Selection {
  sheetId: number;
  ranges: string[];
}

export interface WorkbookOptions {
  id?: string;
  name?: string;
  timeZone?: string;
  /** Sheet names to start with; default one sheet, 'Sheet1'. */
  sheets?: string[];
}

export type JsonCellValue = string | number | boolean | { date: string } | { number: string };

export interface CellJson {
  row: number;
  column: number;
  value?: JsonCellValue;
  formula?: string;
  numberFormat?: string;
  note?: string;
  background?: string;
  fontWeight?: FontWeight;
  /** [row, column] of the formula whose array result this cell shows. */
  spilledFrom?: [number, number];
}

export interface SheetJson {
  name: string;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  columnWidths: Record<string, number>;
  cells: CellJson[];
}

export interface WorkbookJson {
  format: 'apps-script-workbook';
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  activeSheetId: number;
  selection: Selection | null;
  nextSheetId: number;
  sheets: SheetJson[];
}

function encodeValue(value: CellValue): JsonCellValue {
  if (value instanceof Date) return { date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (typeof value === 'number' && !Number.isFinite(value)) return { number: String(value) };
  return value;
}

function decodeValue(value: JsonCellValue | undefined): CellValue {
  if (value === undefined) return '';
  if (typeof value === 'object') return 'date' in value ? new Date(value.date) : Number(value.number);
  return value;
}

let workbookCounter = 0;

export class Workbook {
  id: string;
  name: string;
  timeZone: string;
  readonly sheets: SheetData[] = [];
  activeSheetId: number;
  selection: Selection | null = null;
  private nextSheetId = 0;
  private evaluator: FormulaEvaluator | null = null;

  constructor(options: WorkbookOptions = {}) {
    workbookCounter += 1;
    this.id = options.id ?? `local-spreadsheet-${workbookCounter}`;
    this.name = options.name ?? 'Untitled spreadsheet';
    this.timeZone = options.timeZone ?? 'Etc/UTC';
    for (const name of options.sheets ?? ['Sheet1']) this.insertSheet(name);
    this.activeSheetId = this.sheets[0]?.sheetId ?? 0;
  }

  /** The sheet of that name (exactly), or null. */
  getSheet(name: string): SheetData | null {
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }

  /** The sheet of that name; throws when absent (for tests). */
  sheet(name: string): SheetData {
    const sheet = this.getSheet(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  }

  sheetById(sheetId: number): SheetData | null {
    return this.sheets.find((sheet) => sheet.sheetId === sheetId) ?? null;
  }

  activeSheet(): SheetData {
    const sheet = this.sheetById(this.activeSheetId) ?? this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
    if (!sheet) throw new Error('The workbook has no sheet');
    return sheet;
  }

  /** Throws Sheets' error when the name is taken (Sheets compares names without case). */
  checkNewSheetName(name: string, except?: SheetData): void {
    if (name.trim() === '') throw new Error('Sheet names cannot be empty.');
    if (this.sheets.some((sheet) => sheet !== except && sheet.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  /** Adds a sheet (at the end, or at a 0-based index); a missing name becomes "SheetN". */
  insertSheet(name?: string, index?: number): SheetData {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheets.some((sheet) => sheet.name.toLowerCase() === `sheet${n}`)) n += 1;
      sheetName = `Sheet${n}`;
    }
    this.checkNewSheetName(sheetName);
    const sheet = new SheetData(sheetName, this.nextSheetId);
    this.nextSheetId += this.nextSheetId === 0 ? 1 : 7919; // ids are arbitrary in Sheets; the first is 0
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetData): void {
    const index = this.sheets.indexOf(sheet);
    if (index === -1) return;
    if (this.sheets.length === 1) throw new Error('You can\'t remove all the sheets in a document.');
    this.sheets.splice(index, 1);
    if (this.activeSheetId === sheet.sheetId) this.activeSheetId = (this.sheets[Math.max(0, index - 1)] ?? this.activeSheet()).sheetId;
    if (this.selection?.sheetId === sheet.sheetId) this.selection = null;
  }

  /** What the playground plugs in to compute formulas (the add-on's custom functions); null: none. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | null): void {
    this.evaluator = evaluator;
  }

  /** Writes a value as the script's setValue would (strings parsed as typed input). */
  writeInput(sheet: SheetData, row: number, column: number, raw: unknown): void {
    const cell = sheet.cell(row, column);
    const input = interpretWrite(raw, this.timeZone, cell?.numberFormat ?? '');
    const target = this.setContent(sheet, row, column, input.value, input.formula);
    if (target && input.numberFormat !== undefined && target.numberFormat === '') target.numberFormat = input.numberFormat;
  }

  /** Writes a formula as setFormula would: one starting with '=' is a formula, anything else typed input. */
  writeFormula(sheet: SheetData, row: number, column: number, formula: unknown): void {
    const text = toCellValue(formula);
    if (typeof text === 'string' && text.startsWith('=')) this.setContent(sheet, row, column, '', text);
    else this.writeInput(sheet, row, column, text);
  }

  clearContent(sheet: SheetData, row: number, column: number): void {
    this.setContent(sheet, row, column, '', '');
  }

  /** Stores a value or formula; returns the cell (undefined when nothing was stored). */
  private setContent(sheet: SheetData, row: number, column: number, value: CellValue, formula: string): Cell | undefined {
    const existing = sheet.cell(row, column);
    const empty = value === '' && formula === '';
    if (!existing && empty) return undefined;
    const cell = existing ?? sheet.cellForWrite(row, column);
    if (cell.spilledFrom) {
      // Clearing a cell an array result spilled into changes nothing; writing into it breaks the spill.
      if (empty) return cell;
      this.breakSpill(cell.spilledFrom, cell);
    }
    this.clearSpill(cell);
    cell.value = value;
    cell.formula = formula;
    if (formula !== '') this.evaluateCell(sheet, row, column, cell);
    if (empty) sheet.compact(row, column);
    return cell;
  }

  private clearSpill(anchor: Cell): void {
    for (const spilled of anchor.spill ?? []) {
      if (spilled.spilledFrom === anchor) {
        spilled.value = '';
        delete spilled.spilledFrom;
      }
    }
    delete anchor.spill;
  }

  private breakSpill(anchor: Cell, writtenInto: Cell): void {
    this.clearSpill(anchor);
    delete writtenInto.spilledFrom;
    anchor.value = '#REF!';
  }

  /** Cells removed from a sheet take their array results with them. */
  forgetCells(cells: Cell[]): void {
    for (const cell of cells) {
      this.clearSpill(cell);
      if (cell.spilledFrom) delete cell.spilledFrom;
    }
  }

  private evaluateCell(sheet: SheetData, row: number, column: number, cell: Cell): void {
    this.clearSpill(cell);
    if (!this.evaluator) {
      cell.value = '';
      return;
    }
    let result: unknown;
    try {
      result = this.evaluator(cell.formula, { workbook: this, sheet, row, column });
    } catch {
      cell.value = '#ERROR!';
      return;
    }
    if (!Array.isArray(result)) {
      cell.value = toCellValue(result);
      return;
    }
    const grid = (result as unknown[]).map((line) => (Array.isArray(line) ? (line as unknown[]) : [line]));
    const rows = grid.length;
    const columns = Math.max(0, ...grid.map((line) => line.length));
    if (rows === 0 || columns === 0) {
      cell.value = '';
      return;
    }
    if (row + rows - 1 > sheet.maxRows || column + columns - 1 > sheet.maxColumns) {
      cell.value = '#REF!';
      return;
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        if ((r !== 0 || c !== 0) && hasContent(sheet.cell(row + r, column + c))) {
          cell.value = '#REF!';
          return;
        }
      }
    }
    const spill: Cell[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const value = toCellValue(grid[r]?.[c]);
        if (r === 0 && c === 0) {
          cell.value = value;
          continue;
        }
        const target = sheet.cellForWrite(row + r, column + c);
        target.value = value;
        target.spilledFrom = cell;
        spill.push(target);
      }
    }
    cell.spill = spill;
  }

  /** Recomputes every formula (formulas are computed when written, not when what they read changes). */
  recalculate(): void {
    for (const sheet of this.sheets) {
      const formulas: [number, number, Cell][] = [];
      sheet.forEachCell((cell, row, column) => {
        if (cell.formula !== '') formulas.push([row, column, cell]);
      });
      for (const [row, column, cell] of formulas) this.evaluateCell(sheet, row, column, cell);
    }
  }

  /** Sets what getActiveRange / getActiveRangeList return, e.g. setSelection('Links', 'A2:A5', 'C2'). */
  setSelection(sheetName: string, ...ranges: string[]): void {
    const sheet = this.sheet(sheetName);
    for (const a1 of ranges) parseA1(a1, sheet.maxRows, sheet.maxColumns);
    this.activeSheetId = sheet.sheetId;
    this.selection = { sheetId: sheet.sheetId, ranges: ranges.length > 0 ? ranges : ['A1'] };
  }

  /**
   * Seeds a sheet (created if absent) from rows of values, as the script's setValues would store them
   * (strings parsed as typed input), starting at `topLeft` ('A1' by default). Not counted.
   */
  write(sheetName: string, rows: readonly (readonly unknown[])[], topLeft = 'A1'): SheetData {
    const sheet = this.getSheet(sheetName) ?? this.insertSheet(sheetName);
    const { row, column } = parseA1(splitSheetName(topLeft).a1, sheet.maxRows, sheet.maxColumns);
    const width = Math.max(0, ...rows.map((line) => line.length));
    sheet.growTo(row + rows.length - 1, column + width - 1);
    rows.forEach((line, r) => {
      line.forEach((value, c) => {
        this.writeInput(sheet, row + r, column + c, value);
      });
    });
    return sheet;
  }

  toJSON(): WorkbookJson {
    return {
      format: 'apps-script-workbook',
      version: 1,
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      activeSheetId: this.activeSheetId,
      selection: this.selection ? { sheetId: this.selection.sheetId, ranges: [...this.selection.ranges] } : null,
      nextSheetId: this.nextSheetId,
      sheets: this.sheets.map((sheet) => sheetToJson(sheet)),
    };
  }

  static fromJSON(json: WorkbookJson | string): Workbook {
    const data = typeof json === 'string' ? (JSON.parse(json) as WorkbookJson) : json;
    if ((data as { format?: unknown }).format !== 'apps-script-workbook') throw new Error('Not a workbook JSON');
    const workbook = new Workbook({ id: data.id, name: data.name, timeZone: data.timeZone, sheets: [] });
    for (const sheetJson of data.sheets) workbook.sheets.push(sheetFromJson(sheetJson));
    workbook.nextSheetId = data.nextSheetId;
    workbook.activeSheetId = data.activeSheetId;
    workbook.selection = data.selection ? { sheetId: data.selection.sheetId, ranges: [...data.selection.ranges] } : null;
    return workbook;
  }
}

function sheetToJson(sheet: SheetData): SheetJson {
  const positions = new Map<Cell, [number, number]>();
  sheet.forEachCell((cell, row, column) => positions.set(cell, [row, column]));
  const cells: CellJson[] = [];
  sheet.forEachCell((cell, row, column) => {
    const json: CellJson = { row, column };
    if (cell.value !== '') json.value = encodeValue(cell.value);
    if (cell.formula !== '') json.formula = cell.formula;
    if (cell.numberFormat !== '') json.numberFormat = cell.numberFormat;
    if (cell.note !== '') json.note = cell.note;
    if (cell.background !== null) json.background = cell.background;
    if (cell.fontWeight !== 'normal') json.fontWeight = cell.fontWeight;
    const from = cell.spilledFrom ? positions.get(cell.spilledFrom) : undefined;
    if (from) json.spilledFrom = from;
    if (Object.keys(json).length > 2) cells.push(json);
  });
  const columnWidths: Record<string, number> = {};
  for (const [column, width] of sheet.columnWidths) columnWidths[String(column)] = width;
  return {
    name: sheet.name,
    sheetId: sheet.sheetId,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    hidden: sheet.hidden,
    columnWidths,
    cells,
  };
}

function sheetFromJson(json: SheetJson): SheetData {
  const sheet = new SheetData(json.name, json.sheetId);
  sheet.maxRows = json.maxRows;
  sheet.maxColumns = json.maxColumns;
  sheet.frozenRows = json.frozenRows;
  sheet.frozenColumns = json.frozenColumns;
  sheet.hidden = json.hidden;
  for (const [column, width] of Object.entries(json.columnWidths)) sheet.columnWidths.set(Number(column), width);
  for (const c of json.cells) {
    const cell = sheet.cellForWrite(c.row, c.column);
    cell.value = decodeValue(c.value);
    cell.formula = c.formula ?? '';
    cell.numberFormat = c.numberFormat ?? '';
    cell.note = c.note ?? '';
    cell.background = c.background ?? null;
    cell.fontWeight = c.fontWeight ?? 'normal';
  }
  for (const c of json.cells) {
    if (!c.spilledFrom) continue;
    const anchor = sheet.cell(c.spilledFrom[0], c.spilledFrom[1]);
    const cell = sheet.cell(c.row, c.column);
    if (!anchor || !cell) continue;
    cell.spilledFrom = anchor;
    (anchor.spill ??= []).push(cell);
  }
  return sheet;
}

/** A Date of Node's realm for a value of either realm; other values as they are. */
export function exportCellValue(value: CellValue): CellValue {
  return isDate(value) ? nodeDate(value) : value;
}
