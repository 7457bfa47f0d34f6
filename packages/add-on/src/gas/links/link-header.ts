/**
 * Where a tab's links header is, read once (issue 17): the tab's first rows in one getValues, and
 * the rule of core/link-tabs/link-header.ts, so a title row above the header is the user's and the
 * header is found under it by every path that reads or writes links tabs.
 */

import { findLinkHeader, LINK_HEADER_ROWS } from '../../core/link-tabs/link-header';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface FoundHeader {
  /** The header's row in the sheet (1-based). */
  row: number;
  /** Its cells, as wide as the tab's used columns. */
  cells: unknown[];
}

/** The tab's first rows (up to LINK_HEADER_ROWS), one read. */
function topRows(sheet: Sheet): unknown[][] {
  const rows = Math.min(Math.max(sheet.getLastRow(), 1), LINK_HEADER_ROWS);
  return sheet.getRange(1, 1, rows, Math.max(sheet.getLastColumn(), 1)).getValues();
}

function headerIn(top: unknown[][]): FoundHeader | null {
  const row = findLinkHeader(top);
  return row === null ? null : { row, cells: top[row - 1] ?? [] };
}

/** The tab's links header among its first rows, or null when none of them is one. */
export function findLinkHeaderOn(sheet: Sheet): FoundHeader | null {
  return headerIn(topRows(sheet));
}

/**
 * The header the link builder and the selection's actions read columns from: the links header
 * where the user put it; on a tab without one (a tab being started, a payment-link column alone)
 * row 1, as before, where the columns they add are headed.
 */
export function linkHeaderOf(sheet: Sheet): FoundHeader {
  const top = topRows(sheet);
  return headerIn(top) ?? { row: 1, cells: top[0] ?? [] };
}
