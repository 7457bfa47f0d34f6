/**
 * What the refresh writes in the add-on's own columns of a links tab, per data row: paid_sessions,
 * the revenue text earlier versions wrote (kept: people rely on it), and the net revenue as a number
 * in one column per currency and mode (netRevenueColumn in core/ledger/declaration.ts), so the tab
 * sorts and sums by what a link earned. A currency that no longer counts on the tab keeps its column
 * (a user may have built on it), blank on every row.
 */

import { LINK_TAB_COLUMNS, netRevenueColumn, netRevenueOfMark, type ColumnDeclaration } from '../ledger/declaration';
import type { LinkRow } from '../link-tabs/link-rows';
import { toMajorUnits } from '../stripe/currency';
import { formatRowRevenue, type RowTotals } from './attribution-report';

type Totals = ReadonlyMap<LinkRow, RowTotals>;

/** Each currency and mode's column name, made once: a refresh asks for it per link row. */
const COLUMN_NAMES = new Map<string, string>();

function columnNameOf(currency: string, livemode: boolean): string {
  const key = `${currency}\u0000${String(livemode)}`;
  let name = COLUMN_NAMES.get(key);
  if (name === undefined) {
    name = netRevenueColumn(currency, livemode).name;
    COLUMN_NAMES.set(key, name);
  }
  return name;
}

/** A row's net revenue per net revenue column (by its name), in minor units. */
function netByColumn(totals: RowTotals | undefined): Map<string, { currency: string; minor: number }> {
  const byColumn = new Map<string, { currency: string; minor: number }>();
  for (const entry of totals?.net.values() ?? []) {
    const name = columnNameOf(entry.currency, entry.livemode);
    const sum = byColumn.get(name) ?? { currency: entry.currency, minor: 0 };
    sum.minor += entry.minor;
    byColumn.set(name, sum);
  }
  return byColumn;
}

/**
 * The tab's own columns, in the order their cells are written: paid_sessions and revenue, then a
 * net revenue column for each currency and mode that counts on `rows` or already has its column
 * (`marked`: the names of the tab's column marks), live before test, then by currency code: the
 * order in which missing ones are added.
 */
export function linkTabColumns(rows: readonly LinkRow[], totals: Totals, marked: Iterable<string>): ColumnDeclaration[] {
  const modes = new Map<string, { currency: string; livemode: boolean }>();
  for (const name of marked) {
    const mode = netRevenueOfMark(name);
    if (mode !== null) modes.set(name, mode);
  }
  for (const row of rows) {
    for (const entry of totals.get(row)?.net.values() ?? []) {
      const name = columnNameOf(entry.currency, entry.livemode);
      const mode = modes.has(name) ? null : netRevenueOfMark(name);
      if (mode !== null) modes.set(name, mode);
    }
  }
  const nets = [...modes.values()]
    .sort((a, b) => Number(b.livemode) - Number(a.livemode) || a.currency.localeCompare(b.currency))
    .map((mode) => netRevenueColumn(mode.currency, mode.livemode));
  return [...LINK_TAB_COLUMNS, ...nets];
}

/**
 * One row of cells (in `columns` order) per data row of a tab of `dataRows` rows: a link row's
 * count, its revenue text and its net revenue in major units ('' in a currency and mode with no sale
 * on it); rows without a Stripe Payment Link stay blank. The first data row is the one under the
 * header, on row `headerRow` (1 unless a title row is above it).
 */
export function linkTabCells(
  dataRows: number,
  rows: readonly LinkRow[],
  totals: Totals,
  columns: readonly ColumnDeclaration[],
  headerRow = 1,
): Array<Array<number | string>> {
  const cells: Array<Array<number | string>> = Array.from({ length: Math.max(dataRows, 0) }, () => columns.map(() => ''));
  for (const row of rows) {
    const result = totals.get(row);
    const net = netByColumn(result);
    cells[row.row - headerRow - 1] = columns.map((column) => {
      if (column.name === 'paid_sessions') return result?.paid_sessions ?? 0;
      if (column.name === 'checkouts') return result?.checkouts ?? 0;
      if (column.name === 'revenue') return formatRowRevenue(result);
      const sum = net.get(column.name);
      return sum === undefined ? '' : toMajorUnits(sum.minor, sum.currency);
    });
  }
  return cells;
}
