/**
 * One tab drawn as a grid, as main.ts sees it: the mouse (click, drag, shift+click,
 * ctrl/cmd+click), the keyboard, copying and pasting (clipboard.ts) and the headers' right-click menu
 * (context-menu.ts) wired to the parts beside this file: the table's
 * drawing (grid-table.ts), the selection (grid-selection.ts), the key map (grid-keys.ts) and the
 * in-cell editor (grid-editor.ts), and the columns' widths (column-resize.ts).
 */
import type { SheetView } from '../api-types';
import { cellA1, type Point, type Rect } from './a1';
import { ColumnResize } from './column-resize';
import { CellEditor } from './grid-editor';
import { gridKeyAction } from './grid-keys';
import { Selection, type Bounds } from './grid-selection';
import { GridTable, ROW_HEIGHT } from './grid-table';
import { toTsv, parseTsv } from './clipboard';
import { openHeaderMenu, type StructureAction } from './context-menu';

export interface GridHandlers {
  /** The selection changed (ranges in A1 notation, the active cell's range first). */
  select(sheet: string, ranges: string[]): void;
  /** The user typed `input` into a cell. */
  edit(sheet: string, cell: string, input: string): Promise<void>;
  /** Delete/Backspace over the selection. */
  clear(sheet: string, ranges: string[]): Promise<void>;
  /** The user dragged a column's edge (or double-clicked it to fit): its new width in pixels. */
  resizeColumn(sheet: string, column: number, width: number): void;
  /** The active cell or its content changed (for the formula bar). */
  /** Ctrl+V / Cmd+V of text on the grid: rows of cells to write from the active cell. */
  paste(sheet: string, cell: string, rows: string[][]): Promise<void>;
  /** Insert or delete rows or columns (the header's right-click menu). */
  structure(sheet: string, action: StructureAction, at: number, count: number): Promise<void>;
  /** Sort the sheet by a column, the frozen header rows staying on top. */
  sort(sheet: string, column: number, ascending: boolean): Promise<void>;
  activeChanged(): void;
  status(message: string): void;
}

