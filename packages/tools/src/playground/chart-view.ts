/**
 * A tab's embedded charts as the page draws them: each chart's bars read from the cells it covers
 * (labels from the first range's column, values from the second range's; a single range of two
 * columns or more gives both). The first row is the header when setNumHeaders said so, or, left to
 * guess, when its value is text; rows past the data and rows with neither a label nor a value are
 * left out. The title and the horizontal axis's title come from the options.
 */
import { displayValue } from '../services/spreadsheet';
import type { ChartData, ChartRangeData } from '../services/chart-data';
import type { SheetData, Workbook } from '../services/workbook';
import type { ChartView } from './api-types';

export const DEFAULT_CHART_WIDTH = 520;
export const DEFAULT_CHART_HEIGHT = 320;

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.replace(/[,\s]/g, ''));
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function size(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 120 && value <= 2000 ? Math.round(value) : fallback;
}

interface Column {
  sheet: SheetData;
  row: number;
  column: number;
  numRows: number;
}

function columnOf(workbook: Workbook, range: ChartRangeData | undefined, offset: number): Column | null {
  const sheet = range ? workbook.sheetById(range.sheetId) : null;
  if (!range || !sheet || range.numColumns <= offset) return null;
  return { sheet, row: range.row, column: range.column + offset, numRows: Math.min(range.numRows, sheet.lastRow() - range.row + 1) };
}

function shownAt(column: Column, index: number, timeZone: string): string {
  const cell = column.sheet.cell(column.row + index, column.column);
  return cell ? displayValue(cell, timeZone) : '';
}

/** An option given dotted (`setOption('hAxis.title', ...)`, as the reference's `animation.duration`) or nested. */
function textOption(options: Record<string, unknown>, path: string): string {
  const dotted = options[path];
  if (typeof dotted === 'string') return dotted;
  const [head = '', ...rest] = path.split('.');
  let value: unknown = options[head];
  for (const key of rest) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : '';
}

export function chartView(workbook: Workbook, chart: ChartData): ChartView {
  const [first, second] = chart.ranges;
  const labels = columnOf(workbook, first, 0);
  const values = second ? columnOf(workbook, second, 0) : columnOf(workbook, first, 1);
  const title = chart.options['title'];
  const view: ChartView = {
    chartId: chart.chartId,
    type: chart.type,
    title: typeof title === 'string' ? title : '',
    position: { ...chart.position },
    width: size(chart.options['width'], DEFAULT_CHART_WIDTH),
    height: size(chart.options['height'], DEFAULT_CHART_HEIGHT),
    series: '',
    hAxisTitle: textOption(chart.options, 'hAxis.title'),
    bars: [],
  };
  if (!labels || !values) return view;
  const timeZone = workbook.timeZone;
  const valueAt = (index: number): number | null => numberOf(values.sheet.cell(values.row + index, values.column)?.value);
  const guessed = valueAt(0) === null && shownAt(values, 0, timeZone) !== '' ? 1 : 0;
  const headers = chart.numHeaders >= 0 ? chart.numHeaders : guessed;
  if (headers > 0) view.series = shownAt(values, 0, timeZone);
  const rows = Math.min(values.numRows, labels.numRows);
  for (let index = headers; index < rows; index++) {
    const label = shownAt(labels, index, timeZone);
    const value = valueAt(index);
    if (value !== null) view.bars.push({ label, value, shown: shownAt(values, index, timeZone) });
    else if (label !== '') view.bars.push({ label, value: 0, shown: '' });
  }
  return view;
}

/** The sheet's charts, their data read from the workbook. */
export function chartViews(workbook: Workbook, sheet: SheetData): ChartView[] {
  return sheet.charts.map((chart) => chartView(workbook, chart));
}
