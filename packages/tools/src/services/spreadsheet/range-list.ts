/**
 * RangeList (Spreadsheet.getActiveRangeList), following
 * https://developers.google.com/apps-script/reference/spreadsheet/range-list: here only getRanges, the
 * ranges in the order they were selected.
 */
import type { RangeImpl } from './range';
import type { SpreadsheetService } from './service';

export class RangeListImpl {
  constructor(
    private readonly s: SpreadsheetService,
    private readonly ranges: RangeImpl[],
  ) {}

  getRanges(): RangeImpl[] {
    return this.s.env.realm.array(this.ranges);
  }
}
