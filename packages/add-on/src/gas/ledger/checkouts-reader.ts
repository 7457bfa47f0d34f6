/**
 * The one reader of the Checkouts tab outside its store (checkout-store.ts, which writes it): the
 * tab for the refresh, without its sessions' ids (they are most of its text, and only a delivery
 * needs them) when that column is the last, as the add-on lays it out.
 */

import { headerKey } from '../../core/helpers/header-names';
import { BUCKET_COLUMNS } from '../../core/attribution/checkout-buckets';
import { layoutOf } from '../../core/ledger/record-table';
import type { ScriptLockHeld } from '../script-lock';
import { headerRow } from '../helpers/header-row';
import { openOwnTab, type MarkedTabs } from './own-tabs';
import type { LedgerValues } from './reconciliation-reader';
import { UnreadableTabError } from './unreadable-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tab's cells but the ids, or null when no checkout expired yet; throws UnreadableTabError when it cannot be read safely. */
export function readCheckoutsTab(held: ScriptLockHeld, spreadsheet: Spreadsheet, marked: MarkedTabs): LedgerValues | null {
  const opened = openOwnTab(held, spreadsheet, 'checkouts', marked, false);
  if (opened === null) return null;
  const { sheet } = opened;
  const header = headerRow(sheet);
  const ids = header.findIndex((cell) => headerKey(cell) === headerKey('session_ids')) + 1;
  const lastRow = sheet.getLastRow();
  const width = ids === header.length && ids > 1 ? ids - 1 : Math.max(header.length, 1);
  const values: unknown[][] = lastRow < 1 ? [] : sheet.getRange(1, 1, lastRow, width).getValues();
  const layout = layoutOf(values[0] ?? [], () => values.length, sheet.getName(), 'bucket', BUCKET_COLUMNS);
  if (layout.kind === 'unreadable') throw new UnreadableTabError(sheet.getName(), layout.error);
  return { sheet, values };
}
