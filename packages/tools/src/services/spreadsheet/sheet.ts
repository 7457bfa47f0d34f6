/**
 * Sheet, following https://developers.google.com/apps-script/reference/spreadsheet/sheet: its name
 * and id; ranges by A1 notation or by row and column (checked against the sheet's size); last and
 * max rows and columns; the data range; frozen rows; inserting rows and columns after a position;
 * clearing; inserting and deleting rows and columns (rows-columns.ts); sorting (sheet-sort.ts);
 * column widths (kept, never measured); embedded charts (sheet-charts.ts); and developer
 * metadata on the sheet.
 */
import { splitSheetName } from '../a1-notation';
import type { SheetData } from '../sheet-data';
import { dataRange } from './areas';
import { clearCell, clearOptions } from './clearing';
import type { EmbeddedChartImpl } from './embedded-chart';
import type { EmbeddedChartBuilderImpl } from './embedded-chart-builder';
import { addMetadata } from './metadata-access';
import type { RangeImpl } from './range';
import { deleteColumns, deleteRows, insertColumns, insertRows } from './rows-columns';
import type { SpreadsheetService } from './service';
import { getCharts, insertChart, removeChart, updateChart } from './sheet-charts';
import { sortSheet } from './sheet-sort';
import { signatureError } from './signature-error';

export class SheetImpl {
  constructor(
    private readonly s: SpreadsheetService,
    readonly data: SheetData,
  ) {}

  getName(): string {
    return this.data.name;
  }

  getSheetId(): number {
    return this.data.sheetId;
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

  setFrozenRows(rows: unknown): void {
    this.data.frozenRows = Number(rows);
  }

  insertRowsAfter(afterPosition: unknown, howMany: unknown): SheetImpl {
    return insertRows(this.s, this.data, Number(afterPosition), Number(howMany));
  }

  insertColumnsAfter(afterPosition: unknown, howMany: unknown): SheetImpl {
    return insertColumns(this.s, this.data, Number(afterPosition), Number(howMany));
  }

  insertColumnAfter(afterPosition: unknown): SheetImpl {
    return insertColumns(this.s, this.data, Number(afterPosition), 1);
  }

  insertRowsBefore(beforePosition: unknown, howMany: unknown): SheetImpl {
    return insertRows(this.s, this.data, Number(beforePosition) - 1, Number(howMany));
  }

  insertRowBefore(beforePosition: unknown): SheetImpl {
    return insertRows(this.s, this.data, Number(beforePosition) - 1, 1);
  }

  insertRowAfter(afterPosition: unknown): SheetImpl {
    return insertRows(this.s, this.data, Number(afterPosition), 1);
  }

  insertColumnsBefore(beforePosition: unknown, howMany: unknown): SheetImpl {
    return insertColumns(this.s, this.data, Number(beforePosition) - 1, Number(howMany));
  }

  insertColumnBefore(beforePosition: unknown): SheetImpl {
    return insertColumns(this.s, this.data, Number(beforePosition) - 1, 1);
  }

  deleteRows(rowPosition: unknown, howMany: unknown): void {
    deleteRows(this.s, this.data, Number(rowPosition), Number(howMany));
  }

  deleteRow(rowPosition: unknown): SheetImpl {
    deleteRows(this.s, this.data, Number(rowPosition), 1);
    return this.s.sheet(this.data);
  }

  deleteColumns(columnPosition: unknown, howMany: unknown): void {
    deleteColumns(this.s, this.data, Number(columnPosition), Number(howMany));
  }

  deleteColumn(columnPosition: unknown): SheetImpl {
    deleteColumns(this.s, this.data, Number(columnPosition), 1);
    return this.s.sheet(this.data);
  }

  /** sort(columnPosition, ascending = true): the rows below the frozen ones (sheet-sort.ts). */
  sort(columnPosition: unknown, ascending?: unknown): SheetImpl {
    sortSheet(this.data, Number(columnPosition), ascending !== false);
    return this.s.sheet(this.data);
  }

  /** addDeveloperMetadata(key), (key, value), (key, visibility), (key, value, visibility). */
  addDeveloperMetadata(...args: unknown[]): SheetImpl {
    addMetadata(this.s, this.data.developerMetadata, { type: 'SHEET', index: 0 }, args, 'Sheet.addDeveloperMetadata');
    return this.s.sheet(this.data);
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

  setColumnWidth(column: unknown, width: unknown): SheetImpl {
    this.data.columnWidths.set(Number(column), Number(width));
    return this.s.sheet(this.data);
  }

  /** One call for a run of columns of one width (Sheet.setColumnWidths(startColumn, numColumns, width)). */
  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): SheetImpl {
    for (let i = 0; i < Number(numColumns); i++) this.data.columnWidths.set(Number(startColumn) + i, Number(width));
    return this.s.sheet(this.data);
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
