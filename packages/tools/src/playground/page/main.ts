/**
 * The playground page: the add-on menu, the tabs as grids, the formula bar, the webhook URL, the
 * sidebar and dialogs. It polls GET /api/state (cheap: ?since= answers "unchanged" when nothing
 * moved) so webhook deliveries show up within a couple of seconds.
 */
import type { SheetView, StateView } from '../api-types';
import { parseRect } from './a1';
import { getState, postJson } from './api';
import { ChartLayer } from './charts';
import { byId, byIdOf, el } from './dom';
import { Grid } from './grid';
import { gridEditHandlers, wireAddSheet, type GridEditEffects } from './grid-edits';
import { renderMenus, setMenusBusy } from './menu-bar';
import { Panels } from './panels';
import { runOnServer, type RunEffects } from './runner';

const POLL_MS = 1500;

const statusLine = byId('status');
const menus = byId('menus');
const tabs = byId('tabs');
const nameBox = byId('name-box');
const formulaInput = byIdOf('formula-input', HTMLInputElement);

let version = 0;
let currentSheet: string | null = null;
let sheets: SheetView[] = [];
/** The selection last sent, so a run waits until the server has it. */
let selectionSent: Promise<void> = Promise.resolve();
/** Each tab's selection, kept while the user visits others. */
const selections = new Map<string, string[]>();
let busy = false;

/** Clears a status that had a timeout (a toast's). */
let statusTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows `message` in the status line, replacing what was there; a timeout in seconds clears it after that long. */
function status(message: string, error = false, timeoutSeconds: number | null = null): void {
  if (statusTimer !== undefined) clearTimeout(statusTimer);
  statusTimer = undefined;
  statusLine.textContent = message;
  statusLine.classList.toggle('error', error);
  if (timeoutSeconds !== null && timeoutSeconds > 0) {
    statusTimer = setTimeout(() => {
      statusTimer = undefined;
      statusLine.textContent = '';
      statusLine.classList.remove('error');
    }, timeoutSeconds * 1000);
  }
}

/** Paste, insert, delete, sort and new tabs redraw as an edit does (grid-edits.ts). */
const gridEffects: GridEditEffects = { status, redraw: () => refresh(false, true), adopt: () => refresh(true) };

