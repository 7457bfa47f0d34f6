/**
 * A payment link checked once and ready to be tagged many times: `=UTM_LINK` over a column
 * usually repeats the same few links, so the parsing is done once per distinct link.
 */

import { readCell } from '../helpers/cell-value';
import { type Problem, listInWords, quote } from './problem';
import { splitLink, parseQuery } from './query-string';
import { isTrackingParameter, type TrackingParameter } from './stripe-rules';
import { checkText } from './validate';

export interface PreparedLink {
  /** The link exactly as given. */
  text: string;
  /** The link before its `?` or `#`. */
  base: string;
  /** What a tagged link starts with: the link up to its query, plus `?` or `&` as needed. */
  prefix: string;
  /** `#fragment`, or empty. */
  suffix: string;
  /** The query's segments, exactly as written. */
  segments: string[];
  /** Where each tracking parameter already stands in the query, and its decoded value. */
  existing: Partial<Record<TrackingParameter, Array<{ index: number; value: string | null }>>>;
  hasExisting: boolean;
  /** What Stripe would make of the tracking values already in the link, if they are kept. */
  existingProblems: Partial<Record<TrackingParameter, Problem>>;
}

export type LinkCheck = { status: 'empty' } | { status: 'valid'; link: PreparedLink } | { status: 'invalid'; problem: Problem };

