/**
 * The built add-on as Apps Script runs it: every execution (a webhook delivery, a menu click,
 * a trigger) loads dist/Code.js afresh over the same spreadsheet, script properties, locks and
 * triggers, and Stripe's API is the local fake. Used by the tests, the benchmark and the
 * playground. Node only.
 */
import { ADD_ON_NAME } from '@stripe-utm-sheets/add-on/core/contracts/add-on-name';
import { SCRIPT_PROPERTIES } from '@stripe-utm-sheets/add-on/core/contracts/script-properties';
import { readWebhookAnswer, type WebhookAnswer } from '@stripe-utm-sheets/add-on/core/contracts/webhook-answer';
import { DEFAULT_BUNDLE_PATH } from './apps-script-runtime';
import { FakeStripeApi, type StripeEvent } from './fake-stripe';
import {
  LockHub,
  PropertyStores,
  CacheStores,
  TriggerStore,
  Workbook,
  fireDueTriggers,
  loadBundleWithServices,
  type FiredTrigger,
  type ExecutionContext,
  type ScriptWithServices,
} from './services';
import type { ScriptedAnswer } from './services/ui';
import { postToWebApp, type WebAppResponse } from './web-app';

export const WEB_APP_URL = 'https://script.google.com/macros/s/AKfycbLocalTestDeployment/exec';

export type { WebhookAnswer } from '@stripe-utm-sheets/add-on/core/contracts/webhook-answer';

/** State to start from instead of a new, empty spreadsheet (the playground restores its saved state). */
export interface LocalAddOnState {
  workbook?: Workbook;
  properties?: PropertyStores;
  triggers?: TriggerStore;
}

/**
 * Where a report tab's table ends (index in `rows`, the rows under the header): at its first row
 * blank in the table's columns (those before the header's first blank cell; the charts' data beside
 * it may run longer). -1 when the tab is not a report tab or has no blank row.
 */
function reportTableEnd(header: readonly unknown[], rows: readonly (readonly unknown[])[]): number {
  if (header[0] !== 'utm_campaign' || !header.includes('livemode')) return -1;
  const width = header.indexOf('') === -1 ? header.length : header.indexOf('');
  return rows.findIndex((row) => row.slice(0, width).every((cell) => cell === ''));
}

export class LocalAddOn {
  readonly workbook: Workbook;
  readonly properties: PropertyStores;
  readonly locks = new LockHub();
  /** CacheService's stores, shared by the executions as Apps Script shares them. */
  readonly caches = new CacheStores();
  readonly triggers: TriggerStore;
  readonly stripe: FakeStripeApi;
  /** The most recent execution, for its counters and Ui log. */
  last: ScriptWithServices | null = null;

  constructor(
    stripe = new FakeStripeApi(),
    private readonly bundlePath = DEFAULT_BUNDLE_PATH,
    state: LocalAddOnState = {},
  ) {
    this.stripe = stripe;
    this.workbook = state.workbook ?? new Workbook();
    this.properties = state.properties ?? new PropertyStores();
    this.triggers = state.triggers ?? new TriggerStore();
  }

  /** A new execution over the shared state, as Apps Script starts one per request or click. */
  execution(context: ExecutionContext): ScriptWithServices {
    const started = loadBundleWithServices(this.bundlePath, {
      workbook: this.workbook,
      propertyStores: this.properties,
      cacheStores: this.caches,
      lockHub: this.locks,
      triggerStore: this.triggers,
      context,
      webAppUrl: WEB_APP_URL,
    });
    started.services.urlFetch.handle('api.stripe.com', this.stripe.handle);
    // The script project the README's clasp command makes: its menu under Extensions takes this name.
    started.services.ui.addonName = ADD_ON_NAME;
    this.last = started;
    return started;
  }

  /** Runs a menu item (or any function) in the editor, answering its prompts with `answers`. */
  menu(name: string, ...answers: ScriptedAnswer[]): ScriptWithServices {
    const run = this.execution('editor');
    for (const answer of answers) run.services.ui.answerNext(answer);
    try {
      run.runtime.call(name);
    } finally {
      run.services.endExecution();
    }
    return run;
  }

  /**
   * Fires the one-off triggers due at `now` (default: the current time), each in a fresh 'trigger'
   * execution, as Apps Script's clock would; a test passes a later `now` instead of waiting.
   */
  runDueTriggers(now: Date = new Date()): FiredTrigger[] {
    return fireDueTriggers(this.triggers, now, () => this.execution('trigger'));
  }

  setUp(): string {
    this.menu('setUpReconciliation');
    return this.token();
  }

  token(): string {
    const token = this.properties.script.get(SCRIPT_PROPERTIES.webhookToken);
    if (token === null) throw new Error('no webhook token: run setUp() first');
    return token;
  }

  /** A POST to /exec, as Stripe makes it. */
  postRaw(body: string, token: string | null = this.token(), contentType = 'application/json'): WebAppResponse {
    const run = this.execution('webapp');
    return postToWebApp(run, { body, contentType, ...(token === null ? {} : { query: { token } }) });
  }

  /** Delivers an event (or any JSON body) and returns doPost's JSON answer. */
  deliver(event: StripeEvent | Record<string, unknown>, token: string | null = this.token()): WebhookAnswer {
    const response = this.postRaw(JSON.stringify(event), token);
    const answer = response.mimeType === 'JSON' ? readWebhookAnswer(response.body) : null;
    if (answer === null) throw new Error(`doPost answered ${response.mimeType}, not a webhook answer: ${response.body.slice(0, 200)}`);
    return answer;
  }

  /**
   * A tab (Reconciliation unless named) as objects keyed by header. A report tab of the add-on
   * (Attribution, Attribution (settled), Weekly: its header starts `utm_campaign` and has
   * `livemode`) ends at its first blank row: its summary is under it (see `summary`).
   */
  rows(sheetName = 'Reconciliation'): Array<Record<string, unknown>> {
    const sheet = this.workbook.getSheet(sheetName);
    if (sheet === null) return [];
    const [header = [], ...rows] = sheet.values();
    const end = reportTableEnd(header, rows);
    return (end === -1 ? rows : rows.slice(0, end))
      .filter((row) => row.some((cell) => cell !== ''))
      .map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i]])));
  }

  /** A report tab's summary (Attribution unless named): its lines under the table, one a row in column A, joined by newlines. */
  summary(sheetName = 'Attribution'): string {
    const [header = [], ...rows] = this.workbook.getSheet(sheetName)?.values() ?? [];
    const end = reportTableEnd(header, rows);
    if (end === -1) return '';
    return rows
      .slice(end + 1)
      .map((row) => String(row[0] ?? ''))
      .filter((line) => line !== '')
      .join('\n');
  }

  /** Every formula in a tab: payload text must never become one. */
  formulas(sheetName = 'Reconciliation'): string[] {
    const sheet = this.workbook.getSheet(sheetName);
    return sheet === null
      ? []
      : sheet
          .formulas()
          .flat()
          .filter((formula) => formula !== '');
  }
}
