/**
 * Stripe's `payment_link` object as the fake holds it: the fields of the stripe package's
 * PaymentLink type (Stripe's object has no `created`; the store keeps the creation time beside it,
 * for list order), with the defaults of a one-price link made in the Dashboard. Its URL is
 * `https://buy.stripe.com/<code>` (`test_<code>` in test mode), the code derived from the id so that
 * making a link draws nothing from the fake's id generator.
 */

import { invoiceCreationOff } from './objects';
import { createHash } from 'node:crypto';
import type { JsonObject } from './objects';

export interface PaymentLinkFields {
  id: string;
  object: 'payment_link';
  active: boolean;
  currency: string;
  livemode: boolean;
  metadata: Record<string, string>;
  url: string;
}

/** A full `payment_link` object: the named fields plus all the others. */
export type PaymentLink = PaymentLinkFields & JsonObject;

/** Fields to set on a link (nested objects merge); `created` orders lists (default: now). */
export type PaymentLinkOverrides = Partial<PaymentLinkFields> & JsonObject & { created?: number };

const URL_CODE_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `count` alphanumeric characters derived from `text` (stable: the same text, the same characters). */
export function derivedChars(text: string, count: number): string {
  const bytes = createHash('sha256').update(text).digest();
  let out = '';
  for (let i = 0; i < count; i++) out += URL_CODE_ALPHABET.charAt((bytes[i % bytes.length] ?? 0) % URL_CODE_ALPHABET.length);
  return out;
}

/** The buy.stripe.com URL Stripe would show for the link (an 18-character code). */
export function paymentLinkUrl(id: string, livemode: boolean): string {
  return `https://buy.stripe.com/${livemode ? '' : 'test_'}${derivedChars(id, 18)}`;
}

export function paymentLinkObject(id: string, livemode: boolean): PaymentLink {
  return {
    id,
    object: 'payment_link',
    active: true,
    after_completion: { hosted_confirmation: { custom_message: null }, type: 'hosted_confirmation' },
    allow_promotion_codes: false,
    application: null,
    application_fee_amount: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null },
    billing_address_collection: 'auto',
    consent_collection: null,
    currency: 'usd',
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer_creation: 'if_required',
    inactive_message: null,
    invoice_creation: invoiceCreationOff(),
    livemode,
    managed_payments: null,
    metadata: {},
    on_behalf_of: null,
    payment_intent_data: null,
    payment_method_collection: 'always',
    payment_method_options: null,
    payment_method_types: null,
    phone_number_collection: { enabled: false },
    restrictions: null,
    shipping_address_collection: null,
    shipping_options: [],
    submit_type: 'auto',
    subscription_data: null,
    tax_id_collection: { enabled: false, required: 'never' },
    transfer_data: null,
    url: paymentLinkUrl(id, livemode),
  };
}
