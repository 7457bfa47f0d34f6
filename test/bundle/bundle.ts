/** Shared by the bundle tests: where the built artifact is and how to load it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppsScriptRuntime, type RuntimeOptions } from '../../src/local/apps-script-runtime';

export const DIST = path.resolve(__dirname, '../../dist');
export const CODE_PATH = path.join(DIST, 'Code.js');

export function readBundle(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

export function loadBundle(options: RuntimeOptions = {}): AppsScriptRuntime {
  return AppsScriptRuntime.fromBundle(CODE_PATH, options);
}
