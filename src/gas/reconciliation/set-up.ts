/**
 * What the menu's reconciliation items do: set up the tab and the endpoint, rotate the token,
 * connect a key, sync now, the scheduled sync. Each runs from the menu, where the Ui is available
 * (the scheduled sync's trigger excepted); failures become a message to the user, never a silent stop.
 */

import { keyPermissionsText, syncIntervalWords, type SyncInterval } from '../../core/ledger/stripe-events';
import { KEY_PROBE_PATH } from '../../core/stripe-api';
import { checkStripeKey, maskKey } from '../../core/stripe-key';
import { MAX_HISTORY_DAYS, parseFirstRunDays, parseSyncState } from '../../core/sync-state';
import { showDialog } from '../dialog';
import type { GlobalName } from '../menu';
import { attributeSalesAndWrite, reportStop } from '../attribution/refresh';
import { UnreadableTabError } from '../ledger/unreadable-tab';
import { withScriptLockOrFail } from '../script-lock';
import { setupDialogHtml, type TokenNews } from './setup-dialog';
import { ensureReconciliationSheet } from './sheet-store';
import { createWebhookToken, readSyncInterval, readSyncState, setStripeApiKey, stripeApiKey, webhookToken, writeSyncInterval } from './settings';
import { stripeGet, SYNC_RETRIES } from './stripe-client';
import { runSync, type SyncReport } from './sync';

/** The global the hourly trigger calls (main.ts). */
export const SCHEDULED_SYNC_HANDLER: GlobalName = 'runScheduledSync';

function endpointUrl(token: string): { endpoint: string | null; devUrl: boolean } {
  const url = ScriptApp.getService().getUrl() as string | null;
  if (url === null || url === '') return { endpoint: null, devUrl: false };
  return { endpoint: `${url}${url.indexOf('?') === -1 ? '?' : '&'}token=${encodeURIComponent(token)}`, devUrl: /\/dev$/.test(url) };
}

/** The endpoint URL to paste into Stripe, the events to pick, and how deliveries are checked. */
function showEndpointDialog(token: string, news: TokenNews): void {
  const key = stripeApiKey();
  const verification = key === null ? null : `the restricted key ${maskKey(key)}`;
  showDialog(HtmlService.createHtmlOutput(setupDialogHtml({ ...endpointUrl(token), verification, news })), 'Stripe webhooks');
}

const SET_UP_LOCK_WAIT_MS = 30_000;
const NOT_SET_UP = 'Not set up yet: choose "Set up reconciliation" first.';

export function setUp(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { notice } = withScriptLockOrFail(SET_UP_LOCK_WAIT_MS, 'Set up reconciliation', (held) => ensureReconciliationSheet(held, spreadsheet));
  if (notice !== null) spreadsheet.toast(notice, 'Reconciliation', 15);
  const token = webhookToken();
  showEndpointDialog(token ?? createWebhookToken(), token === null ? 'created' : 'kept');
}

export function showEndpoint(): void {
  const token = webhookToken();
  if (token === null) {
    SpreadsheetApp.getUi().alert(NOT_SET_UP);
    return;
  }
  showEndpointDialog(token, 'kept');
}

/** A new token in place of the old one: for a URL that leaked. The webhook reads the token on every delivery, so the old one is refused from now on. */
export function rotateToken(): void {
  const ui = SpreadsheetApp.getUi();
  if (webhookToken() === null) {
    ui.alert(NOT_SET_UP);
    return;
  }
  const answer = ui.alert(
    'Rotate webhook token',
    'This makes a new secret token for the endpoint URL. The URL pasted into Stripe (and into the relay\'s APPS_SCRIPT_URL, if you use it) ' +
      'stops working at once: every delivery to it is refused, and asked to be sent again, until you paste the new URL there.\n\n' +
      'Meanwhile, through the relay, Stripe gets a 503 for each event and sends it again with exponential backoff, for up to three days ' +
      'in live mode (a few times over hours in test mode): paste the new URL within that time and nothing is lost. ' +
      'A direct /exec endpoint shows Stripe Google\'s redirect (302) whatever the add-on answers, so the request to send again never reaches Stripe: ' +
      'there, count on Sync now or the scheduled sync to catch those events up.\n\nMake a new token now?',
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) {
    ui.alert('Nothing changed: the current webhook URL still works.');
    return;
  }
  showEndpointDialog(createWebhookToken(), 'rotated');
}

