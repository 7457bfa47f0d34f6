/**
 * build/relay.mjs, imported as the ES module it is (Node's own loader, in the main context, not
 * jest's CommonJS one), and a quiet console for it: the relay logs one line per request.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { addOnPath } from '../../src/add-on-package';

export const RELAY_BUNDLE = addOnPath('build', 'relay.mjs');

export interface FetchHandler {
  fetch(request: Request, env?: unknown): Promise<Response>;
}

function inMainContext(code: string): unknown {
  return new vm.Script(code, { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext();
}

export async function loadBuiltRelay(): Promise<FetchHandler> {
  if (!existsSync(RELAY_BUNDLE)) throw new Error(`${RELAY_BUNDLE} is missing: npm run build writes it`);
  const module = (await inMainContext(`import(${JSON.stringify(pathToFileURL(RELAY_BUNDLE).href)})`)) as { default: FetchHandler };
  return module.default;
}

/** Collects the relay's log lines (the main context's console.log) until `restore`. */
export function captureRelayLog(): { lines: string[]; restore: () => void } {
  const console = inMainContext('console') as { log: (...args: unknown[]) => void };
  const original = console.log;
  const lines: string[] = [];
  console.log = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  };
  return {
    lines,
    restore: () => {
      console.log = original;
    },
  };
}
