/**
 * The sync's check of the sales recorded before a key of their mode was connected (core/ledger/confirmation.ts):
 * each row still `not yet` (or empty) is asked of Stripe with that key, a chunk of sessions at a
 * time through UrlFetchApp.fetchAll, within the bounds of core/stripe/sale-checks.ts, and marked
 * `yes` or flagged. What one run cannot do (the bounds, the time, Stripe busy) stays `not yet`, for
 * the next sync to take up: the cells themselves are where it resumes.
 */

import { isFlagged, NOT_FOUND, NOT_YET, needsCheck, verdictOf, type SaleClaim } from '../../core/ledger/confirmation';
import { claimsOf } from '../../core/ledger/sale-claims';
import {
  CHECK_CHUNK,
  checksAllowed,
  chunksOf,
  readCheckTally,
  utcDay,
  type CheckTally,
  type SaleCheckReport,
} from '../../core/stripe/sale-checks';
import { isRetryable, sessionPath } from '../../core/stripe/stripe-api';
import { readCheckoutSession, SESSION_ID } from '../../core/stripe/stripe-event';
import type { StripeMode } from '../../core/stripe/stripe-key';
import { readConfirmationLedger, writeConfirmations, type ConfirmationChange } from '../ledger/confirmation-cells';
import { withScriptLockOrFail } from '../script-lock';
import { readSalesCheckedText, writeSalesCheckedText } from '../stripe/settings';
import { stripeGetAll } from '../stripe/stripe-client';

const LOCK_WAIT_MS = 30_000;

type Answer = { claim: SaleClaim; value: ConfirmationChange['value'] } | { claim: SaleClaim; value: null; status: number; error: string };

/** Asks Stripe about one chunk; a session id Stripe could not have made is not found without asking. */
function askChunk(key: string, chunk: readonly SaleClaim[]): { answers: Answer[]; asked: number } {
  const askable = chunk.filter((claim) => SESSION_ID.test(claim.session_id));
  const results = stripeGetAll(
    key,
    askable.map((claim) => sessionPath(claim.session_id)),
  );
  const answers: Answer[] = chunk.filter((claim) => !SESSION_ID.test(claim.session_id)).map((claim) => ({ claim, value: NOT_FOUND }));
  askable.forEach((claim, i) => {
    const result = results[i];
    if (result === undefined) return;
    if (result.ok) {
      const read = readCheckoutSession(result.json);
      answers.push(read.ok ? { claim, value: verdictOf(claim, read.session) } : { claim, value: null, status: 200, error: read.error });
    } else if (result.status === 404) answers.push({ claim, value: verdictOf(claim, null) });
    else answers.push({ claim, value: null, status: result.status, error: result.error });
  });
  return { answers, asked: askable.length };
}

/** Checks the mode's unconfirmed rows with its key, until `deadlineMs`, within the run's and the day's bounds. */
export function checkEarlierSales(mode: StripeMode, key: string, deadlineMs: number): SaleCheckReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const claims = withScriptLockOrFail(LOCK_WAIT_MS, 'Sync', (held) => {
    const ledger = readConfirmationLedger(held, spreadsheet);
    return ledger === null ? [] : claimsOf(ledger.values, mode, needsCheck);
  });
  const report: SaleCheckReport = { waiting: claims.length, asked: 0, confirmed: 0, flagged: 0, left: claims.length, stoppedBy: null };
  if (claims.length === 0) return report;
  let tally: CheckTally = readCheckTally(readSalesCheckedText(), utcDay(Date.now()));
  const allowed = checksAllowed(tally);
  if (allowed === 0) report.stoppedBy = "today's bound on checks with Stripe is reached";
  const changes: ConfirmationChange[] = [];
  for (const chunk of chunksOf(claims.slice(0, allowed), CHECK_CHUNK)) {
    if (Date.now() > deadlineMs) {
      report.stoppedBy = 'the time limit';
      break;
    }
    const { answers, asked } = askChunk(key, chunk);
    report.asked += asked;
    tally = { day: tally.day, count: tally.count + asked };
    writeSalesCheckedText(JSON.stringify(tally));
    for (const answer of answers) {
      if (answer.value === null) continue;
      // Only a row still unchecked, and unchanged since it was read, takes the answer.
      changes.push({ session_id: answer.claim.session_id, last_event: answer.claim.last_event, value: answer.value, when: needsCheck });
    }
    const failed = answers.find((answer): answer is Extract<Answer, { value: null }> => answer.value === null);
    if (failed !== undefined) {
      // Stripe busy or down, or the key refused: asking more now would only fail the same way.
      report.stoppedBy = isRetryable(failed.status) ? `Stripe did not answer every check (${failed.error})` : failed.error;
      break;
    }
  }
  const written = withScriptLockOrFail(LOCK_WAIT_MS, 'Sync', (held) => {
    const ledger = readConfirmationLedger(held, spreadsheet);
    return ledger === null ? [] : writeConfirmations(held, ledger, changes);
  });
  for (const change of written) {
    if (change.value === NOT_YET) continue;
    if (isFlagged(change.value)) report.flagged++;
    else report.confirmed++;
  }
  report.left = claims.length - report.confirmed - report.flagged;
  return report;
}

/**
 * A key connected for a mode may not be the one that flagged its sales (another account's key flags
 * every sale): its flagged rows go back to `not yet`, for the next sync to check with the new key.
 */
export function reopenFlaggedSales(mode: StripeMode): number {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withScriptLockOrFail(LOCK_WAIT_MS, 'Connect Stripe key', (held) => {
    const ledger = readConfirmationLedger(held, spreadsheet);
    if (ledger === null) return 0;
    const changes = claimsOf(ledger.values, mode, isFlagged).map((claim): ConfirmationChange => ({
      session_id: claim.session_id,
      last_event: claim.last_event,
      value: NOT_YET,
      when: isFlagged,
    }));
    return writeConfirmations(held, ledger, changes).length;
  });
}
