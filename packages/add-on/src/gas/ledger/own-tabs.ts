/**
 * The add-on's own tabs, found by their mark (core/ledger/marks.ts), never by name: a renamed
 * Reconciliation is still the one ledger, and a user's tab that happens to be called Attribution
 * stays the user's. One finder call returns every mark, whatever the spreadsheet's size.
 *
 * A tab an earlier version made carries no mark: under its declared name and with its declared
 * header (core/ledger/declaration.ts) it is adopted and marked, once.
 */

import { declarationOf, OWN_TAB_DECLARATIONS, type TabDeclaration } from '../../core/ledger/declaration';
import { ownTabName, roleOfTabMark, TAB_MARK_KEY, tabMarkValue, type TabRole } from '../../core/ledger/marks';
import { headerKey } from '../../core/helpers/header-names';
import type { ScriptLockHeld } from '../script-lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The marked tabs, by role. */
export type MarkedTabs = ReadonlyMap<TabRole, Sheet>;

/**
 * Document-visible, so a copy of the add-on deployed from another project (a developer's clasp
 * push of the same code) finds the same marks.
 */
function visibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
  return SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT;
}

export function findMarkedTabs(spreadsheet: Spreadsheet): MarkedTabs {
  const marks = spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(TAB_MARK_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  const tabs = new Map<TabRole, Sheet>();
  for (const mark of marks) {
    const sheet = mark.getLocation().getSheet();
    if (sheet === null) continue;
    const role = roleOfTabMark(mark.getValue(), sheet.getSheetId());
    if (role !== null && !tabs.has(role)) tabs.set(role, sheet);
  }
  return tabs;
}

/** Sheet ids of every tab the add-on owns: what link-writing actions and link-tab readers skip. */
function markedIds(marked: MarkedTabs): Set<number> {
  return new Set([...marked.values()].map((sheet) => sheet.getSheetId()));
}

/**
 * Sheet ids of every tab the add-on owns: marked, or an earlier version's by its name and shape
 * (not marked yet). What every reader of the user's tabs skips, and link-writing actions refuse.
 */
export function ownSheetIds(spreadsheet: Spreadsheet, marked: MarkedTabs): Set<number> {
  const ids = markedIds(marked);
  for (const tab of OWN_TAB_DECLARATIONS) {
    const sheet = marked.has(tab.role) ? null : findOwnTab(spreadsheet, tab.role, marked);
    if (sheet !== null) ids.add(sheet.getSheetId());
  }
  return ids;
}

/** The tab called `name` as Sheets compares tab names (case aside), for the unmarked path only. */
function sheetNamed(spreadsheet: Spreadsheet, name: string): Sheet | null {
  const key = name.trim().toLowerCase();
  return spreadsheet.getSheets().find((sheet) => sheet.getName().trim().toLowerCase() === key) ?? null;
}

function mark(sheet: Sheet, role: TabRole): void {
  sheet.addDeveloperMetadata(TAB_MARK_KEY, tabMarkValue(role, sheet.getSheetId()), visibility());
}

/** Rows of an unmarked tab read to recognise an earlier version's tab (its header may sit under a title row). */
const ADOPTION_ROWS = 5;

/**
 * Whether an unmarked tab under the declared name is one an earlier version made: empty, or with
 * the declared header in row 1, or (the ledger only) a few rows down, where a title row pushed it;
 * that one is adopted so that the store can refuse it with the right words, not start a second.
 */
function madeByEarlierVersion(sheet: Sheet, tab: TabDeclaration): boolean {
  if (tab.adoptWhenHeaderHas.length === 0) return false;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 && lastColumn === 0) return true;
  const rows = tab.key === null ? 1 : Math.min(ADOPTION_ROWS, Math.max(lastRow, 1));
  const values = sheet.getRange(1, 1, rows, Math.max(lastColumn, 1)).getValues();
  const wanted = tab.adoptWhenHeaderHas.map(headerKey);
  return values.some((row) => {
    const keys = new Set(row.map(headerKey));
    return wanted.every((key) => keys.has(key));
  });
}

/**
 * The add-on's tab for `role` for reading only: the marked one, or an earlier version's by its name
 * and shape (adopted and marked by the next write, never here). Null when there is none.
 */
export function findOwnTab(spreadsheet: Spreadsheet, role: TabRole, marked: MarkedTabs): Sheet | null {
  const found = marked.get(role);
  if (found !== undefined) return found;
  const tab = declarationOf(role);
  const named = sheetNamed(spreadsheet, tab.name);
  return named !== null && !markedIds(marked).has(named.getSheetId()) && madeByEarlierVersion(named, tab) ? named : null;
}

/** Whether `sheet` is one of the add-on's tabs (marked, or an earlier version's): what link-writing actions refuse. */
export function isOwnSheet(spreadsheet: Spreadsheet, sheet: Sheet): boolean {
  return ownSheetIds(spreadsheet, findMarkedTabs(spreadsheet)).has(sheet.getSheetId());
}

export interface OpenedTab {
  sheet: Sheet;
  /** Said once, when the add-on had to make its tab under another name. */
  notice: string | null;
  /** True when the tab was made just now: it has nothing in it yet. */
  created: boolean;
}

/**
 * The add-on's tab for `role`: the marked one, an earlier version's adopted, or (with `create`) a
 * new one, under another name when a user's tab has the declared one. Null only without `create`.
 */
export function openOwnTab(
  held: ScriptLockHeld,
  spreadsheet: Spreadsheet,
  role: TabRole,
  marked: MarkedTabs,
  create: boolean,
): OpenedTab | null {
  const found = marked.get(role);
  if (found !== undefined) return { sheet: found, notice: null, created: false };
  const tab = declarationOf(role);
  const claimed = markedIds(marked);
  const named = sheetNamed(spreadsheet, tab.name);
  if (named !== null && !claimed.has(named.getSheetId()) && madeByEarlierVersion(named, tab)) {
    held.wrote();
    mark(named, role);
    return { sheet: named, notice: null, created: false };
  }
  if (!create) return null;
  held.wrote();
  const name = ownTabName(tab.name, (candidate) => sheetNamed(spreadsheet, candidate) !== null);
  const sheet = spreadsheet.insertSheet(name);
  mark(sheet, role);
  const notice =
    name === tab.name
      ? null
      : `You already have a tab called "${tab.name}", and it is yours: the add-on left it as it is and keeps its own ${tab.name.toLowerCase()} in "${name}".`;
  return { sheet, notice, created: true };
}

/** `'Sales 2026'!A1`: a tab's name quoted for A1 notation, whatever it holds. */
export function quotedName(sheet: Sheet): string {
  return `'${sheet.getName().replace(/'/g, "''")}'`;
}
