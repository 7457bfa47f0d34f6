/** What the form says about each field: its label, an example, whether it is required, a hint. */

import type { LinkField } from '../core/link-tabs/link-columns';
import { referenceBase } from '../core/link-tabs/references';
import type { TrackingParameter } from '../core/links/stripe-rules';

/** Without its source, medium and campaign a link's sales cannot be told apart per campaign (issue 17). */
export const REQUIRED_FIELDS: readonly TrackingParameter[] = ['utm_source', 'utm_medium', 'utm_campaign'];

export const LABELS: Record<LinkField, { label: string; example: string; hint?: string }> = {
  payment_link: { label: 'Payment link', example: 'https://buy.stripe.com/...' },
  utm_source: { label: 'Source (utm_source)', example: 'newsletter, facebook, google' },
  utm_medium: { label: 'Medium (utm_medium)', example: 'email, cpc, social' },
  utm_campaign: { label: 'Campaign (utm_campaign)', example: 'spring_sale' },
  utm_term: { label: 'Term (utm_term), optional', example: 'running_shoes' },
  utm_content: { label: 'Content (utm_content), optional', example: 'hero_button' },
  client_reference_id: {
    label: 'Reference (client_reference_id), optional',
    example: 'summer_sale-1',
    hint: 'One per link row; left empty, the add-on makes one.',
  },
};

export function isRequiredField(field: LinkField): boolean {
  return (REQUIRED_FIELDS as readonly string[]).indexOf(field) !== -1;
}

/**
 * The reference the add-on would make for this campaign (or source), as an example: one per link
 * row, never per order. `summer_sale-1` while neither is typed.
 */
export function referenceExample(campaign: string, source: string): string {
  if (campaign.trim() === '' && source.trim() === '') return LABELS.client_reference_id.example;
  return `${referenceBase(campaign, source)}-1`;
}
