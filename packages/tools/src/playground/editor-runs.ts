/**
 * Runs a function of the add-on as a menu click or a google.script.run call does: a fresh 'editor'
 * execution over the shared state. Apps Script's alerts and prompts wait for the user in the middle
 * of the call; over HTTP the page cannot answer mid-call, so the function runs with the answers the
 * request carries and, at the first prompt (or alert with a choice) without one, it is stopped and
 * the reply asks for that answer. The page asks the user and posts again with one answer more: the
 * function runs again from its start (the menu handlers prompt before they change anything).
 */
import type { ScriptWithServices } from '../services';
import type { Toast } from '../services/spreadsheet';
import { buttonsOf, type UiLogEntry } from '../services/ui';
import type { Answer, ButtonName, RunReply } from './api-types';
import type { DialogStore } from './dialog-store';

export interface EditorRunRequest {
  functionName: string;
  /** The script's public top-level functions (Apps Script calls nothing else: not eval, not Object). */
  callable: readonly string[];
  args?: unknown[];
  answers?: Answer[];
}

const BUTTONS: readonly ButtonName[] = ['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'];
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The answers of a request body, checked; throws a message for the reply. */
export function readAnswers(value: unknown): Answer[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error('answers must be an array');
  return value.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw new Error('each answer is an object { button?, text? }');
    const { button, text } = item as Record<string, unknown>;
    if (button !== undefined && !BUTTONS.includes(button as ButtonName))
      throw new Error(`unknown button ${typeof button === 'string' ? button : typeof button}`);
    if (text !== undefined && typeof text !== 'string') throw new Error("an answer's text is a string");
    const answer: Answer = {};
    if (button !== undefined) answer.button = button as ButtonName;
    if (text !== undefined) answer.text = text;
    return answer;
  });
}

/** Apps Script's own check: a public top-level function the script declares. */
export function checkCallable(run: ScriptWithServices, name: string, callable: readonly string[]): string | null {
  if (!IDENTIFIER.test(name) || name.endsWith('_') || !callable.includes(name) || !run.runtime.hasFunction(name))
    return `Script function not found: ${name}`;
  return null;
}

/** Makes the result JSON-safe as google.script.run would hand it over (Dates become ISO strings). */
function jsonSafe(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch (error) {
    return `(not JSON: ${error instanceof Error ? error.message : 'unknown'})`;
  }
}

/** An alert the run showed that needed no choice (OK only): the page shows it after the run. */
function isShownAlert(entry: UiLogEntry): entry is Extract<UiLogEntry, { kind: 'alert' }> {
  return entry.kind === 'alert' && entry.buttons === 'OK';
}

/**
 * Notes, for each toast the execution shows, how many alerts it had shown before: Sheets shows a
 * toast and an alert as they happen, the page only after the run, and it must know which came last
 * (a "Reading from Stripe…" toast before the result's alert is over once the run is).
 */
function watchToasts(toasts: Toast[], alertsShown: () => number): number[] {
  const before: number[] = [];
  const push = toasts.push.bind(toasts);
  Object.defineProperty(toasts, 'push', {
    configurable: true,
    value: (...items: Toast[]): number => {
      for (let i = 0; i < items.length; i++) before.push(alertsShown());
      return push(...items);
    },
  });
  return before;
}

/** Runs the function and says what happened; the caller sets `version` once it has recalculated. */
export function runInEditor(run: ScriptWithServices, request: EditorRunRequest, dialogs: DialogStore): RunReply {
  const { runtime, services } = run;
  const ui = services.ui;
  ui.stopWhenUnanswered = true;
  const alertsBefore = watchToasts(services.spreadsheet.toasts, () => ui.log.filter(isShownAlert).length);
  for (const answer of request.answers ?? []) ui.answerNext(answer);
  let result: unknown;
  let error: string | undefined;
  try {
    const notCallable = checkCallable(run, request.functionName, request.callable);
    if (notCallable !== null) error = notCallable;
    else result = runtime.call(request.functionName, ...(request.args ?? []));
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
  } finally {
    services.endExecution();
  }
  const logs = runtime.logs.map((entry) => ({ level: entry.level, message: entry.message }));
  const reply: RunReply = { ok: error === undefined, alerts: [], toasts: [], dialogs: [], logs, version: 0 };
  if (ui.unanswered) {
    // Stopped for an answer (even if the script caught the stop): nothing it showed counts yet.
    const { kind, title, prompt, buttons } = ui.unanswered;
    return { ...reply, ok: false, needsAnswer: { kind, title, prompt, buttons: buttonsOf(buttons) } };
  }
  if (error !== undefined) reply.error = error;
  else if (result !== undefined) reply.result = jsonSafe(result);
  for (const entry of ui.log) {
    if (isShownAlert(entry)) reply.alerts.push({ title: entry.title, prompt: entry.prompt });
    if (entry.kind === 'sidebar' || entry.kind === 'modal' || entry.kind === 'modeless') reply.dialogs.push(dialogs.add(entry));
  }
  reply.toasts = services.spreadsheet.toasts.map((toast, index) => ({
    title: toast.title,
    message: toast.message,
    timeoutSeconds: toast.timeoutSeconds,
    alertsBefore: alertsBefore[index] ?? reply.alerts.length,
  }));
  return reply;
}
