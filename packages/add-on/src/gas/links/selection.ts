/**
 * What the add-on does with the user's selection: marks the values Stripe would drop, and tags
 * the selected campaign rows. Columns are found by their headers, never by position.
 */

import { checkCell, markCell, unmarkCell, warningNoteFor } from '../../core/links/cell-check';
import { describeSharedReference } from '../../core/link-tabs/link-checks';
import { isBlank } from '../../core/helpers/cell-value';
import { consecutiveRuns } from '../../core/helpers/runs';
import { lazily } from '../../core/helpers/lazily';
import { fixFor, rowFixes, type SuggestedFix } from '../../core/link-tabs/suggested-fixes';
import { offerSuggestions } from './apply-suggestions';
import { ReferenceBook, type WrittenReference } from './reference-book';
import { describeUntagged, type UntaggedRow } from '../../core/link-tabs/problem-groups';
import { linkTabNames } from './link-tabs';
import { cellContexts, lazyTabSpellings } from './cell-context';
import { activeNamingRules } from './naming-rules';
import { preferredFix } from '../../core/link-tabs/spellings';
import { appendHeaders } from '../helpers/header-row';
import { linkHeaderOf } from './link-header';
import { describeTestLink, LinkMixups } from './link-mixups';
import { withScriptLockOrFail } from '../script-lock';
import { linkColumnOf, LINK_FIELDS, locateLinkColumns, type LinkColumn, type LinkField } from '../../core/link-tabs/link-columns';
import { ownTabRefusal } from '../../core/ledger/own-tabs';
import { findMarkedTabs, isOwnSheet, ownSheetIds } from '../ledger/own-tabs';
import { describeProblem } from '../../core/links/problem';
import { literalText, textOfCell } from '../../core/helpers/literal-text';
import { isConsented, type Conflict, type InvalidRow, type LinkFields, type TagResult } from '../../core/contracts/sidebar-api';
import { cellShows, formFills, LinkChecker, mergeFields, replacedText, tagLink } from '../../core/links/tag-link';
import { countOf } from '../../core/helpers/count-of';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export function selectedRanges(): Range[] {
  const list = SpreadsheetApp.getActiveSpreadsheet().getActiveRangeList();
  if (list !== null) return list.getRanges();
  const range = SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
  return range === null ? [] : [range];
}

/** The selected rows below the header (on row `headerRow`; the rows above it are the user's title rows), each once, in order. */
export function selectedRows(ranges: readonly Range[], headerRow = 1): number[] {
  const rows = new Set<number>();
  for (const range of ranges) {
    const first = range.getRow();
    for (let row = Math.max(first, headerRow + 1); row < first + range.getNumRows(); row++) rows.add(row);
  }
  return [...rows].sort((a, b) => a - b);
}

const CHECK_CELLS = 'Check selected cells';
/** A person is waiting: long enough for a delivery or two to finish, short enough to say so. */
const MARK_WAIT_MS = 10_000;

/**
 * Marks each selected value Stripe would drop (red, with a note), and each one it accepts that
 * mixes up sales: a reference that rows with different UTM values share, a test-mode link on a
 * spreadsheet with live sales. Unmarks fixed ones this add-on marked.
 */
export function markSelectedCells(): void {
  const offer = withScriptLockOrFail(MARK_WAIT_MS, CHECK_CELLS, markLocked);
  // Asked after the lock is let go: the question waits for a person, deliveries must not.
  offerSuggestions(offer.sheet, offer.fixes, offer.formulas, CHECK_CELLS);
}

interface MarkCount {
  invalid: number;
  fine: number;
  notChecked: number;
  /** The shared references marked, each once however many of its cells are selected. */
  shared: Set<string>;
  testLinks: number;
}

/** The note a valid cell gets for a mix-up across rows, or null when there is none. */
function mixupNote(
  mixups: LinkMixups,
  tab: string,
  row: number,
  column: LinkColumn | null,
  value: unknown,
  count: MarkCount,
): string | null {
  const text = textOfCell(value).trim();
  if (column === 'client_reference_id') {
    const shared = mixups.sharedAt(tab, row, text);
    if (shared === undefined) return null;
    count.shared.add(shared.reference);
    return warningNoteFor(describeSharedReference(shared));
  }
  if (column === 'payment_link' && mixups.isMisplacedTestLink(text)) {
    count.testLinks++;
    return warningNoteFor(describeTestLink(text));
  }
  return null;
}

function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

