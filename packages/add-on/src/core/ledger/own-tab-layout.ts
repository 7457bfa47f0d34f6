/**
 * How the add-on's own tabs show their columns when it makes them (issue 17: Sheets' default 100 px
 * cut ids, dates and reasons): each declared column's width, or one that fits its header and a
 * typical value, and which columns wrap. Pure; gas/ledger/own-tab-layout.ts applies it.
 */

import { tableWidths } from '../attribution/charts-panel';
import type { ColumnDeclaration } from './declaration';

/** The width of each column, in order: declared, else as wide as its header and a typical value need. */
export function ownColumnWidths(columns: readonly ColumnDeclaration[]): number[] {
  const fitted = tableWidths(columns);
  return columns.map((column, i) => column.width ?? fitted[i] ?? 100);
}

/** The names of the columns whose long text wraps. */
export function wrappedColumns(columns: readonly ColumnDeclaration[]): string[] {
  return columns.filter((column) => column.wrap === true).map((column) => column.name);
}
