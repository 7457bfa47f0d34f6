/**
 * A tab's embedded charts, drawn over the grid at their anchor cell (plus its offset, so several sit
 * side by side) as SVG bar charts: the title (else the series' name), one horizontal bar per row
 * (its label on the left, its value as the cell shows it at its end), a few gridlines, and the
 * horizontal axis's title under them. Redrawn only when the charts, their data or the columns' widths change.
 */
import type { ChartView, SheetView } from '../api-types';
import { el } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const BAR_COLOR = '#4285f4';
const TITLE_HEIGHT = 34;
const AXIS_HEIGHT = 22;
/** Room under the ticks for the horizontal axis's title. */
const AXIS_TITLE_HEIGHT = 22;
const PAD = 12;
/** About how wide a character of the 12px labels is. */
const CHAR_WIDTH = 6.6;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A round step for about `count` gridlines over [0, span]. */
function niceStep(span: number, count: number): number {
  if (span <= 0) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw);
  return step ?? 10 * power;
}

function shortNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${String(Number((value / 1e6).toFixed(1)))}M`;
  if (abs >= 1e4) return `${String(Number((value / 1e3).toFixed(1)))}k`;
  return String(Number(value.toFixed(2)));
}

function clip(text: string, width: number): string {
  const fits = Math.max(3, Math.floor(width / CHAR_WIDTH));
  return text.length <= fits ? text : `${text.slice(0, fits - 1)}…`;
}

/** The chart as an SVG element (exported for the page's tests). */
export function chartSvg(chart: ChartView): SVGSVGElement {
  const bars = chart.bars;
  // The bars share the chart's height, as in Sheets; a chart of many rows grows instead of squeezing them.
  const below = AXIS_HEIGHT + (chart.hAxisTitle === '' ? 0 : AXIS_TITLE_HEIGHT) + PAD;
  const rowHeight = Math.max(18, (chart.height - TITLE_HEIGHT - below) / Math.max(1, bars.length));
  const thickness = Math.min(rowHeight * 0.64, 36);
  const height = Math.max(chart.height, Math.ceil(TITLE_HEIGHT + below + rowHeight * Math.max(1, bars.length)));
  const width = chart.width;
  const longest = Math.max(4, ...bars.map((bar) => bar.label.length));
  const labelWidth = Math.min(width * 0.4, longest * CHAR_WIDTH + 10);
  const left = PAD + labelWidth;
  // Room for the value after the longest bar, as the cell shows it (`1,234.50 USD`).
  const valueWidth = Math.min(width * 0.3, Math.max(4, ...bars.map((bar) => bar.shown.length)) * CHAR_WIDTH + 8);
  const right = width - PAD - valueWidth;
  const low = Math.min(0, ...bars.map((bar) => bar.value));
  const high = Math.max(0, ...bars.map((bar) => bar.value));
  const step = niceStep(high - low, 4);
  const from = Math.floor(low / step) * step;
  const to = Math.max(from + step, Math.ceil(high / step) * step);
  const x = (value: number): number => left + ((value - from) / (to - from)) * (right - left);
  const top = TITLE_HEIGHT;
  const bottom = top + rowHeight * Math.max(1, bars.length);

  const root = svg('svg', { width, height, viewBox: `0 0 ${String(width)} ${String(height)}`, role: 'img', class: 'chart-svg' });
  // No title: the series' name (the values' header) says what the bars are.
  const title = chart.title === '' ? chart.series : chart.title;
  root.setAttribute('aria-label', title === '' ? 'Chart' : title);
  root.append(svg('rect', { x: 0, y: 0, width, height, fill: '#fff' }));
  root.append(svg('text', { x: PAD, y: 22, class: 'chart-title' }, clip(title, (width - 2 * PAD) * 0.85)));
  for (let tick = from; tick <= to + step / 1000; tick += step) {
    const at = x(tick);
    root.append(svg('line', { x1: at, x2: at, y1: top, y2: bottom, class: tick === 0 ? 'chart-axis' : 'chart-grid' }));
    root.append(svg('text', { x: at, y: bottom + 15, 'text-anchor': 'middle', class: 'chart-tick' }, shortNumber(tick)));
  }
  if (chart.hAxisTitle !== '') {
    const axisTitle = svg('text', { x: width / 2, y: bottom + 36, 'text-anchor': 'middle', class: 'chart-axis-title' });
    axisTitle.textContent = clip(chart.hAxisTitle, width - 2 * PAD);
    root.append(axisTitle);
  }
  if (bars.length === 0) root.append(svg('text', { x: left + 8, y: top + 18, class: 'chart-empty' }, 'No data'));
  bars.forEach((bar, index) => {
    const y = top + index * rowHeight;
    const start = x(Math.min(0, bar.value));
    const end = x(Math.max(0, bar.value));
    const group = svg('g', { class: 'chart-row' });
    group.append(svg('title', {}, `${bar.label}: ${bar.shown === '' ? String(bar.value) : bar.shown}`));
    group.append(
      svg('text', { x: left - 6, y: y + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'chart-label' }, clip(bar.label, labelWidth - 6)),
    );
    group.append(
      svg('rect', {
        x: start,
        y: y + (rowHeight - thickness) / 2,
        width: Math.max(end - start, bar.value === 0 ? 0 : 1),
        height: thickness,
        fill: BAR_COLOR,
        class: 'chart-bar',
      }),
    );
    if (bar.shown !== '') group.append(svg('text', { x: end + 4, y: y + rowHeight / 2 + 4, class: 'chart-value' }, bar.shown));
    root.append(group);
  });
  return root;
}

/** The layer of charts over the grid, inside its scroller (so they scroll with the cells). */
export class ChartLayer {
  private readonly layer: HTMLElement;
  private key = '';

  constructor(
    private readonly scroller: HTMLElement,
    /** The cell element at a point of the drawn grid, or null when it is not drawn. */
    private readonly td: (row: number, column: number) => HTMLElement | null,
  ) {
    this.layer = el('div', { class: 'chart-layer' });
    this.scroller.append(this.layer);
  }

  /** Draws the tab's charts (none: the layer is emptied). */
  show(sheet: SheetView): void {
    const charts = sheet.charts ?? [];
    const key = JSON.stringify([sheet.name, sheet.columnWidths, sheet.frozenRows, charts]);
    if (key === this.key) return;
    this.key = key;
    this.layer.replaceChildren();
    const origin = this.scroller.getBoundingClientRect();
    for (const chart of charts) {
      const anchor = this.td(chart.position.row, chart.position.column);
      if (!anchor) continue;
      const box = anchor.getBoundingClientRect();
      const figure = el('figure', { class: 'chart', 'data-chart-id': String(chart.chartId) });
      figure.style.left = `${String(Math.round(box.left - origin.left + this.scroller.scrollLeft + chart.position.offsetX))}px`;
      figure.style.top = `${String(Math.round(box.top - origin.top + this.scroller.scrollTop + chart.position.offsetY))}px`;
      figure.append(chartSvg(chart));
      this.layer.append(figure);
    }
  }
}
