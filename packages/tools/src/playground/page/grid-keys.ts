/**
 * What a key pressed on the grid (not in the cell editor) asks for, decided apart from doing it so
 * the key map reads as one table, as Sheets' own shortcuts do.
 */
import type { Point } from './a1';

export type GridKeyAction =
  | { kind: 'move'; dr: number; dc: number; extend: boolean }
  | { kind: 'edit'; initial: string | null }
  | { kind: 'clear' }
  | { kind: 'copy' };

/** Where the grid stands when the key is pressed. */
export interface KeyContext {
  active: Point;
  /** The drawn rows and columns: ctrl/cmd+arrow moves by that much and is clamped to the edge. */
  rows: number;
  columns: number;
  /** Rows that Page Up/Down moves by. */
  page: number;
}

/** The action for a key, or null for a key the grid leaves to the browser. */
export function gridKeyAction(event: KeyboardEvent, at: KeyContext): GridKeyAction | null {
  const command = event.ctrlKey || event.metaKey;
  const move = (dr: number, dc: number, extend = event.shiftKey): GridKeyAction => ({ kind: 'move', dr, dc, extend });
  switch (event.key) {
    case 'ArrowUp':
      return move(command ? 1 - at.active.r : -1, 0);
    case 'ArrowDown':
      return move(command ? at.rows : 1, 0);
    case 'ArrowLeft':
      return move(0, command ? 1 - at.active.c : -1);
    case 'ArrowRight':
      return move(0, command ? at.columns : 1);
    case 'PageDown':
      return move(at.page, 0);
    case 'PageUp':
      return move(-at.page, 0);
    case 'Home':
      return move(command ? 1 - at.active.r : 0, 1 - at.active.c, false);
    case 'Tab':
      return move(0, event.shiftKey ? -1 : 1, false);
    case 'Enter':
    case 'F2':
      return { kind: 'edit', initial: null };
    case 'Delete':
    case 'Backspace':
      return { kind: 'clear' };
    default:
      if (command && event.key.toLowerCase() === 'c') return { kind: 'copy' };
      if (event.key.length === 1 && !command && !event.altKey) return { kind: 'edit', initial: event.key };
      return null;
  }
}
