/**
 * How many sales the sync may ask Stripe about, so that checking the sales recorded before a key
 * was connected stays within Apps Script's UrlFetch quota (20,000 calls a day for a consumer
 * account, 100,000 for Workspace) and Stripe's rate limits, whatever the backlog and however often
 * the sync runs. Each check is one GET of a Checkout Session; they go out in chunks through
 * UrlFetchApp.fetchAll, a chunk no larger than Stripe's test-mode rate limit (25 reads a second).
 * What a run or a day cannot check is left for the next sync: the rows still say `not yet`.
 */

import { storedObject } from '../helpers/stored-json';
import { countOf } from '../helpers/count-of';

/** Sessions fetched at once (one UrlFetchApp.fetchAll). */
export const CHECK_CHUNK = 25;
/** Sessions one sync may check: 20 chunks, a few seconds of fetching. */
export const CHECKS_PER_RUN = 500;
/** Sessions all syncs together may check in a day: a quarter of a consumer account's UrlFetch quota. */
export const CHECKS_PER_DAY = 5000;

/** How many checks were made on `day` (UTC, `yyyy-mm-dd`), as kept in a script property. */
export interface CheckTally {
  day: string;
  count: number;
}

export function utcDay(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

/** The tally kept for today, or a fresh one: another day's count, or anything unreadable, counts nothing. */
export function readCheckTally(text: string | null, today: string): CheckTally {
  const parsed = storedObject(text);
  const count = parsed?.count;
  if (parsed?.day === today && typeof count === 'number' && Number.isInteger(count) && count >= 0) return { day: today, count };
  return { day: today, count: 0 };
}

/** How many sessions this run may check. */
export function checksAllowed(tally: CheckTally): number {
  return Math.max(0, Math.min(CHECKS_PER_RUN, CHECKS_PER_DAY - tally.count));
}

/** The items in chunks of `size`, in order. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** What one sync's check of a mode's earlier sales did. */
export interface SaleCheckReport {
  /** Rows of the mode that were still to be checked when the run began. */
  waiting: number;
  /** Sessions asked of Stripe (each one UrlFetch call). */
  asked: number;
  confirmed: number;
  /** Not found in Stripe, or not as the row says: left out of revenue. */
  flagged: number;
  /** Still `not yet` after this run: beyond its bounds, or not answered. */
  left: number;
  /** Why the run stopped before its bounds, when it did. */
  stoppedBy: string | null;
}

/** `Checked 12 sales recorded before a key was connected: 11 confirmed by Stripe, 1 flagged …`; '' when there was none to check. */
export function describeSaleChecks(report: SaleCheckReport): string {
  if (report.waiting === 0) return '';
  const done = report.confirmed + report.flagged;
  const parts = [
    `Checked ${countOf(done, 'sale', 'sales')} recorded without Stripe's confirmation: ${String(report.confirmed)} confirmed by Stripe, ` +
      `${String(report.flagged)} not found in Stripe or not as recorded (left out of revenue, listed on the Attribution tab).`,
  ];
  if (report.left > 0) {
    const why = report.stoppedBy === null ? `at most ${String(CHECKS_PER_RUN)} a sync, ${String(CHECKS_PER_DAY)} a day` : report.stoppedBy;
    parts.push(`${countOf(report.left, 'sale is', 'sales are')} left for the next sync (${why}).`);
  }
  return parts.join(' ');
}
