/**
 * What a Checkout Session looks like at each API version the fake speaks: the current shape (every
 * key of test/fixtures/stripe's current fixture, in its order) and the 2024-06-20 shape. One file
 * owns the version rule, because both the store (an event keeps the shape of the version it was
 * made at) and the routes (an object is rendered at the request's Stripe-Version) apply it; the
 * other objects' two shapes are their own modules' (charges, refunds, disputes, invoices, balance
 * transactions).
 */

import { renderBalanceTransaction } from './balance-transactions';
import { renderCharge } from './charges';
import { renderDispute } from './disputes';
import { renderInvoice } from './invoices';
import { invoiceCreationOff, type ObjectLookup } from './objects';
import { clone, DAY, isPlainObject, type CheckoutSession, type JsonObject } from './objects';
import { renderRefund } from './refunds';

/** The API version the current-shape fixture matches: the first one with every one of its fields
 *  (`managed_payments` arrived in 2026-04-22.dahlia; `allowed_payment_method_types`, absent from
 *  the fixture, came later). Events made by `addEvent` carry it. */
export const CURRENT_API_VERSION = '2026-04-22.dahlia';
/** The older version whose Checkout Session shape is in checkout_session_fixture_2024-06-20.json. */
export const OLD_API_VERSION = '2024-06-20';
/** Versions before this one render a Checkout Session in the 2024-06-20 shape. */
const FIRST_NEW_SHAPE_VERSION = '2024-09-30';

/** Versions before this one (basil) render invoices and charges in the 2024-06-20 shape: the
 *  invoice's `subscription`, `payment_intent` and `charge`, and the charge's `invoice`, went then. */
const FIRST_BASIL_VERSION = '2025-03-31';

export function isOldApiVersion(version: string | null | undefined): boolean {
  return typeof version === 'string' && version.slice(0, 10) < FIRST_NEW_SHAPE_VERSION;
}

function isBeforeBasil(version: string): boolean {
  return version.slice(0, 10) < FIRST_BASIL_VERSION;
}

/** A stored (current-shape) session as a request at `version` sees it. */
export function renderSession(session: CheckoutSession, version: string): JsonObject {
  return isOldApiVersion(version) ? toOldApiSession(session) : clone(session);
}

/** A stored (current-shape) object as `version` shows it: what a GET at that Stripe-Version
 *  answers, and what an event made at that version carries as `data.object`. An object the fake
 *  has no shapes for stays as it is. */
export function renderObject(source: JsonObject, version: string, lookup: ObjectLookup): JsonObject {
  const old = isOldApiVersion(version);
  switch (source['object']) {
    case 'checkout.session':
      return old ? toOldApiSession(source as CheckoutSession) : clone(source);
    case 'charge':
      return renderCharge(source, isBeforeBasil(version), lookup);
    case 'refund':
      return renderRefund(source, old);
    case 'dispute':
      return renderDispute(source, old);
    case 'invoice':
      return renderInvoice(source, isBeforeBasil(version), lookup);
    case 'balance_transaction':
      return renderBalanceTransaction(source, old);
    default:
      return clone(source);
  }
}

