/**
 * The one reader of the Settled tab outside its store (record-store.ts, which the settled sync
 * writes it through): the whole tab, for the refresh, which ties each balance transaction to its
 * session and sums what Stripe kept.
 */

import { SETTLED_TABLE } from '../../core/ledger/settled-columns';
import { layoutOf } from '../../core/ledger/record-table';
import type { ScriptLockHeld } from '../script-lock';
import { openOwnTab, type MarkedTabs } from './own-tabs';
import type { LedgerValues } from './reconciliation-reader';
import { UnreadableTabError } from './unreadable-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The whole tab, or null when no balance transaction was recorded yet; throws UnreadableTabError when it cannot be read safely. */
export function readSettledTab(held: ScriptLockHeld, spreadsheet: Spreadsheet, marked: MarkedTabs): LedgerValues | null {
  const opened = openOwnTab(held, spreadsheet, 'settled', marked, false);
  if (opened === null) return null;
  const { sheet } = opened;
  const values = sheet.getDataRange().getValues();
  const layout = layoutOf(values[0] ?? [], () => values.length, sheet.getName(), SETTLED_TABLE.key, SETTLED_TABLE.columns);
  if (layout.kind === 'unreadable') throw new UnreadableTabError(sheet.getName(), layout.error);
  return { sheet, values };
}
