/**
 * Where the Attribution tab's charts and totals go, so nothing overlaps: beside the table, in
 * cells, the totals per currency and mode and then each chart's data, two columns each; below the
 * summary under the table (report-rows.ts), the charts, two side by side, then the next two below
 * them. Below the table only column A holds the summary's lines of text: a formula over a number
 * column (`=SUM(K:K)`) sees the table alone.
 * Pure; the Apps Script side writes the cells at the column it chooses and anchors the charts.
 */

import type { ReportCell } from './attribution-sheet';
import { formatAmount } from './attribution-report';
import { toMajorUnits, currencyNumberFormat } from '../stripe/currency';
import type { ModeTotals, RevenueChart } from './revenue-charts';
import { fixedFormat, type ColumnDeclaration } from '../ledger/declaration';

/** Sheets' default row height in pixels: a chart anchored below the table covers about height / 21 rows. */
export const DEFAULT_ROW_HEIGHT = 21;
/** Two charts side by side fit a 1,366 px screen beside the row numbers. */
export const CHART_WIDTH = 600;
const CHART_GAP = 20;
const BLANK_WIDTH = 24;
const CHARTS_PER_ROW = 2;
/** Title, axis, caption and padding; then each bar's share. */
const CHART_FRAME_HEIGHT = 130;
const BAR_HEIGHT = 36;
const MIN_CHART_HEIGHT = 260;
const MAX_CHART_HEIGHT = 640;

/** About how wide a character of Sheets' default 10 pt Arial is, bold headers included, and a cell's padding. */
const CHAR_WIDTH = 7.5;
const CELL_PADDING = 14;
/** Sheets' default column width. */
export const DEFAULT_COLUMN_WIDTH = 100;

/** A column width (pixels) that shows these texts whole: never under the default, never wider than `most`. */
export function fittingWidth(texts: readonly string[], most = 320): number {
  const longest = Math.max(0, ...texts.map((text) => text.length));
  return Math.min(most, Math.max(DEFAULT_COLUMN_WIDTH, Math.ceil(longest * CHAR_WIDTH + CELL_PADDING)));
}

/**
 * The table's column widths: each shows its header, a typical value and the text of `rows` whole
 * (Sheets' 100 px cuts `pending_sessions` and `Été 2024 / Promo`): an amount as `12,345.00 USD`, a
 * time as its format `yyyy-mm-dd hh:mm`.
 */
export function tableWidths(columns: readonly ColumnDeclaration[], rows: readonly (readonly unknown[])[] = []): number[] {
  return columns.map((column, index) => {
    const typical = column.format === undefined ? '' : (fixedFormat(column) ?? '12,345.00 USD');
    // Text the table holds (a campaign's name) is measured too; numbers go by their format.
    const texts = rows.flatMap((row) => {
      const cell = row[index];
      return typeof cell === 'string' ? [cell] : [];
    });
    return fittingWidth([column.name, typical, ...texts], 200);
  });
}

/** The totals' columns: the currency and mode, then what its net revenue is made of. */
export const TOTALS_HEADERS = [
  'totals',
  'total: first payments',
  'total: renewals',
  'total: refunded',
  'total: disputed',
  'total: net_revenue',
] as const;

/** One chart: its data block (0-based column of the panel, rows including the header) and where it is drawn. */
export interface ChartPlacement {
  chart: RevenueChart;
  dataColumn: number;
  dataRows: number;
  /** The sheet row its top-left corner is anchored in (column A), and its offset right of it, in pixels. */
  row: number;
  offsetX: number;
  width: number;
  height: number;
}

export interface ChartsPanel {
  /** The cells beside the table, rectangular, header in the first row. */
  cells: ReportCell[][];
  /** Each cell's number format ('' for none), the same shape. */
  formats: string[][];
  /** Each panel column's width in pixels, so its header and amounts show whole. */
  widths: number[];
  charts: ChartPlacement[];
  /** The last sheet row a chart covers (0 without charts): the sheet must have it. */
  lastRow: number;
}

/** A chart's height for its bars: each bar keeps its thickness, within bounds. */
function chartHeight(chart: RevenueChart): number {
  return Math.min(MAX_CHART_HEIGHT, Math.max(MIN_CHART_HEIGHT, CHART_FRAME_HEIGHT + BAR_HEIGHT * chart.bars.length));
}

