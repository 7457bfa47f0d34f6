/**
 * The grid's drawing: the table of column letters, row numbers and cells for one tab, the values it
 * shows (a formula shows its value, with the formula and any error in the cell's title) and the
 * selection's highlight. It knows nothing of the mouse, the keyboard or editing.
 */
import type { CellView, SheetView } from '../api-types';
import { columnLetters, type Point, type Rect } from './a1';
import { ColumnResize } from './column-resize';
import { el } from './dom';

const MIN_ROWS = 40;
const EXTRA_ROWS = 25;
const MIN_COLUMNS = 12;
const EXTRA_COLUMNS = 3;
const DEFAULT_WIDTH = 100;
const ROW_HEADER_WIDTH = 46;
/** Shared with the keyboard, whose Page Up/Down moves by what fits in the scroller. */
export const ROW_HEIGHT = 24;

function tooltip(view: CellView): string {
  const [, , shown, details] = view;
  const lines: string[] = [];
  if (details?.f !== undefined) lines.push(details.f);
  if (details?.e !== undefined) lines.push(`Error: ${details.e}`);
  if (details?.s !== undefined) lines.push('(part of an array result)');
  if (details?.note !== undefined) lines.push(`Note: ${details.note}`);
  if (shown.length > 24 || shown.includes('\n')) lines.push(details?.f !== undefined ? `= ${shown}` : shown);
  return lines.join('\n');
}

const keyOf = (r: number, c: number): string => `${String(r)}:${String(c)}`;

export class GridTable {
  readonly table: HTMLTableElement;
  /** How many rows and columns are drawn (fewer than the tab has: the rest stays blank and off-page). */
  rows = 0;
  columns = 0;
  private shapeKey = '';
  private frozenRows = 0;
  /** What each cell shows now, so a redraw touches only the cells that changed. */
  private readonly cells = new Map<string, CellView>();
  private painted: HTMLElement[] = [];

  constructor(private readonly scroller: HTMLElement) {
    this.table = el('table', { class: 'grid', role: 'grid', tabindex: '0', 'aria-multiselectable': 'true' });
    this.scroller.append(this.table);
  }

  /** What the cell shows, as the server sent it (undefined: blank). */
  view(point: Point): CellView | undefined {
    return this.cells.get(keyOf(point.r, point.c));
  }

  /**
   * Draws a tab's values, rebuilding the table only when its shape changed; `activeRow` is kept on
   * the page even below the tab's content.
   */
  draw(sheet: SheetView, activeRow: number): void {
    // Far enough to hold the charts too, so none hangs past the grid's edge.
    const charts = sheet.charts ?? [];
    const chartRows = charts.map((chart) => chart.position.row + Math.ceil((chart.position.offsetY + chart.height) / ROW_HEIGHT));
    const chartColumns = charts.map((chart) => chart.position.column + Math.ceil((chart.position.offsetX + chart.width) / DEFAULT_WIDTH));
    const rows = Math.min(sheet.maxRows, Math.max(MIN_ROWS, sheet.lastRow + EXTRA_ROWS, activeRow + 1, ...chartRows));
    const columns = Math.min(sheet.maxColumns, Math.max(MIN_COLUMNS, sheet.lastColumn + EXTRA_COLUMNS, ...chartColumns));
    const shapeKey = JSON.stringify([sheet.name, rows, columns, sheet.frozenRows, sheet.columnWidths]);
    if (shapeKey !== this.shapeKey) {
      this.shapeKey = shapeKey;
      this.rows = rows;
      this.columns = columns;
      this.frozenRows = sheet.frozenRows;
      this.build(sheet);
      this.cells.clear();
    }
    this.table.setAttribute('aria-label', `Sheet ${sheet.name}`);
    this.table.setAttribute('aria-rowcount', String(rows + 1));
    this.table.setAttribute('aria-colcount', String(columns + 1));
    const next = new Map<string, CellView>();
    for (const view of sheet.cells ?? []) next.set(keyOf(view[0], view[1]), view);
    for (const key of this.cells.keys()) {
      if (!next.has(key)) {
        const [r = 0, c = 0] = key.split(':').map(Number);
        this.paintCell(r, c, undefined);
      }
    }
    for (const [key, view] of next) {
      const previous = this.cells.get(key);
      if (previous === undefined || JSON.stringify(previous) !== JSON.stringify(view)) this.paintCell(view[0], view[1], view);
    }
    this.cells.clear();
    for (const [key, view] of next) this.cells.set(key, view);
  }

  td(r: number, c: number): HTMLTableCellElement | null {
    const body = this.table.tBodies[0];
    if (!body || r < 1 || r > this.rows || c < 1 || c > this.columns) return null;
    return body.rows[r - 1]?.cells[c] ?? null;
  }

