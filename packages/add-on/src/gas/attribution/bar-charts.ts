/**
 * The add-on's bar charts on its own tabs (Attribution, Attribution (settled), Weekly), drawn one
 * way: each found again by its title and updated in place, a new one inserted, and every other
 * chart the tab's predicate claims as the add-on's removed (copies, currencies gone, earlier titles).
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export interface BarChartPlacement {
  title: string;
  /** Under the bars: what the total is made of. */
  caption: string;
  /** The chart's data, a header row then one row per bar. */
  data: Range;
  width: number;
  height: number;
  /** The sheet row its top-left corner is anchored in (column A), and its offset right of it, in pixels. */
  row: number;
  offsetX: number;
}

const titleOf = (chart: EmbeddedChart): unknown => chart.getOptions().get('title');

/** Draws `placements` and removes every other chart `isOurs` says is the add-on's. */
export function drawBarCharts(sheet: Sheet, isOurs: (title: unknown) => boolean, placements: readonly BarChartPlacement[]): void {
  const ours = sheet.getCharts().filter((chart) => isOurs(titleOf(chart)));
  const kept = new Set<EmbeddedChart>();
  for (const placement of placements) {
    const existing = ours.find((chart) => !kept.has(chart) && titleOf(chart) === placement.title);
    if (existing) kept.add(existing);
    const builder = (existing ? existing.modify().clearRanges() : sheet.newChart())
      .setChartType(Charts.ChartType.BAR)
      .addRange(placement.data)
      .setNumHeaders(1)
      .setOption('title', placement.title)
      .setOption('hAxis.title', placement.caption)
      .setOption('legend', { position: 'none' })
      .setOption('width', placement.width)
      .setOption('height', placement.height)
      .setPosition(placement.row, 1, placement.offsetX, 0);
    if (existing) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  }
  for (const chart of ours) if (!kept.has(chart)) sheet.removeChart(chart);
}
