/**
 * One tab drawn as a grid: column letters, row numbers, values (a formula shows its value, with the
 * formula and any error in the cell's title), selection by click, drag, shift+click and
 * ctrl/cmd+click, keyboard moves, and in-cell editing (double-click, Enter, F2 or typing).
 */
import type { CellView, SheetView } from '../api-types';
import { cellA1, columnLetters, contains, rectA1, rectOf, type Point, type Rect } from './a1';
import { el } from './dom';

export interface GridHandlers {
  /** The selection changed (ranges in A1 notation, the active cell's range first). */
  select(sheet: string, ranges: string[]): void;
  /** The user typed `input` into a cell. */
  edit(sheet: string, cell: string, input: string): Promise<void>;
  /** Delete/Backspace over the selection. */
  clear(sheet: string, ranges: string[]): Promise<void>;
  /** The active cell or its content changed (for the formula bar). */
  activeChanged(): void;
  status(message: string): void;
}

const MIN_ROWS = 40;
const EXTRA_ROWS = 25;
const MIN_COLUMNS = 12;
const EXTRA_COLUMNS = 3;
const DEFAULT_WIDTH = 100;
const ROW_HEADER_WIDTH = 46;
const ROW_HEIGHT = 24;

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

export class Grid {
  readonly table: HTMLTableElement;
  private sheet: SheetView | null = null;
  private readonly cells = new Map<string, CellView>();
  private rows = 0;
  private columns = 0;
  private shapeKey = '';
  /** Selected blocks; the last one is the one shift extends. */
  private ranges: Rect[] = [{ r1: 1, c1: 1, r2: 1, c2: 1 }];
  private active: Point = { r: 1, c: 1 };
  /** The corner opposite the active cell in the last block (what shift+arrows move). */
  private far: Point = { r: 1, c: 1 };
  private dragging = false;
  private painted: HTMLElement[] = [];
  private editor: { input: HTMLInputElement; at: Point; original: string } | null = null;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly handlers: GridHandlers,
  ) {
    this.table = el('table', { class: 'grid', role: 'grid', tabindex: '0', 'aria-multiselectable': 'true' });
    this.scroller.append(this.table);
    this.table.addEventListener('mousedown', (event) => {
      this.onMouseDown(event);
    });
    this.table.addEventListener('mouseover', (event) => {
      this.onMouseOver(event);
    });
    document.addEventListener('mouseup', () => {
      if (!this.dragging) return;
      this.dragging = false;
      this.announceSelection();
    });
    this.table.addEventListener('dblclick', (event) => {
      const point = this.pointOf(event.target);
      if (point && point.r > 0 && point.c > 0) this.startEdit(null);
    });
    this.table.addEventListener('keydown', (event) => {
      this.onKeyDown(event);
    });
  }

  get sheetName(): string | null {
    return this.sheet?.name ?? null;
  }

  get editing(): boolean {
    return this.editor !== null;
  }

  /** The active cell's A1 and what editing it starts from. */
  activeCell(): { a1: string; input: string; selection: string } {
    const view = this.cells.get(`${String(this.active.r)}:${String(this.active.c)}`);
    const details = view?.[3];
    const input = details?.f ?? details?.i ?? view?.[2] ?? '';
    return { a1: cellA1(this.active), input, selection: this.selectionA1().join(', ') };
  }

  /** The selection in A1 notation, the block holding the active cell first. */
  selectionA1(): string[] {
    const sheet = this.sheet;
    if (!sheet) return ['A1'];
    const a1 = this.ranges.map((rect) => rectA1(rect, sheet.maxRows, sheet.maxColumns));
    const activeIndex = this.ranges.findIndex((rect) => contains(rect, this.active));
    if (activeIndex > 0) a1.unshift(...a1.splice(activeIndex, 1));
    return a1;
  }

  /** Draws a tab (rebuilding the table only when its shape changed). */
  show(sheet: SheetView): void {
    const switched = this.sheet?.name !== sheet.name;
    this.sheet = sheet;
    const rows = Math.min(sheet.maxRows, Math.max(MIN_ROWS, sheet.lastRow + EXTRA_ROWS, this.active.r + 1));
    const columns = Math.min(sheet.maxColumns, Math.max(MIN_COLUMNS, sheet.lastColumn + EXTRA_COLUMNS));
    const shapeKey = JSON.stringify([sheet.name, rows, columns, sheet.frozenRows, sheet.columnWidths]);
    if (shapeKey !== this.shapeKey) {
      this.shapeKey = shapeKey;
      this.rows = rows;
      this.columns = columns;
      this.build(sheet);
      this.cells.clear();
    }
    this.table.setAttribute('aria-label', `Sheet ${sheet.name}`);
    this.table.setAttribute('aria-rowcount', String(rows + 1));
    this.table.setAttribute('aria-colcount', String(columns + 1));
    const next = new Map<string, CellView>();
    for (const view of sheet.cells ?? []) next.set(`${String(view[0])}:${String(view[1])}`, view);
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
    if (switched) this.scroller.scrollTo({ top: 0, left: 0 });
    this.paintSelection();
  }

  /** Selects blocks given in A1 notation (from the server, after the add-on moved the selection). */
  setSelection(rects: Rect[], active?: Point): void {
    if (rects.length === 0) return;
    this.ranges = rects.map((rect) => ({ ...rect }));
    const first = this.ranges[0] ?? { r1: 1, c1: 1, r2: 1, c2: 1 };
    this.active = active ?? { r: first.r1, c: first.c1 };
    const last = this.ranges[this.ranges.length - 1] ?? first;
    this.far = { r: last.r2, c: last.c2 };
    this.paintSelection();
  }

  focus(): void {
    this.table.focus({ preventScroll: true });
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
      headRow.append(el('th', { scope: 'col', 'data-c': String(c), 'aria-colindex': String(c + 1), title: `Select column ${columnLetters(c)}` }, columnLetters(c)));
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
        const td = el('td', { role: 'gridcell', id: `cell-${String(r)}-${String(c)}`, 'data-r': String(r), 'data-c': String(c), 'aria-colindex': String(c + 1) });
        if (r <= sheet.frozenRows) td.style.top = `${String(ROW_HEIGHT * r)}px`;
        row.append(td);
      }
      body.append(row);
    }
    this.table.append(colgroup, el('thead', {}, headRow), body);
    this.painted = [];
  }

  private td(r: number, c: number): HTMLTableCellElement | null {
    const body = this.table.tBodies[0];
    if (!body || r < 1 || r > this.rows || c < 1 || c > this.columns) return null;
    return body.rows[r - 1]?.cells[c] ?? null;
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
    if (details?.note !== undefined) classes.push('note');
    if (td.classList.contains('sel')) classes.push('sel');
    if (td.classList.contains('active')) classes.push('active');
    td.className = classes.join(' ');
    td.style.backgroundColor = details?.bg ?? '';
    const title = view ? tooltip(view) : '';
    if (title === '') td.removeAttribute('title');
    else td.title = title;
  }

  private paintSelection(): void {
    for (const element of this.painted) element.classList.remove('sel', 'active', 'hl');
    for (const element of this.painted) if (element.tagName === 'TD') element.setAttribute('aria-selected', 'false');
    this.painted = [];
    const head = this.table.tHead?.rows[0];
    const body = this.table.tBodies[0];
    for (const rect of this.ranges) {
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
    const active = this.td(this.active.r, this.active.c);
    if (active) {
      this.mark(active, 'active');
      this.table.setAttribute('aria-activedescendant', active.id);
    }
    this.handlers.activeChanged();
  }

  private mark(element: HTMLElement, name: string): void {
    element.classList.add(name);
    if (element.tagName === 'TD') element.setAttribute('aria-selected', 'true');
    this.painted.push(element);
  }

  private scrollIntoView(point: Point): void {
    const td = this.td(point.r, point.c);
    if (!td) return;
    const top = td.offsetTop - ROW_HEIGHT * (1 + (this.sheet?.frozenRows ?? 0));
    const bottom = td.offsetTop + td.offsetHeight;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (bottom > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = bottom - this.scroller.clientHeight;
    const left = td.offsetLeft - ROW_HEADER_WIDTH;
    const right = td.offsetLeft + td.offsetWidth;
    if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
    else if (right > this.scroller.scrollLeft + this.scroller.clientWidth) this.scroller.scrollLeft = right - this.scroller.clientWidth;
  }

  private pointOf(target: EventTarget | null): Point | null {
    if (!(target instanceof HTMLElement)) return null;
    const cell = target.closest('td, th');
    if (!(cell instanceof HTMLElement)) return null;
    const r = cell.dataset['r'];
    const c = cell.dataset['c'];
    if (cell.classList.contains('corner')) return { r: 0, c: 0 };
    return { r: r === undefined ? 0 : Number(r), c: c === undefined ? 0 : Number(c) };
  }

  private wholeRect(point: Point): Rect {
    const sheet = this.sheet;
    const maxRows = sheet?.maxRows ?? this.rows;
    const maxColumns = sheet?.maxColumns ?? this.columns;
    if (point.r === 0 && point.c === 0) return { r1: 1, c1: 1, r2: maxRows, c2: maxColumns };
    if (point.r === 0) return { r1: 1, c1: point.c, r2: maxRows, c2: point.c };
    if (point.c === 0) return { r1: point.r, c1: 1, r2: point.r, c2: maxColumns };
    return { r1: point.r, c1: point.c, r2: point.r, c2: point.c };
  }

  private onMouseDown(event: MouseEvent): void {
    if (event.button !== 0) return;
    const point = this.pointOf(event.target);
    if (!point) return;
    event.preventDefault();
    if (this.editor) void this.commitEdit(null);
    this.focus();
    const whole = point.r === 0 || point.c === 0;
    const target: Point = { r: Math.max(1, point.r), c: Math.max(1, point.c) };
    if (event.shiftKey && !whole) {
      this.far = target;
      this.ranges[this.ranges.length - 1] = rectOf(this.active, target);
    } else if (event.ctrlKey || event.metaKey) {
      this.ranges.push(this.wholeRect(point));
      this.active = target;
      this.far = target;
    } else {
      this.ranges = [this.wholeRect(point)];
      this.active = target;
      this.far = target;
    }
    this.dragging = !whole;
    this.paintSelection();
    if (whole) this.announceSelection();
  }

  private onMouseOver(event: MouseEvent): void {
    if (!this.dragging) return;
    const point = this.pointOf(event.target);
    if (!point || point.r < 1 || point.c < 1) return;
    this.far = point;
    this.ranges[this.ranges.length - 1] = rectOf(this.active, point);
    this.paintSelection();
  }

  private announceSelection(): void {
    const name = this.sheet?.name;
    if (name !== undefined) this.handlers.select(name, this.selectionA1());
  }

  private move(dr: number, dc: number, extend: boolean): void {
    const clamp = (point: Point): Point => ({ r: Math.min(Math.max(1, point.r), this.rows), c: Math.min(Math.max(1, point.c), this.columns) });
    if (extend) {
      this.far = clamp({ r: this.far.r + dr, c: this.far.c + dc });
      this.ranges = [rectOf(this.active, this.far)];
      this.scrollIntoView(this.far);
    } else {
      this.active = clamp({ r: this.active.r + dr, c: this.active.c + dc });
      this.far = this.active;
      this.ranges = [rectOf(this.active, this.active)];
      this.scrollIntoView(this.active);
    }
    this.paintSelection();
    this.announceSelection();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.editor) return;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 2);
    const command = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowUp':
        this.move(command ? 1 - this.active.r : -1, 0, event.shiftKey);
        break;
      case 'ArrowDown':
        this.move(command ? this.rows : 1, 0, event.shiftKey);
        break;
      case 'ArrowLeft':
        this.move(0, command ? 1 - this.active.c : -1, event.shiftKey);
        break;
      case 'ArrowRight':
        this.move(0, command ? this.columns : 1, event.shiftKey);
        break;
      case 'PageDown':
        this.move(page, 0, event.shiftKey);
        break;
      case 'PageUp':
        this.move(-page, 0, event.shiftKey);
        break;
      case 'Home':
        this.move(command ? 1 - this.active.r : 0, 1 - this.active.c, false);
        break;
      case 'Tab':
        this.move(0, event.shiftKey ? -1 : 1, false);
        break;
      case 'Enter':
      case 'F2':
        this.startEdit(null);
        break;
      case 'Delete':
      case 'Backspace': {
        const name = this.sheet?.name;
        if (name !== undefined) void this.handlers.clear(name, this.selectionA1());
        break;
      }
      default:
        if (command && event.key.toLowerCase() === 'c') {
          void this.copySelection();
          break;
        }
        if (event.key.length === 1 && !command && !event.altKey) {
          this.startEdit(event.key);
          break;
        }
        return;
    }
    event.preventDefault();
  }

  /** Copies the first selected block's shown values as tab-separated text. */
  private async copySelection(): Promise<void> {
    const rect = this.ranges[0];
    if (!rect) return;
    const lines: string[] = [];
    for (let r = rect.r1; r <= Math.min(rect.r2, this.rows); r++) {
      const line: string[] = [];
      for (let c = rect.c1; c <= Math.min(rect.c2, this.columns); c++) line.push(this.cells.get(`${String(r)}:${String(c)}`)?.[2] ?? '');
      lines.push(line.join('\t'));
    }
    try {
      await navigator.clipboard.writeText(lines.join('\n'));
      this.handlers.status(`Copied ${this.selectionA1()[0] ?? ''}.`);
    } catch {
      this.handlers.status('The browser did not allow copying.');
    }
  }

  /** Opens the in-cell editor on the active cell, with `initial` typed (null: the cell's content). */
  startEdit(initial: string | null): void {
    const td = this.td(this.active.r, this.active.c);
    if (!td || this.editor) return;
    this.scrollIntoView(this.active);
    const original = this.activeCell().input;
    const input = el('input', { class: 'cell-editor', 'aria-label': `Edit ${cellA1(this.active)}`, spellcheck: 'false', autocomplete: 'off' });
    input.value = initial ?? original;
    input.style.left = `${String(td.offsetLeft)}px`;
    input.style.top = `${String(td.offsetTop)}px`;
    input.style.width = `${String(Math.max(td.offsetWidth, 260))}px`;
    this.editor = { input, at: { ...this.active }, original };
    this.scroller.append(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        void this.commitEdit({ r: event.shiftKey ? -1 : 1, c: 0 });
      } else if (event.key === 'Tab') {
        event.preventDefault();
        void this.commitEdit({ r: 0, c: event.shiftKey ? -1 : 1 });
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.cancelEdit();
      }
    });
    input.addEventListener('blur', () => {
      if (this.editor?.input === input) void this.commitEdit(null);
    });
  }

  private cancelEdit(): void {
    const editor = this.editor;
    if (!editor) return;
    this.editor = null;
    editor.input.remove();
    this.focus();
  }

  /** Saves what the editor holds (if it changed), then moves by `then` (null: stays). */
  private async commitEdit(then: Point | null): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    this.editor = null;
    const value = editor.input.value;
    editor.input.remove();
    const name = this.sheet?.name;
    if (then) {
      this.focus();
      this.move(then.r, then.c, false);
    }
    if (value === editor.original || name === undefined) return;
    const td = this.td(editor.at.r, editor.at.c);
    if (td) td.textContent = value.startsWith('=') ? '…' : value;
    await this.handlers.edit(name, cellA1(editor.at), value);
  }
}
