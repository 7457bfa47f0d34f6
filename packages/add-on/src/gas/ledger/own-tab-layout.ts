/**
 * Lays out a tab the add-on has just made (Reconciliation, Money after sale, Checkouts, Settled,
 * Webhook log): a bold header row that stays in view, each column as wide as its declaration says
 * (core/ledger/own-tab-layout.ts), long reasons wrapped. Only when the tab is made: a delivery into
 * an existing tab pays nothing for it, and widths a person changed later are theirs.
 */

import type { ColumnDeclaration } from '../../core/ledger/declaration';
import { ownColumnWidths, wrappedColumns } from '../../core/ledger/own-tab-layout';
import { setColumnWidths } from '../helpers/column-widths';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** `columnOf` gives the 1-based column each declared name landed in (undefined: not on the tab). */
export function layOutOwnTab(sheet: Sheet, declared: readonly ColumnDeclaration[], columnOf: (name: string) => number | undefined): void {
  sheet.setFrozenRows(1);
  const placed = declared.flatMap((column) => {
    const at = columnOf(column.name);
    return at === undefined ? [] : [{ column, at }];
  });
  if (placed.length === 0) return;
  const first = Math.min(...placed.map((p) => p.at));
  const last = Math.max(...placed.map((p) => p.at));
  sheet.getRange(1, first, 1, last - first + 1).setFontWeight('bold');
  const widths = ownColumnWidths(placed.map((p) => p.column));
  const byColumn: Array<number | null> = new Array<number | null>(last - first + 1).fill(null);
  placed.forEach((p, i) => (byColumn[p.at - first] = widths[i] ?? null));
  setColumnWidths(sheet, first, byColumn);
  const wrapped = new Set(wrappedColumns(declared));
  const toWrap = placed.filter((p) => wrapped.has(p.column.name));
  if (toWrap.length === 0) return;
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const { at } of toWrap) sheet.getRange(2, at, rows, 1).setWrap(true);
}
