/**
 * SpreadsheetApp over an in-memory Workbook, counting what a script costs: every method call on a
 * SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList or TextFinder object, the cells whose content
 * read methods return, and the cells write methods set.
 *
 * Fidelity that matters here (see workbook.ts and user-entered.ts): strings written with setValue(s)
 * and appendRow are parsed as typed input; a formula's value is what the workbook's formula evaluator
 * computed when it was written ('' without one); getUi() throws outside the editor; custom functions
 * may not change anything.
 */
import { parseA1, splitSheetName, toA1 } from './a1-notation';
import { formatSimpleDate, zonedParts } from './date-format';
import { facade, stringOf, textOf, unwrapFacade, type ServiceEnvironment } from './script-realm';
import type { UiFake } from './ui';
import { MAX_CELL_CHARACTERS, type CellValue } from './user-entered';
import { DEFAULT_COLUMN_WIDTH, exportCellValue, hasContent, type Cell, type FontWeight, type SheetData, type Workbook } from './workbook';

export { Workbook, SheetData } from './workbook';
export type { Cell, CellValue, FormulaEvaluator, FormulaLocation, WorkbookJson, WorkbookOptions } from './workbook';

export type SpreadsheetFamily = 'SpreadsheetApp' | 'Spreadsheet' | 'Sheet' | 'Range' | 'RangeList' | 'TextFinder';

