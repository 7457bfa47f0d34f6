/**
 * The in-memory spreadsheet behind the SpreadsheetApp fake: its sheets (sheet-data.ts), the active
 * sheet and selection, an optional formula evaluator and the array results it spills, and a JSON form
 * for the playground (workbook-json.ts). Nothing here is counted: the script goes through
 * SpreadsheetApp (spreadsheet/); tests may read and seed the workbook directly.
 */
import { parseA1, splitSheetName } from './a1-notation';
import { FormulaError } from './formula-error';
import { copyRecord, listing, type MetadataListing, type MetadataRecord } from './metadata-data';
import { hasContent, SheetData, type Cell } from './sheet-data';
import { interpretWrite, toCellValue, type CellValue } from './user-entered';
import { sheetFromJson, sheetToJson, type WorkbookJson } from './workbook-json';
import type { FormulaRewriter, StructureChange } from './structure-change';

export type { CellValue } from './user-entered';
export {
  blankCell,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_ROWS,
  exportCellValue,
  hasContent,
  SheetData,
} from './sheet-data';
export type { Cell, FontWeight } from './sheet-data';
export type { CellJson, JsonCellValue, SheetJson, WorkbookJson } from './workbook-json';
export type { ChartData, ChartPosition, ChartRangeData, ChartTypeName } from './chart-data';
export type { MetadataListing, MetadataRecord } from './metadata-data';

export interface FormulaLocation {
  workbook: Workbook;
  sheet: SheetData;
  row: number;
  column: number;
}

/**
 * Computes a formula's value: a value, or a 2D array (a 1D array is a column) that spills down and
 * right from the formula's cell. Return undefined for a formula it does not know (the cell shows '');
 * a FormulaError (formula-error.ts) shows its code (#DIV/0!, ...), any other throw '#ERROR!'.
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

let workbookCounter = 0;

/** Chart ids are arbitrary integers in Sheets; here they count up from this one. */
const FIRST_CHART_ID = 1000000001;

export class Workbook {
  id: string;
  name: string;
  timeZone: string;
  readonly sheets: SheetData[] = [];
  activeSheetId: number;
  selection: Selection | null = null;
  /** Developer metadata on the spreadsheet itself (the rest is on its sheets). */
  spreadsheetMetadata: MetadataRecord[] = [];
  private nextSheetId = 0;
  private nextMetadataId = 1;
  private nextChartId = FIRST_CHART_ID;
  private evaluator: FormulaEvaluator | null = null;
  private rewriter: FormulaRewriter | null = null;

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
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(index, 1);
    if (this.activeSheetId === sheet.sheetId) this.activeSheetId = (this.sheets[Math.max(0, index - 1)] ?? this.activeSheet()).sheetId;
    if (this.selection?.sheetId === sheet.sheetId) this.selection = null;
  }

  /** A chart id no chart of the workbook has had. */
  newChartId(): number {
    const id = this.nextChartId;
    this.nextChartId += 1;
    return id;
  }

  /** A developer metadata id no metadata of the workbook has had. */
  newMetadataId(): number {
    const id = this.nextMetadataId;
    this.nextMetadataId += 1;
    return id;
  }

  /** Every developer metadata of the workbook, spreadsheet's first, then each sheet's, by id (for tests). */
  developerMetadata(): MetadataListing[] {
    const byId = (a: MetadataRecord, b: MetadataRecord): number => a.id - b.id;
    return [
      ...[...this.spreadsheetMetadata].sort(byId).map((record) => listing(record, null)),
      ...this.sheets.flatMap((sheet) => [...sheet.developerMetadata].sort(byId).map((record) => listing(record, sheet.name))),
    ];
  }

  /** What the playground plugs in to compute formulas (the add-on's custom functions); null: none. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | null): void {
    this.evaluator = evaluator;
  }

  /** What the playground plugs in to move formulas' references with rows and columns; null: none. */
  setFormulaRewriter(rewriter: FormulaRewriter | null): void {
    this.rewriter = rewriter;
  }

  /** Rows or columns moved (Sheet's insert and delete methods): every formula reading them follows. */
  structureChanged(change: StructureChange): void {
    const rewrite = this.rewriter;
    if (!rewrite) return;
    for (const sheet of this.sheets) {
      sheet.forEachCell((cell) => {
        if (cell.formula !== '') cell.formula = rewrite(cell.formula, sheet.name, change);
      });
    }
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
    } catch (error) {
      cell.value = error instanceof FormulaError ? error.code : '#ERROR!';
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
      nextChartId: this.nextChartId,
      nextMetadataId: this.nextMetadataId,
      developerMetadata: this.spreadsheetMetadata.map((record) => copyRecord(record)),
      sheets: this.sheets.map((sheet) => sheetToJson(sheet)),
    };
  }

  static fromJSON(json: WorkbookJson | string): Workbook {
    const data = typeof json === 'string' ? (JSON.parse(json) as WorkbookJson) : json;
    if ((data as { format?: unknown }).format !== 'apps-script-workbook') throw new Error('Not a workbook JSON');
    const workbook = new Workbook({ id: data.id, name: data.name, timeZone: data.timeZone, sheets: [] });
    for (const sheetJson of data.sheets) workbook.sheets.push(sheetFromJson(sheetJson));
    workbook.nextSheetId = data.nextSheetId;
    const charted = workbook.sheets.flatMap((sheet) => sheet.charts.map((chart) => chart.chartId + 1));
    workbook.nextChartId = Math.max(data.nextChartId ?? FIRST_CHART_ID, FIRST_CHART_ID, ...charted);
    workbook.spreadsheetMetadata = (data.developerMetadata ?? []).map((record) => copyRecord(record));
    const metadataIds = [...workbook.spreadsheetMetadata, ...workbook.sheets.flatMap((sheet) => sheet.developerMetadata)].map(
      (record) => record.id + 1,
    );
    workbook.nextMetadataId = Math.max(data.nextMetadataId ?? 1, 1, ...metadataIds);
    workbook.activeSheetId = data.activeSheetId;
    workbook.selection = data.selection ? { sheetId: data.selection.sheetId, ranges: [...data.selection.ranges] } : null;
    return workbook;
  }
}
