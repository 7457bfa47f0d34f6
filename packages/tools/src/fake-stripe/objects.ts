/**
 * The Stripe objects the fake stores and answers with, and the JSON helpers every part uses on
 * them. Kept apart from the parts so that the store, the routes and the scenarios agree on one
 * shape without importing one another. Only the fields the fake reads or tests commonly set are
 * named; the rest ride along as JSON.
 */

export type JsonObject = Record<string, unknown>;

export interface Address {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface CustomerDetails {
  address: Address | null;
  email: string | null;
  name: string | null;
  phone: string | null;
  tax_exempt: 'none' | 'exempt' | 'reverse' | null;
  tax_ids: unknown[] | null;
  business_name?: string | null;
  individual_name?: string | null;
}

export interface CheckoutSessionFields {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number | null;
  amount_total: number | null;
  client_reference_id: string | null;
  created: number;
  currency: string | null;
  customer: string | null;
  customer_details: CustomerDetails | null;
  customer_email: string | null;
  expires_at: number;
  livemode: boolean;
  metadata: Record<string, string>;
  mode: 'payment' | 'setup' | 'subscription';
  payment_intent: string | null;
  payment_link: string | null;
  payment_method_types: string[];
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  status: 'open' | 'complete' | 'expired' | null;
  url: string | null;
}

/** A full `checkout.session` object (current API shape): the named fields plus all the others. */
export type CheckoutSession = CheckoutSessionFields & JsonObject;

/** Fields to set on a session; nested objects (customer_details, ...) are merged, not replaced. */
export type SessionOverrides = Partial<Omit<CheckoutSessionFields, 'customer_details'>> & {
  customer_details?: (Partial<Omit<CustomerDetails, 'address'>> & { address?: Partial<Address> | null }) | null;
} & JsonObject;

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string | null;
  created: number;
  data: { object: JsonObject; previous_attributes?: JsonObject };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null } | null;
  type: string;
}

export interface StripeList<T> {
  object: 'list';
  url: string;
  has_more: boolean;
  data: T[];
}

export interface StripeErrorBody {
  error: {
    type: string;
    message: string;
    code?: string;
    param?: string;
    doc_url?: string;
    request_log_url?: string;
  };
}

export const DAY = 86_400;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every object leaves the fake as a copy, so a test that edits what it got changes nothing stored.
 * A JSON round trip's copy (undefined keys dropped, undefined in arrays and non-finite numbers
 * null), made by walking the value: several times faster, which many sessions need.
 */
export function clone<T>(value: T): T {
  return copyJson(value) as T;
}

function copyJson(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => (item === undefined || typeof item === 'function' ? null : copyJson(item)));
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) {
    const item = (value as JsonObject)[key];
    if (item !== undefined && typeof item !== 'function') copy[key] = copyJson(item);
  }
  return copy;
}

/** `base` with `overrides` laid over it: plain objects merge key by key, anything else replaces. */
export function deepMerge(base: JsonObject, overrides: JsonObject): JsonObject {
  const result: JsonObject = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = result[key];
    result[key] = isPlainObject(value) && isPlainObject(current) ? deepMerge(current, value) : clone(value);
  }
  return result;
}

/** `invoice_creation` as Stripe shows it on sessions and Payment Links that make no invoice. */
export function invoiceCreationOff(): JsonObject {
  return {
    enabled: false,
    invoice_data: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: null,
      metadata: {},
      rendering_options: null,
    },
  };
}

/** `source`'s values under `keys`, in that order (an API version's key order); a missing key is null. */
export function inKeyOrder(keys: readonly string[], source: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const key of keys) result[key] = key in source ? clone(source[key]) : null;
  return result;
}

/** A copy of `source` without `keys` (fields an API version does not have). */
export function without(source: JsonObject, keys: readonly string[]): JsonObject {
  return clone(Object.fromEntries(Object.entries(source).filter(([key]) => !keys.includes(key))));
}

/**
 * What rendering an object at an older API version needs to know that the current shape no longer
 * says: which payment paid an invoice (2024-06-20 invoices name their `payment_intent` and
 * `charge`; current ones leave that to `/v1/invoice_payments`), and which invoice a charge paid;
 * and whether a charge's balance transaction exists yet. The store answers from the objects it holds.
 */
export interface ObjectLookup {
  invoicePayment(invoiceId: string): { paymentIntent: string; charge: string | null } | null;
  invoiceOfPaymentIntent(paymentIntent: string): string | null;
  /** False while a charge's balance transaction is not made yet: the charge names none until then. */
  balanceTransactionVisible(id: string): boolean;
}
