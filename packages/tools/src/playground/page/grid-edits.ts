/**
 * The grid's edits beyond a cell, sent to the server (one call each) and said in the status line in
 * plain words: paste, insert and delete rows and columns, sort, and the "+" that adds a tab.
 */
import { columnLetters } from './a1';
import { postJson } from './api';
import { byId } from './dom';
import type { GridHandlers } from './grid';

export interface GridEditEffects {
  status(message: string, error?: boolean): void;
  /** Redraws the tab shown (after a change to it). */
  redraw(): Promise<void>;
  /** Redraws following the server's active sheet (after a tab was added). */
  adopt(): Promise<void>;
}

const count = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

function why(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What an insert or delete did, as the status line says it. */
function describe(action: string, at: number, howMany: number): string {
  const rows = action.includes('rows');
  const name = (i: number): string => (rows ? String(i) : columnLetters(i));
  const span =
    howMany === 1 ? `${rows ? 'row' : 'column'} ${name(at)}` : `${rows ? 'rows' : 'columns'} ${name(at)}–${name(at + howMany - 1)}`;
  const what = count(howMany, rows ? 'row' : 'column');
  switch (action) {
    case 'insert-rows-before':
      return `Inserted ${what} above row ${String(at)}.`;
    case 'insert-rows-after':
      return `Inserted ${what} below row ${String(at)}.`;
    case 'insert-columns-before':
      return `Inserted ${what} left of column ${name(at)}.`;
    case 'insert-columns-after':
      return `Inserted ${what} right of column ${name(at)}.`;
    default:
      return `Deleted ${span}.`;
  }
}

export function gridEditHandlers(effects: GridEditEffects): Pick<GridHandlers, 'paste' | 'structure' | 'sort'> {
  return {
    paste: async (sheet, cell, rows) => {
      const width = Math.max(...rows.map((row) => row.length));
      effects.status(`Pasting ${count(rows.length, 'row')}…`);
      try {
        await postJson('/api/paste', { sheet, cell, rows });
        const cells = width === 1 ? count(rows.length, 'row') : `${count(rows.length, 'row')} of ${count(width, 'cell')}`;
        effects.status(`Pasted ${cells} from ${cell}.`);
      } catch (error) {
        effects.status(`Could not paste into ${cell}: ${why(error)}`, true);
      }
      await effects.redraw();
    },
    structure: async (sheet, action, at, howMany) => {
      try {
        await postJson('/api/structure', { sheet, action, at, count: howMany });
        effects.status(describe(action, at, howMany));
      } catch (error) {
        effects.status(`Could not change ${sheet}: ${why(error)}`, true);
      }
      await effects.redraw();
    },
    sort: async (sheet, column, ascending) => {
      try {
        await postJson('/api/sort', { sheet, column, ascending });
        effects.status(
          `Sorted ${sheet} by column ${columnLetters(column)}, ${ascending ? 'A → Z' : 'Z → A'}; the header row stays on top.`,
        );
      } catch (error) {
        effects.status(`Could not sort ${sheet}: ${why(error)}`, true);
      }
      await effects.redraw();
    },
  };
}

/** Wires the "+" beside the tabs: a new tab, named as Sheets names it, shown at once. */
export function wireAddSheet(effects: GridEditEffects): void {
  byId('add-sheet').addEventListener('click', () => {
    postJson<{ sheet: string }>('/api/add-sheet', {}).then(
      async ({ sheet }) => {
        await effects.adopt();
        effects.status(`Added the tab ${sheet}.`);
      },
      (error: unknown) => {
        effects.status(`Could not add a tab: ${why(error)}`, true);
      },
    );
  });
}