const PARAMETER = 'payment_link';
const PASTE_HINT = 'paste the Stripe Payment Link (https://buy.stripe.com/...)';
// RFC 3986's unreserved, reserved and `%`: anything else must be percent-encoded in a link.
const URL_CHARACTER = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?(?::\d{1,5})?$/;
const LOOKS_LIKE_HOST = /^(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:[/?#:]|$)/;

function invalid(reason: string, suggestion?: string): LinkCheck {
  return {
    status: 'invalid',
    problem: {
      parameter: PARAMETER,
      code: 'link_invalid',
      reason: suggestion === undefined ? reason : `${reason}. Try ${suggestion}`,
      ...(suggestion === undefined ? {} : { suggestion }),
    },
  };
}

function characterName(char: string): string {
  if (char === ' ') return 'a space';
  if (/\s/.test(char)) return 'a line break or tab';
  if (/[\p{Cc}\p{Cf}]/u.test(char)) return 'an invisible character';
  return `"${char}"`;
}

/** The part of an https link after `https://` up to the path, or null when the host is unusable. */
function hostProblem(afterScheme: string): string | null {
  const end = afterScheme.search(/[/?#]/);
  const authority = end === -1 ? afterScheme : afterScheme.slice(0, end);
  if (authority === '') return 'has no domain after https://';
  if (authority.indexOf('@') !== -1) return 'has a user name or "@" before the domain';
  if (!HOST.test(authority)) return `has an invalid domain ${quote(authority)}`;
  return null;
}

/** Everything wrong with a link's shape, and the link that would fix it when one can be inferred. */
function diagnose(text: string): { reasons: string[]; fixed: string | null } {
  const reasons: string[] = [];
  const trimmed = text.trim();
  if (trimmed !== text) {
    const edge = (char: string | undefined, where: string): string =>
      char === '\n' || char === '\r' ? `a ${where} line break` : char === '\t' ? `a ${where} tab` : `a ${where} space`;
    const around = [
      ...(/^\s/.test(text) ? [edge(text[0], 'leading')] : []),
      ...(/\s$/.test(text) ? [edge(text[text.length - 1], 'trailing')] : []),
    ];
    reasons.push(
      around.length === 2 && around[0] === 'a leading space' && around[1] === 'a trailing space'
        ? 'has spaces around it'
        : `has ${listInWords(around)}`,
    );
  }
  const bad: string[] = [];
  for (const char of Array.from(trimmed)) {
    if (!URL_CHARACTER.test(char)) {
      const name = characterName(char);
      if (bad.indexOf(name) === -1) bad.push(name);
    }
  }
  if (bad.length > 0) {
    reasons.push(`has ${listInWords(bad)}, which a link cannot contain`);
    return { reasons, fixed: null };
  }

  // `buy.stripe.com:443/x` is a host and port, not a scheme named `buy.stripe.com`.
  const scheme = SCHEME.exec(trimmed)?.[1]?.indexOf('.') === -1 ? SCHEME.exec(trimmed) : null;
  let fixed: string | null = trimmed;
  if (!scheme) {
    if (!LOOKS_LIKE_HOST.test(trimmed)) return { reasons: [...reasons, 'is not a link'], fixed: null };
    reasons.push('does not start with https://');
    fixed = `https://${trimmed}`;
  } else {
    const name = (scheme[1] ?? '').toLowerCase();
    if (name === 'http' && /^http:\/\//i.test(trimmed)) {
      reasons.push('starts with http://, not https://');
      fixed = `https${trimmed.slice(4)}`;
    } else if (name !== 'https' && name !== 'http') {
      return { reasons: [...reasons, `starts with ${name}:, not https://`], fixed: null };
    }
  }
  if (!/^https:\/\//i.test(fixed)) return { reasons: [...reasons, 'is not a complete https:// link'], fixed: null };
  const host = hostProblem(fixed.slice('https://'.length));
  if (host !== null) return { reasons: [...reasons, host], fixed: null };
  return { reasons, fixed };
}

function prepare(text: string): PreparedLink {
  const parts = splitLink(text);
  const segments = parts.query === null ? [] : parts.query.split('&');
  const existing: PreparedLink['existing'] = {};
  let hasExisting = false;
  if (parts.query !== null) {
    parseQuery(parts.query).forEach((parameter, index) => {
      if (parameter.name === null || !isTrackingParameter(parameter.name)) return;
      (existing[parameter.name] ??= []).push({ index, value: parameter.value });
      hasExisting = true;
    });
  }
  const existingProblems: PreparedLink['existingProblems'] = {};
  for (const name of Object.keys(existing) as TrackingParameter[]) {
    const problem = problemInLink(name, existing[name] ?? []);
    if (problem) existingProblems[name] = problem;
  }
  const query = parts.query;
  const prefix = parts.base + '?' + (query === null || query === '' || query.endsWith('&') ? (query ?? '') : `${query}&`);
  return {
    text,
    base: parts.base,
    prefix,
    suffix: parts.fragment === null ? '' : `#${parts.fragment}`,
    segments,
    existing,
    hasExisting,
    existingProblems,
  };
}

const REPLACE_HINT = 'give a value for it here to replace it';

function problemInLink(parameter: TrackingParameter, places: ReadonlyArray<{ value: string | null }>): Problem | undefined {
  if (places.length > 1) {
    return {
      parameter,
      code: 'repeated_in_link',
      reason: `appears ${places.length} times in the link and Stripe keeps only one; remove the repeats from the link or ${REPLACE_HINT}`,
    };
  }
  const value = places[0]?.value;
  if (value === null) {
    return {
      parameter,
      code: 'invalid_characters',
      reason: `in the link, its value is not valid URL encoding; Stripe would drop it. Fix the link or ${REPLACE_HINT}`,
    };
  }
  if (value === undefined || value === '') return undefined;
  const check = checkText(parameter, value);
  if (check.status !== 'invalid') return undefined;
  // "is 151 characters long" needs a subject once it follows "in the link,".
  const reason = check.problem.reason.startsWith('is ') ? `its value ${check.problem.reason}` : check.problem.reason;
  return { ...check.problem, reason: `in the link, ${reason}` };
}

/** Checks a payment link cell: it must be an https link with a real domain, with nothing around it. */
export function checkLink(value: unknown): LinkCheck {
  const cell = readCell(value);
  if (cell.kind === 'empty') return { status: 'empty' };
  if (cell.kind === 'not_text') return invalid(cell.reason);
  const { reasons, fixed } = diagnose(cell.text);
  if (reasons.length === 0) return { status: 'valid', link: prepare(cell.text) };
  const said = `${quote(cell.text)} ${listInWords(reasons)}`;
  return fixed === null ? invalid(`${said}; ${PASTE_HINT}`) : invalid(said, fixed);
}

/** The problem for an empty link on a row that has other values. */
export function missingLinkProblem(): Problem {
  return { parameter: PARAMETER, code: 'link_missing', reason: `is empty; ${PASTE_HINT}` };
}

/**
 * The link with `values` set: a parameter already in the link is replaced where it stands (its
 * repeats removed), new ones are appended in the given order, the rest of the query and the
 * fragment are kept as written. Values must already be valid.
 */
export function buildTaggedLink(link: PreparedLink, values: ReadonlyArray<readonly [TrackingParameter, string]>): string {
  if (values.length === 0) return link.text;
  if (!link.hasExisting) {
    let pairs = '';
    for (const [name, value] of values) pairs += (pairs === '' ? '' : '&') + name + '=' + encodeURIComponent(value);
    return link.prefix + pairs + link.suffix;
  }
  const segments: Array<string | null> = link.segments.slice();
  const appended: string[] = [];
  for (const [name, value] of values) {
    const pair = `${name}=${encodeURIComponent(value)}`;
    const places = link.existing[name];
    if (places === undefined) {
      appended.push(pair);
      continue;
    }
    places.forEach((place, n) => (segments[place.index] = n === 0 ? pair : null));
  }
  const kept = segments.filter((segment): segment is string => segment !== null);
  if (appended.length > 0 && kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  const query = [...kept, ...appended].join('&');
  return `${link.base}?${query}${link.suffix}`;
}
