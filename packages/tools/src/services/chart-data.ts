/**
 * The embedded charts of a sheet, as plain data (what SheetData keeps, what the workbook JSON holds
 * and what the playground draws): the chart type (a Charts.ChartType name), its data ranges, its
 * options (Google Charts' option names, dotted as setOption takes them: 'title', 'hAxis.title', ...)
 * and where it is anchored. Nothing here is counted.
 */

/** Charts.ChartType's names; the fake's enum values are these strings. */
export const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;

export type ChartTypeName = (typeof CHART_TYPES)[number];

export function isChartType(value: unknown): value is ChartTypeName {
  return typeof value === 'string' && (CHART_TYPES as readonly string[]).includes(value);
}

/** A data range of a chart: cells of the sheet `sheetId` (usually the chart's own sheet). */
export interface ChartRangeData {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** Where the chart's top-left corner is: a cell (1-based) and a pixel offset from it. */
export interface ChartPosition {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartData {
  /** Unique across the spreadsheet; given by Sheet.insertChart. */
  chartId: number;
  type: ChartTypeName;
  ranges: ChartRangeData[];
  /** Option values as setOption was given them, made plain (JSON) data. */
  options: Record<string, unknown>;
  position: ChartPosition;
  /** setNumHeaders; -1 (the default) lets Sheets guess. */
  numHeaders: number;
}

/** A chart being built (newChart) or modified (modify): no id until it is inserted. */
export interface ChartDraft extends Omit<ChartData, 'chartId' | 'type'> {
  chartId: number | null;
  type: ChartTypeName | null;
}

export function emptyDraft(): ChartDraft {
  return { chartId: null, type: null, ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, numHeaders: -1 };
}

/** A copy sharing nothing with `chart` (options are plain JSON data). */
export function copyChart<T extends ChartDraft | ChartData>(chart: T): T {
  return {
    ...chart,
    ranges: chart.ranges.map((range) => ({ ...range })),
    options: JSON.parse(JSON.stringify(chart.options)) as Record<string, unknown>,
    position: { ...chart.position },
  };
}

/**
 * An option value as plain data of Node's realm: what JSON keeps (a Date becomes its ISO text, a
 * function or undefined is dropped: null).
 */
export function plainOptionValue(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? null : (JSON.parse(text) as unknown);
}
