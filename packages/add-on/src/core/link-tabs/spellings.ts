/**
 * The spellings a links tab already uses, and the rule that two values are one name spelled
 * differently: the same once cleaned and lowercased (`Spring Sale`, `spring_sale`). The link
 * builder offers the tab's spelling as you type; Check selected cells and Tag selected rows offer
 * it as their fix (issue 17: a bulk fix must not start a second spelling beside the tab's own).
 * Naming rules come first: where a parameter has a list, the list spells it.
 */

import { cleanValue } from '../links/clean';
import { NO_RULES, suggestWithinRules, type NamingRules } from '../links/naming-rules';
import type { Problem } from '../links/problem';
import { TRACKING_PARAMETERS, UTM_PARAMETERS, type TrackingParameter } from '../links/stripe-rules';
import { checkValue } from '../links/validate';

export interface UsedValue {
  value: string;
  /** How many rows of the tab use it. */
  rows: number;
}

export type Spellings = Record<TrackingParameter, UsedValue[]>;

/** How many values of a column the link builder is sent (most used first). */
export const MAX_USED_VALUES = 50;

/**
 * Values used in `column` (1-based) that Stripe keeps, most used first: a suggestion must never be
 * one Stripe drops. `data[0]` is the header row.
 */
export function usedValues(data: readonly (readonly unknown[])[], parameter: TrackingParameter, column: number | undefined): UsedValue[] {
  const counts = new Map<string, number>();
  if (column !== undefined) {
    for (let r = 1; r < data.length; r++) {
      const check = checkValue(parameter, data[r]?.[column - 1]);
      if (check.status === 'valid') counts.set(check.text, (counts.get(check.text) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_USED_VALUES)
    .map(([value, rows]) => ({ value, rows }));
}

/** Every parameter's used values, from a tab's data under its header (columns 1-based, by parameter). */
export function tabSpellings(data: readonly (readonly unknown[])[], columns: Partial<Record<TrackingParameter, number>>): Spellings {
  const spellings = {} as Spellings;
  for (const parameter of TRACKING_PARAMETERS) spellings[parameter] = usedValues(data, parameter, columns[parameter]);
  return spellings;
}

const key = (value: string): string => cleanValue(value, { lowercase: true, maxLength: 1000 });

/** The tab's own spelling of `value` when the tab spells it differently (most used first), else undefined. */
export function spelledAs(parameter: TrackingParameter, value: string, used: readonly UsedValue[]): UsedValue | undefined {
  const wanted = key(value);
  if (wanted === '') return undefined;
  return used.find((one) => one.value !== value && checkValue(parameter, one.value).status === 'valid' && key(one.value) === wanted);
}

/**
 * A value Stripe would drop whose name the tab already spells (`Spring Sale` beside `spring_sale`):
 * its fix becomes the tab's spelling rather than a new one (`Spring_Sale`). Unchanged otherwise,
 * and for a problem whose fix is not "Try <value>" (the naming rules' own, say).
 */
export function suggestAsSpelled(problem: Problem, value: string, spellings: Spellings | null, rules: NamingRules = NO_RULES): Problem {
  const parameter = UTM_PARAMETERS.find((name) => name === problem.parameter);
  // A reference is one row's own: never offer another row's. A listed parameter is spelled by its list.
  if (parameter === undefined || rules.allowed[parameter] !== undefined) return problem;
  if (spellings === null || problem.suggestion === undefined) return problem;
  const hint = `Try ${problem.suggestion}`;
  if (!problem.reason.endsWith(hint)) return problem;
  const used = spelledAs(parameter, value, spellings[parameter]);
  if (used === undefined || used.value === problem.suggestion) return problem;
  const rows = used.rows === 1 ? '1 row of this tab spells it' : `${String(used.rows)} rows of this tab spell it`;
  return { ...problem, reason: `${problem.reason.slice(0, -hint.length)}Try ${used.value}, as ${rows}`, suggestion: used.value };
}

/**
 * The fix offered for a value Stripe would drop, the one rule every place applies (the functions,
 * Check selected cells, Tag selected rows, the link builder): the naming rules' closest allowed
 * value where the parameter has a list, else the tab's own spelling, else the cleaned value.
 */
export function preferredFix(problem: Problem, value: string, rules: NamingRules, spellings: Spellings | null): Problem {
  return suggestAsSpelled(suggestWithinRules(problem, rules), value, spellings, rules);
}
