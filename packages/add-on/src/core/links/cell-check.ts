/**
 * "Check the selected cells": one verdict per cell, by the link column its header names, and
 * the note that explains an invalid one. The add-on only ever clears marks it made itself.
 */

import type { LinkColumn } from '../link-tabs/link-columns';
import { checkLink } from './payment-link';
import { describeProblem, type Problem } from './problem';
import { checkValue } from './validate';

export type CellVerdict = { kind: 'valid' } | { kind: 'empty' } | { kind: 'not_checked' } | { kind: 'invalid'; problem: Problem };

export const MARK_BACKGROUND = '#f4c7c3';
const VALUE_NOTE = 'Stripe would drop this value.';
const LINK_NOTE = 'This is not a link Stripe can use.';
/** A value Stripe accepts that still goes wrong across rows or for real customers (link-checks.ts). */
const WARNING_NOTE = 'Stripe accepts this, but check it.';

export function checkCell(column: LinkColumn | null, value: unknown): CellVerdict {
  if (column === null || column === 'tagged_link') return { kind: 'not_checked' };
  const check = column === 'payment_link' ? checkLink(value) : checkValue(column, value);
  if (check.status === 'empty') return { kind: 'empty' };
  if (check.status === 'valid') return { kind: 'valid' };
  return { kind: 'invalid', problem: check.problem };
}

export function noteFor(problem: Problem): string {
  const heading = problem.parameter === 'payment_link' ? LINK_NOTE : VALUE_NOTE;
  return `${heading}\n${describeProblem(problem)}${problem.suggestion === undefined ? '' : `\nSuggested: ${problem.suggestion}`}`;
}

/** The note on a cell Stripe accepts but that mixes up sales: `warning` says what and where. */
export function warningNoteFor(warning: string): string {
  return `${WARNING_NOTE}\n${warning}`;
}

/** True for a note this add-on wrote, which it may clear once the value is fixed. */
export function isOurNote(note: unknown): boolean {
  return typeof note === 'string' && [VALUE_NOTE, LINK_NOTE, WARNING_NOTE].some((heading) => note.startsWith(heading));
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
