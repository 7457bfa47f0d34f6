/**
 * Runs an add-on function on the server (a menu item, or google.script.run from a sidebar): posts
 * it, and while the reply says the function stopped at a prompt, asks the user and posts again
 * with the answers so far. Then has the grid refreshed, shows what the run showed (a sidebar or
 * dialog, alerts) and puts how it ended in the status line (see run-outcome.ts).
 */
import type { Answer, DialogRef, RunReply } from '../api-types';
import { postJson } from './api';
import { alertBox, ask } from './modals';
import { runOutcome } from './run-outcome';

export interface RunEffects {
  showDialog(dialog: DialogRef): void;
  /** Shows `message` in the status line; `timeoutSeconds` clears it after that long (a toast's timeout). */
  status(message: string, error?: boolean, timeoutSeconds?: number | null): void;
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
    // The run is over: the status line says how it ended (or is cleared), never what it said midway.
    const outcome = runOutcome(label, reply, quiet);
    if (outcome) effects.status(outcome.message, outcome.error, outcome.timeoutSeconds);
    if (!reply.ok && path === '/api/menu') await alertBox('Error', reply.error ?? 'it stopped for an answer too many times');
    for (const shown of reply.alerts) await alertBox(shown.title, shown.prompt);
    return reply;
  }
}
