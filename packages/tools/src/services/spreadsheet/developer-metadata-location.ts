/**
 * DeveloperMetadataLocation, following https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location:
 * the one of getSheet, getRow (the whole row's Range), getColumn (the whole column's Range) that
 * matches the location's type; the others return null. Read from the record when asked, so a location
 * follows its metadata through inserted, deleted and moved rows and columns. getLocationType and
 * getSpreadsheet are not implemented.
 */
import type { MetadataRecord } from '../metadata-data';
import type { SheetData } from '../sheet-data';
import { ownerOf } from './metadata-access';
import type { RangeImpl } from './range';
import type { SpreadsheetService } from './service';
import type { SheetImpl } from './sheet';

export class DeveloperMetadataLocationImpl {
  constructor(
    private readonly s: SpreadsheetService,
    private readonly record: MetadataRecord,
  ) {}

  getSheet(): SheetImpl | null {
    const sheet = this._sheet();
    return this.record.type === 'SHEET' && sheet ? this.s.sheet(sheet) : null;
  }

  getRow(): RangeImpl | null {
    const sheet = this._sheet();
    if (this.record.type !== 'ROW' || !sheet) return null;
    return this.s.range(sheet, this.record.index, 1, 1, sheet.maxColumns);
  }

  getColumn(): RangeImpl | null {
    const sheet = this._sheet();
    if (this.record.type !== 'COLUMN' || !sheet) return null;
    return this.s.range(sheet, 1, this.record.index, sheet.maxRows, 1);
  }

  private _sheet(): SheetData | null {
    return ownerOf(this.s.workbook, this.record)?.sheet ?? null;
  }
}
