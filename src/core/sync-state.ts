/**
 * Where a sync from Stripe stands, kept between runs so a sync that stops (an error, Apps
 * Script's six-minute limit) resumes where it stopped. Stripe lists events newest first, so a
 * run pages backwards through a window that starts at `since`; only when it reaches the end of
 * the window does the cursor move up to the newest event it saw. Events at the cursor's second
 * are read again next time: harmless, since writing an event twice changes nothing.
 */

import { EVENT_ID } from './stripe-event';

export const MAX_HISTORY_DAYS = 30; // Stripe keeps 30 days of events.
const DAY = 86_400;

export interface SyncRun {
  since: number;
  startingAfter: string | null;
  newest: number | null;
  pages: number;
  events: number;
}

export interface SyncState {
  /** Unix seconds: everything created before it has been synced. */
  cursor: number | null;
  run: SyncRun | null;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && isFinite(value);
}

/** A saved run every field of which a sync can use; anything else would fail every sync from then on. */
function isRun(value: unknown): value is SyncRun {
  if (value === null || typeof value !== 'object') return false;
  const run = value as Record<string, unknown>;
  return (
    isTime(run.since) &&
    (run.startingAfter === null || (typeof run.startingAfter === 'string' && EVENT_ID.test(run.startingAfter))) &&
    (run.newest === null || isTime(run.newest)) &&
    isTime(run.pages) &&
    isTime(run.events)
  );
}

export function parseSyncState(text: string | null): SyncState {
  if (text === null || text === '') return { cursor: null, run: null };
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object') return { cursor: null, run: null };
    const { cursor, run } = parsed as Record<string, unknown>;
    return { cursor: isTime(cursor) ? cursor : null, run: isRun(run) ? run : null };
  } catch {
    return { cursor: null, run: null };
  }
}

export function clampDays(days: number): number {
  if (!isFinite(days)) return MAX_HISTORY_DAYS;
  return Math.min(MAX_HISTORY_DAYS, Math.max(1, Math.round(days)));
}

/** The run to do next: the one in progress, or a new one from the cursor (or `firstRunDays` back). */
export function nextRun(state: SyncState, nowSeconds: number, firstRunDays: number | null): SyncRun | null {
  if (state.run !== null) return state.run;
  const oldest = nowSeconds - MAX_HISTORY_DAYS * DAY;
  if (state.cursor !== null) return { since: Math.max(state.cursor, oldest), startingAfter: null, newest: null, pages: 0, events: 0 };
  if (firstRunDays === null) return null;
  return { since: nowSeconds - clampDays(firstRunDays) * DAY, startingAfter: null, newest: null, pages: 0, events: 0 };
}

export interface PageSeen {
  /** The id of the page's last (oldest) item: where the next page starts. */
  lastId: string | null;
  /** The newest `created` on the page. */
  newest: number | null;
  count: number;
}

/** Where a page of events leaves the items' ids and times, whatever else they hold. */
export function seenOnPage(items: readonly unknown[]): PageSeen {
  let newest: number | null = null;
  let lastId: string | null = null;
  for (const item of items) {
    const { id, created } = (item ?? {}) as { id?: unknown; created?: unknown };
    if (typeof id === 'string') lastId = id;
    if (typeof created === 'number' && (newest === null || created > newest)) newest = created;
  }
  return { lastId, newest, count: items.length };
}

/** The state after a page of events (newest first) has been written. */
export function afterPage(state: SyncState, run: SyncRun, page: PageSeen, hasMore: boolean): SyncState {
  const newest = page.newest === null ? run.newest : Math.max(page.newest, run.newest ?? page.newest);
  if (hasMore && page.lastId !== null) {
    return {
      cursor: state.cursor,
      run: { since: run.since, startingAfter: page.lastId, newest, pages: run.pages + 1, events: run.events + page.count },
    };
  }
  return { cursor: Math.max(state.cursor ?? 0, newest ?? run.since), run: null };
}