function totalsRow(totals: ModeTotals, label: string): { cells: ReportCell[]; formats: string[]; shown: string[] } {
  const money = [totals.revenue_minor, totals.renewal_revenue_minor, totals.refunded_minor, totals.disputed_minor, totals.net_minor];
  const format = currencyNumberFormat(totals.currency);
  return {
    cells: [label, ...money.map((minor) => toMajorUnits(minor, totals.currency))],
    formats: ['', ...money.map(() => format)],
    shown: [label, ...money.map((minor) => formatAmount(minor, totals.currency))],
  };
}

/**
 * The panel for these charts, drawn from `firstChartRow` down (the row after a blank one below the
 * summary). Totals in columns 0-5, a blank column, then chart i's data at column 7 + 3i.
 */
export function chartsPanel(charts: readonly RevenueChart[], firstChartRow: number): ChartsPanel {
  if (charts.length === 0) return { cells: [], formats: [], widths: [], charts: [], lastRow: 0 };
  const width = TOTALS_HEADERS.length + 3 * charts.length;
  const height = 1 + Math.max(charts.length, ...charts.map((chart) => chart.bars.length));
  const cells: ReportCell[][] = Array.from({ length: height }, () => Array<ReportCell>(width).fill(''));
  const formats: string[][] = Array.from({ length: height }, () => Array<string>(width).fill(''));
  // What each column shows (its header, amounts as their format shows them), to size it.
  const shown: string[][] = Array.from({ length: width }, () => []);
  const put = (row: number, column: number, cell: ReportCell, format = '', text = String(cell)): void => {
    (cells[row] ?? [])[column] = cell;
    (formats[row] ?? [])[column] = format;
    shown[column]?.push(text);
  };
  TOTALS_HEADERS.forEach((header, column) => {
    put(0, column, header);
  });
  const placements: ChartPlacement[] = [];
  let row = firstChartRow;
  charts.forEach((chart, i) => {
    const totals = totalsRow(chart.totals, chart.label);
    totals.cells.forEach((cell, column) => {
      put(1 + i, column, cell, totals.formats[column], totals.shown[column]);
    });
    const dataColumn = TOTALS_HEADERS.length + 1 + 3 * i;
    const format = currencyNumberFormat(chart.totals.currency);
    put(0, dataColumn, `campaign (${chart.label})`);
    put(0, dataColumn + 1, `net_revenue (${chart.label})`);
    chart.bars.forEach((bar, b) => {
      put(1 + b, dataColumn, bar.campaign);
      const net = toMajorUnits(bar.net_minor, chart.totals.currency);
      put(1 + b, dataColumn + 1, net, format, formatAmount(bar.net_minor, chart.totals.currency));
    });
    // Charts go two to a row; a row of them is as tall as its tallest.
    const slot = i % CHARTS_PER_ROW;
    if (slot === 0 && i > 0) {
      const above = placements.slice(-CHARTS_PER_ROW);
      row += Math.ceil(Math.max(...above.map((p) => p.height)) / DEFAULT_ROW_HEIGHT) + 1;
    }
    const rowCharts = charts.slice(i - slot, i - slot + CHARTS_PER_ROW);
    placements.push({
      chart,
      dataColumn,
      dataRows: 1 + chart.bars.length,
      row,
      offsetX: slot * (CHART_WIDTH + CHART_GAP),
      width: CHART_WIDTH,
      height: Math.max(...rowCharts.map(chartHeight)),
    });
  });
  // A blank column between blocks is narrow: it only keeps them apart.
  const blank = (column: number): boolean => column >= TOTALS_HEADERS.length && (column - TOTALS_HEADERS.length) % 3 === 0;
  const widths = shown.map((texts, column) => (blank(column) ? BLANK_WIDTH : fittingWidth(texts, 240)));
  const last = placements[placements.length - 1];
  const lastRow = last === undefined ? 0 : last.row + Math.ceil(last.height / DEFAULT_ROW_HEIGHT);
  return { cells, formats, widths, charts: placements, lastRow };
}
