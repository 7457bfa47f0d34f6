/**
 * Stripe's rules for the values it carries from a Payment Link's query string.
 * Stripe silently drops a value that breaks them, so every check in the add-on starts here.
 * Source: docs.stripe.com/payment-links/url-parameters.
 */

export const UTM_PARAMETERS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;

/** In the order the add-on writes them into a link. */
export const TRACKING_PARAMETERS = [...UTM_PARAMETERS, 'client_reference_id'] as const;

export type UtmParameter = (typeof UTM_PARAMETERS)[number];
export type TrackingParameter = (typeof TRACKING_PARAMETERS)[number];

export const UTM_MAX_LENGTH = 150;
export const CLIENT_REFERENCE_ID_MAX_LENGTH = 200;

export function maxLengthOf(parameter: TrackingParameter): number {
  return parameter === 'client_reference_id' ? CLIENT_REFERENCE_ID_MAX_LENGTH : UTM_MAX_LENGTH;
}

const ACCEPTED_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/** True when Stripe keeps `text` for `parameter`. The empty string is "no value", not accepted. */
export function isAcceptedValue(parameter: TrackingParameter, text: string): boolean {
  return text.length <= maxLengthOf(parameter) && ACCEPTED_CHARACTERS.test(text);
}

export function isTrackingParameter(name: string): name is TrackingParameter {
  return (TRACKING_PARAMETERS as readonly string[]).indexOf(name) !== -1;
}
