/** The add-on's menu (as onOpen built it) drawn as a row of buttons. */
import type { MenuEntry, MenuView } from '../api-types';
import { el } from './dom';

export type MenuHandler = (functionName: string, caption: string) => void;

function entries(items: MenuEntry[], onRun: MenuHandler): HTMLElement[] {
  return items.map((item) => {
    if (item.kind === 'separator') return el('span', { class: 'menu-separator', role: 'separator', 'aria-orientation': 'vertical' });
    if (item.kind === 'submenu') {
      return el(
        'span',
        { class: 'submenu', role: 'group', 'aria-label': item.name },
        el('span', { class: 'menu-name' }, `${item.name} ›`),
        ...entries(item.items, onRun),
      );
    }
    const button = el('button', { type: 'button', 'data-function': item.functionName, title: `Runs ${item.functionName}()` }, item.caption);
    button.addEventListener('click', () => {
      onRun(item.functionName, item.caption);
    });
    return button;
  });
}

let drawn = '';

/** Redraws the menu when it changed. */
export function renderMenus(container: HTMLElement, menus: MenuView[], onRun: MenuHandler): void {
  const key = JSON.stringify(menus);
  if (key === drawn) return;
  drawn = key;
  container.replaceChildren();
  if (menus.length === 0) {
    container.append(el('span', { class: 'menu-path' }, 'No add-on menu: onOpen did not build one.'));
    return;
  }
  for (const menu of menus) {
    container.append(
      el(
        'span',
        { class: 'submenu', role: 'group', 'aria-label': menu.name },
        el('span', { class: 'menu-name' }, menu.name),
        ...entries(menu.items, onRun),
      ),
    );
  }
}

/** Disables the menu while a run is in progress (no double clicks). */
export function setMenusBusy(container: HTMLElement, busy: boolean): void {
  for (const button of Array.from(container.querySelectorAll('button'))) button.disabled = busy;
}
