/**
 * Where a sync from Stripe stands, kept between runs so a sync that stops (an error, Apps
 * Script's six-minute limit) resumes where it stopped. Stripe lists events newest first, so a
 * run pages backwards through a window that starts at `since`; only when it reaches the end of
 * the window does the cursor move up to the newest event it saw. Events at the cursor's second
 * are read again next time: harmless, since writing an event twice changes nothing.
 *
 * The cursor never runs ahead of the clock. An event Stripe dates in the future (a skewed clock, a
 * test clock) is written like any other, but it does not move the cursor: the cursor is the newest
 * event seen that is not ahead of the clock, so the next sync still reads what comes after, and
 * reads the event dated ahead again (changing nothing) until the clock passes it. A saved cursor
 * ahead of the clock (an earlier version took the newest time unbounded) says nothing true, so the
 * sync reads again from the 30 days Stripe keeps.
 */

import { EVENT_ID } from './stripe-event';
import { storedObject } from '../helpers/stored-json';
import { countOf } from '../helpers/count-of';

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
function isRun(value: unknown, idPattern: RegExp): value is SyncRun {
  if (value === null || typeof value !== 'object') return false;
  const run = value as Record<string, unknown>;
  return (
    isTime(run.since) &&
    (run.startingAfter === null || (typeof run.startingAfter === 'string' && idPattern.test(run.startingAfter))) &&
    (run.newest === null || isTime(run.newest)) &&
    isTime(run.pages) &&
    isTime(run.events)
  );
}

/** `idPattern`: what a run's `startingAfter` may be (events' ids; the settled sync's are balance transactions'). */
export function parseSyncState(text: string | null, idPattern: RegExp = EVENT_ID): SyncState {
  const parsed = storedObject(text);
  if (parsed === null) return { cursor: null, run: null };
  const { cursor, run } = parsed;
  return { cursor: isTime(cursor) ? cursor : null, run: isRun(run, idPattern) ? run : null };
}

/** The first sync's answer to "how many days back": a whole number from 1 to 30, nothing else. */
export function parseFirstRunDays(text: string): { ok: true; days: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const days = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (days >= 1 && days <= MAX_HISTORY_DAYS) return { ok: true, days };
  const what = trimmed === '' ? 'Nothing was typed' : `"${trimmed.slice(0, 40)}" is not one`;
  return {
    ok: false,
    error: `Type a whole number of days from 1 to ${String(MAX_HISTORY_DAYS)} (Stripe keeps ${String(MAX_HISTORY_DAYS)} days of events). ${what}; nothing was synced.`,
  };
}

export function clampDays(days: number): number {
  if (!isFinite(days)) return MAX_HISTORY_DAYS;
  return Math.min(MAX_HISTORY_DAYS, Math.max(1, Math.round(days)));
}

/** A saved time that is not ahead of the clock, or null: "everything before a time yet to come" cannot be true. */
function notAhead(time: number | null, nowSeconds: number): number | null {
  return time !== null && time <= nowSeconds ? time : null;
}

/**
 * The run to do next: the one in progress, or a new one from the cursor (or `firstRunDays` back).
 * A cursor or a run's start ahead of the clock is not trusted: the run reads from the 30 days
 * Stripe keeps instead.
 */
export function nextRun(state: SyncState, nowSeconds: number, firstRunDays: number | null): SyncRun | null {
  const oldest = nowSeconds - MAX_HISTORY_DAYS * DAY;
  if (state.run !== null) return state.run.since <= nowSeconds ? state.run : { ...state.run, since: oldest, startingAfter: null };
  if (state.cursor !== null) {
    const cursor = notAhead(state.cursor, nowSeconds);
    return { since: cursor === null ? oldest : Math.max(cursor, oldest), startingAfter: null, newest: null, pages: 0, events: 0 };
  }
  if (firstRunDays === null) return null;
  return { since: nowSeconds - clampDays(firstRunDays) * DAY, startingAfter: null, newest: null, pages: 0, events: 0 };
}

