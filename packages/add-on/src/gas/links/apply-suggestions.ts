/**
 * Fixes in bulk (issue 17): writes the add-on's own suggestions into the cells it checked, as
 * literal text, and clears its marks there. Each cell is checked again first: it must still hold
 * what was checked, hold no formula, and the add-on must still suggest exactly that value, so
 * neither an edit made since nor a page (which can send anything) can make it write anything else.
 */

import { readCell } from '../../core/helpers/cell-value';
import { literalText } from '../../core/helpers/literal-text';
import { consecutiveRuns } from '../../core/helpers/runs';
import { linkColumnOf } from '../../core/link-tabs/link-columns';
import { fixesDone, fixQuestion, type SuggestedFix } from '../../core/link-tabs/suggested-fixes';
import { checkCell, unmarkCell } from '../../core/links/cell-check';
import { linkHeaderOf } from './link-header';
import { withScriptLockOrFail, type ScriptLockHeld } from '../script-lock';
import { cellContexts } from './cell-context';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A person is waiting: long enough for a delivery or two to finish, short enough to say so. */
const APPLY_WAIT_MS = 10_000;

export interface FixesApplied {
  applied: number;
  /** Fixes left: the cell changed since it was checked (or the fix is not the add-on's suggestion). */
  skipped: number;
}

interface CellWrite {
  row: number;
  text: string;
  note: string;
  background: string | null;
}

/** The fixes of one column, each row once, in row order. */
function byColumn(fixes: readonly SuggestedFix[]): Map<number, SuggestedFix[]> {
  const columns = new Map<number, Map<number, SuggestedFix>>();
  for (const fix of fixes) {
    const rows = columns.get(fix.column) ?? new Map<number, SuggestedFix>();
    if (!rows.has(fix.row)) rows.set(fix.row, fix);
    columns.set(fix.column, rows);
  }
  return new Map([...columns].map(([column, rows]) => [column, [...rows.values()].sort((a, b) => a.row - b.row)]));
}

/** Applies `fixes` to `sheet` (the caller holds the lock): one read of each column's span, one write per run of rows. */
export function applySuggestions(sheet: Sheet, fixes: readonly SuggestedFix[], held: ScriptLockHeld): FixesApplied {
  const { row: headerAt, cells: header } = linkHeaderOf(sheet);
  const contextAt = cellContexts(sheet, header, headerAt);
  const done: FixesApplied = { applied: 0, skipped: 0 };
  // The header and the rows above it (the user's titles) are never written, whatever a page sends.
  done.skipped += fixes.filter((fix) => fix.row <= headerAt).length;
  for (const [column, list] of byColumn(fixes.filter((fix) => fix.row > headerAt))) {
    const first = list[0]?.row ?? 2;
    const span = (list[list.length - 1]?.row ?? first) - first + 1;
    const range = sheet.getRange(first, column, span, 1);
    const values = range.getValues();
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    const notes = range.getNotes();
    const backgrounds = range.getBackgrounds();
    const linkColumn = linkColumnOf(header[column - 1]);
    const writes = new Map<number, CellWrite>();
    for (const fix of list) {
      const at = fix.row - first;
      const value: unknown = values[at]?.[0];
      const cell = readCell(value);
      const verdict = checkCell(linkColumn, value, contextAt(fix.row));
      const still =
        (formulas[at]?.[0] ?? '') === '' &&
        cell.kind === 'text' &&
        cell.text === fix.current &&
        verdict.kind === 'invalid' &&
        verdict.problem.suggestion === fix.next;
      if (!still) {
        done.skipped++;
        continue;
      }
      // getBackgrounds says '#ffffff' for "no fill"; writing that back would paint the cell white.
      const background = backgrounds[at]?.[0] ?? null;
      const unmarked = unmarkCell({ note: notes[at]?.[0] ?? '', background: background === '#ffffff' ? null : background });
      writes.set(fix.row, { row: fix.row, text: literalText(fix.next, formats[at]?.[0]), ...unmarked });
    }
    for (const { start, end } of consecutiveRuns([...writes.keys()])) {
      const run = Array.from({ length: end - start + 1 }, (_, i) => writes.get(start + i));
      const target = sheet.getRange(start, column, run.length, 1);
      target.setValues(run.map((write) => [write?.text ?? '']));
      target.setNotes(run.map((write) => [write?.note ?? '']));
      target.setBackgrounds(run.map((write) => [write?.background ?? null]));
      held.wrote();
    }
    done.applied += writes.size;
  }
  return done;
}

/**
 * After Check selected cells has marked: one question with how many and a preview; on Yes the
 * fixes are applied (under the lock again: the question waits for a person, who must not hold
 * back deliveries meanwhile) and a toast says what was done. `formulas` counts marked cells left
 * out because they hold a formula.
 */
export function offerSuggestions(sheet: Sheet, fixes: readonly SuggestedFix[], formulas: number, title: string): void {
  // A cell in two selected ranges is one fix.
  const unique = [...new Map(fixes.map((fix) => [`${String(fix.row)}:${String(fix.column)}`, fix])).values()];
  if (unique.length === 0) return;
  const ui = SpreadsheetApp.getUi();
  if (ui.alert(title, fixQuestion(unique, formulas), ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const done = withScriptLockOrFail(APPLY_WAIT_MS, title, (held) => applySuggestions(sheet, unique, held));
  SpreadsheetApp.getActiveSpreadsheet().toast(fixesDone(done.applied, done.skipped), title, 8);
}
