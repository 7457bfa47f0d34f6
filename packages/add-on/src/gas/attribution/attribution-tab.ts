/**
 * The Attribution tab: the add-on's own, rewritten whole on every refresh so that refreshing
 * twice gives the same tab. Its bar chart is found again by its title and updated; a second one
 * (a copy someone made) is removed, so there is never more than one.
 */

import type { ReportRow } from '../../core/attribution/attribution-report';
import { ATTRIBUTION_COLUMNS, CHART_TITLE, chartTable, reportCells, type ChartTable } from '../../core/attribution/attribution-sheet';
import { columnToLetters } from '../../core/helpers/column-letters';
import { currencyNumberFormat } from '../../core/stripe/currency';
import { literalText } from '../../core/helpers/literal-text';
import { ATTRIBUTION_TAB, fixedFormat } from '../../core/ledger/declaration';
import type { ScriptLockHeld } from '../script-lock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const WIDTH = ATTRIBUTION_COLUMNS.length;
/** After the table, a blank column, then the summary; after another, the chart's data. */
const SUMMARY_COLUMN = WIDTH + 2;
const CHART_COLUMN = SUMMARY_COLUMN + 2;

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
  const chart = chartTable(report);
  const rows = Math.max(report.length, chart?.rows.length ?? 0, 1) + 1;
  sheet.clear();
  grow(sheet, rows + 3, CHART_COLUMN + 1);
  const grid: unknown[][] = [[...ATTRIBUTION_COLUMNS], ...reportCells(report).map(literalRow)];
  sheet.getRange(1, 1, grid.length, WIDTH).setValues(grid);
  if (report.length > 0) {
    // Each column's format as declared; money is the row's own currency's.
    const formats = report.map((row) =>
      ATTRIBUTION_TAB.columns.map((c) => (c.format === undefined ? '' : (fixedFormat(c) ?? currencyNumberFormat(row.currency)))),
    );
    sheet.getRange(2, 1, report.length, WIDTH).setNumberFormats(formats);
  }
  sheet
    .getRange(1, SUMMARY_COLUMN, 2, 1)
    .setValues([['summary'], [literalText(summary.join('\n'))]])
    .setWrap(true);
  sheet.setColumnWidth(SUMMARY_COLUMN, 420);
  sheet.getRange(1, 1, 1, CHART_COLUMN + 1).setFontWeight('bold');
  sheet.setFrozenRows(1);
  placeChart(sheet, chart, report.length + 3);
}

/** The chart's data beside the table, and the one chart drawn from it, below the table where it is seen with it. */
function placeChart(sheet: Sheet, chart: ChartTable | null, chartRow: number): void {
  const ours = sheet.getCharts().filter((existing) => String(existing.getOptions().get('title') ?? '').startsWith(CHART_TITLE));
  if (chart === null || chart.rows.length === 0) {
    for (const existing of ours) sheet.removeChart(existing);
    return;
  }
  const data = [
    ['chart: campaign', `chart: revenue (${chart.currencyLabel})`],
    ...chart.rows.map(([campaign, revenue]) => [literalText(campaign), revenue]),
  ];
  sheet.getRange(1, CHART_COLUMN, data.length, 2).setValues(data);
  const letters = `${columnToLetters(CHART_COLUMN)}1:${columnToLetters(CHART_COLUMN + 1)}${String(data.length)}`;
  const range = sheet.getRange(letters);
  const [kept, ...copies] = ours;
  for (const copy of copies) sheet.removeChart(copy);
  const builder = (kept ? kept.modify().clearRanges() : sheet.newChart())
    .setChartType(Charts.ChartType.BAR)
    .addRange(range)
    .setNumHeaders(1)
    .setOption('title', chart.title)
    .setOption('legend', { position: 'none' })
    .setPosition(chartRow, 1, 0, 0);
  if (kept) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
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
