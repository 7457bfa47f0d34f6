/**
 * The playground's state and what can be done to it, without HTTP: the add-on (dist/Code.js run as
 * Apps Script runs it, one fresh execution per action), its formulas computed by its own custom
 * functions, the saved state, the menu that onOpen built, the sidebars and dialogs it showed.
 * Every change recalculates the formulas, moves `version` on (the page polls it) and starts a save;
 * the HTTP answer that reports it done waits for `saved()` (see state-file.ts: group commit).
 */
import { SCRIPT_PROPERTIES } from '@stripe-utm-sheets/add-on/core/contracts/script-properties';
import { DEFAULT_BUNDLE_PATH } from '../apps-script-runtime';
import { LocalAddOn } from '../local-add-on';
import type { ExecutionContext, ScriptWithServices } from '../services';
import { columnToLetters } from '@stripe-utm-sheets/add-on/core/helpers/column-letters';
import { parseA1, splitSheetName, type GridRange } from '../services/a1-notation';
import type { DialogRecord, MenuRecord } from '../services/ui';
import type { SheetData } from '../services/workbook';
import type { Answer, PlaygroundInfo, RunReply, StateView } from './api-types';
import { BundleFunctionIndex } from './bundle-functions';
import { DialogStore } from './dialog-store';
import { scheduleLine } from './due-triggers';
import { EchoStore, type EchoLookup } from './echo-store';
import { runInEditor } from './editor-runs';
import { PlaygroundFormulas } from './formula-evaluator';
import { rewriteFormula } from './formula-references';
import { createPlaygroundStripe, PLAYGROUND_STRIPE_KEY, VerifiedEventMirror, type SalesSeed } from './playground-stripe';
import { RELAY_DEFAULT_PORT } from './ports';
import { playgroundRelaySecret } from './relay-secret';
import { sendEventCommand } from '../sample-events/command';
import { LINKS_SHEET, seedLinks } from './seed';
import { loadState, serializeState, StateSaver } from './state-file';
import { buildStateView, type StateQuery } from './state-view';
import { serveWebhook, type WebhookReply, type WebhookRequest } from './webhook-endpoint';

type CustomResult = { ok: true; value: unknown } | { ok: false; message: string };

export { RELAY_DEFAULT_PORT } from './ports';

/** Custom function results kept for reuse (each distinct call of each formula). */
const CUSTOM_RESULTS_KEPT = 200;

export interface PlaygroundOptions {
  stateFile: string;
  reset?: boolean;
  /** The Stripe webhook signing secret (whsec_...); null: signatures are not checked. */
  webhookSecret?: string | null;
  bundlePath?: string;
  log?: (message: string) => void;
  /** What the fake Stripe API holds at start (default the demo's sales, demo-sales.ts). */
  seedSales?: SalesSeed;
}

export class Playground {
  readonly app: LocalAddOn;
  readonly formulas: PlaygroundFormulas;
  readonly functions: BundleFunctionIndex;
  readonly dialogs = new DialogStore();
  /** The one-time echo URLs the webhook endpoint's 302s point to. */
  readonly echoes = new EchoStore();
  readonly saver: StateSaver;
  /** Moves on with every change the page should redraw. */
  version = 1;
  /** The add-on menu as onOpen last built it. */
  menus: MenuRecord[] = [];
  /** True when this start seeded a fresh spreadsheet. */
  readonly seeded: boolean;
  private origin = 'http://localhost:8787';
  private readonly customResults = new Map<string, CustomResult>();
  private readonly mirror: VerifiedEventMirror;
  private readonly log: (message: string) => void;
  private readonly webhookSecret: string | null;

  constructor(private readonly options: PlaygroundOptions) {
    this.log = options.log ?? (() => undefined);
    this.webhookSecret = options.webhookSecret ?? null;
    const bundlePath = options.bundlePath ?? DEFAULT_BUNDLE_PATH;
    const stripe = createPlaygroundStripe(options.seedSales);
    this.mirror = new VerifiedEventMirror(stripe);
    const restored = options.reset ? null : loadState(options.stateFile, this.log);
    this.app = new LocalAddOn(stripe, bundlePath, restored ?? {});
    this.functions = new BundleFunctionIndex(bundlePath);
    this.formulas = new PlaygroundFormulas({
      resolve: (name) => this.functions.resolve(name),
      call: (name, args) => this.callCustomFunction(name, args),
    });
    this.app.workbook.setFormulaEvaluator(this.formulas.evaluate);
    this.app.workbook.setFormulaRewriter(rewriteFormula);
    this.saver = new StateSaver(options.stateFile, () => serializeState(this.app), {
      onError: (error) => {
        this.log(`Could not save ${options.stateFile}: ${error instanceof Error ? error.message : String(error)}`);
      },
    });
    this.seeded = restored === null;
  }

