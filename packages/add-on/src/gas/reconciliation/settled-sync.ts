/**
 * The settled sync of one mode: the account's balance transactions, 100 a page with their sources
 * expanded (`GET /v1/balance_transactions`, never one call per sale), each recorded once in the
 * Settled tab through the one record store. Resumable like the event sync: its own cursor per mode
 * (a script property) saved after every page, so a stop at the time limit or an error resumes at
 * the page it stopped on; a page read again changes nothing.
 */

import { readListPage, isRefusedCursor } from '../../core/stripe/stripe-api';
import { balanceTransactionsPagePath, readBalanceTransaction } from '../../core/stripe/balance-transaction';
import {
  describeSettledStop,
  emptySettledReport,
  nextSettledRun,
  parseSettledSyncState,
  type SettledCounts,
  type SettledSyncReport,
} from '../../core/stripe/settled-sync-state';
import { afterPage, seenOnPage } from '../../core/stripe/sync-state';
import { SETTLED_TABLE } from '../../core/ledger/settled-columns';
import { unixSecondsOf } from '../../core/ledger/record-table';
import type { StripeMode } from '../../core/stripe/stripe-key';
import { findMarkedTabs } from '../ledger/own-tabs';
import { readLedgerColumn } from '../ledger/reconciliation-reader';
import { upsertRecordIn } from '../ledger/record-store';
import { withScriptLockOrFail } from '../script-lock';
import { readSettledSyncState, writeSettledSyncState } from '../stripe/settings';
import { stripeGet, SYNC_RETRIES } from '../stripe/stripe-client';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 30_000;

/** The oldest sale of the mode in the ledger (Unix seconds), or null: how far back the first run reads. */
function oldestSale(spreadsheet: Spreadsheet, mode: StripeMode): number | null {
  const marked = findMarkedTabs(spreadsheet);
  const created = readLedgerColumn(spreadsheet, marked, 'created');
  const livemode = readLedgerColumn(spreadsheet, marked, 'livemode');
  let oldest: number | null = null;
  for (let i = 0; i < created.length; i++) {
    const live = livemode[i] === true || String(livemode[i]).toUpperCase() === 'TRUE';
    const time = unixSecondsOf(created[i]);
    if (live === (mode === 'live') && time > 0) oldest = oldest === null ? time : Math.min(oldest, time);
  }
  return oldest;
}

/** Reads and records one listed transaction, and says which count it belongs to. */
function recordOne(spreadsheet: Spreadsheet, item: unknown, mode: StripeMode): keyof SettledCounts {
  const reading = readBalanceTransaction(item, mode === 'live');
  if (reading.kind === 'other') return 'other';
  if (reading.kind === 'invalid') {
    console.warn(`Sync skipped a balance transaction: ${reading.error}`);
    return 'unreadable';
  }
  const outcome = withScriptLockOrFail(LOCK_WAIT_MS, 'Sync', (held) => upsertRecordIn(SETTLED_TABLE, held, spreadsheet, reading.record));
  return outcome === 'unchanged' ? 'unchanged' : 'recorded';
}

/**
 * Syncs the mode's balance transactions with its key until done or `deadlineMs` (Date.now()).
 * Throws what recording throws (the lock busy, the Settled tab unreadable): the pages before are
 * saved, and the next sync reads the page it stopped on again.
 */
export function syncSettled(mode: StripeMode, key: string, deadlineMs: number): SettledSyncReport {
  const report = emptySettledReport();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let state = parseSettledSyncState(readSettledSyncState(mode));
  let run = nextSettledRun(state, Math.floor(Date.now() / 1000), () => oldestSale(spreadsheet, mode));
  let restarted = false;
  for (;;) {
    if (Date.now() > deadlineMs) return { ...report, ok: true, message: describeSettledStop(report, { kind: 'time' }) };
    const askedAt = Math.floor(Date.now() / 1000);
    const page = stripeGet(key, balanceTransactionsPagePath(run.since, run.startingAfter), SYNC_RETRIES);
    if (!page.ok && !restarted && isRefusedCursor(page.status, run.startingAfter)) {
      // Once: the window is read again from its start, and what was recorded changes nothing.
      restarted = true;
      run = { ...run, startingAfter: null };
      continue;
    }
    if (!page.ok) return { ...report, message: describeSettledStop(report, { kind: 'error', error: page.error, status: page.status }) };
    const list = readListPage(page.json);
    if (!list.ok) {
      const error = 'Stripe answered with something that is not a list of balance transactions.';
      return { ...report, message: describeSettledStop(report, { kind: 'error', error, status: 200 }) };
    }
    for (const item of list.data) report[recordOne(spreadsheet, item, mode)]++;
    report.pages++;
    state = afterPage(state, run, seenOnPage(list.data, askedAt), list.hasMore, askedAt);
    writeSettledSyncState(mode, JSON.stringify(state));
    if (state.run === null) return { ...report, ok: true, complete: true };
    run = state.run;
  }
}
