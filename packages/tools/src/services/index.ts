/**
 * createAppsScriptServices: one execution's set of Apps Script service fakes over shared state (a
 * Workbook, property stores, a LockHub, a TriggerStore), and the globals to install in an
 * AppsScriptRuntime. `loadBundleWithServices` builds both with values of the script's own realm.
 */
import { readFileSync } from 'node:fs';
import { AppsScriptRuntime, DEFAULT_BUNDLE_PATH, type ScriptRealmAccess } from '../apps-script-runtime';
import { createCharts } from './charts';
import { createContentService, createHtmlService, CONTENT_MIME_TYPES } from './content';
import { LockHub, LockServiceFake, type LockStats } from './lock';
import { createPropertiesService, PropertyStores } from './properties';
import { CacheStores, createCacheService } from './cache';
import { createSession, UtilitiesFake } from './utilities';
import { ExecutionState, ScriptRealm, type ExecutionContext, type ScriptRealmHooks, type ServiceEnvironment } from './script-realm';
import { advanceRecurring, ScriptService, TriggerStore, type TriggerRecord } from './script';
import { SpreadsheetService, type SpreadsheetStats } from './spreadsheet';
import { UiFake } from './ui';
import { UrlFetchFake } from './url-fetch';
import { Workbook } from './workbook';
import { addOnPath } from '../add-on-package';

export { Workbook, SheetData } from './workbook';
export type { Cell, CellValue, FormulaEvaluator, FormulaLocation, WorkbookJson, WorkbookOptions } from './workbook';
export type { ChartData, ChartPosition, ChartRangeData, ChartTypeName } from './chart-data';
export type { MetadataListing, MetadataRecord } from './metadata-data';
export { LockHub } from './lock';
export { PropertyStore, PropertyStores } from './properties';
export { CacheStore, CacheStores } from './cache';
export { nextRunMs, TriggerStore } from './script';
export type { TriggerRecord } from './script';
export { UiFake } from './ui';
export type { FetchHandler, FetchReply, FetchRequest } from './url-fetch';
export type { SpreadsheetStats } from './spreadsheet';
export type { ExecutionContext } from './script-realm';

export const DEFAULT_HTML_DIRECTORY = addOnPath('dist');

export interface AppsScriptServicesOptions {
  /** The bound spreadsheet (default: a new one with a single 'Sheet1'). */
  workbook?: Workbook;
  /** Shared with other executions of the same script (default: a new hub). */
  lockHub?: LockHub;
  /** Shared with other executions of the same script (default: new, empty stores). */
  propertyStores?: PropertyStores;
  /** Shared with other executions of the same script (default: new, empty caches). */
  cacheStores?: CacheStores;
  triggerStore?: TriggerStore;
  /** How this execution was started (default 'editor'); switch later with setContext. */
  context?: ExecutionContext;
  /** What ScriptApp.getService().getUrl() returns; null (the default) when not deployed. */
  webAppUrl?: string | null;
  /** Where HtmlService.createHtmlOutputFromFile finds `<name>.html` (default: the repo's dist/). */
  htmlDirectory?: string;
  /** Copies values into the script's realm (the runtime's toScript); default: identity. */
  toScript?: (value: unknown) => unknown;
  /** The runtime's realm access (toScript and evaluate); wins over `toScript`. */
  realm?: ScriptRealmHooks;
}

export interface AppsScriptServicesStats {
  spreadsheet: SpreadsheetStats;
  urlFetchRequests: number;
  locks: LockStats;
  sleptMs: number;
  /** Properties and ScriptApp calls (and their builders'), by 'Class.method', e.g. { 'Properties.getProperty': 2 }. */
  serviceCalls: Record<string, number>;
}

export interface AppsScriptServices {
  /** What to pass as RuntimeOptions.services (or to runtime.install). */
  globals: Record<string, unknown>;
  workbook: Workbook;
  spreadsheet: SpreadsheetService;
  ui: UiFake;
  properties: PropertyStores;
  locks: LockServiceFake;
  lockHub: LockHub;
  triggers: TriggerStore;
  urlFetch: UrlFetchFake;
  utilities: UtilitiesFake;
  execution: ExecutionState;
  /** Settable: what ScriptApp.getService().getUrl() returns. */
  webAppUrl: string | null;
  getContext(): ExecutionContext;
  setContext(context: ExecutionContext): void;
  /** Counters of this service set. */
  stats(): AppsScriptServicesStats;
  resetStats(): void;
  /** What Apps Script does when a script ends: releases the locks this execution holds. */
  endExecution(): void;
}

