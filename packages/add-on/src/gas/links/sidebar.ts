/**
 * The server side of the link-builder sidebar. The sidebar validates as the user types, with the
 * same core code; the server validates again, because a page's checks can always be skipped.
 */

import { readCell } from '../../core/helpers/cell-value';
import { describeSharedReference, TEST_LINK_WARNING } from '../../core/link-tabs/link-checks';
import { readLinkRows, rowAddress } from '../../core/link-tabs/link-rows';
import { describeProblems } from '../../core/links/problem';
import { literalText, textOfCell } from '../../core/helpers/literal-text';
import { LINK_FIELDS, locateLinkColumns, type LinkColumn, type LinkField } from '../../core/link-tabs/link-columns';
import { linkTableOf } from '../../core/link-tabs/link-header';
import { tabSpellings } from '../../core/link-tabs/spellings';
import {
  isConsented,
  readConsent,
  type ApplyResult,
  type Conflict,
  type InsertResult,
  type LinkFields,
  type RowWarning,
  type SidebarApi,
  type SidebarContext,
  type TagResult,
  type UsedValue,
} from '../../core/contracts/sidebar-api';
import { TRACKING_PARAMETERS, type TrackingParameter } from '../../core/links/stripe-rules';
import { cellShows, mergeFields, replacedText, tagLink } from '../../core/links/tag-link';
import { linkHeaderOf } from './link-header';
import { LinkMixups } from './link-mixups';
import { activeNamingRules, linkWarnings } from './naming-rules';
import { NO_RULES } from '../../core/links/naming-rules';
import type * as Globals from '../main';
import { withScriptLockOrFail } from '../script-lock';
import { applySuggestions } from './apply-suggestions';
import { addFreshReference, ReferenceBook, referenceWritten } from './reference-book';
import { fixesDone, readFixes } from '../../core/link-tabs/suggested-fixes';
import { ensureColumns, ownTabRefusalFor, refuseOwnTab, selectedRanges, selectedRows, tagSelectedRows } from './selection';

/** A person is waiting: long enough for a delivery or two to finish, short enough to say so. */
const LINK_WRITE_WAIT_MS = 10_000;
const INSERT = 'Insert into active row';
const APPLY = 'Apply suggestions';

/** The highlighted cell's row; the typings say never null, the documentation says it can be. */
function currentRow(): number {
  const cell = SpreadsheetApp.getCurrentCell() as GoogleAppsScript.Spreadsheet.Range | null;
  return cell === null ? 1 : cell.getRow();
}

export function openSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Payment link builder');
  SpreadsheetApp.getUi().showSidebar(page);
}

/** Only text goes through: a form can send anything. */
function readFields(fields: unknown): LinkFields {
  if (typeof fields !== 'object' || fields === null)
    throw new Error('The sidebar sent no form values: close the sidebar, open it again and retry.');
  const given = fields as Record<string, unknown>;
  const read = {} as LinkFields;
  for (const field of LINK_FIELDS) {
    const value = given[field];
    read[field] = typeof value === 'string' ? value : '';
  }
  return read;
}

function requestPart(request: unknown, name: string): unknown {
  return typeof request === 'object' && request !== null ? (request as Record<string, unknown>)[name] : undefined;
}

/** A cell as the text the form shows for it; what is not text (a date, a checkbox) shows empty. */
function formText(value: unknown): string {
  const cell = readCell(value);
  return cell.kind === 'text' ? cell.text : '';
}

function noUsedValues(): Record<TrackingParameter, UsedValue[]> {
  const used = {} as Record<TrackingParameter, UsedValue[]>;
  for (const parameter of TRACKING_PARAMETERS) used[parameter] = [];
  return used;
}