function markToast(count: MarkCount): string {
  const skipped =
    count.notChecked > 0
      ? ` ${countOf(count.notChecked, 'cell is', 'cells are')} not in a link, UTM or reference column and ${count.notChecked === 1 ? 'was' : 'were'} not checked.`
      : '';
  const parts: string[] = [];
  if (count.invalid > 0)
    parts.push(
      `${plural(count.invalid, 'value Stripe would drop is', 'values Stripe would drop are')} marked in red, ` +
        `${count.invalid === 1 ? 'with a note' : 'each with a note'} saying why and what would work`,
    );
  const mixups: string[] = [];
  if (count.shared.size > 0)
    mixups.push(`${plural(count.shared.size, 'reference is', 'references are')} shared by rows with different UTM values`);
  if (count.testLinks > 0) mixups.push(`${plural(count.testLinks, 'test-mode link', 'test-mode links')} on a spreadsheet with live sales`);
  if (mixups.length > 0) parts.push(`${mixups.join('; ')} (marked in red, with a note naming the rows)`);
  if (parts.length === 0)
    return `${count.fine === 1 ? 'The value is fine: Stripe keeps it.' : `All ${String(count.fine)} values are fine: Stripe keeps them.`}${skipped}`;
  return `${parts.join('; ')}; ${String(count.fine)} ${count.fine === 1 ? 'is' : 'are'} fine.${skipped}`;
}

/** The suggestions of the cells Check selected cells marked, to offer in bulk; `formulas` counts marked formula cells left out. */
interface FixOffer {
  sheet: Sheet;
  fixes: SuggestedFix[];
  formulas: number;
}

function markLocked(): FixOffer {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  refuseOwnTab(sheet, CHECK_CELLS, 'marks the values of a links tab (a note and a fill)');
  const tab = sheet.getName();
  const { row: headerAt, cells: header } = linkHeaderOf(sheet);
  // The other tabs and the sales are read only when a selected reference or test-mode link needs them.
  const mixups = new LinkMixups();
  const contextAt = cellContexts(sheet, header, headerAt);
  const count: MarkCount = { invalid: 0, fine: 0, notChecked: 0, shared: new Set(), testLinks: 0 };
  const offer: FixOffer = { sheet, fixes: [], formulas: 0 };
  for (const range of selectedRanges()) {
    const firstRow = range.getRow();
    const firstColumn = range.getColumn();
    const values = range.getValues();
    const notes = range.getNotes();
    const backgrounds = range.getBackgrounds();
    const formulasOf = lazily(() => range.getFormulas());
    const nextNotes = notes.map((row) => row.slice());
    // getBackgrounds says '#ffffff' for "no fill"; writing that back would paint cells white.
    const nextBackgrounds: Array<Array<string | null>> = backgrounds.map((row) => row.map((color) => (color === '#ffffff' ? null : color)));
    values.forEach((row, r) => {
      // The header row names the columns and the rows above it are the user's titles: not checked, nor counted.
      if (firstRow + r <= headerAt) return;
      row.forEach((value, c) => {
        const column: LinkColumn | null = linkColumnOf(header[firstColumn + c - 1]);
        const verdict = checkCell(column, value, contextAt(firstRow + r));
        const nextRow = nextNotes[r];
        const nextBackground = nextBackgrounds[r];
        if (!nextRow || !nextBackground) return;
        const current = { note: nextRow[c] ?? '', background: nextBackground[c] ?? null };
        let next = current;
        if (verdict.kind === 'invalid') {
          count.invalid++;
          next = markCell(current, verdict.problem);
          const fix = fixFor(verdict.problem, firstRow + r, firstColumn + c, value);
          // A formula is left for its own fix: writing over it would lose it.
          if (fix !== null && (formulasOf()[r]?.[c] ?? '') !== '') offer.formulas++;
          else if (fix !== null) offer.fixes.push(fix);
        } else if (verdict.kind === 'not_checked') {
          count.notChecked++;
        } else {
          const note = verdict.kind === 'valid' ? mixupNote(mixups, tab, firstRow + r, column, value, count) : null;
          if (note !== null) {
            next = markCell(current, { note });
          } else {
            if (verdict.kind === 'valid') count.fine++;
            next = unmarkCell(current);
          }
        }
        nextRow[c] = next.note;
        nextBackground[c] = next.background;
      });
    });
    range.setNotes(nextNotes);
    range.setBackgrounds(nextBackgrounds);
  }
  spreadsheet.toast(markToast(count), 'Check selected cells', 8);
  return offer;
}

