/**
 * The user's naming rules (issue 17): an optional tab listing the allowed values of each UTM
 * parameter, and the custom domains their Payment Links live on. Governance tools start here: one
 * spelling per source (`facebook`, never `Facebook_Ads` beside it), so revenue per campaign adds
 * up. Pure: the gas side reads the tab (gas/links/naming-rules.ts), everything else is decided here.
 *
 * A rules tab is recognised by its header row (row 1, like every tab the add-on reads): each
 * non-empty cell names a rule column (a UTM parameter as the link tabs' headers name it, or
 * `payment_link_domain`), at least one does, and none is named twice. So a links tab (it has a
 * payment-link column), the add-on's own tabs and any tab of other data (a `Budget` or `Notes`
 * column) are never taken for rules. Several rules tabs add up: a value listed in any is allowed.
 */

import { headerKey } from '../helpers/header-names';
import { linkColumnOf } from '../link-tabs/link-columns';
import { listFirst, quote, type Problem } from './problem';
import { UTM_PARAMETERS, type UtmParameter } from './stripe-rules';

export type RuleColumn = UtmParameter | 'payment_link_domain';

export interface NamingRules {
  /** The allowed values of each parameter that has a list, in the tab's order, each once; a parameter missing here takes anything. */
  allowed: Partial<Record<UtmParameter, string[]>>;
  /** Hosts (lowercase) the user's Payment Links may live on besides buy.stripe.com. */
  domains: string[];
  /** The rules tabs read, in tab order: what a message names. */
  tabs: string[];
}

export const NO_RULES: NamingRules = { allowed: {}, domains: [], tabs: [] };

const DOMAIN_HEADERS = new Set(['paymentlinkdomain', 'paymentlinkdomains', 'customdomain', 'customdomains']);

/** The rule column a header names, or null (a payment-link, reference or tagged-link header is no rule). */
export function ruleColumnOf(header: unknown): RuleColumn | null {
  if (DOMAIN_HEADERS.has(headerKey(header))) return 'payment_link_domain';
  const column = linkColumnOf(header);
  return column !== null && (UTM_PARAMETERS as readonly string[]).indexOf(column) !== -1 ? (column as UtmParameter) : null;
}

/** Where each rule column is (0-based), when `header` is a rules tab's header row; else null. */
export function locateRuleColumns(header: readonly unknown[]): Map<RuleColumn, number> | null {
  const found = new Map<RuleColumn, number>();
  for (let index = 0; index < header.length; index++) {
    const cell = header[index];
    if (cell === '' || cell === null || cell === undefined) continue;
    const column = ruleColumnOf(cell);
    if (column === null || found.has(column)) return null;
    found.set(column, index);
  }
  return found.size === 0 ? null : found;
}

/** A listed domain as a host: `https://Pay.Example.com/` and `pay.example.com` are one. */
export function domainOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/s, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
}

function cellText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** The rules of one tab (`values` as getValues gives them), or null when it is not a rules tab. */
export function readRulesTab(tab: string, values: readonly (readonly unknown[])[]): NamingRules | null {
  const columns = locateRuleColumns(values[0] ?? []);
  if (columns === null) return null;
  const rules: NamingRules = { allowed: {}, domains: [], tabs: [tab] };
  for (const [column, index] of columns) {
    const listed: string[] = [];
    for (let r = 1; r < values.length; r++) {
      const text = cellText(values[r]?.[index]);
      const value = column === 'payment_link_domain' ? domainOf(text) : text;
      if (value !== '' && listed.indexOf(value) === -1) listed.push(value);
    }
    if (column === 'payment_link_domain') rules.domains = listed;
    else if (listed.length > 0) rules.allowed[column] = listed;
  }
  return rules;
}

