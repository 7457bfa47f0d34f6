/**
 * build/relay.mjs, imported as the ES module it is (as Workers, Deno and Node load it), not
 * through jest's CommonJS loader: Node's own loader, in the main context. Also that context's
 * console and globalThis, which the built relay writes to and reads from.
 */

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

export const RELAY_BUNDLE = path.resolve(__dirname, '../../build/relay.mjs');

export interface FetchHandler {
  fetch(request: Request, env?: unknown): Promise<Response>;
}

function inMainContext(code: string): unknown {
  return new vm.Script(code, { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext();
}

export async function loadBuiltRelay(): Promise<FetchHandler> {
  const module = (await inMainContext(`import(${JSON.stringify(pathToFileURL(RELAY_BUNDLE).href)})`)) as { default: FetchHandler };
  return module.default;
}

/** The console the built relay logs to (jest's own console is another object). */
export const mainConsole = (): Console => inMainContext('console') as Console;

/** The globalThis the built relay sees (to give it a Deno, say). */
export const mainGlobal = (): Record<string, unknown> => inMainContext('globalThis') as Record<string, unknown>;
