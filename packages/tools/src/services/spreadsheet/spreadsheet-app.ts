/**
 * The SpreadsheetApp global, following https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app:
 * the active spreadsheet, the current cell, getUi (which throws outside the editor), flush, and the
 * developer metadata enums.
 */
import { LOCATION_TYPE, VISIBILITY } from '../metadata-data';
import { unwrapFacade } from '../script-realm';
import { RangeImpl } from './range';
import type { SpreadsheetService } from './service';
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

  getCurrentCell(): RangeImpl | null {
    const range = unwrapFacade(this.s.activeRanges()[0]);
    if (!(range instanceof RangeImpl)) return null;
    return this.s.range(range.area.sheet, range.area.row, range.area.column);
  }

  getUi(): object {
    this.s.checkUi();
    return this.s.ui.forScript(this.s.env.realm);
  }

  flush(): void {
    // Writes are immediate here.
  }
}
