/**
 * The semantics of the add-on's custom functions, as pure functions of what Sheets passes in.
 * src/gas/main.ts only gives them their public names and argument hints.
 */

import { readCell } from '../helpers/cell-value';
import { cleanValue } from '../links/clean';
import { applyPerCell, applyPerRow, FormulaError, type NamedArgument, type RowResult } from './formula-grid';
import { describeProblems, quote } from '../links/problem';
import { LINK_FIELDS } from '../link-tabs/link-columns';
import { LinkChecker, tagLink, type TagInput } from '../links/tag-link';
import { rangeWarnings } from './range-mixups';
import { NO_RULES, type NamingRules } from '../links/naming-rules';

/** UTM_LINK and UTM_ISSUES take the link fields, in order, as their arguments. */
function named(values: readonly unknown[]): NamedArgument[] {
  if (values.length > LINK_FIELDS.length) {
    throw new FormulaError(`expected at most ${LINK_FIELDS.length} arguments (${LINK_FIELDS.join(', ')}), got ${values.length}`);
  }
  return LINK_FIELDS.map((name, index) => ({ name, value: values[index] }));
}

function inputOf(cells: readonly unknown[]): TagInput {
  return {
    payment_link: cells[0],
    utm_source: cells[1],
    utm_medium: cells[2],
    utm_campaign: cells[3],
    utm_term: cells[4],
    utm_content: cells[5],
    client_reference_id: cells[6],
  };
}

/** UTM_LINK: the tagged link per row, or what is wrong with the row instead (a warning keeps the link). */
export function utmLink(values: readonly unknown[], rules: NamingRules = NO_RULES): string | string[][] {
  const links = new LinkChecker();
  return applyPerRow(named(values), (cells): RowResult => {
    const outcome = tagLink(inputOf(cells), links, rules);
    if (outcome.status === 'invalid') return { ok: false, message: describeProblems(outcome.problems) };
    return { ok: true, value: outcome.status === 'tagged' ? outcome.url : '' };
  });
}

/**
 * UTM_ISSUES: "" for a row Stripe keeps whole, else every problem, one per line, then the warnings,
 * those across the range's rows last (range-mixups.ts).
 */
export function utmIssues(values: readonly unknown[], rules: NamingRules = NO_RULES): string | string[][] {
  const links = new LinkChecker();
  const args = named(values);
  // A first pass collects the rows in the order the second visits them.
  const inputs: TagInput[] = [];
  applyPerRow(args, (cells): RowResult => {
    inputs.push(inputOf([...cells]));
    return { ok: true, value: '' };
  });
  const acrossRows = rangeWarnings(inputs, links);
  let next = 0;
  return applyPerRow(args, (cells): RowResult => {
    const shared = acrossRows[next++] ?? [];
    const outcome = tagLink(inputOf(cells), links, rules);
    if (outcome.status === 'empty') return { ok: true, value: '' };
    const problems = outcome.status === 'invalid' ? outcome.problems : [];
    const lines = [describeProblems([...problems, ...(outcome.warnings ?? [])]), ...shared].filter((line) => line !== '');
    return { ok: true, value: lines.join('\n') };
  });
}

function readLowercase(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  const given = typeof value === 'string' ? quote(value) : typeof value === 'number' ? String(value) : 'that';
  throw new FormulaError(`lowercase: use TRUE or FALSE, not ${given}`);
}

/** UTM_CLEAN: a value Stripe keeps, per cell of a range or for a single value. */
export function utmClean(value: unknown, lowercase?: unknown): string | string[][] {
  const lower = readLowercase(lowercase);
  return applyPerCell(value, (one): RowResult => {
    const cell = readCell(one);
    if (cell.kind === 'empty') return { ok: true, value: '' };
    if (cell.kind === 'not_text') return { ok: false, message: `value: ${cell.reason}` };
    const cleaned = cleanValue(cell.text, { lowercase: lower });
    if (cleaned === '') {
      return {
        ok: false,
        message: `value: ${quote(cell.text)} has no letters or digits Stripe accepts; type a value with only letters, digits, - and _`,
      };
    }
    return { ok: true, value: cleaned };
  });
}
