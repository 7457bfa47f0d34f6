/**
 * What the add-on's report tabs (Attribution, Attribution (settled), Weekly) lay out alike: the
 * summary under the table, one line a row in column A and not wrapped (core/attribution/report-rows.ts
 * says where), and table columns wide enough to show their header and a typical value whole.
 */

import { DEFAULT_COLUMN_WIDTH, tableWidths } from '../../core/attribution/charts-panel';
import { literalText } from '../../core/helpers/literal-text';
import type { ColumnDeclaration } from '../../core/ledger/declaration';
import { setColumnWidths } from '../helpers/column-widths';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The summary's `rows` (summaryRows), one a row in column A from `row`, on a cleared tab; unwrapped, each runs across the empty cells to its right. */
export function writeSummary(sheet: Sheet, row: number, rows: readonly string[]): void {
  if (rows.length === 0) return;
  sheet
    .getRange(row, 1, rows.length, 1)
    .setValues(rows.map((line) => [literalText(line)]))
    .setWrap(false);
}

/** The table's columns from A, each as wide as its header, a typical value and its text in `rows` need (never narrower than Sheets' default). */
export function fitTableColumns(sheet: Sheet, columns: readonly ColumnDeclaration[], rows: readonly (readonly unknown[])[]): void {
  setColumnWidths(
    sheet,
    1,
    tableWidths(columns, rows).map((pixels) => (pixels > DEFAULT_COLUMN_WIDTH ? pixels : null)),
  );
}
