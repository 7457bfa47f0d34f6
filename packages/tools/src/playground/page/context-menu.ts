/**
 * The right-click menu of the grid's row and column headers, as Sheets has it: insert rows above or
 * below (columns left or right), as many as the selected whole rows (columns), delete them, and on
 * a column, sort the sheet by it A→Z or Z→A (the frozen header row stays). It only asks: the grid's
 * handlers do the work on the server.
 */
import { columnLetters } from './a1';
import { el } from './dom';

export type StructureAction =
  'insert-rows-before' | 'insert-rows-after' | 'delete-rows' | 'insert-columns-before' | 'insert-columns-after' | 'delete-columns';

export interface HeaderMenuActions {
  structure(action: StructureAction, at: number, count: number): void;
  sort(column: number, ascending: boolean): void;
}

/** The rows (or columns) the menu acts on: `first`..`first + count - 1`. */
export interface HeaderTarget {
  kind: 'row' | 'column';
  first: number;
  count: number;
}

interface Item {
  caption: string;
  run: () => void;
}

const plural = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;

function items(target: HeaderTarget, actions: HeaderMenuActions): (Item | null)[] {
  const { first, count } = target;
  const last = first + count - 1;
  if (target.kind === 'row') {
    const rows = count === 1 ? `row ${String(first)}` : `rows ${String(first)}–${String(last)}`;
    return [
      {
        caption: `Insert ${plural(count, 'row')} above`,
        run: () => {
          actions.structure('insert-rows-before', first, count);
        },
      },
      {
        caption: `Insert ${plural(count, 'row')} below`,
        run: () => {
          actions.structure('insert-rows-after', last, count);
        },
      },
      {
        caption: `Delete ${rows}`,
        run: () => {
          actions.structure('delete-rows', first, count);
        },
      },
    ];
  }
  const columns = count === 1 ? `column ${columnLetters(first)}` : `columns ${columnLetters(first)}–${columnLetters(last)}`;
  return [
    {
      caption: `Insert ${plural(count, 'column')} left`,
      run: () => {
        actions.structure('insert-columns-before', first, count);
      },
    },
    {
      caption: `Insert ${plural(count, 'column')} right`,
      run: () => {
        actions.structure('insert-columns-after', last, count);
      },
    },
    {
      caption: `Delete ${columns}`,
      run: () => {
        actions.structure('delete-columns', first, count);
      },
    },
    null,
    {
      caption: `Sort sheet by column ${columnLetters(first)}, A → Z`,
      run: () => {
        actions.sort(first, true);
      },
    },
    {
      caption: `Sort sheet by column ${columnLetters(first)}, Z → A`,
      run: () => {
        actions.sort(first, false);
      },
    },
  ];
}

let open: HTMLElement | null = null;

export function closeHeaderMenu(): void {
  open?.remove();
  open = null;
}

/** Opens the menu at the pointer; a click outside, Escape or a choice closes it. */
export function openHeaderMenu(event: MouseEvent, target: HeaderTarget, actions: HeaderMenuActions): void {
  closeHeaderMenu();
  const menu = el('div', { class: 'grid-menu', role: 'menu', 'aria-label': target.kind === 'row' ? 'Row actions' : 'Column actions' });
  for (const item of items(target, actions)) {
    if (item === null) {
      menu.append(el('div', { class: 'grid-menu-separator', role: 'separator' }));
      continue;
    }
    const button = el('button', { type: 'button', role: 'menuitem' }, item.caption);
    button.addEventListener('click', () => {
      closeHeaderMenu();
      item.run();
    });
    menu.append(button);
  }
  menu.style.left = `${String(event.clientX)}px`;
  menu.style.top = `${String(event.clientY)}px`;
  document.body.append(menu);
  open = menu;
  menu.querySelector('button')?.focus();
  const dismiss = (e: Event): void => {
    if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
    if (e instanceof MouseEvent && e.target instanceof Node && menu.contains(e.target)) return;
    closeHeaderMenu();
    document.removeEventListener('mousedown', dismiss, true);
    document.removeEventListener('keydown', dismiss, true);
  };
  document.addEventListener('mousedown', dismiss, true);
  document.addEventListener('keydown', dismiss, true);
}
