/**
 * The three values every tagged link needs (issue 17): a link without its source, medium or
 * campaign can never be told apart in revenue per campaign, so a row with a link that leaves one
 * empty is flagged, naming it. The other parameters add nothing when empty.
 */

import type { LinkCheck } from './payment-link';
import type { Problem } from './problem';
import type { TrackingParameter, UtmParameter } from './stripe-rules';

export const REQUIRED_PARAMETERS = ['utm_source', 'utm_medium', 'utm_campaign'] as const;

export type RequiredParameter = (typeof REQUIRED_PARAMETERS)[number];

export function isRequired(parameter: TrackingParameter): parameter is RequiredParameter {
  return (REQUIRED_PARAMETERS as readonly string[]).indexOf(parameter) !== -1;
}

const WHAT: Record<RequiredParameter, string> = {
  utm_source: 'where the traffic comes from, like newsletter or facebook',
  utm_medium: 'the kind of traffic, like email or cpc',
  utm_campaign: 'the campaign, like spring_sale',
};

export function missingValueProblem(parameter: RequiredParameter): Problem {
  return {
    parameter,
    code: 'missing_required',
    reason: `is empty; without it this link's sales cannot be told apart in revenue per campaign. Type ${WHAT[parameter]}`,
  };
}

/** True when the link itself already carries a value for `parameter` (kept as it is, so Stripe sees it). */
export function linkCarries(link: LinkCheck, parameter: UtmParameter): boolean {
  if (link.status !== 'valid') return false;
  return (link.link.existing[parameter] ?? []).some((place) => place.value !== null && place.value !== '');
}
