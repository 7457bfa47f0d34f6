/**
 * Runs an add-on function on the server (a menu item, or google.script.run from a sidebar): posts
 * it, and while the reply says the function stopped at a prompt, asks the user and posts again
 * with the answers so far. Then shows what the run showed (alerts, toasts, a sidebar or dialog)
 * and has the grid refreshed.
 */
import type { Answer, DialogRef, RunReply } from '../api-types';
import { postJson } from './api';
import { alertBox, ask } from './modals';

export interface RunEffects {
  showDialog(dialog: DialogRef): void;
  status(message: string, error?: boolean): void;
  /** Redraws from the server, following the add-on's active sheet and selection. */
  refresh(): Promise<void>;
  /** Waits until the selection the user made has reached the server. */
  settled(): Promise<void>;
}

/** Enough for any real dialog sequence; stops a script that prompts for ever. */
const MAX_ANSWERS = 25;

export async function runOnServer(
  path: '/api/menu' | '/api/run',
  request: { function: string; args?: unknown[] },
  label: string,
  effects: RunEffects,
  /** google.script.run calls: the status line tells only failures and toasts. */
  quiet = false,
): Promise<RunReply> {
  await effects.settled();
  const answers: Answer[] = [];
  if (!quiet) effects.status(`Running ${label}…`);
  for (;;) {
    const reply = await postJson<RunReply>(path, { ...request, answers });
    if (reply.needsAnswer && answers.length < MAX_ANSWERS) {
      effects.status(`${label} is waiting for your answer.`);
      answers.push(await ask(reply.needsAnswer));
      if (!quiet) effects.status(`Running ${label}…`);
      continue;
    }
    await effects.refresh();
    for (const dialog of reply.dialogs) effects.showDialog(dialog);
    const toast = reply.toasts[reply.toasts.length - 1];
    if (!reply.ok) {
      const message = reply.error ?? 'it stopped for an answer too many times';
      effects.status(`${label} failed: ${message}`, true);
      if (path === '/api/menu') await alertBox('Error', message);
    } else if (toast) {
      effects.status(`${toast.title ? `${toast.title}: ` : ''}${toast.message}`);
    } else if (!quiet) {
      effects.status(`${label}: done.`);
    }
    for (const shown of reply.alerts) await alertBox(shown.title, shown.prompt);
    return reply;
  }
}
