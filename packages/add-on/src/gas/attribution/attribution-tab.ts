/**
 * The Attribution tab: the add-on's own, rewritten whole on every refresh so that refreshing
 * twice gives the same tab: the table, its summary beside it, then the totals and the charts' data
 * (core/attribution/charts-panel.ts), and below the table one chart of net revenue per campaign for
 * each currency and mode (attribution-charts.ts).
 */

import type { ReportRow } from '../../core/attribution/attribution-report';
import { ATTRIBUTION_COLUMNS, reportCells } from '../../core/attribution/attribution-sheet';
import { chartsPanel } from '../../core/attribution/charts-panel';
import { revenueCharts } from '../../core/attribution/revenue-charts';
import { currencyNumberFormat } from '../../core/stripe/currency';
import { literalText } from '../../core/helpers/literal-text';
import { ATTRIBUTION_TAB, fixedFormat } from '../../core/ledger/declaration';
import type { ScriptLockHeld } from '../script-lock';
import { placeCharts, writeChartsPanel } from './attribution-charts';
import { fitTableColumns, writeSummary } from './report-layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = ATTRIBUTION_COLUMNS.length;
/** After the table, a blank column, then the summary; after another, the totals and the charts' data. */
const SUMMARY_COLUMN = WIDTH + 2;
const PANEL_COLUMN = SUMMARY_COLUMN + 2;

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
  // The charts start after a blank row below the table.
  const panel = chartsPanel(revenueCharts(report), report.length + 3);
  const panelWidth = panel.cells[0]?.length ?? 0;
  sheet.clear();
  grow(sheet, Math.max(Math.max(report.length, 1) + 4, panel.cells.length, panel.lastRow), PANEL_COLUMN + Math.max(panelWidth, 2) - 1);
  const grid: unknown[][] = [[...ATTRIBUTION_COLUMNS], ...reportCells(report).map(literalRow)];
  sheet.getRange(1, 1, grid.length, WIDTH).setValues(grid);
  if (report.length > 0) {
    // Each column's format as declared; money is the row's own currency's.
    const formats = report.map((row) =>
      ATTRIBUTION_TAB.columns.map((c) => (c.format === undefined ? '' : (fixedFormat(c) ?? currencyNumberFormat(row.currency)))),
    );
    sheet.getRange(2, 1, report.length, WIDTH).setNumberFormats(formats);
  }
  writeSummary(sheet, SUMMARY_COLUMN, summary);
  fitTableColumns(sheet, ATTRIBUTION_TAB.columns);
  writeChartsPanel(sheet, panel, PANEL_COLUMN);
  sheet.getRange(1, 1, 1, PANEL_COLUMN + Math.max(panelWidth, 1) - 1).setFontWeight('bold');
  sheet.setFrozenRows(1);
  placeCharts(sheet, panel, PANEL_COLUMN);
}

/** Why the last refresh stopped, in the summary's place; the table stays as the last finished refresh left it. */
export function writeAttributionStatus(held: ScriptLockHeld, sheet: Sheet, status: string): void {
  held.wrote();
  if (sheet.getMaxColumns() < SUMMARY_COLUMN) sheet.insertColumnsAfter(sheet.getMaxColumns(), SUMMARY_COLUMN - sheet.getMaxColumns());
  sheet
    .getRange(1, SUMMARY_COLUMN, 2, 1)
    .setValues([['summary'], [literalText(status)]])
    .setWrap(true);
}
