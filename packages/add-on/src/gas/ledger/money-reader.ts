/**
 * The one reader of the Money after sale tab outside its store (record-store.ts, which writes it):
 * the whole tab, for the refresh, which ties each refund, dispute and invoice to its session.
 */

import { MONEY_TABLE } from '../../core/ledger/money-columns';
import { layoutOf } from '../../core/ledger/record-table';
import type { ScriptLockHeld } from '../script-lock';
import { openOwnTab, type MarkedTabs } from './own-tabs';
import type { LedgerValues } from './reconciliation-reader';
import { UnreadableTabError } from './unreadable-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The whole tab, or null when no money event was recorded yet; throws UnreadableTabError when it cannot be read safely. */
export function readMoneyTab(held: ScriptLockHeld, spreadsheet: Spreadsheet, marked: MarkedTabs): LedgerValues | null {
  const opened = openOwnTab(held, spreadsheet, 'money', marked, false);
  if (opened === null) return null;
  const { sheet } = opened;
  const values = sheet.getDataRange().getValues();
  const layout = layoutOf(values[0] ?? [], () => values.length, sheet.getName(), MONEY_TABLE.key, MONEY_TABLE.columns);
  if (layout.kind === 'unreadable') throw new UnreadableTabError(sheet.getName(), layout.error);
  return { sheet, values };
}
