/**
 * The page's own modal dialogs, on <dialog> (focus stays inside, Escape closes): what an Apps Script
 * alert or prompt shows, asked of the user when the add-on needs an answer, and alerts shown after
 * a run.
 */
import type { Answer, ButtonName, NeedsAnswer } from '../api-types';
import { byId, byIdOf, el } from './dom';

const LABELS: Record<ButtonName, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No', CLOSE: 'Close' };

let queue: Promise<unknown> = Promise.resolve();

/** Shows one dialog at a time, in order. */
function serially<T>(show: () => Promise<T>): Promise<T> {
  const next = queue.then(show, show);
  queue = next.catch(() => undefined);
  return next;
}

function showAsk(question: NeedsAnswer): Promise<Answer> {
  const dialog = byIdOf('ask-dialog', HTMLDialogElement);
  const input = byIdOf('ask-input', HTMLInputElement);
  const buttons = byId('ask-buttons');
  byId('ask-title').textContent = question.title === '' ? (question.kind === 'prompt' ? 'Question' : 'Message') : question.title;
  byId('ask-prompt').textContent = question.prompt;
  const isPrompt = question.kind === 'prompt';
  input.hidden = !isPrompt;
  input.value = '';
  buttons.replaceChildren();
  return new Promise<Answer>((resolve) => {
    let settled = false;
    const finish = (button: ButtonName): void => {
      if (settled) return;
      settled = true;
      dialog.close();
      resolve(isPrompt ? { button, text: input.value } : { button });
    };
    question.buttons.forEach((name, index) => {
      const button = el('button', { type: 'button', class: index === 0 ? 'primary' : '' }, LABELS[name]);
      button.addEventListener('click', () => {
        finish(name);
      });
      buttons.append(button);
    });
    const form = byIdOf('ask-form', HTMLFormElement);
    form.onsubmit = (event) => {
      // Enter in the text field presses the first button (OK), as in Sheets.
      event.preventDefault();
      finish(question.buttons[0] ?? 'OK');
    };
    dialog.oncancel = (event) => {
      event.preventDefault();
      finish('CLOSE');
    };
    dialog.showModal();
    if (isPrompt) input.focus();
    else (buttons.firstElementChild as HTMLButtonElement | null)?.focus();
  });
}

/** Asks the user what the add-on's alert or prompt asks; Escape answers CLOSE, as the dialog's X does. */
export function ask(question: NeedsAnswer): Promise<Answer> {
  return serially(() => showAsk(question));
}

/** An alert with an OK button; resolves when it is dismissed. */
export async function alertBox(title: string, message: string): Promise<void> {
  await ask({ kind: 'alert', title, prompt: message, buttons: ['OK'] });
}