/** Adds the header cells the tab lacks, at the end of its header row (`headerRow`), and returns where everything is. */
export function ensureColumns(
  sheet: Sheet,
  header: readonly unknown[],
  needed: readonly LinkColumn[],
  headerRow = 1,
): Partial<Record<LinkColumn, number>> {
  const columns = locateLinkColumns(header);
  const missing = needed.filter((name) => columns[name] === undefined);
  for (const [name, column] of appendHeaders(sheet, header, missing, headerRow)) columns[name] = column;
  return columns;
}

const MAX_NAMED_TABS = 3;

/** The spreadsheet's links tabs, to name in a refusal (read only when refusing, so its cost is no one's). */
function namedLinkTabs(): string[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return linkTabNames(spreadsheet, ownSheetIds(spreadsheet, findMarkedTabs(spreadsheet))).slice(0, MAX_NAMED_TABS);
}

/** Why `action` may not write into `sheet` (one of the add-on's own tabs), naming the tab to use; null when it may. */
export function ownTabRefusalFor(sheet: Sheet, action: string, does?: string): string | null {
  const name = sheet.getName();
  if (!isOwnSheet(SpreadsheetApp.getActiveSpreadsheet(), sheet)) return null;
  const tabs = namedLinkTabs().map((tab) => `"${tab}"`);
  const where = tabs.length === 0 ? '' : ` Your links are in ${tabs.join(', ')}.`;
  return `${ownTabRefusal(name, action, does)}${where}`;
}

/** Throws before anything is written when `sheet` is one of the add-on's own tabs. */
export function refuseOwnTab(sheet: Sheet, action: string, does?: string): void {
  const message = ownTabRefusalFor(sheet, action, does);
  if (message !== null) throw new Error(message);
}

interface PendingWrite {
  row: number;
  text: string;
}

/** The columns Tag selected rows writes, in the order missing ones are added. */
const TAG_COLUMNS: readonly LinkColumn[] = [...LINK_FIELDS, 'tagged_link'];

/**
 * Tags each selected row from its own columns. A value the user typed in the form (`typed`)
 * fills the row's empty cell for its field, and a row without a reference gets its own: both are
 * written into the row, so each link carries exactly what its row shows, and nothing of one row
 * reaches another. A filled cell (a different tagged link, a formula that shows nothing) is a
 * conflict: unless the user agreed to exactly those conflicts (`overwrite`), nothing is written
 * and they are returned. A row that cannot be tagged is left as it was.
 */