/**
 * The run started again from the top of its window after Stripe refused its cursor: no cursor,
 * and `since` no older than the 30 days Stripe keeps. Pages already written are read again and
 * change nothing (writes are idempotent); the newest time seen so far still counts.
 */
export function restartRun(run: SyncRun, nowSeconds: number): SyncRun {
  return { ...run, since: Math.max(run.since, nowSeconds - MAX_HISTORY_DAYS * DAY), startingAfter: null };
}

/** Where each event a sync read went: every one in exactly one of these. */
export interface SyncCounts {
  inserted: number;
  updated: number;
  /** Refunds, disputes and invoices recorded or brought up to date in Money after sale. */
  money: number;
  unchanged: number;
  /** Expired sessions: never paid, so never a Reconciliation row; each counted once in Checkouts. */
  expired: number;
  /** Event types the add-on does not record. */
  otherTypes: number;
  /** Events it could not read as a Checkout Session event. */
  unreadable: number;
}

export function eventsCounted(counts: SyncCounts): number {
  return counts.inserted + counts.updated + counts.money + counts.unchanged + counts.expired + counts.otherTypes + counts.unreadable;
}

/** "Synced 8 events: 5 new sessions, 0 updated, 2 already up to date, 1 not recorded (1 expired session)." */
export function describeCounts(counts: SyncCounts): string {
  const notRecorded = counts.otherTypes + counts.unreadable;
  const why = [
    counts.otherTypes > 0 ? countOf(counts.otherTypes, 'of another type', 'of other types') : '',
    counts.unreadable > 0 ? `${String(counts.unreadable)} unreadable` : '',
  ].filter((part) => part !== '');
  return (
    `${countOf(eventsCounted(counts), 'event', 'events')}: ${countOf(counts.inserted, 'new session', 'new sessions')}, ${String(counts.updated)} updated, ` +
    (counts.money > 0 ? `${countOf(counts.money, 'refund, dispute or invoice', 'refunds, disputes or invoices')} recorded, ` : '') +
    (counts.expired > 0 ? `${countOf(counts.expired, 'expired checkout', 'expired checkouts')} counted, ` : '') +
    `${String(counts.unchanged)} already up to date, ${String(notRecorded)} not recorded${why.length > 0 ? ` (${why.join(', ')})` : ''}.`
  );
}

export interface PageSeen {
  /** The id of the page's last (oldest) item: where the next page starts. */
  lastId: string | null;
  /** The newest `created` on the page that is not ahead of the clock. */
  newest: number | null;
  count: number;
}

/**
 * Where a page of events leaves the items' ids and times, whatever else they hold. An event dated
 * after `nowSeconds` is counted and continued from, but its time is not taken: a cursor there would
 * skip every event that comes before it.
 */
export function seenOnPage(items: readonly unknown[], nowSeconds: number): PageSeen {
  let newest: number | null = null;
  let lastId: string | null = null;
  for (const item of items) {
    const { id, created } = (item ?? {}) as { id?: unknown; created?: unknown };
    if (typeof id === 'string') lastId = id;
    if (typeof created === 'number' && created <= nowSeconds && (newest === null || created > newest)) newest = created;
  }
  return { lastId, newest, count: items.length };
}

/** The state after a page of events (newest first) has been written; the cursor is never ahead of `nowSeconds`. */
export function afterPage(state: SyncState, run: SyncRun, page: PageSeen, hasMore: boolean, nowSeconds: number): SyncState {
  const runNewest = notAhead(run.newest, nowSeconds);
  const pageNewest = notAhead(page.newest, nowSeconds);
  const newest = pageNewest === null ? runNewest : Math.max(pageNewest, runNewest ?? pageNewest);
  if (hasMore && page.lastId !== null) {
    return {
      cursor: state.cursor,
      run: { since: run.since, startingAfter: page.lastId, newest, pages: run.pages + 1, events: run.events + page.count },
    };
  }
  // run.since is not ahead either: nextRun never starts or resumes a run from a time yet to come.
  return { cursor: Math.max(notAhead(state.cursor, nowSeconds) ?? 0, newest ?? run.since), run: null };
}
