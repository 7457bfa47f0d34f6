/**
 * The one reader of the Reconciliation tab outside its store (ledger/record-store.ts, which
 * writes it): one of its columns, by header, for a question about the sales (the references in
 * use, whether any sale is live), and the whole tab for the refresh. The tab is found by its mark
 * (own-tabs.ts), or an earlier version's by its name and shape.
 */

import { headerKey } from '../../core/helpers/header-names';
import { tabLayout, type ColumnName } from '../../core/ledger/reconciliation-columns';
import { headerRow } from '../helpers/header-row';
import type { ScriptLockHeld } from '../script-lock';
import { findOwnTab, openOwnTab, type MarkedTabs } from './own-tabs';
import { UnreadableTabError } from './unreadable-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The cells of the ledger's column headed `name` (first such column, headers matched as people
 * write them), below the header row; [] when there is no ledger, no sale or no such column. Reads
 * the header row and that one column, nothing else: the ledger can be long.
 */
export function readLedgerColumn(spreadsheet: Spreadsheet, marked: MarkedTabs, name: ColumnName): unknown[] {
  const sheet = findOwnTab(spreadsheet, 'reconciliation', marked);
  if (sheet === null) return [];
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return [];
  const key = headerKey(name);
  const column = headerRow(sheet).findIndex((header) => headerKey(header) === key) + 1;
  if (column === 0) return [];
  const values: unknown[][] = sheet.getRange(2, column, lastRow - 1, 1).getValues();
  return values.map((row) => row[0]);
}

export interface LedgerValues {
  sheet: Sheet;
  values: unknown[][];
}

/**
 * The whole ledger, for the refresh: opened under the lock (an earlier version's adopted), or null
 * when there is none yet; throws UnreadableTabError when it cannot be read safely.
 */
export function readWholeLedger(held: ScriptLockHeld, spreadsheet: Spreadsheet, marked: MarkedTabs): LedgerValues | null {
  const opened = openOwnTab(held, spreadsheet, 'reconciliation', marked, false);
  if (opened === null) return null;
  const { sheet } = opened;
  const values = sheet.getDataRange().getValues();
  const layout = tabLayout(values[0] ?? [], () => values.length, sheet.getName());
  if (layout.kind === 'unreadable') throw new UnreadableTabError(sheet.getName(), layout.error);
  return { sheet, values };
}
