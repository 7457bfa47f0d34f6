/**
 * The SpreadsheetApp global: the active spreadsheet, sheet, range and selection, getUi (which throws
 * outside the editor), flush; openById and openByUrl are refused, as they are to a script without the
 * spreadsheets scope.
 */
import { LOCATION_TYPE, VISIBILITY } from '../metadata-data';
import { unwrapFacade } from '../script-realm';
import { areaOf, sheetOf } from './facade-arguments';
import { RangeImpl } from './range';
import type { RangeListImpl } from './range-list';
import type { SpreadsheetService } from './service';
import type { SheetImpl } from './sheet';
import type { SpreadsheetImpl } from './spreadsheet';

export class SpreadsheetAppImpl {
  /** SpreadsheetApp.DeveloperMetadataLocationType: SPREADSHEET, SHEET, ROW, COLUMN (enum objects). */
  readonly DeveloperMetadataLocationType = LOCATION_TYPE;
  /** SpreadsheetApp.DeveloperMetadataVisibility: DOCUMENT, PROJECT (enum objects). */
  readonly DeveloperMetadataVisibility = VISIBILITY;

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
    return this.s.rangeList(this.s.activeRanges());
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
