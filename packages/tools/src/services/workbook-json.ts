/**
 * The JSON form of a workbook, for the playground to save and restore: each sheet's size, frozen rows
 * and columns, widths and stored cells, with values that JSON cannot hold (dates, NaN, Infinity)
 * encoded, a spilled cell pointing at its formula's cell by position, and each sheet's charts as the
 * plain data they are (chart-data.ts), and developer metadata (metadata-data.ts): the spreadsheet's
 * in the workbook, each sheet's (on the sheet, its rows and columns) in its sheet. `charts`,
 * `nextChartId`, `developerMetadata` and `nextMetadataId` may be absent (older files).
 */
import { copyChart, type ChartData } from './chart-data';
import { copyRecord, type MetadataRecord } from './metadata-data';
import { SheetData, type Cell, type FontWeight } from './sheet-data';
import type { CellValue } from './user-entered';
import type { Selection } from './workbook';

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
  wrap?: true;
  /** [row, column] of the formula whose array result this cell shows. */
  spilledFrom?: [number, number];
}

/** A stored chart; numHeaders may be absent (-1). */
export type ChartJson = Omit<ChartData, 'numHeaders'> & { numHeaders?: number };

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
  /** The sheet's embedded charts. */
  charts?: ChartJson[];
  /** Developer metadata on the sheet and its rows and columns. */
  developerMetadata?: MetadataRecord[];
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
  nextChartId?: number;
  nextMetadataId?: number;
  /** Developer metadata on the spreadsheet itself. */
  developerMetadata?: MetadataRecord[];
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

export function sheetToJson(sheet: SheetData): SheetJson {
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
    if (cell.wrap === true) json.wrap = true;
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
    charts: sheet.charts.map((chart) => copyChart(chart)),
    developerMetadata: sheet.developerMetadata.map((record) => copyRecord(record)),
  };
}

export function sheetFromJson(json: SheetJson): SheetData {
  const sheet = new SheetData(json.name, json.sheetId);
  sheet.maxRows = json.maxRows;
  sheet.maxColumns = json.maxColumns;
  sheet.frozenRows = json.frozenRows;
  sheet.frozenColumns = json.frozenColumns;
  sheet.hidden = json.hidden;
  for (const [column, width] of Object.entries(json.columnWidths)) sheet.columnWidths.set(Number(column), width);
  sheet.charts = (json.charts ?? []).map((chart) => copyChart({ ...chart, numHeaders: chart.numHeaders ?? -1 }));
  sheet.developerMetadata = (json.developerMetadata ?? []).map((record) => copyRecord(record));
  for (const c of json.cells) {
    const cell = sheet.cellForWrite(c.row, c.column);
    cell.value = decodeValue(c.value);
    cell.formula = c.formula ?? '';
    cell.numberFormat = c.numberFormat ?? '';
    cell.note = c.note ?? '';
    cell.background = c.background ?? null;
    cell.fontWeight = c.fontWeight ?? 'normal';
    if (c.wrap === true) cell.wrap = true;
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
