/** The question before a write replaces filled cells, asked in the page (no window.confirm) where the button was. */

import { describeConflict, type Conflict } from '../core/contracts/sidebar-api';
import { $, button, page } from './dom';
import { reveal } from './status';

/** Lists the filled cells a write would change and waits for the user's answer; `onChange` redraws the page. */
export function askToOverwrite(question: string, conflicts: readonly Conflict[], withRow: boolean, onChange: () => void): Promise<boolean> {
  const panel = $('confirm');
  $('confirm-question').textContent = question;
  $('confirm-list').replaceChildren(
    ...conflicts.map((conflict) => {
      const item = document.createElement('li');
      item.textContent = describeConflict(conflict, withRow);
      return item;
    }),
  );
  panel.hidden = false;
  page.asking = true;
  onChange();
  reveal(panel);
  button('confirm-no').focus({ preventScroll: true });
  return new Promise((resolve) => {
    // One answer per question: the listeners go when it is given.
    const listening = new AbortController();
    const answer = (yes: boolean) => () => {
      listening.abort();
      panel.hidden = true;
      page.asking = false;
      onChange();
      resolve(yes);
    };
    $('confirm-yes').addEventListener('click', answer(true), { signal: listening.signal });
    $('confirm-no').addEventListener('click', answer(false), { signal: listening.signal });
  });
}