export function connectKey(): void {
  const ui = SpreadsheetApp.getUi();
  const current = stripeApiKey();
  const answer = ui.prompt(
    'Connect Stripe key',
    `${current === null ? 'No key is connected: webhooks are checked by their token only.' : `Connected: ${maskKey(current)}.`}\n\n` +
      'Paste a restricted key (Stripe Dashboard > Developers > API keys > Create restricted key) with Read access to ' +
      `${keyPermissionsText()}, and nothing else. Leave it empty and press OK to disconnect.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const text = answer.getResponseText().trim();
  if (text === '') {
    setStripeApiKey(null);
    ui.alert('Disconnected. Webhooks are now checked by their token only, and sync is off.');
    return;
  }
  const check = checkStripeKey(text);
  if (!check.ok) {
    ui.alert(check.error);
    return;
  }
  // Prove the key can read events before keeping it.
  const probe = stripeGet(text, KEY_PROBE_PATH, SYNC_RETRIES);
  if (!probe.ok) {
    ui.alert(`The key was not saved. ${probe.error}`);
    return;
  }
  setStripeApiKey(text);
  ui.alert(`Connected ${maskKey(text)} (${check.mode} mode). Every delivery is now confirmed with Stripe, and Sync now can fill gaps.`);
}

function describeSync(report: SyncReport): string {
  return report.ok ? report.message : `Sync stopped: ${report.message}`;
}

const CONNECT_KEY_FIRST = 'Connect a restricted Stripe key first (Connect Stripe key…).';

export function syncFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  // Before the question: an answer would be wasted on a sync that cannot run.
  if (stripeApiKey() === null) {
    ui.alert(CONNECT_KEY_FIRST);
    return;
  }
  const state = parseSyncState(readSyncState());
  let firstRunDays: number | undefined;
  if (state.cursor === null && state.run === null) {
    const answer = ui.prompt(
      'First sync',
      `How many days back should the first sync go? A whole number from 1 to ${String(MAX_HISTORY_DAYS)} (Stripe keeps ${String(MAX_HISTORY_DAYS)} days of events).`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const days = parseFirstRunDays(answer.getResponseText());
    if (!days.ok) {
      ui.alert(days.error);
      return;
    }
    firstRunDays = days.days;
  }
  SpreadsheetApp.getActiveSpreadsheet().toast('Reading completed Checkout Sessions from Stripe…', 'Sync', 5);
  let report: SyncReport;
  try {
    report = runSync(firstRunDays === undefined ? {} : { firstRunDays });
  } catch (error) {
    if (error instanceof UnreadableTabError) reportStop(SpreadsheetApp.getActiveSpreadsheet(), 'Sync', error);
    ui.alert(`Sync stopped: ${error instanceof Error ? error.message : String(error)}. Rows already written are complete; run it again to resume.`);
    return;
  }
  const attribution = attributionAfterSync();
  SpreadsheetApp.getActiveSpreadsheet().toast(attribution, 'Attribution', 8);
  ui.alert(describeSync(report));
}

/** Every sync ends with a refresh of the Attribution tab: its line for the sync's message, or why it failed. */
function attributionAfterSync(): string {
  try {
    const refreshed = attributeSalesAndWrite();
    return `Attribution refreshed: ${String(refreshed.attributed)} of ${String(refreshed.sales)} sales attributed.`;
  } catch (error) {
    return `Attribution was not refreshed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Turns the scheduled sync on at `minutes`, or off when it already runs at that interval; one
 * at another interval is replaced. At most one sync trigger exists afterwards.
 */
export function toggleScheduledSync(minutes: SyncInterval): void {
  const ui = SpreadsheetApp.getUi();
  const existing = ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === SCHEDULED_SYNC_HANDLER);
  const current = existing.length === 0 ? null : readSyncInterval() ?? 60;
  if (current === minutes) {
    existing.forEach((trigger) => {
      ScriptApp.deleteTrigger(trigger);
    });
    writeSyncInterval(null);
    ui.alert(`Scheduled sync is off. New sales now arrive only by webhook, or when you choose Sync now.`);
    return;
  }
  if (stripeApiKey() === null) {
    ui.alert(CONNECT_KEY_FIRST);
    return;
  }
  if (parseSyncState(readSyncState()).cursor === null) {
    ui.alert('Run "Sync now" once first, to choose how far back to start.');
    return;
  }
  existing.forEach((trigger) => {
    ScriptApp.deleteTrigger(trigger);
  });
  const clock = ScriptApp.newTrigger(SCHEDULED_SYNC_HANDLER).timeBased();
  (minutes < 60 ? clock.everyMinutes(minutes) : clock.everyHours(minutes / 60)).create();
  writeSyncInterval(minutes);
  ui.alert(`Scheduled sync is on: ${syncIntervalWords(minutes).every} the add-on reads new Checkout Session events from Stripe, then refreshes attribution.`);
}

/** Run by the scheduled sync's trigger: no Ui here, so the outcome goes to the execution log. */
export function syncFromTrigger(): void {
  let report: SyncReport;
  try {
    report = runSync();
  } catch (error) {
    // A trigger that throws only shows as "failed" in the executions list; say why there.
    console.error(`Scheduled sync stopped: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UnreadableTabError) reportStop(SpreadsheetApp.getActiveSpreadsheet(), 'Sync', error);
    return;
  }
  if (report.ok) console.log(report.message);
  else console.error(`Scheduled sync stopped: ${report.message}`);
  console.log(attributionAfterSync());
}
