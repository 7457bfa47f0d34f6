/**
 * Add references: every link row without a client_reference_id gets its own (core/link-tabs/references.ts),
 * written as a value into the row's empty reference cell. A reference someone typed is never
 * replaced, and a tab without the column gets one after its last column.
 */

import { locateLinkColumns } from '../../core/link-tabs/link-columns';
import { readLinkRows, type LinkRow } from '../../core/link-tabs/link-rows';
import { literalText, textOfCell } from '../../core/helpers/literal-text';
import { newReferences } from '../../core/link-tabs/references';
import { consecutiveRuns } from '../../core/helpers/runs';
import { appendHeaders } from '../helpers/header-row';
import { findMarkedTabs, ownSheetIds, type MarkedTabs } from '../ledger/own-tabs';
import { readLedgerColumn } from '../ledger/reconciliation-reader';
import { withScriptLockOrFail } from '../script-lock';
import { readLinkTabValues, stripeLinkRows } from './link-tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const LOCK_WAIT_MS = 10_000;

export interface ReferencesAdded {
  added: number;
  /** `Links (rows 2-7, 9)` for each tab written to. */
  where: string[];
}

/** Every reference the spreadsheet already uses: on link rows, and on sales whose row may be gone. */
function referencesInUse(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, marked: MarkedTabs, rows: readonly LinkRow[]): Set<string> {
  const used = new Set(rows.map((row) => row.fields.client_reference_id).filter((reference) => reference !== ''));
  for (const value of readLedgerColumn(spreadsheet, marked, 'client_reference_id')) {
    const reference = textOfCell(value);
    if (reference !== '') used.add(reference);
  }
  return used;
}

/** The links tabs: every tab but the add-on's own. */
function linkTabs(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, marked: MarkedTabs): Array<{ sheet: Sheet; values: unknown[][] }> {
  return readLinkTabValues(spreadsheet, ownSheetIds(spreadsheet, marked));
}

/** New references for rows about to get one (Tag selected rows), unique against all the spreadsheet holds. */
export function freshReferences(rows: ReadonlyArray<{ campaign: string; source: string }>): string[] {
  if (rows.length === 0) return [];
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const marked = findMarkedTabs(spreadsheet);
  const linkRows = linkTabs(spreadsheet, marked).flatMap(({ sheet, values }) => readLinkRows(sheet.getName(), values));
  return newReferences(rows, referencesInUse(spreadsheet, marked, linkRows));
}

function addLocked(): ReferencesAdded {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const marked = findMarkedTabs(spreadsheet);
  const tabs = linkTabs(spreadsheet, marked);
  // Only rows with a Stripe Payment Link get a reference: a tab of other links is never written.
  const rowsByTab = tabs.map(({ sheet, values }) => stripeLinkRows(sheet, values));
  const missing = rowsByTab.map((rows) => rows.filter((row) => row.fields.client_reference_id === ''));
  const made = newReferences(
    missing.flat().map((row) => ({ campaign: row.fields.utm_campaign, source: row.fields.utm_source })),
    referencesInUse(spreadsheet, marked, rowsByTab.flat()),
  );

  const result: ReferencesAdded = { added: made.length, where: [] };
  let next = 0;
  tabs.forEach(({ sheet, values }, t) => {
    const rows = missing[t] ?? [];
    if (rows.length === 0) return;
    const header = values[0] ?? [];
    const column =
      locateLinkColumns(header).client_reference_id ??
      appendHeaders(sheet, header, ['client_reference_id']).get('client_reference_id') ??
      0;
    const references = new Map(rows.map((row) => [row.row, made[next++] ?? '']));
    const runs = consecutiveRuns(rows.map((row) => row.row));
    for (const { start, end } of runs) {
      const target = sheet.getRange(start, column, end - start + 1, 1);
      const formats = target.getNumberFormats();
      target.setValues(Array.from({ length: end - start + 1 }, (_, i) => [literalText(references.get(start + i) ?? '', formats[i]?.[0])]));
    }
    const spans = runs.map(({ start, end }) => (start === end ? String(start) : `${String(start)}-${String(end)}`));
    result.where.push(`${sheet.getName()} (row${rows.length === 1 ? '' : 's'} ${spans.join(', ')})`);
  });
  return result;
}

export function addMissingReferences(): ReferencesAdded {
  return withScriptLockOrFail(LOCK_WAIT_MS, 'Add references', addLocked);
}
