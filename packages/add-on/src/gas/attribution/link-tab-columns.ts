/**
 * The refresh's writes to a user's links tabs: only the columns the add-on marked as its own
 * (paid_sessions, revenue, a net revenue column per currency and mode: core/attribution/link-row-cells.ts),
 * found by mark, adopted from an earlier version, or added after the tab's last used column. No
 * cell of the user's changes, and no column of the user's moves. Headers go on the tab's header
 * row and values on the rows below it (a title row above is the user's: gas/links/link-header.ts).
 */

import type { RowTotals } from '../../core/attribution/attribution-report';
import { linkTabCells, linkTabColumns } from '../../core/attribution/link-row-cells';
import { EARLIER_LINK_TAB_COLUMNS, type ColumnDeclaration } from '../../core/ledger/declaration';
import type { LinkRow } from '../../core/link-tabs/link-rows';
import { addOwnColumns, adoptEarlierColumns } from '../ledger/own-columns';
import type { LinkTab } from '../links/link-tabs';
import type { ScriptLockHeld } from '../script-lock';
import { writeColumns } from './column-writer';

/** A links tab's own columns by name: found by mark, or adopted from an earlier version, or added. */
function ownColumnsOf(
  held: ScriptLockHeld,
  tab: LinkTab,
  wanted: readonly ColumnDeclaration[],
  notices: string[],
): ReadonlyMap<string, number> {
  const { columns, headerRow } = tab.owned;
  if (wanted.every((c) => columns.has(c.name))) return columns;
  let found: ReadonlyMap<string, number> = columns;
  let headerMarked = headerRow === tab.headerRow;
  if (columns.size === 0) {
    const adopted = adoptEarlierColumns(held, tab.sheet, tab.values, EARLIER_LINK_TAB_COLUMNS, tab.headerRow);
    if (adopted !== null) {
      found = adopted;
      headerMarked = true;
    }
  }
  const added = addOwnColumns(
    held,
    tab.sheet,
    tab.values[0] ?? [],
    wanted.filter((c) => !found.has(c.name)),
    headerMarked,
    tab.headerRow,
  );
  notices.push(...added.notices);
  return new Map([...found, ...added.columns]);
}

/** Writes every links tab's own columns from `totals` (totalsByRow); says in `notices` where a user's header made ours take another. */
export function writeLinkTabColumns(
  held: ScriptLockHeld,
  linkTabs: readonly LinkTab[],
  totals: ReadonlyMap<LinkRow, RowTotals>,
  notices: string[],
): void {
  for (const tab of linkTabs) {
    const wanted = linkTabColumns(tab.rows, totals, tab.owned.columns.keys());
    const columns = ownColumnsOf(held, tab, wanted, notices);
    const cells = linkTabCells(tab.values.length - 1, tab.rows, totals, wanted, tab.headerRow);
    writeColumns(
      tab.sheet,
      tab.values,
      wanted.map((c) => c.name),
      columns,
      cells,
      tab.headerRow,
    );
  }
}