  /** Highlights the selected blocks, their row and column headers, and the active cell. */
  paintSelection(ranges: readonly Rect[], activePoint: Point): void {
    for (const element of this.painted) element.classList.remove('sel', 'active', 'hl');
    for (const element of this.painted) if (element.tagName === 'TD') element.setAttribute('aria-selected', 'false');
    this.painted = [];
    const head = this.table.tHead?.rows[0];
    const body = this.table.tBodies[0];
    for (const rect of ranges) {
      const r2 = Math.min(rect.r2, this.rows);
      const c2 = Math.min(rect.c2, this.columns);
      for (let r = rect.r1; r <= r2; r++) {
        const header = body?.rows[r - 1]?.cells[0];
        if (header) this.mark(header, 'hl');
        for (let c = rect.c1; c <= c2; c++) {
          const td = this.td(r, c);
          if (td) this.mark(td, 'sel');
        }
      }
      for (let c = rect.c1; c <= c2; c++) {
        const header = head?.cells[c];
        if (header) this.mark(header, 'hl');
      }
    }
    const active = this.td(activePoint.r, activePoint.c);
    if (active) {
      this.mark(active, 'active');
      this.table.setAttribute('aria-activedescendant', active.id);
    }
  }

  /** Scrolls so the cell is visible below the sticky header and frozen rows. */
  scrollIntoView(point: Point): void {
    const td = this.td(point.r, point.c);
    if (!td) return;
    const top = td.offsetTop - ROW_HEIGHT * (1 + this.frozenRows);
    const bottom = td.offsetTop + td.offsetHeight;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (bottom > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = bottom - this.scroller.clientHeight;
    const left = td.offsetLeft - ROW_HEADER_WIDTH;
    const right = td.offsetLeft + td.offsetWidth;
    if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
    else if (right > this.scroller.scrollLeft + this.scroller.clientWidth) this.scroller.scrollLeft = right - this.scroller.clientWidth;
  }

  private build(sheet: SheetView): void {
    this.table.replaceChildren();
    const colgroup = el('colgroup', {}, el('col', { style: `width:${String(ROW_HEADER_WIDTH)}px` }));
    let totalWidth = ROW_HEADER_WIDTH;
    for (let c = 1; c <= this.columns; c++) {
      const width = sheet.columnWidths[String(c)] ?? DEFAULT_WIDTH;
      totalWidth += width;
      colgroup.append(el('col', { style: `width:${String(width)}px` }));
    }
    this.table.style.width = `${String(totalWidth)}px`;
    const headRow = el('tr', { 'aria-rowindex': '1' }, el('th', { class: 'corner', 'aria-label': 'Select all', scope: 'col' }));
    for (let c = 1; c <= this.columns; c++) {
      headRow.append(
        el(
          'th',
          { scope: 'col', 'data-c': String(c), 'aria-colindex': String(c + 1), title: `Select column ${columnLetters(c)}` },
          columnLetters(c),
          ColumnResize.handle(c, columnLetters(c)),
        ),
      );
    }
    const body = el('tbody');
    for (let r = 1; r <= this.rows; r++) {
      const header = el('th', { scope: 'row', 'data-r': String(r), title: `Select row ${String(r)}` }, String(r));
      const row = el('tr', { 'aria-rowindex': String(r + 1) }, header);
      if (r <= sheet.frozenRows) {
        row.className = 'frozen';
        header.style.top = `${String(ROW_HEIGHT * r)}px`;
      }
      for (let c = 1; c <= this.columns; c++) {
        const td = el('td', {
          role: 'gridcell',
          id: `cell-${String(r)}-${String(c)}`,
          'data-r': String(r),
          'data-c': String(c),
          'aria-colindex': String(c + 1),
        });
        if (r <= sheet.frozenRows) td.style.top = `${String(ROW_HEIGHT * r)}px`;
        row.append(td);
      }
      body.append(row);
    }
    this.table.append(colgroup, el('thead', {}, headRow), body);
    this.painted = [];
  }

  private paintCell(r: number, c: number, view: CellView | undefined): void {
    const td = this.td(r, c);
    if (!td) return;
    const details = view?.[3];
    td.textContent = view?.[2] ?? '';
    const classes: string[] = [];
    if (details?.t === 'n') classes.push('num');
    if (details?.t === 'b') classes.push('bool');
    if (details?.t === 'e') classes.push('err');
    if (details?.f !== undefined) classes.push('formula');
    if (details?.s !== undefined) classes.push('spill');
    if (details?.bold !== undefined) classes.push('bold');
    if (details?.w !== undefined) classes.push('wrap');
    if (details?.note !== undefined) classes.push('note');
    // The selection's classes belong to paintSelection; a new value must not wipe them.
    if (td.classList.contains('sel')) classes.push('sel');
    if (td.classList.contains('active')) classes.push('active');
    td.className = classes.join(' ');
    td.style.backgroundColor = details?.bg ?? '';
    const title = view ? tooltip(view) : '';
    if (title === '') td.removeAttribute('title');
    else td.title = title;
  }

  private mark(element: HTMLElement, name: string): void {
    element.classList.add(name);
    if (element.tagName === 'TD') element.setAttribute('aria-selected', 'true');
    this.painted.push(element);
  }
}
