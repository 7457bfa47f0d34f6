/**
 * Stripe's `charge` as the fake holds it: the keys of test/fixtures/stripe's charge fixtures, in
 * their order, with the values of a captured card payment made by a Checkout Session. `refunds`
 * is left out at both versions the fake speaks: since 2022-11-15 Stripe sends it only when asked
 * to expand it, and the running total a reader needs is `amount_refunded`. A 2024-06-20 charge also
 * names the `invoice` it paid (gone from the current shape, as from the invoice's side). Its
 * `balance_transaction` is null until the transaction is made (balance.ts: the delay).
 */

import { inKeyOrder, isPlainObject, without, type JsonObject, type ObjectLookup } from './objects';

/** The keys of charge_fixture_2024-06-20.json, in its order (the current fixture's, plus `invoice`). */
const OLD_CHARGE_KEYS = [
  'amount',
  'amount_captured',
  'amount_refunded',
  'application',
  'application_fee',
  'application_fee_amount',
  'balance_transaction',
  'billing_details',
  'calculated_statement_descriptor',
  'captured',
  'created',
  'currency',
  'customer',
  'description',
  'disputed',
  'failure_balance_transaction',
  'failure_code',
  'failure_message',
  'fraud_details',
  'id',
  'invoice',
  'livemode',
  'metadata',
  'object',
  'on_behalf_of',
  'outcome',
  'paid',
  'payment_intent',
  'payment_method',
  'payment_method_details',
  'receipt_email',
  'receipt_number',
  'receipt_url',
  'refunded',
  'review',
  'shipping',
  'source_transfer',
  'statement_descriptor',
  'statement_descriptor_suffix',
  'status',
  'transfer_data',
  'transfer_group',
  'source',
] as const;

/** Card fields the 2024-06-20 charge does not have yet. */
const NEWER_CARD_KEYS = ['authorization_code', 'regulated_status', 'network_transaction_id', 'transaction_link_id'];

export interface ChargeFields {
  id: string;
  created: number;
  livemode: boolean;
  amount: number;
  currency: string;
  paymentIntent: string;
  paymentMethod: string;
  balanceTransaction: string;
  customer: string | null;
  name: string | null;
  email: string | null;
  country: string | null;
  /** The payment method's type: `card`, or a delayed one (`sepa_debit`, ...). */
  methodType: string;
  description: string | null;
}

function paymentMethodDetails(fields: ChargeFields): JsonObject {
  if (fields.methodType !== 'card') return { [fields.methodType]: {}, type: fields.methodType };
  return {
    card: {
      amount_authorized: fields.amount,
      brand: 'visa',
      checks: { address_line1_check: null, address_postal_code_check: 'pass', cvc_check: 'pass' },
      country: fields.country ?? 'US',
      exp_month: 8,
      exp_year: 2030,
      extended_authorization: { status: 'disabled' },
      fingerprint: 'AOB934RVNwzk6xtn',
      funding: 'credit',
      incremental_authorization: { status: 'unavailable' },
      installments: null,
      last4: '4242',
      mandate: null,
      multicapture: { status: 'unavailable' },
      network: 'visa',
      network_token: { used: false },
      overcapture: { maximum_amount_capturable: fields.amount, status: 'unavailable' },
      three_d_secure: null,
      wallet: null,
      authorization_code: '123456',
      regulated_status: 'unregulated',
      network_transaction_id: '104557651805572',
      transaction_link_id: null,
    },
    type: 'card',
  };
}

/** A succeeded, captured charge, nothing refunded or disputed yet (current shape). */
export function chargeObject(fields: ChargeFields): JsonObject {
  const receiptCode = fields.id.slice(-24);
  return {
    amount: fields.amount,
    amount_captured: fields.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: fields.balanceTransaction,
    billing_details: {
      address: { city: null, country: fields.country, line1: null, line2: null, postal_code: null, state: null },
      email: fields.email,
      name: fields.name,
      phone: null,
      tax_id: null,
    },
    calculated_statement_descriptor: 'EXAMPLE SHOP',
    captured: true,
    created: fields.created,
    currency: fields.currency,
    customer: fields.customer,
    description: fields.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    id: fields.id,
    livemode: fields.livemode,
    metadata: {},
    object: 'charge',
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    paid: true,
    payment_intent: fields.paymentIntent,
    payment_method: fields.paymentMethod,
    payment_method_details: paymentMethodDetails(fields),
    receipt_email: fields.email,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/${receiptCode}`,
    refunded: false,
    review: null,
    shipping: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'succeeded',
    transfer_data: null,
    transfer_group: null,
    source: null,
  };
}

/** A stored (current-shape) charge as the current version (`old` false) or 2024-06-20 shows it. */
export function renderCharge(stored: JsonObject, old: boolean, lookup: ObjectLookup): JsonObject {
  // Until its balance transaction is made (asynchronous capture), a charge names none.
  const transaction = stored['balance_transaction'];
  const visible = typeof transaction !== 'string' || lookup.balanceTransactionVisible(transaction);
  const charge = visible ? stored : { ...stored, balance_transaction: null };
  if (!old) return without(charge, ['invoice']);
  const paymentIntent = charge['payment_intent'];
  const invoice = typeof paymentIntent === 'string' ? lookup.invoiceOfPaymentIntent(paymentIntent) : null;
  const rendered = inKeyOrder(OLD_CHARGE_KEYS, { ...charge, invoice });
  const details = rendered['payment_method_details'];
  if (isPlainObject(details) && isPlainObject(details['card'])) details['card'] = without(details['card'], NEWER_CARD_KEYS);
  const billing = rendered['billing_details'];
  if (isPlainObject(billing)) rendered['billing_details'] = without(billing, ['tax_id']);
  return rendered;
}
