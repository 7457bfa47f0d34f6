/**
 * Re-attribute past sales: today's link rows for every sale, the kept campaigns included, once the
 * user has seen which sales would move (a sale keeps the attribution it got otherwise:
 * core/attribution/kept-attribution.ts). Two steps, each under the script lock with the refresh's
 * reads and checks (a tab that cannot be read safely stops it, and nothing is written): the plan,
 * which writes nothing, and the rewrite. The question is asked between them, without the lock, so
 * deliveries are not held up while a person reads it; the rewrite joins again, so a sale that
 * arrived meanwhile is joined too, and it says how many did move.
 */

import { describeMoves, movesOf, type Move } from '../../core/attribution/kept-attribution';
import { UnreadableTabError } from '../ledger/unreadable-tab';
import { withScriptLockOrFail, type ScriptLockHeld } from '../script-lock';
import {
  attributionsOf,
  checkoutAttributionsOf,
  readRefreshInputs,
  reportStop,
  writeRefresh,
  type RefreshInputs,
  type RefreshReport,
} from './refresh';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LOCK_WAIT_MS = 30_000;
const ACTION = 'Re-attribute past sales';

export interface Reattribution {
  /** How many sales would move (the plan) or moved (the rewrite). */
  moved: number;
  /** How many expired checkouts would move (or moved) with them: the Checkouts tab's buckets keep a campaign too. */
  checkoutsMoved: number;
  /** describeMoves: the count, a few moves, how many more; [] when none. */
  lines: string[];
}

function movesIn(inputs: RefreshInputs): { sales: Move[]; checkouts: number } {
  const kept = checkoutAttributionsOf(inputs, 'kept');
  const today = checkoutAttributionsOf(inputs, 'today');
  // A bucket moves whole: its checkouts share its campaign.
  const moves = (i: number): boolean => movesOf([kept[i]?.attribution], [today[i]?.attribution]).length > 0;
  const checkouts = kept.reduce((sum, bucket, i) => sum + (moves(i) ? bucket.checkouts : 0), 0);
  return { sales: movesOf(attributionsOf(inputs, 'kept'), attributionsOf(inputs, 'today')), checkouts };
}

function summed(moves: { sales: Move[]; checkouts: number }): Reattribution {
  const lines = describeMoves(moves.sales);
  if (moves.checkouts > 0)
    lines.push(
      `${String(moves.checkouts)} expired checkout${moves.checkouts === 1 ? '' : 's'} would move with ${lines.length === 0 ? 'no sale' : 'them'}.`,
    );
  return { moved: moves.sales.reduce((sum, move) => sum + move.sales, 0), checkoutsMoved: moves.checkouts, lines };
}

/** Under the lock, the refresh's checks first; an unreadable tab is said where the refresh says it, then thrown. */
function locked<T>(work: (held: ScriptLockHeld, spreadsheet: Spreadsheet) => T): T {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  try {
    return withScriptLockOrFail(LOCK_WAIT_MS, ACTION, (held) => work(held, spreadsheet));
  } catch (error) {
    if (error instanceof UnreadableTabError) reportStop(spreadsheet, 'Re-attribution', error);
    throw error;
  }
}

/** Which sales would move, and where: nothing is written. */
export function planReattribution(): Reattribution {
  return locked((held, spreadsheet) => summed(movesIn(readRefreshInputs(held, spreadsheet))));
}

/** Rewrites every sale's utm_* cells from today's link rows, then the links tabs' counts and the Attribution tab. */
export function reattributeAndWrite(): Reattribution & { report: RefreshReport } {
  return locked((held, spreadsheet) => {
    const inputs = readRefreshInputs(held, spreadsheet);
    const moves = movesIn(inputs);
    const report = writeRefresh(held, spreadsheet, inputs, attributionsOf(inputs, 'today'), 'today');
    return { ...summed(moves), report };
  });
}
