/**
 * The Attribution tab follows webhook deliveries on its own (issue 15): a delivery that changed the
 * ledger makes sure one refresh is pending, as one one-off time-driven trigger and a marker in
 * script properties saying when it is due. While the marker is there, further deliveries add
 * nothing: a burst of any size costs one trigger and one refresh, a couple of minutes after its
 * first delivery. The trigger's run (actions/refresh-after-deliveries.ts) takes the pending refresh
 * (deletes its trigger, then clears the marker) before refreshing, so a delivery during the refresh
 * schedules the next one. Our triggers are known by their handler's name, never touching another
 * (the scheduled sync's).
 *
 * A delivery's cost: one script-property read when a refresh is already pending; when none is, that
 * read, one property write and one trigger created. No spreadsheet call.
 */

import {
  isPendingLive,
  pendingRefreshAt,
  pendingRefreshText,
  readPendingRefresh,
  refreshDelay,
  type PendingRefresh,
} from '../../core/attribution/refresh-schedule';
import type { RecordOutcome } from '../ledger/record-event';
import { readPendingRefreshText, writePendingRefreshText } from '../stripe/settings';
import { withScriptLock, type ScriptLockHeld } from '../script-lock';

/** The global the trigger calls (main.ts; actions/refresh-after-deliveries.ts holds it to a real global's name). */
export const REFRESH_AFTER_DELIVERIES_HANDLER = 'refreshAfterDeliveries';

/**
 * Which recording outcomes changed the ledger, whatever the record (a session, a refund, a
 * dispute, an invoice): a new outcome must say here whether the Attribution tab has to follow it.
 */
const CHANGED_THE_LEDGER: Readonly<Record<RecordOutcome, boolean>> = {
  inserted: true,
  updated: true,
  unchanged: false,
  not_recorded: false,
};

/** How long a reschedule waits for the script lock, so that it cannot race a delivery's own scheduling. */
const RESCHEDULE_LOCK_WAIT_MS = 10_000;

function ourTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === REFRESH_AFTER_DELIVERIES_HANDLER);
}

/** Deletes our triggers, one by one: one already gone (another execution took it) does not stop the rest. */
function deleteOurTriggers(): void {
  for (const trigger of ourTriggers()) {
    try {
      ScriptApp.deleteTrigger(trigger);
    } catch (error) {
      console.warn(`Could not delete a pending attribution refresh: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Creates the trigger and its marker. The marker goes first: a marker without a trigger (creation
 * failed) is removed again, or read as stale later; a trigger without a marker would be doubled by
 * the next delivery.
 */
function createPending(failures: number): void {
  const pending = pendingRefreshAt(Date.now(), failures);
  writePendingRefreshText(pendingRefreshText(pending));
  try {
    ScriptApp.newTrigger(REFRESH_AFTER_DELIVERIES_HANDLER).timeBased().after(refreshDelay(failures)).create();
  } catch (error) {
    writePendingRefreshText(null);
    throw error;
  }
}

/** Schedules a refresh unless a live one is pending; a stale marker's leftover triggers are deleted first. */
function ensurePending(failures: number): void {
  const pending = readPendingRefresh(readPendingRefreshText());
  if (isPendingLive(pending, Date.now())) return;
  if (pending !== null) deleteOurTriggers();
  createPending(failures);
}

/**
 * Called by a delivery, under the script lock it recorded under (so two deliveries cannot both find
 * no marker and make two triggers), with what recording did. Never throws: the sale is written,
 * and a refresh that could not be scheduled must not turn the delivery into a failure Stripe retries
 * (its repeat would change nothing, and schedule nothing either).
 */
export function refreshAfterRecording(held: ScriptLockHeld, outcome: RecordOutcome): void {
  if (!CHANGED_THE_LEDGER[outcome]) return;
  try {
    ensurePending(0);
  } catch (error) {
    console.warn(
      `The Attribution tab will follow this delivery at the next sync or Refresh attribution: a refresh could not be scheduled (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

/**
 * Takes the pending refresh for the caller, who refreshes next: deletes our triggers, then clears
 * the marker (a delivery in between still sees it, and its write is before the refresh's read).
 * Returns the marker that was there, or null when no refresh was pending.
 */
export function takePendingRefresh(): PendingRefresh | null {
  const pending = readPendingRefresh(readPendingRefreshText());
  if (pending === null) return null;
  deleteOurTriggers();
  writePendingRefreshText(null);
  return pending;
}

/**
 * After a refresh that failed, schedules the next unless a delivery already has. Under the script
 * lock, like deliveries; if the lock stays busy, without it rather than lose the refresh (a second
 * trigger that this could make in that moment is deleted by the first one's run).
 */
export function rescheduleRefresh(failures: number): void {
  const done = withScriptLock(RESCHEDULE_LOCK_WAIT_MS, () => {
    ensurePending(failures);
  });
  if (!done.ok) ensurePending(failures);
}
