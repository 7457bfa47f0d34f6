/**
 * Pulls Checkout Session and money events (refunds, disputes, invoices) from Stripe's events, as a
 * safety net for webhooks that never arrived, and writes them through the same store as the webhook. Progress is saved after every
 * page, so an error or the time limit leaves complete rows and a sync that can resume.
 */

import { eventsPagePath, isRefusedCursor, readListPage } from '../../core/stripe/stripe-api';
import { readEvent } from '../../core/stripe/stripe-event';
import { afterPage, describeCounts, nextRun, parseSyncState, restartRun, seenOnPage, type SyncCounts } from '../../core/stripe/sync-state';
import { withScriptLockOrFail } from '../script-lock';
import { recordEvent } from '../ledger/record-event';
import { readSyncState, writeSyncState } from '../stripe/settings';
import type { StripeMode } from '../../core/stripe/stripe-key';
import { asStripesCopy } from '../../core/stripe/stripes-copy';
import { stripeGet, SYNC_RETRIES } from '../stripe/stripe-client';
import { withPaymentOfInvoice } from '../stripe/invoice-payments';

export interface SyncReport extends SyncCounts {
  ok: boolean;
  /** False when it stopped early (time, error) and the next sync resumes. */
  complete: boolean;
  pages: number;
  /** Every event read lands in exactly one of the counts. */
  events: number;
  /** Stripe refused the saved cursor and the run started again from its window. */
  restarted: boolean;
  message: string;
}

/** Apps Script stops an execution at 6 minutes; stop before, at a page boundary. */
export const SYNC_TIME_BUDGET_MS = 4.5 * 60 * 1000;
const LOCK_WAIT_MS = 30_000;

const RESTARTED =
  'Stripe no longer accepts the place where the last sync stopped (an event past the 30 days it keeps, or one it does not know), ' +
  'so the sync started again from the start of its window; rows already written were read again and left as they were.';

export interface SyncOptions {
  /** For the very first sync: how many days back (1-30). */
  firstRunDays?: number;
  timeBudgetMs?: number;
  /** When the execution started (Date.now()): the modes' syncs share one time budget. */
  startedMs?: number;
}

/** Syncs one mode's events with that mode's key, from that mode's own cursor. */
export function runSync(mode: StripeMode, key: string, options: SyncOptions = {}): SyncReport {
  const report: SyncReport = {
    ok: false,
    complete: false,
    pages: 0,
    events: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    expired: 0,
    money: 0,
    otherTypes: 0,
    unreadable: 0,
    restarted: false,
    message: '',
  };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const started = options.startedMs ?? Date.now();
  const budget = options.timeBudgetMs ?? SYNC_TIME_BUDGET_MS;
  let state = parseSyncState(readSyncState(mode));

  let run = nextRun(state, Math.floor(started / 1000), options.firstRunDays ?? null);
  if (run === null) return { ...report, message: 'Choose how many days back the first sync should go (1 to 30).' };

  const finish = (ok: boolean, complete: boolean, message: string): SyncReport => ({
    ...report,
    ok,
    complete,
    message: [report.restarted ? RESTARTED : '', message].filter((part) => part !== '').join(' '),
  });

  for (;;) {
    if (Date.now() - started > budget) {
      return finish(
        true,
        false,
        `Stopped at the time limit after ${String(report.pages)} page${report.pages === 1 ? '' : 's'}; the next sync continues from there. Read so far: ${describeCounts(report)}`,
      );
    }
    // The clock when the page was asked for bounds the cursor: an event dated after it is written
    // like any other, but the cursor stays behind it, so the next sync still reads what comes after.
    const askedAt = Math.floor(Date.now() / 1000);
    const page = stripeGet(key, eventsPagePath(run.since, run.startingAfter), SYNC_RETRIES);
    if (!page.ok && !report.restarted && isRefusedCursor(page.status, run.startingAfter)) {
      // Once per sync: if the new start is refused too, that error is reported as it is.
      report.restarted = true;
      run = restartRun(run, Math.floor(Date.now() / 1000));
      state = { cursor: state.cursor, run };
      writeSyncState(mode, JSON.stringify(state));
      continue;
    }
    if (!page.ok)
      return finish(false, false, `${page.error} Nothing after the last complete page was written; the next sync resumes there.`);
    const list = readListPage(page.json);
    if (!list.ok) return finish(false, false, list.error);

    try {
      for (const item of list.data) report[bucketOf(spreadsheet, key, item)]++;
    } catch (error) {
      if (!(error instanceof InvoicePaymentsUnreadable)) throw error;
      // The page's events before it are written; the cursor stays before the page, so the next sync reads it again.
      return finish(false, false, `${error.message} The next sync reads this page again.`);
    }
    report.pages++;
    report.events += list.data.length;
    state = afterPage(state, run, seenOnPage(list.data, askedAt), list.hasMore, askedAt);
    writeSyncState(mode, JSON.stringify(state));
    if (state.run === null) return finish(true, true, `Synced ${describeCounts(report)}`);
    run = state.run;
  }
}

class InvoicePaymentsUnreadable extends Error {}

/** Reads and writes one listed event, and says which count it belongs to. */
function bucketOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string, item: unknown): keyof SyncCounts {
  let reading = readEvent(item);
  if (reading.kind === 'other_event') return 'otherTypes';
  if (reading.kind === 'invalid') {
    console.warn(`Sync skipped an event: ${reading.error}`);
    return 'unreadable';
  }
  // Listed by Stripe's API with the key of its mode: the event's session is Stripe's own copy.
  if (reading.kind === 'session_event') asStripesCopy(reading.event.session);
  if (reading.kind === 'money_event') {
    const paid = withPaymentOfInvoice(key, reading.event, SYNC_RETRIES);
    // A key that may not read invoices leaves the renewal untied (its refunds wait); anything else stops the sync here.
    if (!paid.ok && paid.status !== 403) throw new InvoicePaymentsUnreadable(paid.error);
    if (paid.ok) reading = { kind: 'money_event', event: paid.event };
  }
  const recordable = reading;
  const outcome = withScriptLockOrFail(LOCK_WAIT_MS, 'Sync', (held) => recordEvent(held, spreadsheet, recordable));
  if (reading.kind === 'money_event' && (outcome === 'inserted' || outcome === 'updated')) return 'money';
  if (reading.event.type === 'checkout.session.expired' && outcome !== 'not_recorded') return 'expired';
  if (outcome !== 'not_recorded') return outcome;
  if (reading.event.type === 'checkout.session.expired') return 'expired';
  // Any other event the core declines to record is one it cannot use.
  console.warn(`Sync did not record event ${reading.event.id}`);
  return 'unreadable';
}
