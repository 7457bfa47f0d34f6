/**
 * What the add-on does with the user's selection: marks the values Stripe would drop, and tags
 * the selected campaign rows. Columns are found by their headers, never by position.
 */

import { isBlank } from '../core/cell-value';
import { checkCell, isOurNote, MARK_BACKGROUND, noteFor } from '../core/cell-check';
import { consecutiveRuns } from '../core/runs';
import { appendHeaders, headerRow } from './header-row';
import { linkColumnOf, LINK_FIELDS, locateLinkColumns, type LinkColumn, type LinkField } from '../core/link-columns';
import { describeProblem } from '../core/problem';
import { literalText } from '../core/literal-text';
import type { LinkFields, TagResult } from '../core/sidebar-api';
import { tagLink, LinkChecker, type TagInput } from '../core/tag-link';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export function selectedRanges(): Range[] {
  const list = SpreadsheetApp.getActiveSpreadsheet().getActiveRangeList();
  if (list !== null) return list.getRanges();
  const range = SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
  return range === null ? [] : [range];
}

/** The selected rows below the header, each once, in order. */
export function selectedRows(ranges: readonly Range[]): number[] {
  const rows = new Set<number>();
  for (const range of ranges) {
    const first = range.getRow();
    for (let row = Math.max(first, 2); row < first + range.getNumRows(); row++) rows.add(row);
  }
  return [...rows].sort((a, b) => a - b);
}

/** Marks each selected value Stripe would drop (red, with a note); unmarks fixed ones this add-on marked. */
export function checkSelectedCells(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const header = headerRow(spreadsheet.getActiveSheet());
  const count = { invalid: 0, fine: 0, notChecked: 0 };
  for (const range of selectedRanges()) {
    const firstRow = range.getRow();
    const firstColumn = range.getColumn();
    const values = range.getValues();
    const notes = range.getNotes();
    const backgrounds = range.getBackgrounds();
    const nextNotes = notes.map((row) => row.slice());
    // getBackgrounds says '#ffffff' for "no fill"; writing that back would paint cells white.
    const nextBackgrounds: Array<Array<string | null>> = backgrounds.map((row) => row.map((color) => (color === '#ffffff' ? null : color)));
    values.forEach((row, r) => {
      // The header row names the columns; it is not checked, nor counted.
      if (firstRow + r === 1) return;
      row.forEach((value, c) => {
        const column: LinkColumn | null = linkColumnOf(header[firstColumn + c - 1]);
        const verdict = checkCell(column, value);
        const nextRow = nextNotes[r];
        const nextBackground = nextBackgrounds[r];
        if (!nextRow || !nextBackground) return;
        if (verdict.kind === 'invalid') {
          count.invalid++;
          nextRow[c] = noteFor(verdict.problem);
          nextBackground[c] = MARK_BACKGROUND;
        } else if (verdict.kind === 'not_checked') {
          count.notChecked++;
        } else {
          if (verdict.kind === 'valid') count.fine++;
          if (isOurNote(nextRow[c])) {
            nextRow[c] = '';
            nextBackground[c] = null;
          }
        }
      });
    });
    range.setNotes(nextNotes);
    range.setBackgrounds(nextBackgrounds);
  }
  const skipped = count.notChecked > 0 ? ` ${String(count.notChecked)} cells are not in a link, UTM or reference column and were not checked.` : '';
  spreadsheet.toast(
    count.invalid === 0
      ? `All ${String(count.fine)} values are fine: Stripe keeps them.${skipped}`
      : `${String(count.invalid)} values Stripe would drop are marked in red, each with a note saying why and what would work; ${String(count.fine)} are fine.${skipped}`,
    'Check selected cells',
    8,
  );
}

/** Adds the header cells the tab lacks, at the end of row 1, and returns where everything is. */
export function ensureColumns(sheet: Sheet, header: readonly unknown[], needed: readonly LinkColumn[]): Partial<Record<LinkColumn, number>> {
  const columns = locateLinkColumns(header);
  const missing = needed.filter((name) => columns[name] === undefined);
  for (const [name, column] of appendHeaders(sheet, header, missing)) columns[name] = column;
  return columns;
}

/** Tags each selected row from its own columns, using `defaults` where a row's cell is blank or missing. */
export function tagSelectedRows(defaults: LinkFields): TagResult {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const rows = selectedRows(selectedRanges());
  if (rows.length === 0) throw new Error('Select the campaign rows to tag (below the header row), then try again.');
  const columns = ensureColumns(sheet, headerRow(sheet), ['tagged_link']);
  const first = rows[0] ?? 2;
  const last = rows[rows.length - 1] ?? first;
  const width = Math.max(sheet.getLastColumn(), 1);
  const block: unknown[][] = sheet.getRange(first, 1, last - first + 1, width).getValues();
  const links = new LinkChecker();
  const result: TagResult = { sheetName: sheet.getName(), tagged: 0, invalid: [] };
  const output = new Map<number, string>();

  for (const row of rows) {
    const cells = block[row - first] ?? [];
    const input: Partial<Record<LinkField, unknown>> = {};
    for (const field of LINK_FIELDS) {
      const column = columns[field];
      const own = column === undefined ? '' : cells[column - 1];
      input[field] = isBlank(own) ? defaults[field] : own;
    }
    const outcome = tagLink(input as TagInput, links);
    if (outcome.status === 'tagged') {
      result.tagged++;
      output.set(row, outcome.url);
    } else {
      result.invalid.push({
        row,
        problems: outcome.status === 'invalid' ? outcome.problems.map(describeProblem) : ['payment_link: is empty; fill it in the row or in the form'],
      });
      output.set(row, '');
    }
  }

  // One write per run of consecutive rows.
  const taggedColumn = columns.tagged_link ?? width + 1;
  for (const { start, end } of consecutiveRuns(rows)) {
    const values: string[][] = [];
    for (let row = start; row <= end; row++) values.push([literalText(output.get(row) ?? '')]);
    sheet.getRange(start, taggedColumn, end - start + 1, 1).setValues(values);
  }
  return result;
}
