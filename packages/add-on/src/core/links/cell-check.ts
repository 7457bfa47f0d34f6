/**
 * "Check the selected cells": one verdict per cell, by the link column its header names, and
 * the note that explains an invalid one. The add-on only ever clears marks it made itself.
 */

import { isBlank } from '../helpers/cell-value';
import type { LinkColumn } from '../link-tabs/link-columns';
import { NO_RULES, ruleProblem, type NamingRules } from './naming-rules';
import { preferredFix, type Spellings } from '../link-tabs/spellings';
import { checkLink } from './payment-link';
import { isRequired, linkCarries, missingValueProblem } from './required';
import { describeProblem, type Problem } from './problem';
import { checkValue } from './validate';

export type CellVerdict = { kind: 'valid' } | { kind: 'empty' } | { kind: 'not_checked' } | { kind: 'invalid'; problem: Problem };

export const MARK_BACKGROUND = '#f4c7c3';
/** Heads every note on a value to fix: the problem line after it says what is wrong and what would work, once (issue 17). */
const FIX_NOTE = 'Marked by Check selected cells:';
/** Earlier versions' headings, still recognised so their marks are cleared. */
const EARLIER_NOTES = ['Stripe would drop this value.', 'This is not a link Stripe can use.'];
/** A value Stripe accepts that still goes wrong across rows or for real customers (link-checks.ts). */
const WARNING_NOTE = 'Stripe accepts this, but check it.';

/** What else a cell's verdict depends on: its row's payment link (for the required values) and the naming rules. */
export interface CellContext {
  /** The row's payment-link cell, as it holds it ('' when the tab has no such column). */
  rowLink: unknown;
  rules: NamingRules;
  /** The tab's own spellings (absent: not known), offered as the fix of a value Stripe would drop. */
  spellings?: Spellings | null;
}

const NO_CONTEXT: CellContext = { rowLink: '', rules: NO_RULES, spellings: null };

export function checkCell(column: LinkColumn | null, value: unknown, context: CellContext = NO_CONTEXT): CellVerdict {
  if (column === null || column === 'tagged_link') return { kind: 'not_checked' };
  if (column === 'payment_link') {
    const link = checkLink(value);
    return link.status === 'invalid' ? { kind: 'invalid', problem: link.problem } : { kind: link.status };
  }
  const check = checkValue(column, value);
  if (check.status === 'invalid') {
    const text = typeof value === 'string' ? value : String(value);
    return { kind: 'invalid', problem: preferredFix(check.problem, text, context.rules, context.spellings ?? null) };
  }
  if (column === 'client_reference_id') return { kind: check.status };
  if (check.status === 'valid') {
    const outside = ruleProblem(column, check.text, context.rules);
    return outside === undefined ? { kind: 'valid' } : { kind: 'invalid', problem: outside };
  }
  // An empty source, medium or campaign on a row with a link: that link's sales could never be told apart.
  if (isRequired(column) && !isBlank(context.rowLink)) {
    const link = checkLink(context.rowLink);
    if (!linkCarries(link, column)) return { kind: 'invalid', problem: missingValueProblem(column) };
  }
  return { kind: 'empty' };
}

/** The note on a value to fix: a heading that says whose mark it is, then the problem (what is wrong, what would work). */
export function noteFor(problem: Problem): string {
  return `${FIX_NOTE}\n${describeProblem(problem)}`;
}

/** The note on a cell Stripe accepts but that mixes up sales: `warning` says what and where. */
export function warningNoteFor(warning: string): string {
  return `${WARNING_NOTE}\n${warning}`;
}

/** True for a note this add-on wrote, which it may clear once the value is fixed. */
export function isOurNote(note: unknown): boolean {
  return typeof note === 'string' && [FIX_NOTE, ...EARLIER_NOTES, WARNING_NOTE].some((heading) => note.startsWith(heading));
}

/** Between our words and a note the user had written on the cell, which is kept below them. */
const KEPT_NOTE = '\n\n— Your note:\n';

/** The user's own part of a cell's note ('' when it has none). */
function usersNote(note: string): string {
  if (!isOurNote(note)) return note;
  const kept = note.indexOf(KEPT_NOTE);
  return kept === -1 ? '' : note.slice(kept + KEPT_NOTE.length);
}

/**
 * How a cell is marked and unmarked without losing what a person put there: their own note stays
 * below ours and comes back when the value is fixed; their own fill colour is left as it is.
 */
export interface CellMark {
  note: string;
  /** null is no fill. */
  background: string | null;
}

/** Marks a value Stripe would drop (`problem`), or one it accepts with a mix-up (a note from warningNoteFor). */
export function markCell(current: CellMark, problem: Problem | { note: string }): CellMark {
  const note = 'note' in problem ? problem.note : noteFor(problem);
  const own = usersNote(current.note);
  const background = current.background === null || current.background === MARK_BACKGROUND ? MARK_BACKGROUND : current.background;
  return { note: own === '' ? note : `${note}${KEPT_NOTE}${own}`, background };
}

export function unmarkCell(current: CellMark): CellMark {
  if (!isOurNote(current.note)) return current;
  return { note: usersNote(current.note), background: current.background === MARK_BACKGROUND ? null : current.background };
}
