/**
 * Where the settled sync stands (the balance transactions of each mode), kept between runs like
 * the event sync's (sync-state.ts, whose run and page steps it shares): Stripe lists balance
 * transactions newest first, so a run pages backwards through a window from `since`, saved after
 * every page, and only at the window's end does the cursor move up to the newest transaction seen.
 *
 * Two things differ from events. Stripe keeps balance transactions for good, so there is no 30-day
 * bound: the first run goes back to the oldest sale of its mode the ledger holds. And a
 * transaction Stripe lists a little after the time it carries would fall behind a cursor that
 * passed that time, so each run starts an hour before the cursor (a repeat changes nothing).
 */

import { BALANCE_TRANSACTION_ID } from './balance-transaction';
import { parseSyncState, type SyncRun, type SyncState } from './sync-state';

/** How far back from the cursor each run starts again. */
export const SETTLED_OVERLAP_SECONDS = 3600;
const DAY = 86_400;
/** The first run's window when the ledger has no older sale of its mode. */
export const FIRST_SETTLED_DAYS = 30;

export function parseSettledSyncState(text: string | null): SyncState {
  return parseSyncState(text, BALANCE_TRANSACTION_ID);
}

const newRun = (since: number): SyncRun => ({ since, startingAfter: null, newest: null, pages: 0, events: 0 });

/**
 * The run to do next: the one in progress, else one from an hour before the cursor, else (the
 * first time) from `oldestSale` or 30 days back, whichever is older. A saved time ahead of the
 * clock says nothing true and is not used.
 */
export function nextSettledRun(state: SyncState, nowSeconds: number, oldestSale: () => number | null): SyncRun {
  if (state.run !== null && state.run.since <= nowSeconds) return state.run;
  if (state.cursor !== null && state.cursor <= nowSeconds) return newRun(Math.max(0, state.cursor - SETTLED_OVERLAP_SECONDS));
  const window = nowSeconds - FIRST_SETTLED_DAYS * DAY;
  const oldest = oldestSale();
  return newRun(oldest === null ? window : Math.min(oldest, window));
}

/** Where each balance transaction a settled sync read went: every one in exactly one of these. */
export interface SettledCounts {
  /** New in the Settled tab, or brought back to what Stripe says. */
  recorded: number;
  unchanged: number;
  /** Not about a payment (payouts, transfers, top-ups): not recorded. */
  other: number;
  unreadable: number;
}

export interface SettledSyncReport extends SettledCounts {
  ok: boolean;
  /** False when it stopped early (time, error) and the next sync resumes. */
  complete: boolean;
  pages: number;
  /** What the mode's sync message says of it: '' when it read everything it could, as it should. */
  message: string;
}

export function emptySettledReport(): SettledSyncReport {
  return { ok: false, complete: false, pages: 0, recorded: 0, unchanged: 0, other: 0, unreadable: 0, message: '' };
}

/** The settled sync's part of a mode's message: said only when it did not finish (a stop, an error, a key that may not read them). */
export function describeSettledStop(
  report: SettledSyncReport,
  stop: { kind: 'time' } | { kind: 'error'; error: string; status: number },
): string {
  const read = `${String(report.recorded)} balance transaction${report.recorded === 1 ? '' : 's'} recorded so far`;
  if (stop.kind === 'time')
    return `Fees and net in the account's currency: stopped at the time limit after ${String(report.pages)} page${report.pages === 1 ? '' : 's'} of balance transactions (${read}); the next sync continues from there.`;
  if (stop.status === 403) return `Fees and net in the account's currency were not read: ${stop.error}`;
  return `Fees and net in the account's currency stopped: ${stop.error} (${read}); the next sync resumes there.`;
}
