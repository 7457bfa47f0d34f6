/**
 * A sync of every connected mode: test and live each with its own key and its own cursor, one after
 * the other within one time budget, then the check of that mode's sales recorded without Stripe's
 * confirmation. A mode that fails (its key refused, Stripe down, the lock busy) is reported as
 * such and the other mode still syncs.
 */

import { describeSaleChecks, type SaleCheckReport } from '../../core/stripe/sale-checks';
import type { StripeMode } from '../../core/stripe/stripe-key';
import { parseSyncState } from '../../core/stripe/sync-state';
import { connectedKeys, readSyncState } from '../stripe/settings';
import { checkEarlierSales } from './confirm-sales';
import { syncSettled } from './settled-sync';
import { runSync, SYNC_TIME_BUDGET_MS, type SyncReport } from './sync';

export interface ModeSync {
  mode: StripeMode;
  /** The events' sync, or null when it threw. */
  report: SyncReport | null;
  checks: SaleCheckReport | null;
  /** What it threw (an unreadable ledger, a busy lock), else null. */
  error: unknown;
  /** What the mode's settled sync (its balance transactions) has to say: '' when it read everything. */
  settled: string;
}

/** The connected modes that have never synced: the first sync asks how far back they go. */
export function modesNeverSynced(): StripeMode[] {
  return connectedKeys()
    .filter(({ mode }) => {
      const state = parseSyncState(readSyncState(mode));
      return state.cursor === null && state.run === null;
    })
    .map(({ mode }) => mode);
}

export function syncEveryMode(firstRunDays?: number): ModeSync[] {
  const started = Date.now();
  return connectedKeys().map(({ mode, key }): ModeSync => {
    let report: SyncReport;
    try {
      report = runSync(mode, key, firstRunDays === undefined ? { startedMs: started } : { startedMs: started, firstRunDays });
    } catch (error) {
      return { mode, report: null, checks: null, error, settled: '' };
    }
    if (!report.ok) return { mode, report, checks: null, error: null, settled: '' };
    let synced: ModeSync;
    try {
      synced = { mode, report, checks: checkEarlierSales(mode, key, started + SYNC_TIME_BUDGET_MS), error: null, settled: '' };
    } catch (error) {
      // The events are written; only the check stopped (the lock busy, the ledger unreadable).
      synced = { mode, report, checks: null, error, settled: '' };
    }
    return { ...synced, settled: settledOf(mode, key, started + SYNC_TIME_BUDGET_MS) };
  });
}

/** The mode's balance transactions, in what is left of the time budget; only a stop or an error is said. */
function settledOf(mode: StripeMode, key: string, deadlineMs: number): string {
  try {
    return syncSettled(mode, key, deadlineMs).message;
  } catch (error) {
    return `Fees and net in the account's currency stopped: ${messageOf(error)}. The next sync resumes there.`;
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function describeMode(sync: ModeSync): string {
  if (sync.report === null) return `Sync stopped: ${messageOf(sync.error)}. Rows already written are complete; run it again to resume.`;
  const events = sync.report.ok ? sync.report.message : `Sync stopped: ${sync.report.message}`;
  const checks =
    sync.error !== null
      ? `The check of sales recorded without Stripe's confirmation stopped: ${messageOf(sync.error)}. The next sync takes it up.`
      : sync.checks === null
        ? ''
        : describeSaleChecks(sync.checks);
  return [events, checks, sync.settled].filter((part) => part !== '').join(' ');
}

/** One mode: its outcome as before two keys could be connected; two: each prefixed with its mode, the failed one named. */
export function describeModes(syncs: readonly ModeSync[]): string {
  if (syncs.length === 1 && syncs[0] !== undefined) return describeMode(syncs[0]);
  return syncs.map((sync) => `${sync.mode === 'live' ? 'Live' : 'Test'} mode: ${describeMode(sync)}`).join('\n\n');
}
