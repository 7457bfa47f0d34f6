/**
 * The Weekly tab's chart: net_settled per week across every campaign, in the currency Stripe pays
 * the account in, the one currency in which campaigns sold in USD, EUR or JPY add up ("how did
 * Black Friday week do against the week before"). One chart per settlement currency and mode that
 * has settled sales in the shown weeks (an account that settles in one currency and sells in one
 * mode gets one), a bar per week, the current week on top as in the table. Its data sits in cells
 * beside the table; the chart below the summary under the table, so nothing overlaps and a formula
 * over a number column sees the table alone. Pure; gas/attribution/weekly-tab.ts draws it.
 */

import { formatAmount } from './attribution-report';
import type { ReportCell } from './attribution-sheet';
import { CHART_WIDTH, DEFAULT_ROW_HEIGHT, fittingWidth } from './charts-panel';
import { modeLabel } from './revenue-charts';
import { currencyNumberFormat, toMajorUnits } from '../stripe/currency';
import type { SettledWeeks, WeeklyTable } from './weekly';

/** How the add-on knows its weekly charts again: `Net settled per week, every campaign (USD, test mode)`. */
export const WEEKLY_CHART_TITLE = 'Net settled per week, every campaign';

export function isWeeklyChartTitle(title: unknown): boolean {
  return typeof title === 'string' && title.startsWith(`${WEEKLY_CHART_TITLE} (`) && title.endsWith(')');
}

const CHART_GAP = 20;
const CHARTS_PER_ROW = 2;
/** Title, axis, caption and padding, then each week's bar. */
const CHART_FRAME_HEIGHT = 130;
const BAR_HEIGHT = 32;
const BLANK_WIDTH = 24;

export interface WeeklyChartPlacement {
  title: string;
  caption: string;
  /** The chart's data block, 0-based column of the panel: week labels, then amounts; rows including the header. */
  dataColumn: number;
  dataRows: number;
  /** The sheet row its top-left corner is anchored in (column A), and its offset right of it, in pixels. */
  row: number;
  offsetX: number;
  width: number;
  height: number;
}

export interface WeeklyChartsPanel {
  /** The cells beside the table, rectangular, header in the first row. */
  cells: ReportCell[][];
  formats: string[][];
  widths: number[];
  charts: WeeklyChartPlacement[];
  /** The last sheet row a chart covers (0 without charts). */
  lastRow: number;
}

function caption(totals: SettledWeeks, table: WeeklyTable): string {
  const sum = totals.weeks.reduce((total, minor) => total + minor, 0);
  const first = table.weeks[table.weeks.length - 1]?.short ?? '';
  const last = table.weeks[0]?.short ?? '';
  return `${first} to ${last}: ${formatAmount(sum, totals.currency)} after Stripe's fees, refunds and disputes`;
}

/** The charts of `table` (none before settled money is read), drawn from `firstChartRow` down. */
export function weeklyChartsPanel(table: WeeklyTable, firstChartRow: number): WeeklyChartsPanel {
  const totals = table.settled?.totals ?? [];
  if (totals.length === 0) return { cells: [], formats: [], widths: [], charts: [], lastRow: 0 };
  const width = 3 * totals.length - 1;
  const height = 1 + table.weeks.length;
  const cells: ReportCell[][] = Array.from({ length: height }, () => Array<ReportCell>(width).fill(''));
  const formats: string[][] = Array.from({ length: height }, () => Array<string>(width).fill(''));
  const shown: string[][] = Array.from({ length: width }, () => []);
  const put = (row: number, column: number, cell: ReportCell, format = '', text = String(cell)): void => {
    (cells[row] ?? [])[column] = cell;
    (formats[row] ?? [])[column] = format;
    shown[column]?.push(text);
  };
  const chartHeight = Math.max(260, CHART_FRAME_HEIGHT + BAR_HEIGHT * table.weeks.length);
  const charts = totals.map((mode, i): WeeklyChartPlacement => {
    const label = modeLabel(mode.currency, mode.livemode);
    const dataColumn = 3 * i;
    put(0, dataColumn, `week (${label})`);
    put(0, dataColumn + 1, `net_settled (${label})`);
    table.weeks.forEach((week, w) => {
      put(1 + w, dataColumn, w === 0 ? `${week.short} (this week)` : week.short);
      const minor = mode.weeks[w] ?? 0;
      put(
        1 + w,
        dataColumn + 1,
        toMajorUnits(minor, mode.currency),
        currencyNumberFormat(mode.currency),
        formatAmount(minor, mode.currency),
      );
    });
    const slot = i % CHARTS_PER_ROW;
    return {
      title: `${WEEKLY_CHART_TITLE} (${label})`,
      caption: caption(mode, table),
      dataColumn,
      dataRows: height,
      row: firstChartRow + Math.floor(i / CHARTS_PER_ROW) * (Math.ceil(chartHeight / DEFAULT_ROW_HEIGHT) + 1),
      offsetX: slot * (CHART_WIDTH + CHART_GAP),
      width: CHART_WIDTH,
      height: chartHeight,
    };
  });
  const widths = shown.map((texts, column) => (column % 3 === 2 ? BLANK_WIDTH : fittingWidth(texts, 240)));
  const last = charts[charts.length - 1];
  const lastRow = last === undefined ? 0 : last.row + Math.ceil(last.height / DEFAULT_ROW_HEIGHT);
  return { cells, formats, widths, charts, lastRow };
}
