/**
 * Spreadsheet (the active spreadsheet): its name, id, URL and time zone; its sheets (insert, delete,
 * find, activate); the active range and selection; toasts; A1 ranges across sheets; a TextFinder over
 * every sheet; the active sheet's data range and appendRow; and developer metadata on the
 * spreadsheet (addDeveloperMetadata, getDeveloperMetadata) and a finder over all of it.
 */
import { stringOf, textOf } from '../script-realm';
import { dataRange, wholeSheet } from './areas';
import { areaOf, sheetOf } from './facade-arguments';
import type { DeveloperMetadataImpl } from './developer-metadata';
import type { DeveloperMetadataFinderImpl } from './developer-metadata-finder';
import { addMetadata } from './metadata-access';
import type { RangeImpl } from './range';
import type { RangeListImpl } from './range-list';
import type { SpreadsheetService } from './service';
import type { SheetImpl } from './sheet';
import { signatureError } from './signature-error';
import type { TextFinderImpl } from './text-finder';
import { appendRow } from './writing';

export class SpreadsheetImpl {
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
    return this.s.rangeList(this.s.activeRanges());
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
    return this.s.textFinder(scope, stringOf(text));
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

  /** addDeveloperMetadata(key), (key, value), (key, visibility), (key, value, visibility). */
  addDeveloperMetadata(...args: unknown[]): SpreadsheetImpl {
    addMetadata(this.s, this.s.workbook.spreadsheetMetadata, { type: 'SPREADSHEET', index: 0 }, args, 'Spreadsheet.addDeveloperMetadata');
    return this.s.spreadsheet();
  }

  /** The metadata on the spreadsheet itself (not on its sheets, rows or columns). */
  getDeveloperMetadata(): DeveloperMetadataImpl[] {
    const records = [...this.s.workbook.spreadsheetMetadata].sort((a, b) => a.id - b.id);
    return this.s.env.realm.array(records.map((record) => this.s.developerMetadata(record)));
  }

  /** A finder over every metadata of the spreadsheet. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return this.s.metadataFinder({ kind: 'spreadsheet' });
  }

  appendRow(values: unknown): SpreadsheetImpl {
    appendRow(this.s, this.s.workbook.activeSheet(), values, 'Spreadsheet.appendRow');
    return this.s.spreadsheet();
  }
}
