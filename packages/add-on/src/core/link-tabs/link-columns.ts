/**
 * Which column of a campaign tab holds which part of a link, read from the header row: the
 * add-on never assumes positions. Headers are matched loosely, the way people write them:
 * `utm_source`, `UTM Source`, `Source`, `Payment link`, `Reference`.
 */

import { headerKey } from '../helpers/header-names';
import { TRACKING_PARAMETERS, UTM_PARAMETERS, type TrackingParameter } from '../links/stripe-rules';

export type LinkField = 'payment_link' | TrackingParameter;
export type LinkColumn = LinkField | 'tagged_link';

/** The parts of a tagged link, in the order UTM_LINK takes them as arguments. */
export const LINK_FIELDS: readonly LinkField[] = ['payment_link', ...TRACKING_PARAMETERS];

const ALIASES: Record<LinkColumn, readonly string[]> = {
  payment_link: ['paymentlink', 'stripelink', 'stripepaymentlink', 'link', 'url', 'buylink'],
  utm_source: ['utmsource', 'source'],
  utm_medium: ['utmmedium', 'medium'],
  utm_campaign: ['utmcampaign', 'campaign', 'campaignname'],
  utm_term: ['utmterm', 'term', 'keyword'],
  utm_content: ['utmcontent', 'content', 'adcontent'],
  client_reference_id: ['clientreferenceid', 'clientreference', 'referenceid', 'reference', 'clientref', 'ref'],
  tagged_link: ['taggedlink', 'trackedlink', 'trackinglink', 'utmlink'],
};

const BY_ALIAS = new Map<string, LinkColumn>();
for (const [column, aliases] of Object.entries(ALIASES) as Array<[LinkColumn, readonly string[]]>) {
  for (const alias of aliases) BY_ALIAS.set(alias, column);
}

/** The link column a header names, or null. */
export function linkColumnOf(header: unknown): LinkColumn | null {
  return BY_ALIAS.get(headerKey(header)) ?? null;
}

/** 1-based column of each link column in the header row; the first header that names it wins. */
export function locateLinkColumns(headerRow: readonly unknown[]): Partial<Record<LinkColumn, number>> {
  const found: Partial<Record<LinkColumn, number>> = {};
  headerRow.forEach((header, index) => {
    const column = linkColumnOf(header);
    if (column !== null && found[column] === undefined) found[column] = index + 1;
  });
  return found;
}

/** A links tab's header row: a payment-link column and at least one utm_ column (the design's definition). */
export function isLinkHeader(headerRow: readonly unknown[]): boolean {
  const columns = locateLinkColumns(headerRow);
  return columns.payment_link !== undefined && UTM_PARAMETERS.some((parameter) => columns[parameter] !== undefined);
}