  /**
   * Opens the spreadsheet: seeds it the first time (Links tab, then the add-on's own set-up), runs
   * onOpen for the menu, and recalculates. `origin` is where the server listens.
   */
  open(origin: string): void {
    this.origin = origin;
    if (this.seeded) {
      seedLinks(this.app.workbook);
      const setUp = this.runMenu('setUpReconciliation', []);
      if (!setUp.ok) this.log(`setUpReconciliation failed: ${setUp.error ?? JSON.stringify(setUp.needsAnswer)}`);
      // Set-up opened the Reconciliation tab; the demo starts on the links.
      this.app.workbook.setSelection(LINKS_SHEET, 'A2');
    }
    this.runOnOpen();
    this.app.workbook.recalculate();
    this.saver.saveNow();
  }

  get webhookUrl(): string {
    const token = this.app.properties.script.get(SCRIPT_PROPERTIES.webhookToken) ?? '';
    return `${this.origin}/webhook?token=${encodeURIComponent(token)}`;
  }

  info(): PlaygroundInfo {
    const webhookUrl = this.webhookUrl;
    const relaySecret = playgroundRelaySecret(this.app.properties.script.get(SCRIPT_PROPERTIES.webhookToken) ?? '');
    return {
      webhookUrl,
      stateFile: this.options.stateFile,
      stripeKey: PLAYGROUND_STRIPE_KEY,
      stripeListen: `stripe listen --forward-to '${webhookUrl.replace(/^http:\/\//, '')}'`,
      // The relay reaches the playground on 127.0.0.1, where it listens (localhost may resolve to ::1 first).
      relayCommand: `APPS_SCRIPT_URL='${webhookUrl.replace(/^http:\/\/localhost:/, 'http://127.0.0.1:')}' STRIPE_WEBHOOK_SECRET=${relaySecret} npm run relay`,
      relayListen: `stripe listen --forward-to localhost:${String(RELAY_DEFAULT_PORT)}`,
      relaySecret,
      sendEvent: sendEventCommand(this.origin, false),
      sendEventToRelay: sendEventCommand(this.origin, true),
      signatureChecked: this.webhookSecret !== null,
      schedule: scheduleLine(this.app.triggers),
    };
  }

  /** A fresh execution whose ScriptApp.getService().getUrl() is this playground's webhook endpoint. */
  execution(context: ExecutionContext): ScriptWithServices {
    const run = this.app.execution(context);
    run.services.webAppUrl = `${this.origin}/webhook`;
    return run;
  }

  /** Something the page shows changed: recalculate, tell the page, start saving (see `saved`). */
  changed(): void {
    this.app.workbook.recalculate();
    this.version += 1;
    this.saver.changed();
  }

  state(query: StateQuery = {}): StateView {
    return buildStateView(
      { workbook: this.app.workbook, formulas: this.formulas, menus: this.menus, info: this.info(), version: this.version },
      query,
    );
  }

  /** Runs onOpen, as opening the spreadsheet does, and keeps the menu it built. */
  runOnOpen(): RunReply {
    const run = this.execution('editor');
    const reply = runInEditor(
      run,
      { functionName: 'onOpen', args: [{ authMode: 'LIMITED' }], callable: this.functions.get().all },
      this.dialogs,
    );
    if (reply.ok) this.menus = run.services.ui.menus.map((menu) => structuredClone(menu));
    else this.log(`onOpen failed: ${reply.error ?? ''}`);
    this.changed();
    reply.version = this.version;
    return reply;
  }

  /** A menu item: a fresh 'editor' execution, its prompts answered from `answers`. */
  runMenu(functionName: string, answers: Answer[]): RunReply {
    return this.runFunction(functionName, [], answers);
  }

  /** google.script.run: a fresh 'editor' execution of any public function, with JSON arguments. */
  runFunction(functionName: string, args: unknown[], answers: Answer[]): RunReply {
    const reply = runInEditor(this.execution('editor'), { functionName, args, answers, callable: this.functions.get().all }, this.dialogs);
    this.changed();
    reply.version = this.version;
    return reply;
  }

