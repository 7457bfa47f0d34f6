/**
 * A local stand-in for Apps Script's V8 runtime: runs the built dist/Code.js in a fresh `vm`
 * context that has the ECMAScript built-ins and only the Apps Script services a caller installs.
 * Node's extras (URL, Buffer, process, require, setTimeout, fetch, ...) are absent, as they are in
 * Apps Script, so code that leans on them fails here as it would there.
 *
 * Node only: used by the tests, the benchmark and `npm start`; never bundled into Code.js.
 */

import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import APPS_SCRIPT_LACKS from '@stripe-utm-sheets/add-on/core/apps-script-lacks.json';
import { stackMapperFor, type StackMapper } from './bundle-source-map';
import { addOnPath } from './add-on-package';

/**
 * Globals Node has and Apps Script does not: each must be absent from the context. The one list,
 * src/core/apps-script-lacks.json, is also what the lint rule forbids in src/core and src/gas.
 */
export const GLOBALS_APPS_SCRIPT_LACKS: readonly string[] = APPS_SCRIPT_LACKS;

/** The shipped dist/Code.js; the unit tests point APPS_SCRIPT_BUNDLE at its readable twin (test/use-test-bundle.cjs). */
export const DEFAULT_BUNDLE_PATH = process.env.APPS_SCRIPT_BUNDLE ?? addOnPath('dist', 'Code.js');

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

/** An error thrown inside the script, as Apps Script would report it (Sheets shows the message in #ERROR!). */
export class ScriptError extends Error {
  constructor(
    readonly scriptErrorName: string,
    message: string,
    readonly scriptStack?: string,
  ) {
    super(message);
    this.name = 'ScriptError';
  }
}

/** What a services factory gets to build values of the script's realm before the script runs. */
export interface ScriptRealmAccess {
  /** Copies a value (arrays, Dates, plain objects) into the script's realm. */
  toScript: (value: unknown) => unknown;
  /** Runs source in the script's global scope and returns its value (uncopied). */
  evaluate: (source: string) => unknown;
}

export interface RuntimeOptions {
  /** Apps Script services to install as globals: SpreadsheetApp, PropertiesService, ... */
  services?: Record<string, unknown>;
  /**
   * Builds services that need the script's realm (see src/services): called once, before the
   * script runs; its globals are installed before `services`.
   */
  createServices?: (realm: ScriptRealmAccess) => Record<string, unknown>;
  /** Path shown in stack traces. */
  filename?: string;
}

const IMPORT_VALUE = `(function importValue(value) {
  if (Array.isArray(value)) {
    var copy = [];
    for (var i = 0; i < value.length; i++) copy.push(importValue(value[i]));
    return copy;
  }
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date(value.getTime());
  if (value !== null && typeof value === 'object') {
    var object = {};
    for (var key in value) if (Object.prototype.hasOwnProperty.call(value, key)) object[key] = importValue(value[key]);
    return object;
  }
  return value;
})`;

/** Copies a value out of the context into Node's realm, so assertions compare like with like. */
export function exportValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(exportValue);
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as Date).getTime());
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = exportValue((value as Record<string, unknown>)[key]);
    return copy;
  }
  return value;
}

export class AppsScriptRuntime {
  readonly context: vm.Context;
  readonly logs: LogEntry[] = [];
  /** Points the script's stack frames at the TypeScript, when the bundle carries a source map. */
  readonly mapStack: StackMapper;
  private readonly importValue: (value: unknown) => unknown;

  constructor(code: string, options: RuntimeOptions = {}) {
    this.context = vm.createContext({}, { name: 'Apps Script V8 (local)', codeGeneration: { strings: true, wasm: false } });
    vm.runInContext(
      ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'console'].map((name) => `delete globalThis.${name};`).join(''),
      this.context,
    );
    this.importValue = vm.runInContext(IMPORT_VALUE, this.context) as (value: unknown) => unknown;
    const record =
      (level: LogEntry['level']) =>
      (...parts: unknown[]) => {
        this.logs.push({ level, message: parts.map((part) => (typeof part === 'string' ? part : safeJson(part))).join(' ') });
      };
    const created = options.createServices?.({
      toScript: this.importValue,
      evaluate: (source) => vm.runInContext(source, this.context) as unknown,
    });
    this.install({
      console: { log: record('log'), info: record('info'), warn: record('warn'), error: record('error') },
      Logger: { log: record('log') },
      ...created,
      ...options.services,
    });
    const filename = options.filename ?? 'Code.js';
    this.mapStack = stackMapperFor(code, filename);
    vm.runInContext(code, this.context, { filename });
  }

  /** Reads and runs dist/Code.js (built by `npm run build`). */
  static fromBundle(bundlePath: string = DEFAULT_BUNDLE_PATH, options: RuntimeOptions = {}): AppsScriptRuntime {
    return new AppsScriptRuntime(readFileSync(bundlePath, 'utf8'), { filename: bundlePath, ...options });
  }

  install(globals: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(globals)) {
      Object.defineProperty(this.context, name, { value, writable: true, configurable: true, enumerable: false });
    }
  }

  /** True when the script declares a top-level function of that name, as Apps Script would list it. */
  hasFunction(name: string): boolean {
    return vm.runInContext(`typeof ${name} === 'function'`, this.context) === true;
  }

  /**
   * Calls a top-level function the way Apps Script does: arguments are handed over as values of
   * the script's own realm (arrays, Dates), and an exception comes back as a ScriptError.
   */
  call(name: string, ...args: unknown[]): unknown {
    const fn = this.scriptFunction(name);
    try {
      return exportValue(fn(...args.map((arg) => this.importValue(arg))));
    } catch (error) {
      throw toScriptError(error, this.mapStack);
    }
  }

  /** A value copied into the script's realm ahead of a call (the benchmark times only the call). */
  toScript(value: unknown): unknown {
    return this.importValue(value);
  }

  /** The script's own top-level function, uncopied and unwrapped: for timing in the benchmark. */
  scriptFunction(name: string): (...args: unknown[]) => unknown {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || !this.hasFunction(name)) throw new Error(`Script function not found: ${name}`);
    return (this.context as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
  }

  /** Evaluates an expression in the script's global scope (for tests that probe the runtime itself). */
  evaluate(expression: string): unknown {
    return exportValue(vm.runInContext(expression, this.context));
  }
}

/** An exception thrown by script code, as a ScriptError. */
export function toScriptError(error: unknown, mapStack: StackMapper = (stack) => stack): ScriptError {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const e = error as { name?: unknown; message?: unknown; stack?: unknown };
    const name = typeof e.name === 'string' ? e.name : 'Error';
    const scriptError = new ScriptError(name, String(e.message), typeof e.stack === 'string' ? mapStack(e.stack) : undefined);
    // What a test runner prints: the script's own frames, at their TypeScript lines.
    if (scriptError.scriptStack !== undefined) scriptError.stack = `ScriptError: ${scriptError.scriptStack}`;
    return scriptError;
  }
  return new ScriptError('Error', String(error));
}

function safeJson(value: unknown): string {
  try {
    // JSON.stringify gives undefined for functions and undefined, whatever its typing says.
    const json = JSON.stringify(value) as unknown;
    return typeof json === 'string' ? json : String(value);
  } catch {
    return String(value);
  }
}
