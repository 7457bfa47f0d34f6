/**
 * What Tag selected rows could not tag, by problem rather than by row (issue 17): 200 pasted rows
 * with the same space in their campaign are one line, `120 rows: utm_campaign has a space; ...
 * (rows 8, 9, 10 and 117 more). Suggested: "Spring Sale" → Spring_Sale, ...`, not 120.
 */

import { readCell } from '../helpers/cell-value';
import { listFirst, quote, type Problem } from '../links/problem';
import type { Untagged } from '../contracts/sidebar-api';
import { describeRows, fixQuestion, type SuggestedFix } from './suggested-fixes';

export interface ProblemGroup {
  /** What is wrong, without any row's value: `utm_campaign has a space; Stripe would drop it`. */
  problem: string;
  /** Every row that has it, in order. */
  rows: number[];
  /** The line to show: how many rows, the problem, the first few rows, the first few suggestions. */
  summary: string;
}

/** A row that could not be tagged: its problems, and the values it was tagged from (by parameter). */
export interface UntaggedRow {
  row: number;
  problems: readonly Problem[];
  values: Readonly<Record<string, unknown>>;
}

/** The value a problem is about, as text, or null (not text, or not one of the row's values). */
function valueText(row: UntaggedRow, problem: Problem): string | null {
  const cell = readCell(row.values[problem.parameter]);
  return cell.kind === 'text' ? cell.text : null;
}

/** The problem without the row's value and its suggestion, so rows with the same mistake share it. */
export function problemHeadline(problem: Problem, text: string | null): string {
  let reason = problem.reason;
  const quoted = text === null ? null : `${quote(text)} `;
  if (quoted !== null && reason.startsWith(quoted)) reason = reason.slice(quoted.length);
  if (problem.suggestion !== undefined) {
    // The hint may go on (`Try facebook, as the "UTM rules" tab spells it`): the rows' examples say it.
    const at = reason.lastIndexOf(`. Try ${problem.suggestion}`);
    if (at !== -1) reason = reason.slice(0, at);
  }
  return `${problem.parameter} ${reason}`;
}

/** The rows' problems grouped by headline, in the order each first appears. */
export function groupProblems(rows: readonly UntaggedRow[]): ProblemGroup[] {
  const groups = new Map<string, { rows: number[]; examples: string[] }>();
  for (const row of rows) {
    for (const problem of row.problems) {
      const text = valueText(row, problem);
      const headline = problemHeadline(problem, text);
      const group = groups.get(headline) ?? { rows: [], examples: [] };
      if (group.rows[group.rows.length - 1] !== row.row) group.rows.push(row.row);
      const example = problem.suggestion === undefined || text === null ? null : `${quote(text)} → ${problem.suggestion}`;
      // Pasted rows repeat a value: each suggestion is said once.
      if (example !== null && group.examples.indexOf(example) === -1) group.examples.push(example);
      groups.set(headline, group);
    }
  }
  return [...groups].map(([problem, { rows: at, examples }]) => ({
    problem,
    rows: at,
    summary:
      `${String(at.length)} ${at.length === 1 ? 'row' : 'rows'}: ${problem} (${describeRows(at)}).` +
      (examples.length === 0 ? '' : ` Suggested: ${listFirst(examples, 3)}.`),
  }));
}

/** What Tag selected rows says of the rows it could not tag: by problem, with the fixes of their own cells and the question offering them. */
export function describeUntagged(rows: readonly UntaggedRow[], fixes: SuggestedFix[]): Untagged {
  return { problems: groupProblems(rows), fixes, fixQuestion: fixQuestion(fixes) };
}
