/**
 * What the add-on's report tabs (Attribution, Attribution (settled), Weekly) lay out alike: the
 * summary in its own column beside the table, wide and wrapped, and table columns wide enough to
 * show their header and a typical value whole.
 */

import { DEFAULT_COLUMN_WIDTH, tableWidths } from '../../core/attribution/charts-panel';
import { literalText } from '../../core/helpers/literal-text';
import type { ColumnDeclaration } from '../../core/ledger/declaration';
import { setColumnWidths } from '../helpers/column-widths';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How wide the summary column is: its lines are sentences. */
export const SUMMARY_WIDTH = 420;

/** `summary` in row 1 of `column` and its lines, one per line, in the cell below. */
export function writeSummary(sheet: Sheet, column: number, lines: readonly string[]): void {
  sheet
    .getRange(1, column, 2, 1)
    .setValues([['summary'], [literalText(lines.join('\n'))]])
    .setWrap(true);
  sheet.setColumnWidth(column, SUMMARY_WIDTH);
}

/** The table's columns from A, each as wide as its header and a typical value need (never narrower than Sheets' default). */
export function fitTableColumns(sheet: Sheet, columns: readonly ColumnDeclaration[]): void {
  setColumnWidths(
    sheet,
    1,
    tableWidths(columns).map((pixels) => (pixels > DEFAULT_COLUMN_WIDTH ? pixels : null)),
  );
}
