/**
 * Stripe's `invoice` and `invoice_payment` as the fake holds them: a paid invoice of a
 * subscription bought through a Checkout Session, in the keys and order of test/fixtures/stripe's
 * invoice fixtures.
 *
 * The two shapes a reader meets: since API version 2025-03-31 (basil) an invoice names its
 * subscription in `parent.subscription_details.subscription` and no longer says which payment paid
 * it (no `payment_intent`, `charge`, `paid`, top-level `subscription`: Stripe's changelog removed
 * them, so the fake leaves out the fixture's leftover `subscription: null` too); its payments are
 * `invoice_payment` objects, listed by GET /v1/invoice_payments?invoice=in_..., each naming its
 * `payment.payment_intent` (shape: Stripe's API reference and the stripe package's InvoicePayment
 * type; there is no fixture). At 2024-06-20 the invoice has top-level `subscription`,
 * `payment_intent` and `charge`, which the store looks up from the invoice payment it holds.
 */

import { decimalsOf } from './currencies';
import { clone, inKeyOrder, isPlainObject, type JsonObject, type ObjectLookup } from './objects';

export type BillingReason = 'subscription_create' | 'subscription_cycle' | 'subscription_update';
export type BillingInterval = 'month' | 'week';

export interface InvoiceFields {
  id: string;
  lineId: string;
  created: number;
  livemode: boolean;
  amount: number;
  currency: string;
  customer: string;
  customerEmail: string | null;
  customerName: string | null;
  country: string | null;
  subscription: string;
  subscriptionItem: string;
  price: string;
  product: string;
  billingReason: BillingReason;
  interval: BillingInterval;
  /** `ABCD1234-0001`: the customer's prefix and the invoice's sequence. */
  number: string;
  /** The billing period the invoice closes (equal for the first invoice) and the one its line bills. */
  period: { start: number; end: number };
  linePeriod: { start: number; end: number };
  accountId: string;
}

/** The keys of invoice_fixture_2024-06-20.json, in its order. */
const OLD_INVOICE_KEYS = [
  'account_country', 'account_name', 'account_tax_ids', 'amount_due', 'amount_paid', 'amount_remaining', 'amount_shipping',
  'application', 'application_fee_amount', 'attempt_count', 'attempted', 'auto_advance', 'automatic_tax', 'billing_reason', 'charge',
  'collection_method', 'created', 'currency', 'custom_fields', 'customer', 'customer_address', 'customer_email', 'customer_name',
  'customer_phone', 'customer_shipping', 'customer_tax_exempt', 'customer_tax_ids', 'default_payment_method', 'default_source',
  'default_tax_rates', 'description', 'discount', 'discounts', 'due_date', 'effective_at', 'ending_balance', 'footer', 'from_invoice',
  'hosted_invoice_url', 'id', 'invoice_pdf', 'issuer', 'last_finalization_error', 'latest_revision', 'lines', 'livemode', 'metadata',
  'next_payment_attempt', 'number', 'object', 'on_behalf_of', 'paid', 'paid_out_of_band', 'payment_intent', 'payment_settings',
  'period_end', 'period_start', 'post_payment_credit_notes_amount', 'pre_payment_credit_notes_amount', 'quote', 'receipt_number',
  'rendering', 'shipping_cost', 'shipping_details', 'starting_balance', 'statement_descriptor', 'status', 'status_transitions',
  'subscription', 'subscription_details', 'subtotal', 'subtotal_excluding_tax', 'tax', 'test_clock', 'total', 'total_discount_amounts',
  'total_excluding_tax', 'total_tax_amounts', 'transfer_data', 'webhooks_delivered_at',
] as const; // prettier-ignore

/** `19.99 USD`: an amount in minor units as the line's description shows it. */
function shownAmount(amount: number, currency: string): string {
  const decimals = decimalsOf(currency);
  return `${(amount / 10 ** decimals).toFixed(decimals)} ${currency.toUpperCase()}`;
}

function lineItem(fields: InvoiceFields): JsonObject {
  return {
    amount: fields.amount,
    currency: fields.currency,
    description: `1 × Membership (at ${shownAmount(fields.amount, fields.currency)} / ${fields.interval})`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    id: fields.lineId,
    invoice: fields.id,
    livemode: fields.livemode,
    metadata: {},
    object: 'line_item',
    period: { end: fields.linePeriod.end, start: fields.linePeriod.start },
    quantity: 1,
    pretax_credit_amounts: [],
    taxes: [],
    parent: {
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: null,
        proration: false,
        proration_details: { credited_items: null },
        subscription: fields.subscription,
        subscription_item: fields.subscriptionItem,
      },
      type: 'subscription_item_details',
    },
    pricing: {
      price_details: { price: fields.price, product: fields.product },
      type: 'price_details',
      unit_amount_decimal: String(fields.amount),
    },
    subtotal: fields.amount,
    quantity_decimal: '1',
  };
}

