/**
 * What every service fake shares: the realm the script runs in (so that arrays, Dates and errors
 * handed to the script are the script's own) and the execution context it runs in.
 */
import { isDate } from '@stripe-utm-sheets/add-on/core/helpers/cell-value';
import { notImplementedMessage, type AppsScriptClass } from './reference-pages';

/** How the current execution was started; it decides what the services allow, as in Apps Script. */
export type ExecutionContext = 'editor' | 'webapp' | 'trigger' | 'custom_function';

/** What a runtime offers to build values in the script's realm (see AppsScriptRuntime's `createServices`). */
export interface ScriptRealmHooks {
  /** Copies a value (arrays, Dates, plain objects) into the script's realm. */
  toScript?: (value: unknown) => unknown;
  /** Runs source in the script's global scope (used to make script-realm errors). */
  evaluate?: (source: string) => unknown;
}

type ErrorFactory = (message: string) => Error;

export class ScriptRealm {
  readonly toScript: (value: unknown) => unknown;
  private readonly errorFactory: ErrorFactory;
  private readonly typeErrorFactory: (message: string) => TypeError;

  constructor(hooks: ScriptRealmHooks = {}) {
    this.toScript = hooks.toScript ?? ((value) => value);
    this.errorFactory = hooks.evaluate
      ? (hooks.evaluate("(function (message) { var e = new Error(message); e.name = 'Exception'; return e; })") as ErrorFactory)
      : (message) => {
          const error = new Error(message);
          error.name = 'Exception';
          return error;
        };
    this.typeErrorFactory = hooks.evaluate
      ? (hooks.evaluate('(function (message) { return new TypeError(message); })') as (message: string) => TypeError)
      : (message) => new TypeError(message);
  }

  /** An array of the script's realm holding these items as they are (host objects are not copied). */
  array<T>(items: readonly T[]): T[] {
    const array = this.toScript([]) as T[];
    for (const item of items) array.push(item);
    return array;
  }

  /** A grid of cell values (primitives and Dates) copied into the script's realm. */
  grid<T>(rows: readonly (readonly T[])[]): T[][] {
    return this.toScript(rows) as T[][];
  }

  /** A single value: a Date is copied into the script's realm, a primitive is returned as is. */
  value<T>(value: T): T {
    return isDate(value) ? (this.toScript(value) as T) : value;
  }

  /** A plain object (string values, arrays of strings) copied into the script's realm. */
  object<T extends object>(value: T): T {
    return this.toScript(value) as T;
  }

  /** An Error of the script's realm, named 'Exception' as Apps Script names service errors. */
  error(message: string): Error {
    return this.errorFactory(message);
  }

  /** A TypeError of the script's realm (what calling a method an object lacks throws). */
  typeError(message: string): TypeError {
    return this.typeErrorFactory(message);
  }
}

// A Date of either realm (instanceof fails across realms): core's one test, used here too.
export { isDate };

/** A Date of Node's realm with the same time. */
export function nodeDate(value: Date): Date {
  return new Date(value.getTime());
}

/** The execution a service set belongs to: its id (for locks) and the context it runs in. */
export class ExecutionState {
  context: ExecutionContext;
  readonly executionId: string;
  /** Calls on the services outside SpreadsheetApp that count against quotas (Properties, ScriptApp), by 'Class.method'. */
  readonly serviceCalls = new Map<string, number>();
  private static counter = 0;

  constructor(context: ExecutionContext = 'editor', executionId?: string) {
    this.context = context;
    ExecutionState.counter += 1;
    this.executionId = executionId ?? `execution-${ExecutionState.counter}`;
  }
}

/** Counts a call in the execution's serviceCalls (a facade's beforeCall). */
export function countCall(env: ServiceEnvironment, className: string, method: string): void {
  const key = `${className}.${method}`;
  env.execution.serviceCalls.set(key, (env.execution.serviceCalls.get(key) ?? 0) + 1);
}

/** What each service module receives. */
export interface ServiceEnvironment {
  readonly realm: ScriptRealm;
  readonly execution: ExecutionState;
}

export interface FacadeOptions {
  /** The Apps Script class the object stands for: it names the object in errors and in the counters. */
  name: AppsScriptClass;
  /** Called before every method call, with the method's name (counting, permission checks). */
  beforeCall?: (method: string) => void;
  /** Lets the script set and read its own properties on the object (an HtmlTemplate's variables). */
  openProperties?: boolean;
}

const facadeTargets = new WeakMap<object, object>();

/** Names a script or a test framework reads to find out what an object is; absent, not unimplemented. */
const PROBES: ReadonlySet<string> = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', 'nodeName', 'tagName', 'inspect', 'length']);

/**
 * The object the script sees for a service object: only its methods (and its enum-like constants,
 * whose names start with a capital letter) are visible, `beforeCall` sees every call, and an error
 * a method throws reaches the script as an Error of the script's realm named 'Exception'. A member the
 * fake does not have fails loudly, naming the class, the member and the reference page to follow:
 * calling a method throws a TypeError of the script's realm (where Apps Script has the method, the
 * script would otherwise see "... is not a function"); reading a missing enum (capitalized) throws.
 */
export function facade<T extends object>(target: T, realm: ScriptRealm, options: FacadeOptions): T {
  const unimplemented = (member: string): (() => never) => {
    return () => {
      throw realm.typeError(notImplementedMessage(options.name, member));
    };
  };
  const proxy = new Proxy(target, {
    get(object, property) {
      if (typeof property !== 'string') return undefined;
      if (property === 'constructor' || property.startsWith('_') || Object.prototype.hasOwnProperty.call(Object.prototype, property)) {
        return property === 'toString' ? () => options.name : undefined;
      }
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') {
        if (options.openProperties === true || (/^[A-Z]/.test(property) && value !== undefined)) return value;
        if (/^[A-Z][A-Za-z0-9_]*$/.test(property)) throw realm.typeError(notImplementedMessage(options.name, property));
        return /^[a-z][A-Za-z0-9]*$/.test(property) && !PROBES.has(property) ? unimplemented(property) : undefined;
      }
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]): unknown => {
        try {
          options.beforeCall?.(property);
          return method.apply(object, args);
        } catch (error) {
          throw error instanceof Error ? realm.error(error.message) : error;
        }
      };
    },
    ownKeys(object) {
      const keys = Reflect.ownKeys(object);
      return options.openProperties === true ? keys : keys.filter((key) => typeof key === 'string' && /^[A-Z]/.test(key));
    },
    set(object, property, value) {
      return options.openProperties === true && typeof property === 'string' ? Reflect.set(object, property, value, object) : false;
    },
  });
  facadeTargets.set(proxy, target);
  return proxy;
}

/** The object behind a facade (or the value itself when it is not one). */
export function unwrapFacade(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return facadeTargets.get(value) ?? value;
}

/** String(value): how Apps Script turns a value it wants as text into text ('[object Object]' and all). */
export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : toText(value);
}

const toText: (value: unknown) => string = String;

/** stringOf, with null and undefined as ''. */
export function textOf(value: unknown): string {
  return value === null || value === undefined ? '' : stringOf(value);
}
