/**
 * Where a links tab's header row is (issue 17): people put a title row, a date or a blank row
 * above their header, so the header is looked for among the first rows, not in row 1 only. One
 * rule for every path that looks for links tabs (the sidebar, the selection's actions, Add
 * references, the refresh), so none of them passes over a tab another one sees.
 */

import { isLinkHeader } from './link-columns';

/** How many rows from the top are searched: room for a title, a subtitle and a blank row, not for a table below a table. */
export const LINK_HEADER_ROWS = 5;

/** 1-based row of the first of the first LINK_HEADER_ROWS rows that is a links header (isLinkHeader), or null. */
export function findLinkHeader(rows: readonly (readonly unknown[])[]): number | null {
  const index = rows.slice(0, LINK_HEADER_ROWS).findIndex((row) => isLinkHeader(row));
  return index === -1 ? null : index + 1;
}

/**
 * A links tab from its header row down: `values[0]` is the header, on the sheet's row
 * `headerRow`; `values[i]` is row `headerRow + i`. Rows above the header are the user's: never
 * read as links, never written.
 */
export interface LinkTable {
  headerRow: number;
  values: unknown[][];
}

/** The links table of a tab read from row 1 (`rows`), or null when none of its first rows is a links header. */
export function linkTableOf(rows: unknown[][]): LinkTable | null {
  const headerRow = findLinkHeader(rows);
  return headerRow === null ? null : { headerRow, values: rows.slice(headerRow - 1) };
}