export interface SpreadsheetStats {
  /** Method calls on SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList and TextFinder objects. */
  calls: number;
  /** Cells whose content read methods returned (a getValues over 3x4 is 12). */
  cellsRead: number;
  /** Cells write methods set or cleared (a setValues over 3x4 is 12). */
  cellsWritten: number;
  /** Calls per method, e.g. { 'Range.getValues': 2 }. */
  byMethod: Record<string, number>;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** What a custom function may not call: anything that changes the spreadsheet. */
const CHANGES_SOMETHING = /^(set|insert|delete|append|clear|hide|show|autoResize|activate|rename)/;

function emptyStats(): SpreadsheetStats {
  return { calls: 0, cellsRead: 0, cellsWritten: 0, byMethod: {} };
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (Array.isArray(value)) return 'Object[]';
  return 'Object';
}

function signatureError(args: unknown[], method: string): Error {
  return new Error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`);
}

export class SpreadsheetService {
  /** Toasts shown with Spreadsheet.toast, in order. */
  readonly toasts: Toast[] = [];
  /** The SpreadsheetApp global. */
  readonly app: object;
  private counters = emptyStats();

  constructor(
    readonly workbook: Workbook,
    readonly env: ServiceEnvironment,
    readonly ui: UiFake,
  ) {
    this.app = this.wrap('SpreadsheetApp', new SpreadsheetAppImpl(this));
  }

  stats(): SpreadsheetStats {
    return { ...this.counters, byMethod: { ...this.counters.byMethod } };
  }

  resetStats(): void {
    this.counters = emptyStats();
  }

  /** @internal The script-facing object for one of the family's objects: counted and guarded. */
  wrap<T extends object>(family: SpreadsheetFamily, impl: T): T {
    return facade(impl, this.env.realm, {
      beforeCall: (method) => {
        this.counters.calls += 1;
        const key = `${family}.${method}`;
        this.counters.byMethod[key] = (this.counters.byMethod[key] ?? 0) + 1;
        if (this.env.execution.context === 'custom_function' && CHANGES_SOMETHING.test(method)) {
          throw new Error(`You do not have permission to call ${method}`);
        }
      },
    });
  }

  /** @internal */
  read(cells: number): void {
    this.counters.cellsRead += cells;
  }

  /** @internal */
  wrote(cells: number): void {
    this.counters.cellsWritten += cells;
  }

  /** @internal */
  spreadsheet(): SpreadsheetImpl {
    return this.wrap('Spreadsheet', new SpreadsheetImpl(this));
  }

  /** @internal */
  sheet(data: SheetData): SheetImpl {
    return this.wrap('Sheet', new SheetImpl(this, data));
  }

  /** @internal A range, checked against the sheet's size as Sheets checks it. */
  range(sheet: SheetData, row: number, column: number, numRows = 1, numColumns = 1): RangeImpl {
    if (!(row >= 1)) throw new Error('The starting row of the range is too small.');
    if (!(column >= 1)) throw new Error('The starting column of the range is too small.');
    if (!(numRows >= 1)) throw new Error('The number of rows in the range must be at least 1.');
    if (!(numColumns >= 1)) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.wrap('Range', new RangeImpl(this, { sheet, row, column, numRows, numColumns }));
  }

  /** @internal A range from A1 notation, on the named sheet or `fallback`. */
  rangeFromA1(reference: unknown, fallback: SheetData, method: string): RangeImpl {
    if (typeof reference !== 'string') throw signatureError([reference], method);
    const { sheetName, a1 } = splitSheetName(reference);
    const sheet = sheetName === null ? fallback : this.workbook.getSheet(sheetName);
    if (!sheet) throw new Error('Range not found');
    const grid = parseA1(a1, sheet.maxRows, sheet.maxColumns);
    return this.range(sheet, grid.row, grid.column, grid.numRows, grid.numColumns);
  }

  /** @internal The active range: the selection on the active sheet, else its cell A1. */
  activeRanges(): RangeImpl[] {
    const sheet = this.workbook.activeSheet();
    const selection = this.workbook.selection;
    const ranges = selection?.sheetId === sheet.sheetId ? selection.ranges : ['A1'];
    return ranges.map((a1) => this.rangeFromA1(a1, sheet, 'Spreadsheet.getActiveRange'));
  }

  /** @internal */
  select(range: Area): void {
    this.workbook.activeSheetId = range.sheet.sheetId;
    this.workbook.selection = { sheetId: range.sheet.sheetId, ranges: [toA1(range)] };
  }

  /** @internal */
  checkUi(): void {
    const context = this.env.execution.context;
    if (context !== 'editor') throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
  }
}

function sheetOf(value: unknown, method: string): SheetData {
  const target = unwrapFacade(value);
  if (target instanceof SheetImpl) return target.data;
  throw signatureError([value], method);
}

function areaOf(value: unknown, method: string): Area {
  const target = unwrapFacade(value);
  if (target instanceof RangeImpl) return target.area;
  throw signatureError([value], method);
}

class SpreadsheetAppImpl {
  constructor(private readonly s: SpreadsheetService) {}

  getActiveSpreadsheet(): SpreadsheetImpl {
    return this.s.spreadsheet();
  }

  getActive(): SpreadsheetImpl {
    return this.s.spreadsheet();
  }

  getActiveSheet(): SheetImpl {
    return this.s.sheet(this.s.workbook.activeSheet());
  }

  getActiveRange(): RangeImpl | null {
    return this.s.activeRanges()[0] ?? null;
  }

  getActiveRangeList(): RangeListImpl {
    return this.s.wrap('RangeList', new RangeListImpl(this.s, this.s.activeRanges()));
  }

  getCurrentCell(): RangeImpl | null {
    const range = unwrapFacade(this.s.activeRanges()[0]);
    if (!(range instanceof RangeImpl)) return null;
    return this.s.range(range.area.sheet, range.area.row, range.area.column);
  }

  setActiveSheet(sheet: unknown): SheetImpl {
    const data = sheetOf(sheet, 'SpreadsheetApp.setActiveSheet');
    this.s.workbook.activeSheetId = data.sheetId;
    this.s.workbook.selection = null;
    return this.s.sheet(data);
  }

  setActiveRange(range: unknown): RangeImpl {
    const area = areaOf(range, 'SpreadsheetApp.setActiveRange');
    this.s.select(area);
    return this.s.range(area.sheet, area.row, area.column, area.numRows, area.numColumns);
  }

  getUi(): object {
    this.s.checkUi();
    return this.s.ui.forScript(this.s.env.realm);
  }

  openById(): never {
    throw new Error('You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets');
  }

  openByUrl(): never {
    throw new Error('You do not have permission to call SpreadsheetApp.openByUrl. Required permissions: https://www.googleapis.com/auth/spreadsheets');
  }

  flush(): void {
    // Writes are immediate here.
  }
}

class SpreadsheetImpl {
  constructor(private readonly s: SpreadsheetService) {}

  getId(): string {
    return this.s.workbook.id;
  }

  getName(): string {
    return this.s.workbook.name;
  }

  rename(name: unknown): void {
    this.s.workbook.name = stringOf(name);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.s.workbook.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.s.workbook.timeZone;
  }

  setSpreadsheetTimeZone(timeZone: unknown): void {
    this.s.workbook.timeZone = stringOf(timeZone);
  }

  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  getSheetByName(name: unknown): SheetImpl | null {
    const sheet = this.s.workbook.getSheet(stringOf(name));
    return sheet ? this.s.sheet(sheet) : null;
  }

  getSheetById(id: unknown): SheetImpl | null {
    const sheet = this.s.workbook.sheetById(Number(id));
    return sheet ? this.s.sheet(sheet) : null;
  }

  getSheets(): SheetImpl[] {
    return this.s.env.realm.array(this.s.workbook.sheets.map((sheet) => this.s.sheet(sheet)));
  }

  getNumSheets(): number {
    return this.s.workbook.sheets.length;
  }

  /** insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index): the new sheet becomes active. */
  insertSheet(nameOrIndex?: unknown, index?: unknown): SheetImpl {
    let name: string | undefined;
    let at: number | undefined;
    if (typeof nameOrIndex === 'number') at = nameOrIndex;
    else if (typeof nameOrIndex === 'string') name = nameOrIndex;
    else if (nameOrIndex !== undefined) throw signatureError([nameOrIndex], 'Spreadsheet.insertSheet');
    if (typeof index === 'number') at = index;
    const sheet = this.s.workbook.insertSheet(name, at === undefined ? undefined : Math.max(0, Math.min(at, this.s.workbook.sheets.length)));
    this.s.workbook.activeSheetId = sheet.sheetId;
    this.s.workbook.selection = null;
    return this.s.sheet(sheet);
  }

  deleteSheet(sheet: unknown): void {
    this.s.workbook.deleteSheet(sheetOf(sheet, 'Spreadsheet.deleteSheet'));
  }

  getActiveSheet(): SheetImpl {
    return this.s.sheet(this.s.workbook.activeSheet());
  }

  setActiveSheet(sheet: unknown): SheetImpl {
    const data = sheetOf(sheet, 'Spreadsheet.setActiveSheet');
    this.s.workbook.activeSheetId = data.sheetId;
    this.s.workbook.selection = null;
    return this.s.sheet(data);
  }

  getActiveRange(): RangeImpl | null {
    return this.s.activeRanges()[0] ?? null;
  }

  getActiveRangeList(): RangeListImpl {
    return this.s.wrap('RangeList', new RangeListImpl(this.s, this.s.activeRanges()));
  }

  setActiveRange(range: unknown): RangeImpl {
    const area = areaOf(range, 'Spreadsheet.setActiveRange');
    this.s.select(area);
    return this.s.range(area.sheet, area.row, area.column, area.numRows, area.numColumns);
  }

  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.s.toasts.push({
      message: textOf(message),
      title: textOf(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }

  /** getRange("Links!A1:B2"), or A1 notation on the active sheet. */
  getRange(a1: unknown): RangeImpl {
    return this.s.rangeFromA1(a1, this.s.workbook.activeSheet(), 'Spreadsheet.getRange');
  }

  getRangeByName(): null {
    return null;
  }

  createTextFinder(text: unknown): TextFinderImpl {
    const scope = this.s.workbook.sheets.map((sheet) => wholeSheet(sheet));
    return this.s.wrap('TextFinder', new TextFinderImpl(this.s, scope, stringOf(text)));
  }

  getDataRange(): RangeImpl {
    return dataRange(this.s, this.s.workbook.activeSheet());
  }

  getLastRow(): number {
    return this.s.workbook.activeSheet().lastRow();
  }

  getLastColumn(): number {
    return this.s.workbook.activeSheet().lastColumn();
  }

  appendRow(values: unknown): SpreadsheetImpl {
    appendRow(this.s, this.s.workbook.activeSheet(), values, 'Spreadsheet.appendRow');
    return this.s.spreadsheet();
  }
}

function wholeSheet(sheet: SheetData): Area {
  return { sheet, row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
}

function dataRange(s: SpreadsheetService, sheet: SheetData): RangeImpl {
  return s.range(sheet, 1, 1, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastColumn()));
}

function appendRow(s: SpreadsheetService, sheet: SheetData, values: unknown, method: string): void {
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
function checkLengths(rows: unknown[][]): void {
  for (const row of rows) {
    for (const value of row) {
      if (typeof value === 'string' && value.length > MAX_CELL_CHARACTERS) {
        throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
      }
    }
  }
}

class SheetImpl {
  constructor(
    private readonly s: SpreadsheetService,
    readonly data: SheetData,
  ) {}

  getName(): string {
    return this.data.name;
  }

  setName(name: unknown): SheetImpl {
    const text = stringOf(name);
    this.s.workbook.checkNewSheetName(text, this.data);
    this.data.name = text;
    return this.s.sheet(this.data);
  }

  getSheetId(): number {
    return this.data.sheetId;
  }

  getIndex(): number {
    return this.s.workbook.sheets.indexOf(this.data) + 1;
  }

  getParent(): SpreadsheetImpl {
    return this.s.spreadsheet();
  }

  /** getRange(a1) or getRange(row, column, numRows?, numColumns?). */
  getRange(...args: unknown[]): RangeImpl {
    if (args.length === 1 && typeof args[0] === 'string') {
      const { sheetName, a1 } = splitSheetName(args[0]);
      if (sheetName !== null && sheetName !== this.data.name) throw new Error('Range not found');
      return this.s.rangeFromA1(a1, this.data, 'Sheet.getRange');
    }
    if (args.length < 2 || args.length > 4 || args.some((arg) => typeof arg !== 'number')) throw signatureError(args, 'Sheet.getRange');
    const [row, column, numRows, numColumns] = args as number[];
    return this.s.range(this.data, Math.trunc(row ?? 0), Math.trunc(column ?? 0), Math.trunc(numRows ?? 1), Math.trunc(numColumns ?? 1));
  }

  getRangeList(a1Notations: unknown): RangeListImpl {
    if (!Array.isArray(a1Notations)) throw signatureError([a1Notations], 'Sheet.getRangeList');
    const ranges = (a1Notations as unknown[]).map((a1) => this.s.rangeFromA1(a1, this.data, 'Sheet.getRangeList'));
    return this.s.wrap('RangeList', new RangeListImpl(this.s, ranges));
  }

  getLastRow(): number {
    return this.data.lastRow();
  }

  getLastColumn(): number {
    return this.data.lastColumn();
  }

  getMaxRows(): number {
    return this.data.maxRows;
  }

  getMaxColumns(): number {
    return this.data.maxColumns;
  }

  getDataRange(): RangeImpl {
    return dataRange(this.s, this.data);
  }

  appendRow(values: unknown): SheetImpl {
    appendRow(this.s, this.data, values, 'Sheet.appendRow');
    return this.s.sheet(this.data);
  }

  getFrozenRows(): number {
    return this.data.frozenRows;
  }

  setFrozenRows(rows: unknown): void {
    this.data.frozenRows = Number(rows);
  }

  getFrozenColumns(): number {
    return this.data.frozenColumns;
  }

  setFrozenColumns(columns: unknown): void {
    this.data.frozenColumns = Number(columns);
  }

  insertRowsAfter(afterPosition: unknown, howMany: unknown): SheetImpl {
    return insertRows(this.s, this.data, Number(afterPosition), Number(howMany));
  }

  insertRowAfter(afterPosition: unknown): SheetImpl {
    return insertRows(this.s, this.data, Number(afterPosition), 1);
  }

  insertRowsBefore(beforePosition: unknown, howMany: unknown): SheetImpl {
    return insertRows(this.s, this.data, Number(beforePosition) - 1, Number(howMany));
  }

  insertRowBefore(beforePosition: unknown): SheetImpl {
    return insertRows(this.s, this.data, Number(beforePosition) - 1, 1);
  }

  deleteRow(rowPosition: unknown): SheetImpl {
    return deleteRows(this.s, this.data, Number(rowPosition), 1);
  }

  insertColumnsAfter(afterPosition: unknown, howMany: unknown): SheetImpl {
    return insertColumns(this.s, this.data, Number(afterPosition), Number(howMany));
  }

  insertColumnAfter(afterPosition: unknown): SheetImpl {
    return insertColumns(this.s, this.data, Number(afterPosition), 1);
  }

  insertColumnsBefore(beforePosition: unknown, howMany: unknown): SheetImpl {
    return insertColumns(this.s, this.data, Number(beforePosition) - 1, Number(howMany));
  }

  insertColumnBefore(beforePosition: unknown): SheetImpl {
    return insertColumns(this.s, this.data, Number(beforePosition) - 1, 1);
  }

  deleteColumn(columnPosition: unknown): SheetImpl {
    return deleteColumns(this.s, this.data, Number(columnPosition), 1);
  }

  deleteColumns(columnPosition: unknown, howMany: unknown): void {
    deleteColumns(this.s, this.data, Number(columnPosition), Number(howMany));
  }

  deleteRows(rowPosition: unknown, howMany: unknown): void {
    deleteRows(this.s, this.data, Number(rowPosition), Number(howMany));
  }

  /** Clears contents and formats (notes stay); clear({contentsOnly: true}) / clear({formatOnly: true}). */
  clear(options?: unknown): SheetImpl {
    const { contents, formats } = clearOptions(options);
    let cleared = 0;
    this.data.forEachCell((cell, row, column) => {
      if (clearCell(this.s.workbook, this.data, row, column, cell, contents, formats)) cleared += 1;
    });
    this.s.wrote(cleared);
    return this.s.sheet(this.data);
  }

  clearContents(): SheetImpl {
    return this.clear({ contentsOnly: true });
  }

  clearFormats(): SheetImpl {
    return this.clear({ formatOnly: true });
  }

  clearNotes(): SheetImpl {
    let cleared = 0;
    this.data.forEachCell((cell, row, column) => {
      if (cell.note !== '') {
        cell.note = '';
        this.data.compact(row, column);
        cleared += 1;
      }
    });
    this.s.wrote(cleared);
    return this.s.sheet(this.data);
  }

  setColumnWidth(column: unknown, width: unknown): SheetImpl {
    this.data.columnWidths.set(Number(column), Number(width));
    return this.s.sheet(this.data);
  }

  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): SheetImpl {
    for (let c = 0; c < Number(numColumns); c++) this.data.columnWidths.set(Number(startColumn) + c, Number(width));
    return this.s.sheet(this.data);
  }

  getColumnWidth(column: unknown): number {
    return this.data.columnWidths.get(Number(column)) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Widths are not measured here: columns keep the width they have. */
  autoResizeColumns(): SheetImpl {
    return this.s.sheet(this.data);
  }

  autoResizeColumn(): SheetImpl {
    return this.s.sheet(this.data);
  }

  setTabColor(): SheetImpl {
    return this.s.sheet(this.data);
  }

  hideSheet(): SheetImpl {
    this.data.hidden = true;
    return this.s.sheet(this.data);
  }

  showSheet(): SheetImpl {
    this.data.hidden = false;
    return this.s.sheet(this.data);
  }

  isSheetHidden(): boolean {
    return this.data.hidden;
  }

  activate(): SheetImpl {
    this.s.workbook.activeSheetId = this.data.sheetId;
    this.s.workbook.selection = null;
    return this.s.sheet(this.data);
  }

  createTextFinder(text: unknown): TextFinderImpl {
    return this.s.wrap('TextFinder', new TextFinderImpl(this.s, [wholeSheet(this.data)], stringOf(text)));
  }
}

function insertRows(s: SpreadsheetService, sheet: SheetData, after: number, howMany: number): SheetImpl {
  if (!(after >= 0 && after <= sheet.maxRows)) throw new Error('Those rows are out of bounds.');
  if (!(howMany >= 1)) throw new Error('The number of rows to insert must be at least 1.');
  sheet.insertRows(after, howMany);
  return s.sheet(sheet);
}

function deleteRows(s: SpreadsheetService, sheet: SheetData, start: number, howMany: number): SheetImpl {
  if (!(start >= 1 && howMany >= 1 && start + howMany - 1 <= sheet.maxRows)) throw new Error('Those rows are out of bounds.');
  if (sheet.maxRows - howMany <= sheet.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
  s.workbook.forgetCells(sheet.deleteRows(start, howMany));
  return s.sheet(sheet);
}

/** Sheets' grid is at most 18,278 columns wide (ZZZ). */
export const MAX_GRID_COLUMNS = 18278;

function insertColumns(s: SpreadsheetService, sheet: SheetData, after: number, howMany: number): SheetImpl {
  if (!(after >= 0 && after <= sheet.maxColumns)) throw new Error('Those columns are out of bounds.');
  if (!(howMany >= 1)) throw new Error('The number of columns to insert must be at least 1.');
  if (sheet.maxColumns + howMany > MAX_GRID_COLUMNS) {
    throw new Error(`This action would increase the number of columns in the workbook above the limit of ${String(MAX_GRID_COLUMNS)}.`);
  }
  sheet.insertColumns(after, howMany);
  return s.sheet(sheet);
}

function deleteColumns(s: SpreadsheetService, sheet: SheetData, start: number, howMany: number): SheetImpl {
  if (!(start >= 1 && howMany >= 1 && start + howMany - 1 <= sheet.maxColumns)) throw new Error('Those columns are out of bounds.');
  if (sheet.maxColumns - howMany <= sheet.frozenColumns) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
  s.workbook.forgetCells(sheet.deleteColumns(start, howMany));
  return s.sheet(sheet);
}

function clearOptions(options: unknown): { contents: boolean; formats: boolean } {
  if (options === null || typeof options !== 'object') return { contents: true, formats: true };
  const o = options as { contentsOnly?: unknown; formatOnly?: unknown };
  const contentsOnly = o.contentsOnly === true;
  const formatOnly = o.formatOnly === true;
  if (contentsOnly || formatOnly) return { contents: contentsOnly, formats: formatOnly };
  return { contents: true, formats: true };
}

/** Clears a cell; true when there was something to clear. */
function clearCell(workbook: Workbook, sheet: SheetData, row: number, column: number, cell: Cell | undefined, contents: boolean, formats: boolean): boolean {
  if (!cell) return false;
  let changed = false;
  if (contents && hasContent(cell)) {
    workbook.clearContent(sheet, row, column);
    changed = true;
  }
  if (formats && (cell.numberFormat !== '' || cell.background !== null || cell.fontWeight !== 'normal')) {
    cell.numberFormat = '';
    cell.background = null;
    cell.fontWeight = 'normal';
    sheet.compact(row, column);
    changed = true;
  }
  return changed;
}

/** The cells a Range covers. */
export interface Area {
  sheet: SheetData;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** What getDisplayValue shows: numbers as they print (or per a simple number format), TRUE/FALSE, dates as yyyy-MM-dd[ HH:mm:ss]. */
export function displayValue(cell: Cell | undefined, timeZone: string): string {
  if (!cell) return '';
  const value = cell.value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const p = zonedParts(value, timeZone);
    const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
    return formatSimpleDate(value, timeZone, midnight ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss');
  }
  if (typeof value === 'number') return formatNumber(value, cell.numberFormat);
  return value;
}

function formatNumber(value: number, format: string): string {
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (fixed) {
    const text = value.toFixed(fixed[2]?.length ?? 0);
    if (!fixed[1]) return text;
    const [whole = '', fraction] = text.split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return fraction === undefined ? grouped : `${grouped}.${fraction}`;
  }
  return String(value);
}

class RangeImpl {
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
    return this.s.wrap('TextFinder', new TextFinderImpl(this.s, [this.area], stringOf(text)));
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

/** Visits the stored cells inside an area, row by row. */
function forEachStoredCell(area: Area, visit: (cell: Cell, row: number, column: number) => void): void {
  const lastRow = area.row + area.numRows - 1;
  const lastColumn = area.column + area.numColumns - 1;
  const inside: [Cell, number, number][] = [];
  area.sheet.forEachCell((cell, row, column) => {
    if (row >= area.row && row <= lastRow && column >= area.column && column <= lastColumn) inside.push([cell, row, column]);
  });
  for (const [cell, row, column] of inside) visit(cell, row, column);
}

class RangeListImpl {
  constructor(
    private readonly s: SpreadsheetService,
    private readonly ranges: RangeImpl[],
  ) {}

  getRanges(): RangeImpl[] {
    return this.s.env.realm.array(this.ranges);
  }
}

interface Match {
  sheet: SheetData;
  row: number;
  column: number;
}

/**
 * Finds cells by their display value (or formula, with matchFormulaText), in row-major order within
 * each scope. findNext continues after the last match and returns null at the end (no wrap-around).
 * Regular expressions are JavaScript's, not RE2.
 */
class TextFinderImpl {
  private caseSensitive = false;
  private entireCell = false;
  private regularExpression = false;
  private formulaText = false;
  private cursor: Match | null = null;

  constructor(
    private readonly s: SpreadsheetService,
    private readonly scope: Area[],
    private readonly text: string,
  ) {}

  matchCase(matchCase: unknown): this {
    this.caseSensitive = matchCase === true;
    return this.s.wrap('TextFinder', this);
  }

  matchEntireCell(entireCell: unknown): this {
    this.entireCell = entireCell === true;
    return this.s.wrap('TextFinder', this);
  }

  useRegularExpression(useRegEx: unknown): this {
    this.regularExpression = useRegEx === true;
    return this.s.wrap('TextFinder', this);
  }

  matchFormulaText(matchFormulaText: unknown): this {
    this.formulaText = matchFormulaText === true;
    return this.s.wrap('TextFinder', this);
  }

  ignoreDiacritics(): this {
    return this.s.wrap('TextFinder', this);
  }

  startFrom(range: unknown): this {
    const area = areaOf(range, 'TextFinder.startFrom');
    this.cursor = { sheet: area.sheet, row: area.row, column: area.column };
    return this.s.wrap('TextFinder', this);
  }

  findNext(): RangeImpl | null {
    const matches = matchesOf(this.s, this.scope, this._matcher(), this.formulaText);
    const cursor = this.cursor;
    const next = cursor ? matches.find((m) => compareMatch(this.s.workbook, m, cursor) > 0) : matches[0];
    if (!next) return null;
    this.cursor = next;
    this.s.read(1);
    return this.s.range(next.sheet, next.row, next.column);
  }

  findPrevious(): RangeImpl | null {
    const matches = matchesOf(this.s, this.scope, this._matcher(), this.formulaText);
    const cursor = this.cursor;
    const previous = cursor ? [...matches].reverse().find((m) => compareMatch(this.s.workbook, m, cursor) < 0) : matches[matches.length - 1];
    if (!previous) return null;
    this.cursor = previous;
    this.s.read(1);
    return this.s.range(previous.sheet, previous.row, previous.column);
  }

  findAll(): RangeImpl[] {
    const matches = matchesOf(this.s, this.scope, this._matcher(), this.formulaText);
    this.s.read(matches.length);
    return this.s.env.realm.array(matches.map((m) => this.s.range(m.sheet, m.row, m.column)));
  }

  private _matcher(): (text: string) => boolean {
    if (this.text === '') return () => false;
    if (this.regularExpression) {
      const source = this.entireCell ? `^(?:${this.text})$` : this.text;
      const pattern = new RegExp(source, this.caseSensitive ? 'u' : 'iu');
      return (text) => pattern.test(text);
    }
    const needle = this.caseSensitive ? this.text : this.text.toLowerCase();
    return (text) => {
      const hay = this.caseSensitive ? text : text.toLowerCase();
      return this.entireCell ? hay === needle : hay.includes(needle);
    };
  }
}

function compareMatch(workbook: Workbook, a: Match, b: Match): number {
  const sheets = workbook.sheets.indexOf(a.sheet) - workbook.sheets.indexOf(b.sheet);
  if (sheets !== 0) return sheets;
  return a.row !== b.row ? a.row - b.row : a.column - b.column;
}

function matchesOf(s: SpreadsheetService, scope: Area[], matches: (text: string) => boolean, formulaText: boolean): Match[] {
  const found: Match[] = [];
  for (const area of scope) {
    forEachStoredCell(area, (cell, row, column) => {
      const text = formulaText && cell.formula !== '' ? cell.formula : displayValue(cell, s.workbook.timeZone);
      if (text !== '' && matches(text)) found.push({ sheet: area.sheet, row, column });
    });
  }
  return found;
}