export function createAppsScriptServices(options: AppsScriptServicesOptions = {}): AppsScriptServices {
  const realm = new ScriptRealm(options.realm ?? (options.toScript ? { toScript: options.toScript } : {}));
  const execution = new ExecutionState(options.context ?? 'editor');
  const env: ServiceEnvironment = { realm, execution };
  const workbook = options.workbook ?? new Workbook();
  const lockHub = options.lockHub ?? new LockHub();
  const properties = options.propertyStores ?? new PropertyStores();
  const caches = options.cacheStores ?? new CacheStores();
  const triggers = options.triggerStore ?? new TriggerStore();
  const ui = new UiFake();
  const spreadsheet = new SpreadsheetService(workbook, env, ui);
  const locks = new LockServiceFake(lockHub, env);
  const urlFetch = new UrlFetchFake(env);
  const utilities = new UtilitiesFake(env);

  const services: AppsScriptServices = {
    globals: {},
    workbook,
    spreadsheet,
    ui,
    properties,
    locks,
    lockHub,
    triggers,
    urlFetch,
    utilities,
    execution,
    webAppUrl: options.webAppUrl ?? null,
    getContext: () => execution.context,
    setContext: (context) => {
      execution.context = context;
    },
    stats: () => ({
      spreadsheet: spreadsheet.stats(),
      urlFetchRequests: urlFetch.requests.length,
      locks: locks.stats(),
      sleptMs: utilities.sleptMs,
      serviceCalls: Object.fromEntries(execution.serviceCalls),
    }),
    resetStats: () => {
      spreadsheet.resetStats();
      locks.resetStats();
      urlFetch.requests.length = 0;
      utilities.sleptMs = 0;
      execution.serviceCalls.clear();
    },
    endExecution: () => {
      locks.releaseAll();
    },
  };
  const script = new ScriptService(triggers, env, {
    webAppUrl: () => services.webAppUrl,
  });
  const contentService = createContentService(env);
  services.globals = {
    SpreadsheetApp: spreadsheet.app,
    Charts: createCharts(env),
    PropertiesService: createPropertiesService(properties, env),
    CacheService: createCacheService(caches, env),
    LockService: locks.service,
    ContentService: contentService,
    HtmlService: createHtmlService(env, { htmlDirectory: options.htmlDirectory ?? DEFAULT_HTML_DIRECTORY }),
    ScriptApp: script.app,
    UrlFetchApp: urlFetch.service,
    Utilities: utilities.service,
    Session: createSession(env),
  };
  return services;
}

/** The content type a TextOutput's MimeType is served with. */
export function contentTypeOf(mimeType: keyof typeof CONTENT_MIME_TYPES): string {
  return CONTENT_MIME_TYPES[mimeType];
}

export interface ScriptWithServices {
  runtime: AppsScriptRuntime;
  services: AppsScriptServices;
}

/** Runs `code` in a fresh runtime with a fresh service set whose values are of the script's realm. */
export function runWithServices(code: string, options: AppsScriptServicesOptions & { filename?: string } = {}): ScriptWithServices {
  const holder: { services?: AppsScriptServices } = {};
  const runtime = new AppsScriptRuntime(code, {
    ...(options.filename === undefined ? {} : { filename: options.filename }),
    createServices: (access: ScriptRealmAccess) => {
      holder.services = createAppsScriptServices({ ...options, realm: access });
      return holder.services.globals;
    },
  });
  if (!holder.services) throw new Error('The runtime did not create the services');
  return { runtime, services: holder.services };
}

/** Loads dist/Code.js (or another bundle) with a fresh service set. */
export function loadBundleWithServices(
  bundlePath: string = DEFAULT_BUNDLE_PATH,
  options: AppsScriptServicesOptions = {},
): ScriptWithServices {
  return runWithServices(readFileSync(bundlePath, 'utf8'), { ...options, filename: bundlePath });
}

/**
 * Fires an installable trigger as Apps Script would, releasing this execution's locks afterwards, and
 * returns what the handler returned. A clock trigger runs in the 'trigger' context with a clock event;
 * a spreadsheet trigger (onOpen, onEdit, ...) runs in the 'editor' context (it may use the Ui) with an
 * event of { authMode, triggerUid } only (no `source`, `range` or `value`).
 */
export function fireTrigger(target: ScriptWithServices, trigger: TriggerRecord | string): unknown {
  const { runtime, services } = target;
  const id = typeof trigger === 'string' ? trigger : trigger.uniqueId;
  const record = services.triggers.get(id);
  if (!record) throw new Error(`No trigger ${id}`);
  const now = new Date();
  const event =
    record.eventType === 'CLOCK'
      ? {
          authMode: 'FULL',
          triggerUid: record.uniqueId,
          year: now.getUTCFullYear(),
          month: now.getUTCMonth() + 1,
          'day-of-month': now.getUTCDate(),
          'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
          hour: now.getUTCHours(),
          minute: now.getUTCMinutes(),
          second: now.getUTCSeconds(),
          timezone: 'UTC',
        }
      : { authMode: 'FULL', triggerUid: record.uniqueId, source: null };
  // A one-off trigger is spent once it fires, whatever its run does (it stays listed until deleted).
  if (record.schedule?.runAt !== undefined) record.ranAt = now.toISOString();
  const previous = services.getContext();
  services.setContext(record.eventType === 'CLOCK' ? 'trigger' : 'editor');
  try {
    return runtime.call(record.handlerFunction, event);
  } finally {
    services.endExecution();
    services.setContext(previous);
  }
}

/** What firing one due trigger did: its handler's return value, or the error it ended with. */
export interface FiredTrigger {
  trigger: TriggerRecord;
  ok: boolean;
  error?: string;
}

/**
 * Fires every one-off clock trigger (after(ms)) due at `now`, each in a fresh execution from
 * `execution` (a trigger is an execution of its own), the earliest first. Apps Script's own clock
 * would run them; tests and the playground call this instead. With `recurring` (the playground's
 * clock), recurring ones (everyMinutes, everyHours) whose next run has come run too, once each
 * however many runs were missed, and their next run moves to the first slot after `now`.
 */
export function fireDueTriggers(
  store: TriggerStore,
  now: Date,
  execution: () => ScriptWithServices,
  options: { recurring?: boolean } = {},
): FiredTrigger[] {
  const fired: FiredTrigger[] = [];
  const due = options.recurring === true ? [...store.due(now), ...store.dueRecurring(now)] : store.due(now);
  for (const trigger of due) {
    // An earlier run may have deleted it.
    if (store.get(trigger.uniqueId) === null) continue;
    advanceRecurring(trigger, now);
    try {
      fireTrigger(execution(), trigger.uniqueId);
      fired.push({ trigger, ok: true });
    } catch (error) {
      fired.push({ trigger, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return fired;
}