/** A paid subscription invoice (current shape). */
export function invoiceObject(fields: InvoiceFields): JsonObject {
  const code = fields.id.slice(3);
  const mode = fields.livemode ? '' : 'test_';
  return {
    account_country: 'US',
    account_name: 'Example Shop',
    account_tax_ids: null,
    amount_due: fields.amount,
    amount_paid: fields.amount,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 1,
    attempted: true,
    auto_advance: false,
    automatic_tax: { enabled: false, liability: null, status: null, disabled_reason: null, provider: null },
    billing_reason: fields.billingReason,
    collection_method: 'charge_automatically',
    created: fields.created,
    currency: fields.currency,
    custom_fields: null,
    customer: fields.customer,
    customer_address: { city: null, country: fields.country, line1: null, line2: null, postal_code: null, state: null },
    customer_email: fields.customerEmail,
    customer_name: fields.customerName,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: fields.created,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `https://invoice.stripe.com/i/${fields.accountId}/${mode}${code}`,
    id: fields.id,
    invoice_pdf: `https://pay.stripe.com/invoice/${fields.accountId}/${mode}${code}/pdf?s=ap`,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { data: [lineItem(fields)], has_more: false, object: 'list', url: `/v1/invoices/${fields.id}/lines` },
    livemode: fields.livemode,
    metadata: {},
    next_payment_attempt: null,
    number: fields.number,
    object: 'invoice',
    on_behalf_of: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: fields.period.end,
    period_start: fields.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'paid',
    status_transitions: { finalized_at: fields.created, marked_uncollectible_at: null, paid_at: fields.created, voided_at: null },
    subtotal: fields.amount,
    subtotal_excluding_tax: fields.amount,
    test_clock: null,
    total: fields.amount,
    total_discount_amounts: [],
    total_excluding_tax: fields.amount,
    webhooks_delivered_at: fields.created,
    automatically_finalizes_at: null,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    amount_overpaid: 0,
    parent: {
      quote_details: null,
      subscription_details: { metadata: {}, subscription: fields.subscription },
      type: 'subscription_details',
    },
    customer_account: null,
  };
}

/** The invoice's subscription, wherever its version keeps it. */
export function invoiceSubscription(invoice: JsonObject): string | null {
  const parent = invoice['parent'];
  const details = isPlainObject(parent) ? parent['subscription_details'] : undefined;
  const subscription = isPlainObject(details) ? details['subscription'] : invoice['subscription'];
  return typeof subscription === 'string' ? subscription : null;
}

/** How many days the line bills. */
function lineDays(line: JsonObject): number {
  const period = isPlainObject(line['period']) ? line['period'] : {};
  return (Number(period['end']) - Number(period['start'])) / 86_400;
}

/** A current line item as 2024-06-20 showed it (keys of that fixture's line). */
function oldLineItem(line: JsonObject): JsonObject {
  const parent = isPlainObject(line['parent']) ? line['parent'] : {};
  const item = isPlainObject(parent['subscription_item_details']) ? parent['subscription_item_details'] : {};
  const pricing = isPlainObject(line['pricing']) ? line['pricing'] : {};
  const details = isPlainObject(pricing['price_details']) ? pricing['price_details'] : {};
  const amount = Number(line['amount']);
  const price = {
    active: true,
    billing_scheme: 'per_unit',
    created: 0,
    currency: line['currency'],
    custom_unit_amount: null,
    id: details['price'] ?? null,
    livemode: line['livemode'],
    lookup_key: null,
    metadata: {},
    nickname: null,
    object: 'price',
    product: details['product'] ?? null,
    recurring: {
      aggregate_usage: null,
      interval: lineDays(line) <= 7 ? 'week' : 'month',
      interval_count: 1,
      meter: null,
      trial_period_days: null,
      usage_type: 'licensed',
    },
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: 'recurring',
    unit_amount: amount,
    unit_amount_decimal: String(amount),
  };
  return {
    amount,
    amount_excluding_tax: amount,
    currency: line['currency'],
    description: line['description'],
    discount_amounts: [],
    discountable: true,
    discounts: [],
    id: line['id'],
    invoice: line['invoice'],
    invoice_item: null,
    livemode: line['livemode'],
    metadata: {},
    object: 'line_item',
    period: line['period'],
    price,
    proration: false,
    proration_details: { credited_items: null },
    quantity: 1,
    subscription: item['subscription'] ?? null,
    subscription_item: item['subscription_item'] ?? null,
    tax_amounts: [],
    tax_rates: [],
    type: 'subscription',
    unit_amount_excluding_tax: String(amount),
    plan: null,
  };
}

