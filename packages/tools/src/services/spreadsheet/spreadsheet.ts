/**
 * Spreadsheet (the active spreadsheet), following https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet:
 * its sheets (getSheets, getSheetByName, insertSheet), its time zone, the active sheet, range and range list, toasts,
 * and a developer metadata finder over all of the spreadsheet's metadata.
 */
import { stringOf, textOf } from '../script-realm';
import type { DeveloperMetadataFinderImpl } from './developer-metadata-finder';
import type { RangeImpl } from './range';
import type { RangeListImpl } from './range-list';
import type { SpreadsheetService } from './service';
import type { SheetImpl } from './sheet';
import { signatureError } from './signature-error';

export class SpreadsheetImpl {
  constructor(private readonly s: SpreadsheetService) {}

  getSheetByName(name: unknown): SheetImpl | null {
    const sheet = this.s.workbook.getSheet(stringOf(name));
    return sheet ? this.s.sheet(sheet) : null;
  }

  getSheets(): SheetImpl[] {
    return this.s.env.realm.array(this.s.workbook.sheets.map((sheet) => this.s.sheet(sheet)));
  }

  /** insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index): the new sheet becomes active. */
  insertSheet(nameOrIndex?: unknown, index?: unknown): SheetImpl {
    let name: string | undefined;
    let at: number | undefined;
    if (typeof nameOrIndex === 'number') at = nameOrIndex;
    else if (typeof nameOrIndex === 'string') name = nameOrIndex;
    else if (nameOrIndex !== undefined) throw signatureError([nameOrIndex], 'Spreadsheet.insertSheet');
    if (typeof index === 'number') at = index;
    const sheet = this.s.workbook.insertSheet(
      name,
      at === undefined ? undefined : Math.max(0, Math.min(at, this.s.workbook.sheets.length)),
    );
    this.s.workbook.activeSheetId = sheet.sheetId;
    this.s.workbook.selection = null;
    return this.s.sheet(sheet);
  }

  /** The spreadsheet's time zone (File > Settings), an IANA name such as `Europe/Paris`. */
  getSpreadsheetTimeZone(): string {
    return this.s.workbook.timeZone;
  }

  getActiveSheet(): SheetImpl {
    return this.s.sheet(this.s.workbook.activeSheet());
  }

  getActiveRange(): RangeImpl | null {
    return this.s.activeRanges()[0] ?? null;
  }

  getActiveRangeList(): RangeListImpl {
    return this.s.rangeList(this.s.activeRanges());
  }

  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.s.toasts.push({
      message: textOf(message),
      title: textOf(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }

  /** A finder over every metadata of the spreadsheet. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinderImpl {
    return this.s.metadataFinder();
  }
}