export function tagSelectedRows(typed: Partial<LinkFields>, overwrite?: Conflict[]): TagResult {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  refuseOwnTab(sheet, 'Tag selected rows');
  const { row: headerAt, cells: header } = linkHeaderOf(sheet);
  const rows = selectedRows(selectedRanges(), headerAt);
  if (rows.length === 0) throw new Error('Select the campaign rows to tag (below the header row), then try again.');
  const located = locateLinkColumns(header);
  const first = rows[0] ?? 2;
  const last = rows[rows.length - 1] ?? first;
  const block = sheet.getRange(first, 1, last - first + 1, header.length);
  const values: unknown[][] = block.getValues();
  // Formulas too: a formula cell is filled even when it shows nothing.
  const formulas: string[][] = block.getFormulas();
  const links = new LinkChecker();
  const invalid: InvalidRow[] = [];
  // Tagged, with a warning: a link off buy.stripe.com and the naming rules' domains.
  const warnings: string[] = [];
  const rules = activeNamingRules();
  const spellings = lazyTabSpellings(sheet, header, headerAt);
  const conflicts: Conflict[] = [];
  const writes = new Map<LinkColumn, PendingWrite[]>();
  const untagged: UntaggedRow[] = [];
  const fixes: SuggestedFix[] = [];
  const written: WrittenReference[] = [];
  let tagged = 0;
  let filled = 0;

  const ownFields = (row: number): Partial<Record<LinkField, unknown>> => {
    const cells = values[row - first] ?? [];
    const own: Partial<Record<LinkField, unknown>> = {};
    for (const field of LINK_FIELDS) {
      const column = located[field];
      own[field] = column === undefined ? '' : cells[column - 1];
    }
    return own;
  };
  const fills = new Map(rows.map((row) => [row, formFills(ownFields(row), typed)]));
  // A row without a reference gets its own, so each sale through its link says which row it came from.
  const unreferenced = rows.filter((row) => {
    const merged = mergeFields(fills.get(row) ?? {}, ownFields(row));
    // Only a row that will be tagged: one left as it is uses up no number, so a run's numbers have no gaps.
    return isBlank(merged.client_reference_id) && !isBlank(merged.payment_link) && tagLink(merged, links, rules).status === 'tagged';
  });
  const book = new ReferenceBook();
  const made = book.fresh(
    unreferenced.map((row) => {
      const merged = mergeFields(fills.get(row) ?? {}, ownFields(row));
      return { campaign: textOfCell(merged.utm_campaign), source: textOfCell(merged.utm_source) };
    }),
  );
  const references = new Map(unreferenced.map((row, i) => [row, made[i] ?? '']));

  /** Queues `text` for the row's cell in `column`, asking first when the cell holds something else. */
  const queue = (row: number, column: LinkColumn, text: string): void => {
    const at = located[column];
    if (at !== undefined) {
      const current = values[row - first]?.[at - 1];
      // Already there (a formula that shows it included): nothing to write.
      if (cellShows(current, text)) return;
      const replaced = replacedText(current, formulas[row - first]?.[at - 1] ?? '', text);
      if (replaced !== null) conflicts.push({ row, column, header: String(header[at - 1]), current: replaced, next: text });
    }
    const list = writes.get(column) ?? [];
    list.push({ row, text });
    writes.set(column, list);
  };

  for (const row of rows) {
    const rowFills = { ...fills.get(row) };
    const reference = references.get(row);
    if (reference !== undefined) rowFills.client_reference_id = reference;
    const merged = mergeFields(rowFills, ownFields(row));
    const outcome = tagLink(merged, links, rules);
    if (outcome.status !== 'tagged') {
      // The tab's own spelling is the fix where it has one: a bulk fix starts no second spelling.
      const problems =
        outcome.status === 'invalid'
          ? outcome.problems.map((problem) => preferredFix(problem, textOfCell(merged[problem.parameter as LinkField]), rules, spellings()))
          : null;
      // Left as it is: an invalid row must not lose the link it had, nor get half of the form.
      invalid.push({
        row,
        problems: problems === null ? ['payment_link: is empty; fill it in the row or in the form'] : problems.map(describeProblem),
      });
      if (problems !== null) {
        untagged.push({ row, problems, values: merged });
        fixes.push(...rowFixes(problems, row, ownFields(row), located, formulas[row - first] ?? []));
      }
      continue;
    }
    tagged++;
    written.push({ row, reference: textOfCell(mergeFields(rowFills, ownFields(row)).client_reference_id).trim() });
    for (const warning of outcome.warnings ?? []) warnings.push(`Row ${String(row)}: ${describeProblem(warning)}`);
    for (const field of LINK_FIELDS) {
      const text = rowFills[field];
      if (text === undefined) continue;
      if (field !== 'client_reference_id' || reference === undefined) filled++;
      queue(row, field, text);
    }
    queue(row, 'tagged_link', outcome.url);
  }

  // By problem, with the fix of each row's own cells (issue 17): 200 pasted rows are a few lines, not 200.
  const byProblem = describeUntagged(untagged, fixes);
  if (!isConsented(conflicts, overwrite))
    return { status: 'confirm', sheetName: sheet.getName(), sheetId: sheet.getSheetId(), conflicts, invalid, ...byProblem };
  const columns = ensureColumns(
    sheet,
    header,
    TAG_COLUMNS.filter((column) => writes.has(column)),
    headerAt,
  );
  for (const column of TAG_COLUMNS) {
    const list = writes.get(column);
    const at = columns[column];
    if (list !== undefined && at !== undefined) writeColumnTexts(sheet, at, list);
  }
  const referenceWarnings = book.duplicatesAmong(sheet.getName(), written);
  return {
    ...byProblem,
    referenceWarnings,
    status: 'written',
    sheetName: sheet.getName(),
    sheetId: sheet.getSheetId(),
    tagged,
    filled,
    invalid,
    warnings,
  };
}

/** Texts into one column, one write per run of consecutive rows, each as the cell's format needs it to stay itself. */
function writeColumnTexts(sheet: Sheet, column: number, writes: readonly PendingWrite[]): void {
  const byRow = new Map(writes.map((write) => [write.row, write.text]));
  const rows = [...byRow.keys()];
  const first = rows[0] ?? 2;
  const formats: string[][] = sheet.getRange(first, column, (rows[rows.length - 1] ?? first) - first + 1, 1).getNumberFormats();
  for (const { start, end } of consecutiveRuns(rows)) {
    const values: string[][] = [];
    for (let row = start; row <= end; row++) values.push([literalText(byRow.get(row) ?? '', formats[row - first]?.[0])]);
    sheet.getRange(start, column, end - start + 1, 1).setValues(values);
  }
}
