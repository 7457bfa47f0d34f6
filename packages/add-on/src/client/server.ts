/**
 * Calls to the add-on's server functions from the sidebar, typed by SidebarApi: the function's
 * name, its arguments and its result are checked at compile time, and a failure is a rejected
 * promise with the server's message, never silence.
 */

import type { SidebarApi } from '../core/contracts/sidebar-api';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

export function callServer<K extends keyof SidebarApi>(name: K, ...args: Parameters<SidebarApi[K]>): Promise<ReturnType<SidebarApi[K]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined') {
      reject(new Error('Not inside Google Sheets: the server cannot be reached.'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => {
        resolve(value as ReturnType<SidebarApi[K]>);
      })
      .withFailureHandler((error) => {
        const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'The server call failed.';
        reject(new Error(message.replace(/^(Exception|Error):\s*/, '')));
      });
    const fn = runner[name] as ((...params: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${name}.`));
      return;
    }
    fn.apply(runner, args);
  });
}