export function readSidebarContext(): SidebarContext {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const active = currentRow();
  const refusal = ownTabRefusalFor(sheet, 'The link builder');
  // One of our tabs (Reconciliation can be long): nothing there to suggest or start from.
  if (refusal !== null) {
    return {
      sheetName: sheet.getName(),
      columns: {},
      used: noUsedValues(),
      activeRow: active >= 2 ? active : null,
      row: null,
      refusal,
      selectedRows: selectedRows(selectedRanges()).length,
      warnings: [],
      liveSales: false,
      rules: NO_RULES,
    };
  }

  const data: unknown[][] = sheet.getDataRange().getValues();
  // The links header where the user put it (a title row above is theirs); row 1 on a tab without one.
  const table = linkTableOf(data);
  const headerAt = table?.headerRow ?? 1;
  const header = data[headerAt - 1] ?? [];
  const activeRow = active > headerAt ? active : null;
  const selected = selectedRows(selectedRanges(), headerAt).length;
  const columns = locateLinkColumns(header);
  const used = tabSpellings(data.slice(headerAt - 1), columns);

  let row: LinkFields | null = null;
  const cells = activeRow === null ? undefined : data[activeRow - 1];
  const link = columns.payment_link === undefined ? '' : formText(cells?.[columns.payment_link - 1]);
  if (cells !== undefined && link !== '' && table !== null) {
    row = {} as LinkFields;
    for (const field of LINK_FIELDS) {
      const column = columns[field];
      row[field] = column === undefined ? '' : formText(cells[column - 1]);
    }
  }
  const mixups = new LinkMixups({ tab: sheet.getName(), values: data });
  // The row's fields as the checks read them (a number is a reference too), not as the form shows them.
  const fields = row === null || cells === undefined ? undefined : readLinkRows(sheet.getName(), [header, cells])[0]?.fields;
  const warnings = fields === undefined || activeRow === null ? [] : rowWarnings(mixups, sheet.getName(), activeRow, fields);
  return {
    sheetName: sheet.getName(),
    columns,
    used,
    activeRow,
    row,
    refusal: null,
    selectedRows: selected,
    warnings,
    liveSales: mixups.liveSales(),
    rules: activeNamingRules(),
  };
}

/** The active link row's mix-ups: its reference on rows with other UTM values (named), its test-mode link while sales are live. */
function rowWarnings(mixups: LinkMixups, tab: string, activeRow: number, row: LinkFields): RowWarning[] {
  const warnings: RowWarning[] = [];
  const reference = row.client_reference_id;
  const shared = mixups.sharedAt(tab, activeRow, reference);
  if (shared !== undefined) {
    warnings.push({
      field: 'client_reference_id',
      kind: 'shared_reference',
      value: reference,
      message: describeSharedReference(shared),
      rows: shared.rows.filter((at) => at.tab !== tab || at.row !== activeRow).map(rowAddress),
    });
  }
  const link = row.payment_link;
  if (mixups.isMisplacedTestLink(link))
    warnings.push({ field: 'payment_link', kind: 'test_link', value: link, message: `This ${TEST_LINK_WARNING}`, rows: [] });
  return warnings;
}

interface CellWrite {
  column: LinkColumn;
  text: string;
}

/**
 * Writes the form's values and the tagged link into the active row, by header. A field left
 * empty keeps the row's own value, and the link is built from the merged row. A filled cell that
 * would change is written only when the request carries the user's consent to exactly that.
 */
export function insertIntoActiveRow(request: unknown): InsertResult {
  return withScriptLockOrFail(LINK_WRITE_WAIT_MS, INSERT, () => insertLocked(request));
}

