/**
 * The Attribution tab: the add-on's own, rewritten whole on every refresh so that refreshing
 * twice gives the same tab: the table (header in row 1), beside it the totals and the charts' data
 * (core/attribution/charts-panel.ts), under it the summary (core/attribution/report-rows.ts), and
 * below that one chart of net revenue per campaign for each currency and mode (attribution-charts.ts).
 */

import type { ReportRow } from '../../core/attribution/attribution-report';
import { ATTRIBUTION_COLUMNS, reportCells } from '../../core/attribution/attribution-sheet';
import { chartsPanel } from '../../core/attribution/charts-panel';
import { revenueCharts } from '../../core/attribution/revenue-charts';
import { currencyNumberFormat } from '../../core/stripe/currency';
import { chartsRow, summaryBlock, summaryRow, summaryRows } from '../../core/attribution/report-rows';
import { literalText } from '../../core/helpers/literal-text';
import { ATTRIBUTION_TAB, fixedFormat } from '../../core/ledger/declaration';
import type { ScriptLockHeld } from '../script-lock';
import { placeCharts, writeChartsPanel } from './attribution-charts';
import { fitTableColumns, writeSummary } from './report-layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = ATTRIBUTION_COLUMNS.length;
/** After the table, a blank column, then the totals and the charts' data. */
const PANEL_COLUMN = WIDTH + 2;

function grow(sheet: Sheet, rows: number, columns: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}

/** Text cells go in as literal text: a campaign someone named `=1+1` is that text. */
function literalRow(row: readonly unknown[]): unknown[] {
  return row.map((cell) => (typeof cell === 'string' ? literalText(cell) : cell));
}

/** The add-on's Attribution tab (found by its mark), rewritten whole. */
export function writeAttributionTab(sheet: Sheet, report: readonly ReportRow[], summary: readonly string[]): void {
  const lines = summaryRows(summary);
  // The charts start after a blank row below the summary.
  const panel = chartsPanel(revenueCharts(report), chartsRow(report.length, lines.length));
  const panelWidth = panel.cells[0]?.length ?? 0;
  sheet.clear();
  grow(
    sheet,
    Math.max(chartsRow(report.length, lines.length), panel.cells.length, panel.lastRow),
    PANEL_COLUMN + Math.max(panelWidth, 2) - 1,
  );
  const cells = reportCells(report);
  const grid: unknown[][] = [[...ATTRIBUTION_COLUMNS], ...cells.map(literalRow)];
  sheet.getRange(1, 1, grid.length, WIDTH).setValues(grid);
  if (report.length > 0) {
    // Each column's format as declared; money is the row's own currency's.
    const formats = report.map((row) =>
      ATTRIBUTION_TAB.columns.map((c) => (c.format === undefined ? '' : (fixedFormat(c) ?? currencyNumberFormat(row.currency)))),
    );
    sheet.getRange(2, 1, report.length, WIDTH).setNumberFormats(formats);
  }
  writeSummary(sheet, summaryRow(report.length), lines);
  fitTableColumns(sheet, ATTRIBUTION_TAB.columns, cells);
  writeChartsPanel(sheet, panel, PANEL_COLUMN);
  sheet.getRange(1, 1, 1, PANEL_COLUMN + Math.max(panelWidth, 1) - 1).setFontWeight('bold');
  sheet.setFrozenRows(1);
  placeCharts(sheet, panel, PANEL_COLUMN);
}

/**
 * Why the last refresh stopped, in the summary's place under the table, its other lines cleared;
 * the table and charts stay as the last finished refresh left them. One read, one write.
 */
export function writeAttributionStatus(held: ScriptLockHeld, sheet: Sheet, status: string): void {
  held.wrote();
  const last = sheet.getLastRow();
  const values = last === 0 ? [] : sheet.getRange(1, 1, last, WIDTH).getValues();
  const { row, rows } = summaryBlock(values, ATTRIBUTION_COLUMNS[0]);
  grow(sheet, row, 1);
  sheet
    .getRange(row, 1, Math.max(rows, 1), 1)
    .setValues(Array.from({ length: Math.max(rows, 1) }, (_, i) => [i === 0 ? literalText(status) : '']))
    .setWrap(false);
}
