/**
 * Widening a column as in Sheets: drag the right edge of its letter, or double-click that edge to
 * fit the column to what its cells show. The width shows at once; the server is told when the drag
 * ends (it keeps the tab's widths, as the add-on's setColumnWidth does).
 */

/** Sheets' narrowest and widest column that a drag makes, in pixels. */
const MIN_WIDTH = 20;
const MAX_WIDTH = 1000;
/** A cell's padding and border, beyond its text. */
const CELL_EXTRA = 12;

export class ColumnResize {
  constructor(
    private readonly table: HTMLTableElement,
    private readonly resized: (column: number, width: number) => void,
  ) {
    // In the capture phase, so the grid's own mousedown (which selects the column) never sees it.
    table.addEventListener(
      'mousedown',
      (event) => {
        this.onMouseDown(event);
      },
      true,
    );
    table.addEventListener(
      'dblclick',
      (event) => {
        this.onDoubleClick(event);
      },
      true,
    );
  }

  /** The handle for a column's right edge, put in its letter's header cell. */
  static handle(column: number, letters: string): HTMLElement {
    const handle = document.createElement('span');
    handle.className = 'col-resize';
    handle.dataset['resize'] = String(column);
    handle.title = `Drag to widen column ${letters}; double-click to fit it`;
    return handle;
  }

  private columnOf(target: EventTarget | null): number | null {
    if (!(target instanceof HTMLElement) || !target.classList.contains('col-resize')) return null;
    const column = Number(target.dataset['resize']);
    return Number.isInteger(column) && column > 0 ? column : null;
  }

  /** The <col> that sets a column's width (the first is the row numbers'). */
  private col(column: number): HTMLElement | null {
    const col = this.table.querySelectorAll('colgroup col')[column];
    return col instanceof HTMLElement ? col : null;
  }

  private show(column: number, width: number): void {
    const col = this.col(column);
    if (!col) return;
    const before = col.getBoundingClientRect().width;
    col.style.width = `${String(width)}px`;
    this.table.style.width = `${String(this.table.getBoundingClientRect().width - before + width)}px`;
  }

  private onMouseDown(event: MouseEvent): void {
    const column = this.columnOf(event.target);
    if (column === null || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const startWidth = this.col(column)?.getBoundingClientRect().width ?? 100;
    let width = startWidth;
    const move = (moved: MouseEvent): void => {
      width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, startWidth + moved.clientX - startX)));
      this.show(column, width);
    };
    const up = (): void => {
      document.removeEventListener('mousemove', move);
      document.removeEventListener('mouseup', up);
      if (width !== startWidth) this.resized(column, width);
    };
    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', up);
  }

  /** Fits the column to the widest text its drawn cells hold. */
  private onDoubleClick(event: MouseEvent): void {
    const column = this.columnOf(event.target);
    if (column === null) return;
    event.preventDefault();
    event.stopPropagation();
    let widest = 0;
    for (const cell of this.table.querySelectorAll<HTMLElement>(`td[data-c="${String(column)}"]`)) {
      if (cell.textContent !== '') widest = Math.max(widest, cell.scrollWidth);
    }
    if (widest === 0) return;
    const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + CELL_EXTRA)));
    this.show(column, width);
    this.resized(column, width);
  }
}
