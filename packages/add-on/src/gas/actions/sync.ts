/**
 * Sync now (the first one asks how far back) and what the scheduled sync's trigger runs (its choice
 * is scheduled-sync.ts). Every sync ends with a refresh of the Attribution tab; a tab it cannot read
 * safely stops it with the reason, where a person looks.
 */

import { scheduledRunText } from '../../core/ledger/scheduled-sync';
import { MAX_HISTORY_DAYS, parseFirstRunDays } from '../../core/stripe/sync-state';
import type { StripeMode } from '../../core/stripe/stripe-key';
import { attributeSalesAndWrite, reportStop } from '../attribution/refresh';
import { UnreadableTabError } from '../ledger/unreadable-tab';
import { describeModes, modesNeverSynced, syncEveryMode, type ModeSync } from '../reconciliation/sync-modes';
import { rescheduleRefresh, takePendingRefresh } from '../reconciliation/refresh-schedule';
import { connectedKeys, writeScheduledRunText } from '../stripe/settings';
import { tellFrom } from './menu-action';

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

export const CONNECT_KEY_FIRST = 'Connect a restricted Stripe key first (Connect Stripe key…).';

export function syncFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  // Before the question: an answer would be wasted on a sync that cannot run.
  if (connectedKeys().length === 0) {
    tellFrom('syncNow', CONNECT_KEY_FIRST);
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
      tellFrom('syncNow', days.error);
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
  tellFrom('syncNow', describeModes(syncs));
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
    return `Attribution refreshed: ${String(refreshed.attributed)} of ${String(refreshed.sales)} sale${refreshed.sales === 1 ? '' : 's'} attributed.`;
  } catch (error) {
    if (pending !== null && !(error instanceof UnreadableTabError)) rescheduleRefresh(pending.failures + 1);
    return `Attribution was not refreshed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Run by the scheduled sync's trigger: no Ui here, so the outcome goes to the execution log, and is
 * kept (when, how it ended, what it did, which trigger ran it) for the Scheduled sync… dialog.
 */
export function syncFromTrigger(triggerUid: string | null): void {
  const syncs = syncEveryMode();
  const lines: string[] = [];
  let ok = true;
  // A trigger that throws only shows as "failed" in the executions list: each mode's outcome is said there instead.
  for (const sync of syncs) {
    const prefix = syncs.length > 1 ? `${sync.mode === 'live' ? 'Live' : 'Test'} mode: ` : '';
    const message = describeModes([sync]);
    if (sync.report === null || !sync.report.ok) {
      ok = false;
      console.error(`${prefix}Scheduled sync stopped: ${message.replace(/^Sync stopped: /, '')}`);
    } else if (sync.error !== null) {
      ok = false;
      console.error(prefix + message);
    } else console.log(prefix + message);
    lines.push(prefix + message);
  }
  if (syncs.length === 0) {
    ok = false;
    lines.push(`No Stripe key is connected, so nothing was synced. ${CONNECT_KEY_FIRST}`);
  }
  reportUnreadable(syncs);
  if (syncs.some((sync) => sync.report !== null)) {
    const attribution = attributionAfterSync();
    console.log(attribution);
    lines.push(attribution);
  }
  writeScheduledRunText(scheduledRunText({ at: new Date().toISOString(), ok, summary: lines.join(' '), trigger: triggerUid }));
}
