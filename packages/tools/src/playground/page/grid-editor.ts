/**
 * The in-cell editor: an input laid over the active cell (double-click, Enter, F2 or typing opens
 * it), saved on Enter, Tab or leaving it, dropped on Escape.
 */
import { cellA1, type Point } from './a1';
import { el } from './dom';

/** What the editor needs of the grid around it. */
export interface EditorHost {
  /** Where the input is laid, over the cell. */
  readonly scroller: HTMLElement;
  td(point: Point): HTMLTableCellElement | null;
  scrollIntoView(point: Point): void;
  /** Gives the keyboard back to the grid. */
  focus(): void;
  /** Moves the active cell after a save by Enter or Tab, as Sheets does. */
  move(dr: number, dc: number): void;
  sheetName(): string | null;
  save(sheet: string, cell: string, input: string): Promise<void>;
}

export class CellEditor {
  private open: { input: HTMLInputElement; at: Point; original: string } | null = null;

  constructor(private readonly host: EditorHost) {}

  get editing(): boolean {
    return this.open !== null;
  }

  /** Opens on `at`, whose content is `original`, with `initial` typed (null: the content). */
  start(at: Point, original: string, initial: string | null): void {
    const td = this.host.td(at);
    if (!td || this.open) return;
    this.host.scrollIntoView(at);
    const input = el('input', { class: 'cell-editor', 'aria-label': `Edit ${cellA1(at)}`, spellcheck: 'false', autocomplete: 'off' });
    input.value = initial ?? original;
    input.style.left = `${String(td.offsetLeft)}px`;
    input.style.top = `${String(td.offsetTop)}px`;
    input.style.width = `${String(Math.max(td.offsetWidth, 260))}px`;
    this.open = { input, at: { ...at }, original };
    this.host.scroller.append(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        void this.commit({ r: event.shiftKey ? -1 : 1, c: 0 });
      } else if (event.key === 'Tab') {
        event.preventDefault();
        void this.commit({ r: 0, c: event.shiftKey ? -1 : 1 });
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.cancel();
      }
    });
    input.addEventListener('blur', () => {
      // A commit or cancel has already let go of this input; its removal must not save twice.
      if (this.open?.input === input) void this.commit(null);
    });
  }

  /** Saves what the editor holds (if it changed), then moves by `then` (null: stays). */
  async commit(then: Point | null): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.open = null;
    const value = open.input.value;
    open.input.remove();
    const name = this.host.sheetName();
    if (then) {
      this.host.focus();
      this.host.move(then.r, then.c);
    }
    if (value === open.original || name === null) return;
    const td = this.host.td(open.at);
    // Shows the typed value until the server's redraw; a formula's value is not known yet.
    if (td) td.textContent = value.startsWith('=') ? '…' : value;
    await this.host.save(name, cellA1(open.at), value);
  }

  private cancel(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    open.input.remove();
    this.host.focus();
  }
}
