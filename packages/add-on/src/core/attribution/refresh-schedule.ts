/**
 * When the Attribution tab is refreshed after webhook deliveries (issue 15): the delay, the backoff
 * after a failed run, and the pending marker kept in a script property. Apps Script's side (the
 * trigger, the property) is gas/reconciliation/refresh-schedule.ts; this is the arithmetic.
 */

import { storedObject } from '../helpers/stored-json';

/**
 * How long after the first delivery of a burst the refresh runs: the one number to change.
 * Two minutes lets a burst (a checkout's completed and async events, Stripe's retries, a sale
 * every few seconds) settle into one refresh, so a steady stream costs at most one refresh run
 * per two minutes whatever its rate, and the tab is still "up to date within a few minutes".
 * Apps Script allows triggers 90 minutes of run time a day on a consumer account (6 hours on
 * Workspace): 720 runs would fit only if each took under 7.5 s, but sales come in bursts, and
 * a busy day's deliveries share one run per two minutes at most.
 */
export const REFRESH_DELAY_MS = 2 * 60_000;

/** A refresh that keeps failing waits twice as long each time, up to an hour: a bug must not burn the daily trigger time. */
export const MAX_REFRESH_DELAY_MS = 60 * 60_000;

/**
 * A pending marker this long past its due time lost its trigger (deleted by hand in the
 * triggers page, or a run stopped between deleting it and clearing the marker): the next delivery
 * schedules afresh. Longer than a late trigger (Apps Script runs a one-off trigger "not less than"
 * its delay after, some minutes late at busy times) plus one execution's 6 minutes.
 */
export const PENDING_STALE_AFTER_MS = 30 * 60_000;

/** A refresh owed: when its trigger is due, and how many runs before it failed. */
export interface PendingRefresh {
  /** Milliseconds since the epoch. */
  due: number;
  failures: number;
}

/** The delay before the next run after `failures` failed ones: 2, 4, 8, ... minutes, at most an hour. */
export function refreshDelay(failures: number): number {
  const doublings = Math.min(Math.max(0, Math.floor(failures)), 10);
  return Math.min(REFRESH_DELAY_MS * 2 ** doublings, MAX_REFRESH_DELAY_MS);
}

/** The marker of a refresh scheduled now, after `failures` failed runs. */
export function pendingRefreshAt(now: number, failures: number): PendingRefresh {
  return { due: now + refreshDelay(failures), failures };
}

export function pendingRefreshText(pending: PendingRefresh): string {
  return JSON.stringify({ due: pending.due, failures: pending.failures });
}

/**
 * The marker as stored, or null when none is. Text that is not a marker (edited by hand) reads as
 * one long overdue, so that the next delivery replaces it instead of trusting it.
 */
export function readPendingRefresh(text: string | null): PendingRefresh | null {
  if (text === null) return null;
  const { due, failures } = storedObject(text) ?? {};
  return {
    due: typeof due === 'number' && Number.isFinite(due) ? due : 0,
    failures: typeof failures === 'number' && Number.isInteger(failures) && failures >= 0 ? failures : 0,
  };
}

/** True when a delivery can rely on the marker: its trigger is still to come. */
export function isPendingLive(pending: PendingRefresh | null, now: number): boolean {
  return pending !== null && now < pending.due + PENDING_STALE_AFTER_MS;
}