export class Grid {
  readonly table: HTMLTableElement;
  private sheet: SheetView | null = null;
  private readonly drawing: GridTable;
  private readonly selection = new Selection();
  private readonly editor: CellEditor;
  private dragging = false;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly handlers: GridHandlers,
  ) {
    this.drawing = new GridTable(scroller);
    this.table = this.drawing.table;
    this.editor = new CellEditor({
      scroller,
      td: (point) => this.drawing.td(point.r, point.c),
      scrollIntoView: (point) => {
        this.drawing.scrollIntoView(point);
      },
      focus: () => {
        this.focus();
      },
      move: (dr, dc) => {
        this.move(dr, dc, false);
      },
      sheetName: () => this.sheetName,
      save: (sheet, cell, input) => this.handlers.edit(sheet, cell, input),
    });
    new ColumnResize(this.table, (column, width) => {
      if (this.sheet) this.handlers.resizeColumn(this.sheet.name, column, width);
    });
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
    this.table.addEventListener('contextmenu', (event) => {
      this.onContextMenu(event);
    });
    document.addEventListener('paste', (event) => {
      this.onPaste(event);
    });
    this.table.addEventListener('keydown', (event) => {
      this.onKeyDown(event);
    });
  }

  get sheetName(): string | null {
    return this.sheet?.name ?? null;
  }

  get editing(): boolean {
    return this.editor.editing;
  }

  /** The active cell's A1 and what editing it starts from. */
  activeCell(): { a1: string; input: string; selection: string } {
    const view = this.drawing.view(this.selection.active);
    const details = view?.[3];
    const input = details?.f ?? details?.i ?? view?.[2] ?? '';
    return { a1: cellA1(this.selection.active), input, selection: this.selectionA1().join(', ') };
  }

  /** The selection in A1 notation, the block holding the active cell first. */
  selectionA1(): string[] {
    return this.selection.a1(this.sheet);
  }

  /** Draws a tab (rebuilding the table only when its shape changed). */
  show(sheet: SheetView): void {
    const switched = this.sheet?.name !== sheet.name;
    this.sheet = sheet;
    this.drawing.draw(sheet, this.selection.active.r);
    if (switched) this.scroller.scrollTo({ top: 0, left: 0 });
    this.paintSelection();
  }

  /** Selects blocks given in A1 notation (from the server, after the add-on moved the selection). */
  setSelection(rects: Rect[], active?: Point): void {
    if (rects.length === 0) return;
    this.selection.set(rects, active);
    this.paintSelection();
  }

  focus(): void {
    this.table.focus({ preventScroll: true });
  }

  /** Opens the in-cell editor on the active cell, with `initial` typed (null: the cell's content). */
  startEdit(initial: string | null): void {
    this.editor.start(this.selection.active, this.activeCell().input, initial);
  }

  private bounds(): Bounds {
    const { rows, columns } = this.drawing;
    return { maxRows: this.sheet?.maxRows ?? rows, maxColumns: this.sheet?.maxColumns ?? columns, rows, columns };
  }

  private paintSelection(): void {
    this.drawing.paintSelection(this.selection.ranges, this.selection.active);
    this.handlers.activeChanged();
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

  private onMouseDown(event: MouseEvent): void {
    if (event.button !== 0) return;
    const point = this.pointOf(event.target);
    if (!point) return;
    event.preventDefault();
    if (this.editor.editing) void this.editor.commit(null);
    this.focus();
    const whole = point.r === 0 || point.c === 0;
    this.selection.click(point, event.shiftKey, event.ctrlKey || event.metaKey, this.bounds());
    // A header click selects at once; a cell click may become a drag, announced on mouseup.
    this.dragging = !whole;
    this.paintSelection();
    if (whole) this.announceSelection();
  }

  private onMouseOver(event: MouseEvent): void {
    if (!this.dragging) return;
    const point = this.pointOf(event.target);
    if (!point || point.r < 1 || point.c < 1) return;
    this.selection.dragTo(point);
    this.paintSelection();
  }

  private announceSelection(): void {
    const name = this.sheet?.name;
    if (name !== undefined) this.handlers.select(name, this.selectionA1());
  }

  private move(dr: number, dc: number, extend: boolean): void {
    this.drawing.scrollIntoView(this.selection.move(dr, dc, extend, this.bounds()));
    this.paintSelection();
    this.announceSelection();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.editor.editing) return;
    const page = Math.max(1, Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 2);
    const { rows, columns } = this.drawing;
    const action = gridKeyAction(event, { active: this.selection.active, rows, columns, page });
    if (!action) return;
    switch (action.kind) {
      case 'move':
        this.move(action.dr, action.dc, action.extend);
        break;
      case 'edit':
        this.startEdit(action.initial);
        break;
      case 'clear': {
        const name = this.sheet?.name;
        if (name !== undefined) void this.handlers.clear(name, this.selectionA1());
        break;
      }
      case 'copy':
        void this.copySelection();
        break;
    }
    event.preventDefault();
  }

  /** Ctrl+V / Cmd+V while the grid has the focus (not the cell editor, not the formula bar). */
  private onPaste(event: ClipboardEvent): void {
    if (this.editor.editing || document.activeElement !== this.table || !this.sheet) return;
    const rows = parseTsv(event.clipboardData?.getData('text/plain') ?? '');
    event.preventDefault();
    if (rows.length === 0) return;
    void this.handlers.paste(this.sheet.name, cellA1(this.selection.active), rows);
  }

  /** A right-click on a row or column header: the rows or columns selected there, else that one. */
  private onContextMenu(event: MouseEvent): void {
    const point = this.pointOf(event.target);
    const sheet = this.sheet;
    if (!point || !sheet || (point.r === 0) === (point.c === 0)) return;
    event.preventDefault();
    const kind = point.r === 0 ? 'column' : 'row';
    const index = kind === 'row' ? point.r : point.c;
    const whole = this.selection.ranges.find((rect) =>
      kind === 'row'
        ? rect.c1 === 1 && rect.c2 === sheet.maxColumns && rect.r1 <= index && index <= rect.r2
        : rect.r1 === 1 && rect.r2 === sheet.maxRows && rect.c1 <= index && index <= rect.c2,
    );
    if (!whole) {
      this.selection.click(point, false, false, this.bounds());
      this.paintSelection();
      this.announceSelection();
    }
    const first = whole ? (kind === 'row' ? whole.r1 : whole.c1) : index;
    const count = whole ? (kind === 'row' ? whole.r2 - whole.r1 + 1 : whole.c2 - whole.c1 + 1) : 1;
    openHeaderMenu(
      event,
      { kind, first, count },
      {
        structure: (action, at, howMany) => void this.handlers.structure(sheet.name, action, at, howMany),
        sort: (column, ascending) => void this.handlers.sort(sheet.name, column, ascending),
      },
    );
  }

  /** Copies the first selected block's shown values as tab-separated text. */
  private async copySelection(): Promise<void> {
    const rect = this.selection.ranges[0];
    if (!rect) return;
    const lines: string[][] = [];
    for (let r = rect.r1; r <= Math.min(rect.r2, this.drawing.rows); r++) {
      const line: string[] = [];
      for (let c = rect.c1; c <= Math.min(rect.c2, this.drawing.columns); c++) line.push(this.drawing.view({ r, c })?.[2] ?? '');
      lines.push(line);
    }
    try {
      await navigator.clipboard.writeText(toTsv(lines));
      this.handlers.status(`Copied ${this.selectionA1()[0] ?? ''}.`);
    } catch {
      this.handlers.status('The browser did not allow copying.');
    }
  }
}
