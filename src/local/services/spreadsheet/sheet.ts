/**
 * Sheet: its name, id, index and visibility; ranges by A1 notation or by row and column (checked
 * against the sheet's size); last and max rows and columns; frozen rows and columns; row and column
 * insertion and deletion; clearing; column widths (kept, never measured); appendRow; activation; a
 * TextFinder over the whole sheet; embedded charts (sheet-charts.ts); row and column moves; and
 * developer metadata on the sheet, and a finder over the sheet's and its rows' and columns'.
 */
import { splitSheetName } from '../a1-notation';
import { stringOf } from '../script-realm';
import { DEFAULT_COLUMN_WIDTH, type SheetData } from '../sheet-data';
import { dataRange, wholeSheet } from './areas';
import { clearCell, clearOptions } from './clearing';
import type { DeveloperMetadataImpl } from './developer-metadata';
import type { DeveloperMetadataFinderImpl } from './developer-metadata-finder';
import type { EmbeddedChartImpl } from './embedded-chart';
import type { EmbeddedChartBuilderImpl } from './embedded-chart-builder';
import { addMetadata } from './metadata-access';
import type { RangeImpl } from './range';
import type { RangeListImpl } from './range-list';
import { deleteColumns, deleteRows, insertColumns, insertRows, moveColumns, moveRows } from './rows-columns';
import type { SpreadsheetService } from './service';
import { getCharts, insertChart, removeChart, updateChart } from './sheet-charts';
import { signatureError } from './signature-error';
import type { SpreadsheetImpl } from './spreadsheet';
import type { TextFinderImpl } from './text-finder';
import { appendRow } from './writing';

export class SheetImpl {
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
    return this.s.rangeList(ranges);
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

  /** Moves the rows rowSpec spans to before row destinationIndex (counted before the move). */
  moveRows(rowSpec: unknown, destinationIndex: unknown): void {
    moveRows(this.data, rowSpec, destinationIndex);
  }

  /** Moves the columns columnSpec spans to before column destinationIndex (counted before the move). */
  moveColumns(columnSpec: unknown, destinationIndex: unknown): void {
    moveColumns(this.data, columnSpec, destinationIndex);
  }

  /** addDeveloperMetadata(key), (key, value), (key, visibility), (key, value, visibility). */
  addDeveloperMetadata(...args: unknown[]): SheetImpl {
    addMetadata(this.s, this.data.developerMetadata, { type: 'SHEET', index: 0 }, args, 'Sheet.addDeveloperMetadata');
    return this.s.sheet(this.data);
  }

  /** The metadata on the sheet itself (not on its rows or columns). */
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    const records = this.data.developerMetadata.filter((record) => record.type === 'SHEET').sort((a, b) => a.id - b.id);
    return this.s.env.realm.array(records.map((record) => this.s.developerMetadata(record)));
  }

  /** A finder over the metadata on the sheet and on its rows and columns. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return this.s.metadataFinder({ kind: 'sheet', sheet: this.data });
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
    return this.s.textFinder([wholeSheet(this.data)], stringOf(text));
  }

  newChart(): EmbeddedChartBuilderImpl {
    return this.s.chartBuilder();
  }

  insertChart(chart: unknown): void {
    insertChart(this.s, this.data, chart);
  }

  getCharts(): EmbeddedChartImpl[] {
    return getCharts(this.s, this.data);
  }

  updateChart(chart: unknown): void {
    updateChart(this.s, this.data, chart);
  }

  removeChart(chart: unknown): void {
    removeChart(this.s, this.data, chart);
  }
}
