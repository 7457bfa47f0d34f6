/**
 * The menu's sync items and the scheduled sync's trigger: Sync now (the first one asks how far back),
 * the scheduled sync on or off, and what the trigger runs. Every sync ends with a refresh of the
 * Attribution tab; a tab it cannot read safely stops it with the reason, where a person looks.
 */

import { syncIntervalWords, type SyncInterval } from '../../core/ledger/stripe-events';
import { MAX_HISTORY_DAYS, parseFirstRunDays, parseSyncState } from '../../core/stripe/sync-state';
import type { StripeMode } from '../../core/stripe/stripe-key';
import { attributeSalesAndWrite, reportStop } from '../attribution/refresh';
import { UnreadableTabError } from '../ledger/unreadable-tab';
import type { GlobalName } from '../menu';
import { describeModes, modesNeverSynced, syncEveryMode, type ModeSync } from '../reconciliation/sync-modes';
import { rescheduleRefresh, takePendingRefresh } from '../reconciliation/refresh-schedule';
import { connectedKeys, readSyncInterval, readSyncState, writeSyncInterval } from '../stripe/settings';

/** The global the hourly trigger calls (main.ts). */
export const SCHEDULED_SYNC_HANDLER: GlobalName = 'runScheduledSync';

/** A ledger that cannot be read stops every mode alike: said once, where a person looks. */
function reportUnreadable(syncs: readonly ModeSync[]): void {
  const stop = syncs.find((sync) => sync.error instanceof UnreadableTabError)?.error;
  if (stop instanceof UnreadableTabError) reportStop(SpreadsheetApp.getActiveSpreadsheet(), 'Sync', stop);
}

/** `the first sync`, or `the first live-mode sync` when another mode has synced already. */
function firstSyncOf(modes: readonly StripeMode[]): string {
  if (connectedKeys().length < 2) return 'the first sync';
  return modes.length === 2 ? 'the first sync of each mode (test and live)' : `the first ${modes[0] ?? ''}-mode sync`;
}

const CONNECT_KEY_FIRST = 'Connect a restricted Stripe key first (Connect Stripe key…).';

export function syncFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  // Before the question: an answer would be wasted on a sync that cannot run.
  if (connectedKeys().length === 0) {
    ui.alert(CONNECT_KEY_FIRST);
    return;
  }
  const neverSynced = modesNeverSynced();
  let firstRunDays: number | undefined;
  if (neverSynced.length > 0) {
    const answer = ui.prompt(
      'First sync',
      `How many days back should ${firstSyncOf(neverSynced)} go? A whole number from 1 to ${String(MAX_HISTORY_DAYS)} (Stripe keeps ${String(MAX_HISTORY_DAYS)} days of events).`,
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
  const syncs = syncEveryMode(firstRunDays);
  reportUnreadable(syncs);
  // When every mode stopped on an error, nothing new is there to attribute.
  if (syncs.some((sync) => sync.report !== null)) {
    const attribution = attributionAfterSync();
    SpreadsheetApp.getActiveSpreadsheet().toast(attribution, 'Attribution', 8);
  }
  ui.alert(describeModes(syncs));
}

/**
 * Every sync ends with a refresh of the Attribution tab: its line for the sync's message, or why it
 * failed. It is also the refresh that deliveries' pending one waits for: it takes that one over
 * (no second refresh minutes later), and schedules it again if it fails.
 */
function attributionAfterSync(): string {
  const pending = takePendingRefresh();
  try {
    const refreshed = attributeSalesAndWrite();
    return `Attribution refreshed: ${String(refreshed.attributed)} of ${String(refreshed.sales)} sales attributed.`;
  } catch (error) {
    if (pending !== null && !(error instanceof UnreadableTabError)) rescheduleRefresh(pending.failures + 1);
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
  const current = existing.length === 0 ? null : (readSyncInterval() ?? 60);
  if (current === minutes) {
    existing.forEach((trigger) => {
      ScriptApp.deleteTrigger(trigger);
    });
    writeSyncInterval(null);
    ui.alert(`Scheduled sync is off. New sales now arrive only by webhook, or when you choose Sync now.`);
    return;
  }
  const keys = connectedKeys();
  if (keys.length === 0) {
    ui.alert(CONNECT_KEY_FIRST);
    return;
  }
  if (keys.some(({ mode }) => parseSyncState(readSyncState(mode)).cursor === null)) {
    ui.alert('Run "Sync now" once first, to choose how far back to start.');
    return;
  }
  existing.forEach((trigger) => {
    ScriptApp.deleteTrigger(trigger);
  });
  const clock = ScriptApp.newTrigger(SCHEDULED_SYNC_HANDLER).timeBased();
  (minutes < 60 ? clock.everyMinutes(minutes) : clock.everyHours(minutes / 60)).create();
  writeSyncInterval(minutes);
  ui.alert(
    `Scheduled sync is on: ${syncIntervalWords(minutes).every} the add-on reads new Checkout Session events from Stripe, then refreshes attribution.`,
  );
}

/** Run by the scheduled sync's trigger: no Ui here, so the outcome goes to the execution log. */
export function syncFromTrigger(): void {
  const syncs = syncEveryMode();
  // A trigger that throws only shows as "failed" in the executions list: each mode's outcome is said there instead.
  for (const sync of syncs) {
    const prefix = syncs.length > 1 ? `${sync.mode === 'live' ? 'Live' : 'Test'} mode: ` : '';
    const message = describeModes([sync]);
    if (sync.report === null || !sync.report.ok)
      console.error(`${prefix}Scheduled sync stopped: ${message.replace(/^Sync stopped: /, '')}`);
    else if (sync.error !== null) console.error(prefix + message);
    else console.log(prefix + message);
  }
  reportUnreadable(syncs);
  if (syncs.some((sync) => sync.report !== null)) console.log(attributionAfterSync());
}