/** The 2024-06-20 shape of a session (keys and order of checkout_session_fixture_2024-06-20.json). */
export function toOldApiSession(session: CheckoutSession): JsonObject {
  const details = session.customer_details;
  const collected = session['collected_information'];
  const automaticTax = session['automatic_tax'];
  const pick = (key: string): unknown => (key in session ? clone(session[key]) : null);
  return {
    after_expiration: pick('after_expiration'),
    allow_promotion_codes: pick('allow_promotion_codes'),
    amount_subtotal: session.amount_subtotal,
    amount_total: session.amount_total,
    automatic_tax: isPlainObject(automaticTax)
      ? { enabled: automaticTax['enabled'] ?? false, liability: automaticTax['liability'] ?? null, status: automaticTax['status'] ?? null }
      : { enabled: false, liability: null, status: null },
    billing_address_collection: pick('billing_address_collection'),
    cancel_url: pick('cancel_url'),
    client_reference_id: session.client_reference_id,
    client_secret: pick('client_secret'),
    consent: pick('consent'),
    consent_collection: pick('consent_collection'),
    created: session.created,
    currency: session.currency,
    currency_conversion: pick('currency_conversion'),
    custom_fields: pick('custom_fields') ?? [],
    custom_text: pick('custom_text'),
    customer: session.customer,
    customer_creation: pick('customer_creation'),
    customer_details:
      details === null
        ? null
        : {
            address: details.address === null ? null : clone(details.address),
            email: details.email,
            name: details.name,
            phone: details.phone,
            tax_exempt: details.tax_exempt,
            tax_ids: details.tax_ids === null ? null : clone(details.tax_ids),
          },
    customer_email: session.customer_email,
    expires_at: session.expires_at,
    id: session.id,
    invoice: pick('invoice'),
    invoice_creation: pick('invoice_creation'),
    livemode: session.livemode,
    locale: pick('locale'),
    metadata: clone(session.metadata),
    mode: session.mode,
    object: 'checkout.session',
    payment_intent: session.payment_intent,
    payment_link: session.payment_link,
    payment_method_collection: pick('payment_method_collection'),
    payment_method_configuration_details: pick('payment_method_configuration_details'),
    payment_method_options: pick('payment_method_options') ?? {},
    payment_method_types: clone(session.payment_method_types),
    payment_status: session.payment_status,
    phone_number_collection: pick('phone_number_collection'),
    recovered_from: pick('recovered_from'),
    saved_payment_method_options: pick('saved_payment_method_options'),
    setup_intent: pick('setup_intent'),
    shipping_address_collection: pick('shipping_address_collection'),
    shipping_cost: pick('shipping_cost'),
    shipping_details: isPlainObject(collected) ? clone(collected['shipping_details'] ?? null) : null,
    shipping_options: pick('shipping_options') ?? [],
    status: session.status,
    submit_type: pick('submit_type'),
    subscription: pick('subscription'),
    success_url: pick('success_url'),
    total_details: pick('total_details'),
    ui_mode: pick('ui_mode'),
    url: session.url,
  };
}

/** A completed, paid Payment Link session, in the current fixture's keys and order. */
export function currentShapeSession(id: string, created: number, livemode: boolean, paymentIntent: string): CheckoutSession {
  return {
    after_expiration: null,
    allow_promotion_codes: false,
    amount_subtotal: 1999,
    amount_total: 1999,
    automatic_tax: { enabled: false, liability: null, status: null, provider: null },
    billing_address_collection: 'auto',
    cancel_url: null,
    client_reference_id: null,
    client_secret: null,
    consent: null,
    consent_collection: { payment_method_reuse_agreement: null, promotions: 'none', terms_of_service: 'none' },
    created,
    currency: 'usd',
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_creation: 'if_required',
    customer_details: {
      address: { city: null, country: 'US', line1: null, line2: null, postal_code: '94103', state: null },
      email: 'jenny.rosen@example.com',
      name: 'Jenny Rosen',
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
      business_name: null,
      individual_name: null,
    },
    customer_email: null,
    expires_at: created + DAY,
    id,
    invoice: null,
    invoice_creation: invoiceCreationOff(),
    livemode,
    locale: 'auto',
    metadata: {},
    mode: 'payment',
    object: 'checkout.session',
    payment_intent: paymentIntent,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: 'automatic' } },
    payment_method_types: ['card'],
    payment_status: 'paid',
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'complete',
    submit_type: 'auto',
    subscription: null,
    success_url: 'https://example.com/thanks',
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: null,
    adaptive_pricing: { enabled: false },
    discounts: [],
    collected_information: { shipping_details: null, business_name: null, individual_name: null },
    permissions: null,
    wallet_options: null,
    origin_context: null,
    currency_conversion: null,
    customer_account: null,
    integration_identifier: null,
    managed_payments: { enabled: false },
  };
}
