/**
 * Fixes in bulk (issue 17): the suggestions the checks made, as cells to rewrite, and the words
 * of the one question that offers them and of the answer after. Check selected cells asks it in
 * an alert, the sidebar after Tag selected rows; both apply through the same server code, which
 * checks each cell again before writing.
 */

import { readCell } from '../helpers/cell-value';
import { listFirst, quote, type Problem } from '../links/problem';
import { LINK_FIELDS, type LinkColumn, type LinkField } from './link-columns';

/** One cell the add-on would rewrite with its own suggestion. */
export interface SuggestedFix {
  row: number;
  /** 1-based column of the cell in its tab. */
  column: number;
  /** The parameter the problem is about, as the preview names it: `utm_campaign`. */
  parameter: string;
  /** The cell's text when it was checked: the fix is applied only while the cell still holds it. */
  current: string;
  /** The add-on's suggestion, written as literal text. */
  next: string;
}

/** How many previews the question shows before "and N more". */
const PREVIEWED = 5;

function count(n: number, one: string, many: string): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

/** `utm_campaign "Spring Sale" → Spring_Sale` */
export function describeFix(fix: SuggestedFix): string {
  return `${fix.parameter} ${quote(fix.current)} → ${fix.next}`;
}

/**
 * The question: how many, the first few as `utm_campaign "Spring Sale" → Spring_Sale`, "and N
 * more", and what Yes and No do. `formulas` counts marked cells left out because they hold a
 * formula (writing over it would lose the formula). '' when there is nothing to apply.
 */
export function fixQuestion(fixes: readonly SuggestedFix[], formulas = 0): string {
  if (fixes.length === 0) return '';
  const lines = [`Apply the suggested ${fixes.length === 1 ? 'value' : 'values'} to ${count(fixes.length, 'cell', 'cells')}?`];
  lines.push(...fixes.slice(0, PREVIEWED).map(describeFix));
  if (fixes.length > PREVIEWED) lines.push(`and ${String(fixes.length - PREVIEWED)} more.`);
  const left =
    formulas === 0
      ? ''
      : formulas === 1
        ? '\n1 marked cell holds a formula and is left as it is: fix its formula.'
        : `\n${String(formulas)} marked cells hold formulas and are left as they are: fix their formulas.`;
  return (
    `${lines.join('\n')}\n\n` + `Yes writes each value shown as plain text and clears its red mark; No leaves the cells as they are.${left}`
  );
}

/** What applying did: `Applied 7 suggested values.`, and the cells left because they changed since they were checked. */
export function fixesDone(applied: number, skipped: number): string {
  const done = applied === 0 ? 'No suggested value was applied.' : `Applied ${count(applied, 'suggested value', 'suggested values')}.`;
  if (skipped === 0) return done;
  const left =
    skipped === 1
      ? '1 cell changed since it was checked and was left as it is'
      : `${String(skipped)} cells changed since they were checked and were left as they are`;
  return `${done} ${left}: check ${skipped === 1 ? 'it' : 'them'} again.`;
}

/** `rows 8, 9, 10 and 117 more` */
export function describeRows(rows: readonly number[]): string {
  return `${rows.length === 1 ? 'row' : 'rows'} ${listFirst(rows.map(String), 3)}`;
}

/** Only well-formed fixes are read from a page: it can send anything. */
export function readFixes(value: unknown): SuggestedFix[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is SuggestedFix =>
      typeof item === 'object' &&
      item !== null &&
      Number.isInteger((item as SuggestedFix).row) &&
      Number.isInteger((item as SuggestedFix).column) &&
      (item as SuggestedFix).row >= 2 &&
      (item as SuggestedFix).column >= 1 &&
      typeof (item as SuggestedFix).parameter === 'string' &&
      typeof (item as SuggestedFix).current === 'string' &&
      typeof (item as SuggestedFix).next === 'string',
  );
}

/** The fix for a cell holding `value` at `row`, `column` with `problem`, or null when the add-on has no suggestion for it. */
export function fixFor(problem: Problem, row: number, column: number, value: unknown): SuggestedFix | null {
  const cell = readCell(value);
  if (problem.suggestion === undefined || cell.kind !== 'text') return null;
  return { row, column, parameter: problem.parameter, current: cell.text, next: problem.suggestion };
}

/**
 * The fixes for a row's own cells (`own` by field, `columns` where each is, `formulas` the row's
 * formulas by column): a value typed in the form, kept in the link or computed by a formula has
 * no cell the add-on could rewrite, so it gets none.
 */
export function rowFixes(
  problems: readonly Problem[],
  row: number,
  own: Partial<Record<LinkField, unknown>>,
  columns: Partial<Record<LinkColumn, number>>,
  formulas: readonly string[],
): SuggestedFix[] {
  const fixes: SuggestedFix[] = [];
  for (const problem of problems) {
    const field = LINK_FIELDS.find((name) => name === problem.parameter);
    const column = field === undefined ? undefined : columns[field];
    if (field === undefined || column === undefined || (formulas[column - 1] ?? '') !== '') continue;
    const fix = fixFor(problem, row, column, own[field]);
    if (fix !== null) fixes.push(fix);
  }
  return fixes;
}