/** A stored (current-shape) invoice as the current version or 2024-06-20 (`old`) shows it. */
export function renderInvoice(invoice: JsonObject, old: boolean, lookup: ObjectLookup): JsonObject {
  if (!old) return clone(invoice);
  const payment = typeof invoice['id'] === 'string' ? lookup.invoicePayment(invoice['id']) : null;
  const parent = isPlainObject(invoice['parent']) ? invoice['parent'] : {};
  const subscriptionDetails = isPlainObject(parent['subscription_details']) ? parent['subscription_details'] : {};
  const lines = isPlainObject(invoice['lines']) ? invoice['lines'] : { data: [] };
  const data = Array.isArray(lines['data']) ? (lines['data'] as unknown[]) : [];
  const automaticTax = isPlainObject(invoice['automatic_tax']) ? invoice['automatic_tax'] : {};
  return inKeyOrder(OLD_INVOICE_KEYS, {
    ...invoice,
    application_fee_amount: null,
    automatic_tax: {
      enabled: automaticTax['enabled'] ?? false,
      liability: automaticTax['liability'] ?? null,
      status: automaticTax['status'] ?? null,
    },
    charge: payment?.charge ?? null,
    discount: null,
    lines: { ...lines, data: data.map((line) => (isPlainObject(line) ? oldLineItem(line) : line)) },
    paid: invoice['status'] === 'paid',
    paid_out_of_band: false,
    payment_intent: payment?.paymentIntent ?? null,
    quote: null,
    subscription: invoiceSubscription(invoice),
    subscription_details: { metadata: subscriptionDetails['metadata'] ?? null },
    tax: null,
    total_tax_amounts: [],
    transfer_data: null,
  });
}

/** Keys only the 2024-06-20 invoice has (see OLD_INVOICE_KEYS). */
const OLD_ONLY_INVOICE_KEYS = [
  'application_fee_amount', 'charge', 'discount', 'paid', 'paid_out_of_band', 'payment_intent', 'quote', 'subscription',
  'subscription_details', 'tax', 'total_tax_amounts', 'transfer_data',
]; // prettier-ignore

/**
 * An invoice as Stripe sent it, in the current shape the store keeps: a 2024-06-20 one gets its
 * subscription moved into `parent` and the current-only totals; its line items stay as they came.
 * Its `payment_intent`, which the current shape leaves to the invoice payment, is returned apart.
 */
export function currentShapeInvoice(invoice: JsonObject): { invoice: JsonObject; paymentIntent: string | null } {
  if ('parent' in invoice) return { invoice: clone(invoice), paymentIntent: null };
  const subscription = invoiceSubscription(invoice);
  const details = isPlainObject(invoice['subscription_details']) ? invoice['subscription_details'] : {};
  const current: JsonObject = {
    ...Object.fromEntries(Object.entries(clone(invoice)).filter(([key]) => !OLD_ONLY_INVOICE_KEYS.includes(key))),
    automatically_finalizes_at: null,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    amount_overpaid: 0,
    parent:
      subscription === null
        ? null
        : {
            quote_details: null,
            subscription_details: { metadata: details['metadata'] ?? null, subscription },
            type: 'subscription_details',
          },
    customer_account: null,
  };
  const paymentIntent = invoice['payment_intent'];
  return { invoice: current, paymentIntent: typeof paymentIntent === 'string' ? paymentIntent : null };
}

export interface InvoicePaymentFields {
  id: string;
  created: number;
  livemode: boolean;
  amount: number;
  currency: string;
  invoice: string;
  paymentIntent: string;
}

/** The paid, default payment of an invoice (Stripe makes one per invoice when it is finalized). */
export function invoicePaymentObject(fields: InvoicePaymentFields): JsonObject {
  return {
    id: fields.id,
    object: 'invoice_payment',
    amount_paid: fields.amount,
    amount_requested: fields.amount,
    created: fields.created,
    currency: fields.currency,
    invoice: fields.invoice,
    is_default: true,
    livemode: fields.livemode,
    payment: { type: 'payment_intent', payment_intent: fields.paymentIntent },
    status: 'paid',
    status_transitions: { canceled_at: null, paid_at: fields.created },
  };
}
