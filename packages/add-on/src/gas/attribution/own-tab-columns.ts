/**
 * Columns the refresh writes in the add-on's own record tabs (Reconciliation's campaign and money
 * columns, Money after sale's session and counted): found by header in row 1, since the whole tab
 * is the add-on's, and added after its last used column when missing.
 */

import { headerKey } from '../../core/helpers/header-names';
import { appendHeaders } from '../helpers/header-row';
import type { LedgerValues } from '../ledger/reconciliation-reader';
import { writeColumns } from './column-writer';

/** `cells` holds one row per data row of `tab.values`, in `names` order. */
export function writeOwnTabColumns(tab: LedgerValues, names: readonly string[], cells: readonly (readonly unknown[])[]): void {
  const { sheet, values } = tab;
  const header = values[0] ?? [];
  const columns = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = names.find((n) => headerKey(n) === headerKey(cell));
    if (name !== undefined && !columns.has(name)) columns.set(name, i + 1);
  });
  for (const [name, column] of appendHeaders(
    sheet,
    header,
    names.filter((name) => !columns.has(name)),
  ))
    columns.set(name, column);
  writeColumns(sheet, values, names, columns, cells);
}
