/**
 * Places what core/attribution/charts-panel.ts decided: the totals and the charts' data beside the
 * Attribution table, and one bar chart per currency and mode below it. The add-on's charts are
 * found by their title (isOwnChartTitle); each planned chart updates the first of ours with its
 * title, and every other one of ours goes: a copy, a currency that no longer occurs, an earlier
 * version's. A chart someone made under another title is left alone.
 */

import { columnToLetters } from '../../core/helpers/column-letters';
import { literalText } from '../../core/helpers/literal-text';
import type { ChartsPanel } from '../../core/attribution/charts-panel';
import { isOwnChartTitle } from '../../core/attribution/revenue-charts';
import { setColumnWidths } from '../helpers/column-widths';
import { drawBarCharts } from './bar-charts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Writes the panel's cells from `column` (1-based) in row 1, after a clear: one write, one format call. */
export function writeChartsPanel(sheet: Sheet, panel: ChartsPanel, column: number): void {
  const height = panel.cells.length;
  const width = panel.cells[0]?.length ?? 0;
  if (height === 0 || width === 0) return;
  const range = sheet.getRange(1, column, height, width);
  range.setValues(panel.cells.map((row) => row.map((cell) => (typeof cell === 'string' ? literalText(cell) : cell))));
  range.setNumberFormats(panel.formats);
  setColumnWidths(sheet, column, panel.widths);
}

/** Draws the panel's charts from its cells (written at `column`), and removes every other chart of ours. */
export function placeCharts(sheet: Sheet, panel: ChartsPanel, column: number): void {
  drawBarCharts(
    sheet,
    isOwnChartTitle,
    panel.charts.map((placement) => {
      const first = column + placement.dataColumn;
      return {
        title: placement.chart.title,
        caption: placement.chart.caption,
        data: sheet.getRange(`${columnToLetters(first)}1:${columnToLetters(first + 1)}${String(placement.dataRows)}`),
        width: placement.width,
        height: placement.height,
        row: placement.row,
        offsetX: placement.offsetX,
      };
    }),
  );
}
