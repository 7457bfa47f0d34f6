/**
 * The result of an action, said right under the buttons and scrolled into view (issue 17: at 300
 * pixels the result landed below the fold and nothing visibly changed after a click).
 */

import { $ } from './dom';

/** `warning` is amber: done, but something should be looked at (issue 17: warnings never block). */
export type Tone = 'info' | 'ok' | 'warning' | 'error';

/** A list of lines, for the status or a part of it. */
export function listOf(lines: readonly string[], className = ''): HTMLUListElement {
  const list = document.createElement('ul');
  if (className !== '') list.className = className;
  for (const line of lines) {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  }
  return list;
}

/** Says `text` in the status, with `details` as a list and `more` (parts, a button) after it. */
export function say(text: string, kind: Tone = 'info', details: readonly string[] = [], more: readonly Node[] = []): void {
  const status = $('status');
  status.className = `status ${kind}`;
  status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  status.replaceChildren(text);
  if (details.length > 0) status.append(listOf(details));
  status.append(...more);
}

/**
 * Scrolls the sidebar just enough that `element` shows whole (its top first when it is taller
 * than the sidebar). Focus stays where it was: the status is read out by its live region.
 */
export function reveal(element: HTMLElement): void {
  if (element.hidden || element.getClientRects().length === 0) return;
  const box = element.getBoundingClientRect();
  const height = window.innerHeight;
  if (box.top >= 0 && box.bottom <= height) return;
  const by = box.height > height || box.top < 0 ? box.top - 8 : box.bottom - height + 8;
  window.scrollBy({ top: by, behavior: 'auto' });
}

export function revealStatus(): void {
  reveal($('status'));
}
