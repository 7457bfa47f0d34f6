/** One row of campaign data in, one tagged link (or every reason it cannot be one) out. */

import { isBlank } from '../helpers/cell-value';
import { LINK_FIELDS, type LinkField } from '../link-tabs/link-columns';
import { checkLink, buildTaggedLink, missingLinkProblem, type LinkCheck } from './payment-link';
import { domainWarning, NO_RULES, ruleProblem, suggestWithinRules, type NamingRules } from './naming-rules';
import type { Problem } from './problem';
import { isRequired, linkCarries, missingValueProblem } from './required';
import { TRACKING_PARAMETERS, type TrackingParameter } from './stripe-rules';
import { checkValue } from './validate';

export type TagInput = { payment_link: unknown } & { [P in TrackingParameter]?: unknown };

/**
 * `warnings` (issue 17): what Stripe accepts but the user should look at (a link off
 * buy.stripe.com and the domains the naming rules list); present only when there is one.
 */
export type TagOutcome =
  | { status: 'empty' }
  | { status: 'tagged'; url: string; warnings?: Problem[] }
  | { status: 'invalid'; problems: Problem[]; warnings?: Problem[] };

/** Checks each distinct link once: a column of links is mostly the same few links. */
export class LinkChecker {
  private readonly checked = new Map<string, LinkCheck>();

  check(value: unknown): LinkCheck {
    if (typeof value !== 'string') return checkLink(value);
    let check = this.checked.get(value);
    if (check === undefined) {
      check = checkLink(value);
      this.checked.set(value, check);
    }
    return check;
  }
}

/** The row's problems and warnings, with `rules` (the user's naming rules) applied. */
export function tagLink(input: TagInput, links: LinkChecker = new LinkChecker(), rules: NamingRules = NO_RULES): TagOutcome {
  const problems: Problem[] = [];
  const values: Array<[TrackingParameter, string]> = [];
  const link = links.check(input.payment_link);

  for (const parameter of TRACKING_PARAMETERS) {
    const check = checkValue(parameter, input[parameter]);
    if (check.status === 'valid') {
      values.push([parameter, check.text]);
      const outside = parameter === 'client_reference_id' ? undefined : ruleProblem(parameter, check.text, rules);
      if (outside) problems.push(outside);
    } else if (check.status === 'invalid') problems.push(suggestWithinRules(check.problem, rules));
    else if (link.status === 'valid') {
      // Kept from the link as it is, so Stripe will see it: it must pass too.
      const inLink = link.link.existingProblems[parameter];
      if (inLink) problems.push(inLink);
      else if (parameter !== 'client_reference_id' && linkCarries(link, parameter)) {
        const outside = ruleProblem(parameter, link.link.existing[parameter]?.[0]?.value ?? '', rules);
        if (outside) problems.push({ ...outside, reason: `in the link, ${outside.reason}` });
      } else if (isRequired(parameter)) problems.push(missingValueProblem(parameter));
    }
  }

  if (link.status === 'empty') {
    if (problems.length === 0 && values.length === 0) return { status: 'empty' };
    problems.unshift(missingLinkProblem());
  } else if (link.status === 'invalid') {
    problems.unshift(link.problem);
  }
  const warning = link.status === 'valid' ? domainWarning(link.link.text, rules) : undefined;
  const warnings = warning === undefined ? {} : { warnings: [warning] };
  if (problems.length > 0 || link.status !== 'valid') return { status: 'invalid', problems, ...warnings };
  return { status: 'tagged', url: buildTaggedLink(link.link, values), ...warnings };
}

/** The values a row is tagged from: `primary`'s, and `fallback`'s where `primary` is blank. */
export function mergeFields(primary: Partial<Record<LinkField, unknown>>, fallback: Partial<Record<LinkField, unknown>>): TagInput {
  const merged: Partial<Record<LinkField, unknown>> = {};
  for (const field of LINK_FIELDS) merged[field] = isBlank(primary[field]) ? fallback[field] : primary[field];
  return merged as TagInput;
}

/**
 * What the form fills in a row: each field the user typed a value for whose cell in the row is
 * empty (or has no column). A filled cell is the row's own and keeps its value; the row's link is
 * built with these filled in, so it carries nothing the row does not show.
 */
export function formFills(
  own: Partial<Record<LinkField, unknown>>,
  typed: Partial<Record<LinkField, string>>,
): Partial<Record<LinkField, string>> {
  const fills: Partial<Record<LinkField, string>> = {};
  for (const field of LINK_FIELDS) {
    const value = typed[field];
    if (value !== undefined && value !== '' && isBlank(own[field])) fills[field] = value;
  }
  return fills;
}

/** What a cell shows, as the user would read it in a question about replacing it. */
function shownText(value: unknown, formula: string): string {
  if (isBlank(value)) return formula;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** True when the cell already shows exactly `text`: writing it again would change nothing the user sees. */
export function cellShows(value: unknown, text: string): boolean {
  return typeof value === 'string' ? value === text : typeof value === 'number' && String(value) === text;
}

/**
 * What writing `next` would replace: the cell's text when it is filled (a value or a formula) with
 * something else, or null when the write loses nothing.
 */
export function replacedText(value: unknown, formula: string, next: string): string | null {
  if (isBlank(value) && formula === '') return null;
  if (cellShows(value, next)) return null;
  return shownText(value, formula);
}
