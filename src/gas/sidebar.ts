/**
 * The server side of the link-builder sidebar. The sidebar validates as the user types, with the
 * same core code; the server validates again, because a page's checks can always be skipped.
 */

import { describeProblems } from '../core/problem';
import { literalText } from '../core/literal-text';
import { LINK_FIELDS, locateLinkColumns, type LinkColumn } from '../core/link-columns';
import type { InsertResult, LinkFields, SidebarContext, TagResult, UsedValue } from '../core/sidebar-api';
import { TRACKING_PARAMETERS, type TrackingParameter } from '../core/stripe-rules';
import { tagLink } from '../core/tag-link';
import { headerRow } from './header-row';
import { ensureColumns, selectedRanges, selectedRows, tagSelectedRows } from './selection';

const MAX_USED_VALUES = 50;

/** The highlighted cell's row; the typings say never null, the documentation says it can be. */
function currentRow(): number {
  const cell = SpreadsheetApp.getCurrentCell() as GoogleAppsScript.Spreadsheet.Range | null;
  return cell === null ? 1 : cell.getRow();
}

export function openLinkBuilder(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Payment link builder');
  SpreadsheetApp.getUi().showSidebar(page);
}

/** Only text goes through: a form can send anything. */
function readFields(fields: unknown): LinkFields {
  const given = (fields ?? {}) as Record<string, unknown>;
  const read = {} as LinkFields;
  for (const field of LINK_FIELDS) {
    const value = given[field];
    read[field] = typeof value === 'string' ? value : '';
  }
  return read;
}

export function sidebarContext(): SidebarContext {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const data: unknown[][] = sheet.getDataRange().getValues();
  const columns = locateLinkColumns(data[0] ?? []);
  const used = {} as Record<TrackingParameter, UsedValue[]>;
  for (const parameter of TRACKING_PARAMETERS) {
    const column = columns[parameter];
    const counts = new Map<string, number>();
    if (column !== undefined) {
      for (let r = 1; r < data.length; r++) {
        const value = data[r]?.[column - 1];
        const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
        if (text !== '') counts.set(text, (counts.get(text) ?? 0) + 1);
      }
    }
    used[parameter] = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_USED_VALUES)
      .map(([value, rows]) => ({ value, rows }));
  }
  const active = currentRow();
  return {
    sheetName: sheet.getName(),
    columns,
    used,
    activeRow: active >= 2 ? active : null,
    selectedRows: selectedRows(selectedRanges()).length,
  };
}

/** Writes the form's values and the tagged link into the active row, by header; the row ends up holding exactly what the form showed. */
export function sidebarInsertIntoActiveRow(fields: unknown): InsertResult {
  const values = readFields(fields);
  const outcome = tagLink(values);
  if (outcome.status === 'empty') throw new Error('Fill in the payment link first.');
  if (outcome.status === 'invalid') throw new Error(`Nothing was written. ${describeProblems(outcome.problems)}`);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const row = currentRow();
  if (row < 2) throw new Error('Select a cell in the row to fill (below the header row), then insert.');
  const wanted: LinkColumn[] = [...LINK_FIELDS.filter((field) => values[field] !== ''), 'tagged_link'];
  const header = headerRow(sheet);
  const columns = ensureColumns(sheet, header, wanted);
  const cells: Array<[number, string]> = [];
  for (const field of LINK_FIELDS) {
    const column = columns[field];
    if (column !== undefined) cells.push([column, values[field]]);
  }
  if (columns.tagged_link !== undefined) cells.push([columns.tagged_link, outcome.url]);
  for (const [column, text] of cells) sheet.getRange(row, column).setValue(literalText(text));
  return { sheetName: sheet.getName(), row, link: outcome.url };
}

export function sidebarTagSelectedRows(defaults: unknown): TagResult {
  return tagSelectedRows(readFields(defaults));
}
