/**
 * Pulls completed Checkout Sessions from Stripe's events, as a safety net for webhooks that never
 * arrived, and writes them through the same upsert as the webhook. Progress is saved after every
 * page, so an error or the time limit leaves complete rows and a sync that can resume.
 */

import { recordFromEvent } from '../core/reconciliation';
import { eventsPagePath, readListPage } from '../core/stripe-api';
import { readEvent } from '../core/stripe-event';
import { afterPage, nextRun, parseSyncState, seenOnPage } from '../core/sync-state';
import { upsertRecord, type UpsertAction } from './reconciliation-sheet';
import { readSyncState, stripeApiKey, writeSyncState } from './settings';
import { stripeGet, SYNC_RETRIES } from './stripe-client';

export interface SyncReport {
  ok: boolean;
  /** False when it stopped early (time, error) and the next sync resumes. */
  complete: boolean;
  pages: number;
  events: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  message: string;
}

/** Apps Script stops an execution at 6 minutes; stop before, at a page boundary. */
export const SYNC_TIME_BUDGET_MS = 4.5 * 60 * 1000;
const LOCK_WAIT_MS = 30_000;

export interface SyncOptions {
  /** For the very first sync: how many days back (1-30). */
  firstRunDays?: number;
  timeBudgetMs?: number;
}

export function runSync(options: SyncOptions = {}): SyncReport {
  const report: SyncReport = { ok: false, complete: false, pages: 0, events: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0, message: '' };
  const key = stripeApiKey();
  if (key === null) return { ...report, message: 'Connect a restricted Stripe key first (add-on menu > Connect Stripe key).' };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const started = Date.now();
  const budget = options.timeBudgetMs ?? SYNC_TIME_BUDGET_MS;
  let state = parseSyncState(readSyncState());

  let run = nextRun(state, Math.floor(started / 1000), options.firstRunDays ?? null);
  if (run === null) return { ...report, message: 'Choose how many days back the first sync should go (1 to 30).' };

  for (;;) {
    if (Date.now() - started > budget) {
      return { ...report, ok: true, message: `Stopped at the time limit after ${String(report.pages)} pages; the next sync continues from there.` };
    }
    const page = stripeGet(key, eventsPagePath(run.since, run.startingAfter), SYNC_RETRIES);
    if (!page.ok) return { ...report, message: `${page.error} Nothing after the last complete page was written; the next sync resumes there.` };
    const list = readListPage(page.json);
    if (!list.ok) return { ...report, message: list.error };

    for (const item of list.data) {
      const reading = readEvent(item);
      if (reading.kind !== 'session_event') {
        report.skipped++;
        if (reading.kind === 'invalid') console.warn(`Sync skipped an event: ${reading.error}`);
        continue;
      }
      const record = recordFromEvent(reading.event);
      if (record === null) continue;
      report[writeLocked(spreadsheet, record)]++;
    }
    report.pages++;
    report.events += list.data.length;
    state = afterPage(state, run, seenOnPage(list.data), list.hasMore);
    writeSyncState(JSON.stringify(state));
    if (state.run === null) {
      return { ...report, ok: true, complete: true, message: summary(report) };
    }
    run = state.run;
  }
}

function writeLocked(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, record: Parameters<typeof upsertRecord>[1]): UpsertAction {
  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    const action = upsertRecord(spreadsheet, record);
    if (action !== 'unchanged') SpreadsheetApp.flush();
    return action;
  } finally {
    lock.releaseLock();
  }
}

function summary(report: SyncReport): string {
  return `Synced ${String(report.events)} events: ${String(report.inserted)} new sessions, ${String(report.updated)} updated, ${String(report.unchanged)} already up to date.`;
}
