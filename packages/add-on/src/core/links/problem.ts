/** One reason a value would not survive the trip through Stripe, worded for a marketer. */

export type ProblemCode =
  | 'invalid_characters'
  | 'too_long'
  | 'only_spaces'
  | 'not_text'
  | 'link_missing'
  | 'link_invalid'
  | 'repeated_in_link'
  // Issue 17: utm_source, utm_medium or utm_campaign empty on a row with a link.
  | 'missing_required'
  // Issue 17: a value outside the user's naming rules (an error), a link off buy.stripe.com and the listed domains (a warning).
  | 'not_allowed'
  | 'not_payment_link_domain';

export interface Problem {
  /** `utm_campaign`, `client_reference_id`, `payment_link`, ... */
  parameter: string;
  code: ProblemCode;
  /** The sentence after the parameter name: `"Spring Sale" has a space; Stripe would drop it. Try Spring_Sale` */
  reason: string;
  /** A valid replacement, when one exists: what a one-click fix writes. */
  suggestion?: string;
}

/** `utm_campaign: "Spring Sale" has a space; ...` */
export function describeProblem(problem: Problem): string {
  return `${problem.parameter}: ${problem.reason}`;
}

/** Several problems, one per line, as a cell or a note shows them. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map(describeProblem).join('\n');
}

const QUOTE_LIMIT = 40;

/** A value quoted for a message: invisible characters made visible, long values shortened. */
export function quote(text: string): string {
  const chars = Array.from(text);
  const shown = chars.length > QUOTE_LIMIT ? chars.slice(0, QUOTE_LIMIT - 1).join('') + '…' : text;
  return `"${shown.replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\r' ? '⏎' : c === '\t' ? '⇥' : '�'))}"`;
}

/** `a, b, c and 4 more`: a long list as its first few. */
export function listFirst(items: readonly string[], few = 4): string {
  if (items.length <= few + 1) return listInWords(items);
  return `${items.slice(0, few).join(', ')} and ${String(items.length - few)} more`;
}

/** `a`, `a and b`, `a, b and c` */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
