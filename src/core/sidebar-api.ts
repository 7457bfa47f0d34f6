/**
 * The contract between the link-builder sidebar and the server: the functions the sidebar calls
 * through google.script.run, with their arguments and results. Both sides are typed from here.
 */

import type { LinkColumn, LinkField } from './link-columns';
import type { TrackingParameter } from './stripe-rules';

export type LinkFields = Record<LinkField, string>;

export interface UsedValue {
  value: string;
  /** How many rows of the tab use it. */
  rows: number;
}

export interface SidebarContext {
  sheetName: string;
  /** Where the tab keeps each part of a link, by header; missing ones are added when needed. */
  columns: Partial<Record<LinkColumn, number>>;
  /** Values already used in the tab, most used first, so one source is not spelled three ways. */
  used: Record<TrackingParameter, UsedValue[]>;
  /** The active cell's row (2 or more), or null on the header row. */
  activeRow: number | null;
  /** How many rows below the header are selected. */
  selectedRows: number;
}

export interface InsertResult {
  sheetName: string;
  row: number;
  link: string;
}

export interface TagResult {
  sheetName: string;
  tagged: number;
  /** Rows that could not be tagged, with what is wrong (their tagged_link cell is emptied). */
  invalid: Array<{ row: number; problems: string[] }>;
}

/** Server functions the sidebar may call, by their top-level names in Code.js. */
export interface SidebarApi {
  sidebarContext(): SidebarContext;
  sidebarInsertIntoActiveRow(fields: LinkFields): InsertResult;
  sidebarTagSelectedRows(defaults: LinkFields): TagResult;
}
