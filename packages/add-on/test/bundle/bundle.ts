/** Shared by the bundle tests: where the built artifact is and how to load it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppsScriptRuntime, ScriptError, type RuntimeOptions } from '@stripe-utm-sheets/tools/apps-script-runtime';
import type { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';

export const DIST = path.resolve(__dirname, '../../dist');
export const CODE_PATH = path.join(DIST, 'Code.js');

export function readBundle(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

export function loadBundle(options: RuntimeOptions = {}): AppsScriptRuntime {
  return AppsScriptRuntime.fromBundle(CODE_PATH, options);
}

/** Calls a global of the add-on from the editor (a menu click, a sidebar call) and returns what it returned. */
export function runInEditor(app: LocalAddOn, name: string, ...args: unknown[]): unknown {
  const execution = app.execution('editor');
  try {
    return execution.runtime.call(name, ...args);
  } finally {
    execution.services.endExecution();
  }
}

/** The message of the error a global raises, as Sheets would show it; fails the test when it raises none. */
export function failureOf(app: LocalAddOn, name: string, ...args: unknown[]): string {
  try {
    runInEditor(app, name, ...args);
  } catch (error) {
    if (error instanceof ScriptError) return error.message;
    throw error;
  }
  throw new Error(`${name} did not fail`);
}