  /**
   * A custom function call in a fresh 'custom_function' execution. As Sheets does, a call with the
   * same arguments as a recent one reuses its result (until the bundle is rebuilt): recalculating
   * after every webhook delivery then costs no execution when the links did not change.
   */
  private callCustomFunction(name: string, args: unknown[]): unknown {
    const key = `${this.functions.stamp()}\u0000${name}\u0000${argumentsKey(args)}`;
    const cached = this.customResults.get(key);
    if (cached) {
      this.customResults.delete(key);
      this.customResults.set(key, cached); // most recently used last
      if (!cached.ok) throw new Error(cached.message);
      return structuredClone(cached.value);
    }
    const run = this.execution('custom_function');
    let outcome: CustomResult;
    try {
      outcome = { ok: true, value: run.runtime.call(name, ...args) };
    } catch (error) {
      outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
    } finally {
      run.services.endExecution();
    }
    this.customResults.set(key, outcome);
    for (const oldest of this.customResults.keys()) {
      if (this.customResults.size <= CUSTOM_RESULTS_KEPT) break;
      this.customResults.delete(oldest);
    }
    if (!outcome.ok) throw new Error(outcome.message);
    return structuredClone(outcome.value);
  }

  dialog(id: string): DialogRecord | null {
    return this.dialogs.get(id);
  }

  /** The sheet a request names, or an error message. */
  private sheetNamed(name: unknown): SheetData {
    if (typeof name !== 'string') throw new RequestError('sheet must be a sheet name');
    const sheet = this.app.workbook.getSheet(name);
    if (!sheet) throw new RequestError(`No sheet named "${name}"`);
    return sheet;
  }

  private rangesOf(sheet: SheetData, ranges: unknown): string[] {
    if (!Array.isArray(ranges) || ranges.length === 0 || !ranges.every((range) => typeof range === 'string')) {
      throw new RequestError('ranges must be a non-empty array of A1 ranges');
    }
    for (const range of ranges) rangeOnSheet(sheet, range, 'range');
    return ranges;
  }

  /** What the add-on's getActiveSheet / getActiveRange / getActiveRangeList see from now on. */
  select(sheetName: unknown, ranges: unknown): void {
    const sheet = this.sheetNamed(sheetName);
    this.app.workbook.setSelection(sheet.name, ...this.rangesOf(sheet, ranges));
    this.saver.changed();
  }

  /** Types `input` into a cell as a user does: '=...' a formula, numbers, dates, TRUE... ('' clears it). */
  editCell(sheetName: unknown, a1: unknown, input: unknown): void {
    const sheet = this.sheetNamed(sheetName);
    if (typeof a1 !== 'string') throw new RequestError('cell must be an A1 reference like B3');
    if (typeof input !== 'string') throw new RequestError('input must be a string');
    const range = rangeOnSheet(sheet, a1, 'cell');
    if (input === '') this.app.workbook.clearContent(sheet, range.row, range.column);
    else this.app.workbook.writeInput(sheet, range.row, range.column, input);
    this.changed();
  }

  /** Clears the content (not the formatting) of ranges, as the Delete key does. */
  clear(sheetName: unknown, ranges: unknown): void {
    const sheet = this.sheetNamed(sheetName);
    for (const a1 of this.rangesOf(sheet, ranges)) {
      const range = rangeOnSheet(sheet, a1, 'range');
      const lastRow = Math.min(range.row + range.numRows - 1, sheet.lastRow());
      const lastColumn = Math.min(range.column + range.numColumns - 1, sheet.lastColumn());
      for (let row = range.row; row <= lastRow; row++) {
        for (let column = range.column; column <= lastColumn; column++) this.app.workbook.clearContent(sheet, row, column);
      }
    }
    this.changed();
  }

  /** A change to a tab's grid (grid-actions.ts: paste, insert, delete, sort), then the usual redraw. */
  changeGrid<T>(sheetName: unknown, change: (sheet: SheetData) => T): T {
    const sheet = this.sheetNamed(sheetName);
    try {
      return change(sheet);
    } finally {
      this.changed(); // a refusal may come after part of it was done (rows added for a paste)
    }
  }

