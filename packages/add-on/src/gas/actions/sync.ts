/**
 * The menu's sync items and the scheduled sync's trigger: Sync now (the first one asks how far back),
 * the scheduled sync on or off, and what the trigger runs. Every sync ends with a refresh of the
 * Attribution tab; a tab it cannot read safely stops it with the reason, where a person looks.
 */

import { syncIntervalWords, type SyncInterval } from '../../core/ledger/stripe-events';
import { MAX_HISTORY_DAYS, parseFirstRunDays, parseSyncState } from '../../core/stripe/sync-state';
import { attributeSalesAndWrite, reportStop } from '../attribution/refresh';
import { UnreadableTabError } from '../ledger/unreadable-tab';
import type { GlobalName } from '../menu';
import { runSync, type SyncReport } from '../reconciliation/sync';
import { rescheduleRefresh, takePendingRefresh } from '../reconciliation/refresh-schedule';
import { readSyncInterval, readSyncState, stripeApiKey, writeSyncInterval } from '../stripe/settings';

/** The global the hourly trigger calls (main.ts). */
export const SCHEDULED_SYNC_HANDLER: GlobalName = 'runScheduledSync';

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
    ui.alert(
      `Sync stopped: ${error instanceof Error ? error.message : String(error)}. Rows already written are complete; run it again to resume.`,
    );
    return;
  }
  const attribution = attributionAfterSync();
  SpreadsheetApp.getActiveSpreadsheet().toast(attribution, 'Attribution', 8);
  ui.alert(describeSync(report));
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
  ui.alert(
    `Scheduled sync is on: ${syncIntervalWords(minutes).every} the add-on reads new Checkout Session events from Stripe, then refreshes attribution.`,
  );
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