function insertLocked(request: unknown): InsertResult {
  const fields = readFields(requestPart(request, 'fields'));
  const overwrite = readConsent(requestPart(request, 'overwrite'));
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  refuseOwnTab(sheet, INSERT);
  const row = currentRow();
  const { row: headerAt, cells: header } = linkHeaderOf(sheet);
  if (row <= headerAt) throw new Error('Select a cell in the row to fill (below the header row), then insert.');

  const located = locateLinkColumns(header);
  const range = sheet.getRange(row, 1, 1, header.length);
  const values: unknown[] = range.getValues()[0] ?? [];
  const formulas: string[] = range.getFormulas()[0] ?? [];
  const own: Partial<Record<LinkField, unknown>> = {};
  for (const field of LINK_FIELDS) {
    const column = located[field];
    own[field] = column === undefined ? '' : values[column - 1];
  }
  // Every link the add-on writes carries its own reference (issue 17): a row without one gets a fresh one, written into it.
  const book = new ReferenceBook();
  const referenceAdded = addFreshReference(fields, own, book);
  const outcome = tagLink(mergeFields(fields, own), undefined, activeNamingRules());
  if (outcome.status === 'empty') throw new Error('Fill in the payment link first.');
  if (outcome.status === 'invalid') throw new Error(`Nothing was written. ${describeProblems(outcome.problems)}`);

  const writes: CellWrite[] = [
    ...LINK_FIELDS.filter((field) => fields[field] !== '').map((field) => ({ column: field, text: fields[field] })),
    { column: 'tagged_link', text: outcome.url },
  ];
  const conflicts: Conflict[] = [];
  for (const write of writes) {
    const column = located[write.column];
    if (column === undefined) continue;
    const current = replacedText(values[column - 1], formulas[column - 1] ?? '', write.text);
    if (current !== null) conflicts.push({ row, column: write.column, header: String(header[column - 1]), current, next: write.text });
  }
  if (!isConsented(conflicts, overwrite)) return { status: 'confirm', sheetName: sheet.getName(), row, link: outcome.url, conflicts };

  const columns = ensureColumns(
    sheet,
    header,
    writes.map((write) => write.column),
    headerAt,
  );
  const span = Math.max(1, ...writes.map((write) => columns[write.column] ?? 0));
  const formats: string[] = sheet.getRange(row, 1, 1, span).getNumberFormats()[0] ?? [];
  for (const write of writes) {
    const column = columns[write.column];
    // A cell that already shows the text keeps what it holds (a formula stays a formula).
    if (column === undefined || cellShows(values[column - 1], write.text)) continue;
    sheet.getRange(row, column).setValue(literalText(write.text, formats[column - 1]));
  }
  return {
    ...referenceWritten(book, sheet.getName(), row, fields, own, referenceAdded),
    status: 'written',
    sheetName: sheet.getName(),
    row,
    link: outcome.url,
    warnings: linkWarnings(textOfCell(mergeFields(fields, own).payment_link), outcome.warnings),
  };
}

/**
 * Applies the fixes a TagResult offered (issue 17) to the tab they were for: each only while its
 * cell still holds what was checked and the add-on still suggests that value (apply-suggestions.ts).
 */
export function applySuggestionsFromSidebar(request: unknown): ApplyResult {
  const sheetId = requestPart(request, 'sheetId');
  const fixes = readFixes(requestPart(request, 'fixes'));
  return withScriptLockOrFail(LINK_WRITE_WAIT_MS, APPLY, (held) => {
    // By id, not name: a tab renamed since Tag is still the one, and a tab given its old name is not.
    const sheet = SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .find((one) => one.getSheetId() === sheetId);
    if (sheet === undefined)
      throw new Error('The tab these fixes were for is gone (deleted): select the rows again and tag them, then apply the suggestions.');
    refuseOwnTab(sheet, APPLY);
    const done = applySuggestions(sheet, fixes, held);
    return { status: 'applied', sheetName: sheet.getName(), ...done, message: fixesDone(done.applied, done.skipped) };
  });
}

export function tagRowsFromSidebar(request: unknown): TagResult {
  // Only what the user typed: a page that sends the whole form (one opened before an update) is refused.
  const typed = readFields(requestPart(request, 'typed'));
  const overwrite = readConsent(requestPart(request, 'overwrite'));
  return withScriptLockOrFail(LINK_WRITE_WAIT_MS, 'Tag selected rows', () => tagSelectedRows(typed, overwrite));
}

/**
 * The sidebar calls main.ts's functions through google.script.run, typed by SidebarApi: this
 * stops the build when a server function no longer satisfies it.
 */
type Satisfies<Contract, Actual extends Contract> = Actual;
export type SidebarServerFunctions = Satisfies<SidebarApi, Pick<typeof Globals, keyof SidebarApi>>;
