/**
 * Sheet's embedded charts: newChart, insertChart (which gives the chart its id), getCharts,
 * updateChart (replaces the sheet's chart of the same id) and removeChart. The sheet keeps each chart
 * as plain data (../chart-data.ts); the script gets snapshots.
 */
import { copyChart, type ChartData } from '../chart-data';
import type { SheetData } from '../sheet-data';
import type { EmbeddedChartImpl } from './embedded-chart';
import { chartOf } from './facade-arguments';
import type { SpreadsheetService } from './service';

function stored(draft: ReturnType<typeof chartOf>, chartId: number): ChartData {
  if (draft.type === null) throw new Error('The chart type must be set before the chart is built.');
  return copyChart({ ...draft, chartId, type: draft.type });
}

function indexOnSheet(sheet: SheetData, chartId: number | null): number {
  return chartId === null ? -1 : sheet.charts.findIndex((chart) => chart.chartId === chartId);
}

/** Adds the chart to the sheet as a new chart, with a new id (whatever id the chart had). */
export function insertChart(s: SpreadsheetService, sheet: SheetData, chart: unknown): void {
  const draft = chartOf(chart, 'Sheet.insertChart');
  sheet.charts.push(stored(draft, s.workbook.newChartId()));
}

export function getCharts(s: SpreadsheetService, sheet: SheetData): EmbeddedChartImpl[] {
  return s.env.realm.array(sheet.charts.map((chart) => s.embeddedChart(copyChart(chart))));
}

/** Replaces the sheet's chart that has this chart's id (a chart from modify().build()). */
export function updateChart(s: SpreadsheetService, sheet: SheetData, chart: unknown): void {
  const draft = chartOf(chart, 'Sheet.updateChart');
  const index = indexOnSheet(sheet, draft.chartId);
  if (index === -1 || draft.chartId === null) throw new Error('The chart does not exist on this sheet.');
  sheet.charts[index] = stored(draft, draft.chartId);
}

export function removeChart(s: SpreadsheetService, sheet: SheetData, chart: unknown): void {
  const draft = chartOf(chart, 'Sheet.removeChart');
  const index = indexOnSheet(sheet, draft.chartId);
  if (index === -1) throw new Error('The chart does not exist on this sheet.');
  sheet.charts.splice(index, 1);
}
