/**
 * Which of the sidebar's writes can succeed with the form as it stands, and if not, what to do
 * first (issue 17: the buttons stayed enabled while fields were red). Only what cannot succeed is
 * blocked: Insert merges the form with the active row's own cells, and Tag selected rows sends
 * only the values the user typed, each row keeping its own cells.
 */

import { typedFields, type LinkFields } from '../core/contracts/sidebar-api';
import { LINK_FIELDS, type LinkField } from '../core/link-tabs/link-columns';
import { checkLink } from '../core/links/payment-link';
import { listInWords } from '../core/links/problem';
import type { TrackingParameter } from '../core/links/stripe-rules';
import { REQUIRED_FIELDS } from './labels';

export interface Blockers {
  /** Why Insert into active row cannot succeed, or null. */
  insert: string | null;
  /** Why Tag selected rows cannot succeed, or null. */
  tag: string | null;
}

function nameOf(field: LinkField): string {
  return field === 'payment_link' ? 'the payment link' : field;
}

function fixFirst(fields: readonly LinkField[]): string | null {
  return fields.length === 0 ? null : `Fix ${listInWords(fields.map(nameOf))} first.`;
}

/** True when the link already carries a value for `parameter`, which Stripe then sees as it is. */
function linkCarries(link: string, parameter: TrackingParameter): boolean {
  const check = checkLink(link);
  return check.status === 'valid' && (check.link.existing[parameter] ?? []).some((place) => place.value !== null && place.value !== '');
}

/** The fields Insert would leave without a value: the form's, else the active row's. */
function missingForInsert(form: LinkFields, row: LinkFields | null): LinkField[] {
  const value = (field: LinkField): string => (form[field].trim() !== '' ? form[field] : (row?.[field] ?? '')).trim();
  const link = value('payment_link');
  const missing: LinkField[] = link === '' ? ['payment_link'] : [];
  for (const field of REQUIRED_FIELDS) if (value(field) === '' && !linkCarries(link, field)) missing.push(field);
  return missing;
}

/**
 * `invalid` are the fields shown in red; `row` the active row's own values (null when it is not a
 * link row); `filledFrom` what the form was filled with from it.
 */
export function actionBlockers(
  form: LinkFields,
  invalid: ReadonlySet<LinkField>,
  row: LinkFields | null,
  filledFrom: LinkFields | null,
): Blockers {
  const red = LINK_FIELDS.filter((field) => invalid.has(field));
  const missing = missingForInsert(form, row);
  const insert = fixFirst(red) ?? (missing.length === 0 ? null : `Fill in ${listInWords(missing.map(nameOf))} first.`);
  // A red field the form took from the active row is not sent: that row is reported, the others tagged.
  const typed = typedFields(form, filledFrom);
  const tag = fixFirst(red.filter((field) => typed[field] !== undefined));
  return { insert, tag };
}
