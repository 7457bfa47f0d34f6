/**
 * TextFinder (from Range.createTextFinder), following
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder: finds cells whose
 * display value contains the text (ignoring case, Apps Script's default), stepping with findNext or
 * all at once with findAll. The options (matchCase, matchEntireCell, useRegularExpression, ...) and
 * findPrevious are not implemented.
 */
import type { SheetData } from '../sheet-data';
import { forEachStoredCell, type Area } from './areas';
import { displayValue } from './display-value';
import type { RangeImpl } from './range';
import type { SpreadsheetService } from './service';

interface Match {
  sheet: SheetData;
  row: number;
  column: number;
}

/**
 * Finds cells by their display value, in row-major order within the scope. findNext continues after
 * the last match and returns null at the end (no wrap-around).
 */
export class TextFinderImpl {
  private cursor: Match | null = null;

  constructor(
    private readonly s: SpreadsheetService,
    private readonly scope: Area,
    private readonly text: string,
  ) {}

  findNext(): RangeImpl | null {
    const cursor = this.cursor;
    const next = this._matches().find((m) => !cursor || m.row > cursor.row || (m.row === cursor.row && m.column > cursor.column));
    if (!next) return null;
    this.cursor = next;
    this.s.read(1);
    return this.s.range(next.sheet, next.row, next.column);
  }

  /** Every match in the scope, in row-major order, in one call (the cursor is not moved). */
  findAll(): RangeImpl[] {
    const matches = this._matches();
    this.s.read(matches.length);
    return this.s.env.realm.array(matches.map((m) => this.s.range(m.sheet, m.row, m.column)));
  }

  private _matches(): Match[] {
    const needle = this.text.toLowerCase();
    const found: Match[] = [];
    if (needle === '') return found;
    forEachStoredCell(this.scope, (cell, row, column) => {
      const text = displayValue(cell, this.s.workbook.timeZone);
      if (text !== '' && text.toLowerCase().includes(needle)) found.push({ sheet: this.scope.sheet, row, column });
    });
    return found;
  }
}