/** Several rules tabs as one: their lists added together, in tab order. */
export function mergeRules(all: readonly NamingRules[]): NamingRules {
  const merged: NamingRules = { allowed: {}, domains: [], tabs: [] };
  const add = (into: string[], values: readonly string[]): void => {
    for (const value of values) if (into.indexOf(value) === -1) into.push(value);
  };
  for (const rules of all) {
    merged.tabs.push(...rules.tabs);
    add(merged.domains, rules.domains);
    for (const parameter of UTM_PARAMETERS) {
      const values = rules.allowed[parameter];
      if (values !== undefined) add((merged.allowed[parameter] ??= []), values);
    }
  }
  return merged;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Lowercase without `-` and `_`: `Face-Book` and `facebook` are one word. */
const loose = (text: string): string => text.toLowerCase().replace(/[-_]/g, '');

/**
 * The allowed value closest to `text`, or undefined when none is close. In this order: the same
 * letters in other case or with other `-`/`_` (`Facebook`, `face_book` → `facebook`); the longest
 * allowed value that starts `text` or that `text` starts (`Facebook_Ads` → `facebook`,
 * `insta` → `instagram`: at least 3 letters); else the fewest letter edits, at most a third of
 * the value's length (`facebok` → `facebook`). Ties go to the value listed first.
 */
export function closestAllowed(text: string, allowed: readonly string[]): string | undefined {
  const key = loose(text);
  const same = allowed.find((value) => loose(value) === key);
  if (same !== undefined) return same;
  let best: string | undefined;
  for (const value of allowed) {
    const other = loose(value);
    const shorter = Math.min(other.length, key.length);
    if (shorter >= 3 && (key.startsWith(other) || other.startsWith(key)) && (best === undefined || other.length > loose(best).length))
      best = value;
  }
  if (best !== undefined) return best;
  let fewest = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const value of allowed) {
    const edits = levenshtein(key, loose(value));
    if (edits < fewest) {
      fewest = edits;
      best = value;
    }
  }
  return best;
}

function whereRulesAre(rules: NamingRules): string {
  return rules.tabs.length === 1
    ? `the "${rules.tabs[0] ?? ''}" tab`
    : `your naming rules (${rules.tabs.map((tab) => `"${tab}"`).join(', ')})`;
}

/** A value Stripe accepts but the naming rules do not list for `parameter`; undefined when it is listed or the parameter takes anything. */
export function ruleProblem(parameter: UtmParameter, text: string, rules: NamingRules): Problem | undefined {
  const allowed = rules.allowed[parameter];
  if (allowed === undefined || allowed.indexOf(text) !== -1) return undefined;
  const suggestion = closestAllowed(text, allowed);
  const onlyCase = suggestion !== undefined && suggestion.toLowerCase() === text.toLowerCase();
  const listed = onlyCase ? `is listed as ${suggestion} in ${whereRulesAre(rules)}` : `is not in the list of ${whereRulesAre(rules)}`;
  const fix = suggestion === undefined ? `use one of ${listFirst(allowed)}, or add it to the list` : `Try ${suggestion}`;
  return {
    parameter,
    code: 'not_allowed',
    reason: `${quote(text)} ${listed}; sales under two spellings are counted apart. ${fix}`,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

/**
 * A value Stripe would drop, on a parameter with a list: its suggestion becomes the allowed value
 * closest to the cleaned one (`Facebook Ads` → `facebook`, not `Facebook_Ads`), so applying it
 * satisfies Stripe and the rules in one fix. Unchanged when the cleaned value is listed or nothing
 * listed is close.
 */
export function suggestWithinRules(problem: Problem, rules: NamingRules): Problem {
  const parameter = UTM_PARAMETERS.find((name) => name === problem.parameter);
  const allowed = parameter === undefined ? undefined : rules.allowed[parameter];
  const cleaned = problem.suggestion;
  if (allowed === undefined || cleaned === undefined || allowed.indexOf(cleaned) !== -1) return problem;
  const closest = closestAllowed(cleaned, allowed);
  const hint = `Try ${cleaned}`;
  if (closest === undefined || !problem.reason.endsWith(hint)) return problem;
  return {
    ...problem,
    reason: `${problem.reason.slice(0, -hint.length)}Try ${closest}, as ${whereRulesAre(rules)} spells it`,
    suggestion: closest,
  };
}

const STRIPE_HOST = 'buy.stripe.com';

/**
 * A warning, never an error, for a link that is neither on buy.stripe.com nor on a domain the
 * rules list: Payment Links can live on a merchant's own domain, and a typo'd or landing-page link
 * carries the tags to no checkout.
 */
export function domainWarning(link: string, rules: NamingRules): Problem | undefined {
  const host = domainOf(link);
  if (host === STRIPE_HOST || rules.domains.indexOf(host) !== -1) return undefined;
  const fix =
    rules.tabs.length === 0
      ? 'list it in a naming rules tab, a tab whose header is payment_link_domain'
      : `add it to the payment_link_domain column of ${whereRulesAre(rules)}`;
  return {
    parameter: 'payment_link',
    code: 'not_payment_link_domain',
    reason: `${host} is not ${STRIPE_HOST} nor a domain listed in your naming rules; if it is your Payment Links' custom domain, ${fix}`,
  };
}
