/**
 * Stripe's `refund` as the fake holds it: the keys of test/fixtures/stripe's refund fixtures, in
 * their order (a refund has no `livemode`: its id and its charge's say the mode). A card refund is
 * `succeeded` when made; the acquirer's reference number (ARN) that the buyer's bank can trace
 * comes later, and its arrival is the update Stripe announces with `charge.refund.updated` and
 * `refund.updated`. At 2024-06-20 a refund has no `customer`, `customer_account` or `payment_method`.
 */

import { without, type JsonObject } from './objects';

export interface RefundFields {
  id: string;
  created: number;
  amount: number;
  currency: string;
  charge: string;
  paymentIntent: string | null;
  balanceTransaction: string;
  customer: string | null;
  paymentMethod: string | null;
  /** Stripe's reasons: duplicate, fraudulent, requested_by_customer (null when none was given). */
  reason: 'duplicate' | 'fraudulent' | 'requested_by_customer' | null;
  /** The charge's payment method type: a card refund has card destination details. */
  methodType: string;
}

/** Fields a 2024-06-20 refund does not have. */
const NEWER_REFUND_KEYS = ['customer', 'customer_account', 'payment_method'];

function destinationDetails(methodType: string): JsonObject {
  if (methodType !== 'card') return { [methodType]: {}, type: methodType };
  return {
    card: { reference: null, reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
    type: 'card',
  };
}

export function refundObject(fields: RefundFields): JsonObject {
  return {
    amount: fields.amount,
    balance_transaction: fields.balanceTransaction,
    charge: fields.charge,
    created: fields.created,
    currency: fields.currency,
    destination_details: destinationDetails(fields.methodType),
    id: fields.id,
    metadata: {},
    object: 'refund',
    payment_intent: fields.paymentIntent,
    reason: fields.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
    customer: fields.customer,
    customer_account: null,
    payment_method: fields.paymentMethod,
  };
}

/** The fields of a card refund whose ARN has come (`reference` is what the buyer's bank can trace). */
export function refundReferenceAvailable(reference: string): JsonObject {
  return { destination_details: { card: { reference, reference_status: 'available' } } };
}

/** A stored (current-shape) refund as the current version or 2024-06-20 (`old`) shows it. */
export function renderRefund(refund: JsonObject, old: boolean): JsonObject {
  return old ? without(refund, NEWER_REFUND_KEYS) : without(refund, []);
}