const grid = new Grid(byId('grid-scroll'), {
  select: (sheet, ranges) => {
    selections.set(sheet, ranges);
    selectionSent = postJson('/api/select', { sheet, ranges }).then(
      () => undefined,
      (error: unknown) => {
        status(`Could not select: ${error instanceof Error ? error.message : String(error)}`, true);
      },
    );
  },
  edit: (sheet, cell, input) => saveCell(sheet, cell, input),
  clear: async (sheet, ranges) => {
    try {
      await postJson('/api/clear', { sheet, ranges });
      await refresh(false);
    } catch (error) {
      status(`Could not clear: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  },
  resizeColumn: (sheet, column, width) => {
    postJson('/api/column-width', { sheet, column, width }).then(
      () => refresh(false),
      (error: unknown) => {
        status(`Could not resize the column: ${error instanceof Error ? error.message : String(error)}`, true);
      },
    );
  },
  activeChanged: () => {
    const active = grid.activeCell();
    nameBox.textContent = active.selection;
    nameBox.title = active.selection;
    if (document.activeElement !== formulaInput) formulaInput.value = active.input;
  },
  status,
  ...gridEditHandlers(gridEffects),
});

const charts = new ChartLayer(byId('grid-scroll'), (row, column) => document.getElementById(`cell-${String(row)}-${String(column)}`));

const effects: RunEffects = {
  showDialog: (dialog) => {
    panels.show(dialog);
  },
  status,
  refresh: () => refresh(true),
  settled: () => selectionSent,
};

const panels = new Panels(
  () => effects,
  () => {
    grid.focus();
  },
);

function drawTabs(): void {
  const visible = sheets.filter((sheet) => !sheet.hidden);
  const key = JSON.stringify([visible.map((sheet) => sheet.name), currentSheet]);
  if (tabs.dataset['key'] === key) return;
  tabs.dataset['key'] = key;
  tabs.replaceChildren();
  for (const sheet of visible) {
    const selected = sheet.name === currentSheet;
    const tab = el(
      'button',
      { type: 'button', role: 'tab', 'aria-selected': String(selected), tabindex: selected ? '0' : '-1' },
      sheet.name,
    );
    tab.addEventListener('click', () => {
      void switchSheet(sheet.name);
    });
    tab.addEventListener('keydown', (event) => {
      const index = visible.indexOf(sheet);
      const next = event.key === 'ArrowRight' ? visible[index + 1] : event.key === 'ArrowLeft' ? visible[index - 1] : undefined;
      if (next) {
        event.preventDefault();
        void switchSheet(next.name).then(() => {
          tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
        });
      }
    });
    tabs.append(tab);
  }
}

function applySelection(sheet: SheetView, ranges: string[]): void {
  const rects = ranges.map((a1) => parseRect(a1, sheet.maxRows, sheet.maxColumns)).filter((rect) => rect !== null);
  grid.setSelection(rects);
}

/** Draws a state; `adopt` follows the add-on's active sheet and selection (after a run). */
function apply(state: StateView, adopt: boolean): boolean {
  if (state.unchanged) return true;
  version = state.version;
  sheets = state.sheets ?? [];
  if (state.menus) {
    renderMenus(menus, state.menus, (functionName, caption) => {
      void runMenu(functionName, caption);
    });
    setMenusBusy(menus, busy);
  }
  if (state.info) {
    const url = byIdOf('webhook-url', HTMLInputElement);
    if (url.value !== state.info.webhookUrl) url.value = state.info.webhookUrl;
    byId('howto-key').textContent = state.info.stripeKey;
    byId('howto-listen').textContent = state.info.stripeListen;
    byId('howto-relay').textContent = state.info.relayCommand;
    byId('howto-relay-listen').textContent = state.info.relayListen;
    byId('howto-send').textContent = state.info.sendEvent;
    byId('howto-relay-send').textContent = state.info.sendEventToRelay;
    byId('howto-state').textContent = state.info.stateFile;
    byId('howto-schedule').textContent = state.info.schedule;
    byId('howto-signature').textContent = state.info.signatureChecked
      ? 'Signatures are checked (STRIPE_WEBHOOK_SECRET is set).'
      : 'To check Stripe-Signature too, restart with STRIPE_WEBHOOK_SECRET set to the whsec_… that stripe listen prints.';
  }
  const previous = currentSheet;
  if (adopt || currentSheet === null || !sheets.some((sheet) => sheet.name === currentSheet)) {
    currentSheet = state.activeSheet ?? sheets.find((sheet) => !sheet.hidden)?.name ?? null;
  }
  const sheet = sheets.find((candidate) => candidate.name === currentSheet);
  if (!sheet) return true;
  if (!sheet.cells) return false; // the state was asked for another tab's cells: ask again
  drawTabs();
  grid.show(sheet);
  charts.show(sheet);
  if (adopt && state.selection && state.selection.sheet === sheet.name) {
    applySelection(sheet, state.selection.ranges);
    selections.set(sheet.name, state.selection.ranges);
  } else if (previous !== currentSheet) {
    applySelection(sheet, selections.get(sheet.name) ?? ['A1']);
  }
  return true;
}

/** Fetches the state (only what changed since the last one unless `force`) and draws it. */
async function refresh(adopt: boolean, force = false): Promise<void> {
  const query = { ...(force || adopt ? {} : { since: version }), ...(currentSheet === null || adopt ? {} : { sheet: currentSheet }) };
  const state = await getState(query);
  if (!apply(state, adopt)) apply(await getState({ ...(currentSheet === null ? {} : { sheet: currentSheet }) }), false);
}

/** Shows another tab with the selection it had; the add-on sees it as the active sheet. */
async function switchSheet(name: string): Promise<void> {
  if (name === currentSheet) return;
  currentSheet = name;
  const state = await getState({ sheet: name });
  apply(state, false);
  const sheet = sheets.find((candidate) => candidate.name === name);
  if (!sheet) return;
  const ranges = selections.get(name) ?? ['A1'];
  applySelection(sheet, ranges);
  selectionSent = postJson('/api/select', { sheet: name, ranges }).then(
    () => undefined,
    (error: unknown) => {
      status(`Could not select: ${error instanceof Error ? error.message : String(error)}`, true);
    },
  );
}

async function runMenu(functionName: string, caption: string): Promise<void> {
  if (busy) return;
  busy = true;
  setMenusBusy(menus, true);
  try {
    await runOnServer('/api/menu', { function: functionName }, caption, effects);
  } catch (error) {
    status(`${caption} failed: ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    busy = false;
    setMenusBusy(menus, false);
  }
}

function wireFormulaBar(): void {
  let original = '';
  formulaInput.addEventListener('focus', () => {
    original = formulaInput.value;
  });
  formulaInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const value = formulaInput.value;
      const active = grid.activeCell();
      const sheet = grid.sheetName;
      grid.focus();
      if (sheet !== null && value !== original) void saveCell(sheet, active.a1, value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      formulaInput.value = original;
      grid.focus();
    }
  });
}

/** Types `input` into a cell on the server, then redraws (the formulas recalculated). */
async function saveCell(sheet: string, cell: string, input: string): Promise<void> {
  try {
    await postJson('/api/cell', { sheet, cell, input });
    status(`Saved ${cell}.`);
  } catch (error) {
    status(`Could not save ${cell}: ${error instanceof Error ? error.message : String(error)}`, true);
  }
  await refresh(false, true);
}

function wireWebhookCopy(): void {
  byId('copy-webhook').addEventListener('click', () => {
    const url = byIdOf('webhook-url', HTMLInputElement);
    url.select();
    navigator.clipboard.writeText(url.value).then(
      () => {
        status('Webhook URL copied.');
      },
      () => {
        status('Press Ctrl+C to copy the selected URL.');
      },
    );
  });
}

async function poll(): Promise<void> {
  if (!document.hidden && !grid.editing) {
    try {
      await refresh(false);
    } catch {
      status('The playground server does not answer (stopped?). Retrying…', true);
    }
  }
  setTimeout(() => {
    void poll();
  }, POLL_MS);
}

async function boot(): Promise<void> {
  wireFormulaBar();
  wireWebhookCopy();
  wireAddSheet(gridEffects);
  status('Opening the spreadsheet (onOpen)…');
  try {
    // Opening the spreadsheet runs onOpen, which builds the add-on menu.
    await postJson('/api/open', {});
  } catch (error) {
    status(`onOpen failed: ${error instanceof Error ? error.message : String(error)}`, true);
  }
  await refresh(true);
  status('Ready. Select cells, edit them, or run an item of the add-on menu.');
  grid.focus();
  setTimeout(() => {
    void poll();
  }, POLL_MS);
}

void boot();