  /** A column's width, as dragging its edge sets it (1-based column, whole pixels as Sheets keeps them). */
  setColumnWidth(sheetName: unknown, column: unknown, width: unknown): void {
    const sheet = this.sheetNamed(sheetName);
    if (typeof column !== 'number' || !Number.isInteger(column) || column < 1 || column > sheet.maxColumns) {
      throw new RequestError(`column must be a column number from 1 to ${String(sheet.maxColumns)}`);
    }
    if (typeof width !== 'number' || !Number.isInteger(width) || width < 2 || width > 2000) {
      throw new RequestError('width must be a whole number of pixels from 2 to 2000');
    }
    sheet.columnWidths.set(column, width);
    this.changed();
  }

  /**
   * A delivery to the web app endpoint (see webhook-endpoint.ts): a 302 to `echoOrigin`/echo/<id>
   * when doPost returned, as Google's /exec answers.
   */
  webhook(request: WebhookRequest, echoOrigin: string = this.origin): WebhookReply {
    const reply = serveWebhook(request, {
      secret: this.webhookSecret,
      execution: () => this.execution('webapp'),
      verified: () => {
        // Stripe really sent it: let the add-on's fetch-back (with the playground key) find it.
        try {
          this.mirror.mirror(request.body);
        } catch (error) {
          this.log(`Could not copy the delivery into the fake Stripe API: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
      echoes: this.echoes,
      echoOrigin,
    });
    if (reply.ran) this.changed();
    return reply;
  }

  /** GET /echo/<id>: doPost's answer to a delivery, once. */
  echo(id: string): EchoLookup {
    return this.echoes.take(id);
  }

  /**
   * Resolves once every change made so far is durably saved; rejects when the save fails. What
   * answers a change as done (the web app's 302, the API's ok) waits for it.
   */
  saved(): Promise<void> {
    return this.saver.commit();
  }

  /** Writes the state now, synchronously (on exit). */
  flush(): void {
    this.saver.flush();
  }
}

/** Arguments as a cache key: a Date differs from the text of its ISO form, -0 from 0 does not matter. */
function argumentsKey(value: unknown): string {
  if (value instanceof Date) return `D${String(value.getTime())}`;
  if (Array.isArray(value)) return `[${value.map(argumentsKey).join(',')}]`;
  return value === undefined ? 'u' : JSON.stringify(value);
}

/** Longer than any A1 reference of a real grid ("ZZZ1000000:ZZZ1000000" is 21 characters). */
const A1_LENGTH_LIMIT = 40;

/** The sheet's grid in words, for the refusals below: "A1 to Z1000 (1000 rows, 26 columns)". */
function gridInWords(sheet: SheetData): string {
  const rows = String(sheet.maxRows);
  const columns = String(sheet.maxColumns);
  return `A1 to ${columnToLetters(sheet.maxColumns)}${rows} (${rows} rows, ${columns} columns)`;
}

/**
 * The cells a request's A1 reference names on the sheet. As in Sheets, whose UI cannot type or
 * select outside a sheet's grid, a reference that is malformed, names another sheet or reaches past
 * the last row or column is refused with what is allowed (and nothing is stored).
 */
export function rangeOnSheet(sheet: SheetData, a1: string, kind: 'cell' | 'range'): GridRange {
  const example = kind === 'cell' ? 'one cell in A1 notation, like B3' : 'an A1 range, like B3, B3:D7, B:B or 3:3';
  const allowed = `sheet "${sheet.name}" has cells ${gridInWords(sheet)}`;
  const shown = a1.length > A1_LENGTH_LIMIT ? `${a1.slice(0, A1_LENGTH_LIMIT)}…` : a1;
  if (splitSheetName(a1).sheetName !== null)
    throw new RequestError(`${kind} "${shown}" names a sheet: give ${example}, without a sheet name (the sheet is the request's "sheet").`);
  let range: GridRange;
  try {
    if (a1.length > A1_LENGTH_LIMIT) throw new Error('too long');
    range = parseA1(a1, sheet.maxRows, sheet.maxColumns);
  } catch {
    throw new RequestError(`${kind} "${shown}" is not ${example}; ${allowed}.`);
  }
  if (kind === 'cell' && (range.numRows !== 1 || range.numColumns !== 1))
    throw new RequestError(`cell "${shown}" is more than one cell: give ${example}; ${allowed}.`);
  if (range.row + range.numRows - 1 > sheet.maxRows || range.column + range.numColumns - 1 > sheet.maxColumns) {
    throw new RequestError(`${kind} ${shown} is outside the grid: ${allowed}.`);
  }
  return range;
}

/** A request the playground refuses (answered 400). */
export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}
