/**
 * Stripe's `dispute` as the fake holds it: the keys of test/fixtures/stripe's dispute fixtures, in
 * their order, and the statuses a dispute goes through. A chargeback opens `needs_response` with
 * its amount withdrawn at once, goes `under_review` once evidence is submitted, and closes `won`
 * (the money comes back) or `lost`. An inquiry opens `warning_needs_response`, takes nothing, and
 * ends `warning_closed`. Each withdrawal or reinstatement is a balance transaction listed on the
 * dispute (balance.ts makes them, with the dispute fee). At 2024-06-20 a dispute has no enhanced
 * eligibility fields and its card details name no `case_type` or `network`.
 */

import { DAY, isPlainObject, without, type JsonObject } from './objects';

export type DisputeStatus =
  'needs_response' | 'under_review' | 'won' | 'lost' | 'warning_needs_response' | 'warning_under_review' | 'warning_closed';

/** The reasons Stripe gives most often, with the Visa reason code a card network sends for each. */
export const DISPUTE_REASONS = {
  fraudulent: '10.4',
  product_not_received: '13.1',
  duplicate: '12.6.1',
  subscription_canceled: '13.2',
  general: '13.7',
} as const;
export type DisputeReason = keyof typeof DISPUTE_REASONS;

export interface DisputeFields {
  id: string;
  created: number;
  livemode: boolean;
  amount: number;
  currency: string;
  charge: string;
  paymentIntent: string | null;
  reason: DisputeReason;
  inquiry: boolean;
}

const EVIDENCE_KEYS = [
  'access_activity_log',
  'billing_address',
  'cancellation_policy',
  'cancellation_policy_disclosure',
  'cancellation_rebuttal',
  'customer_communication',
  'customer_email_address',
  'customer_name',
  'customer_purchase_ip',
  'customer_signature',
  'duplicate_charge_documentation',
  'duplicate_charge_explanation',
  'duplicate_charge_id',
  'product_description',
  'receipt',
  'refund_policy',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'service_date',
  'service_documentation',
  'shipping_address',
  'shipping_carrier',
  'shipping_date',
  'shipping_documentation',
  'shipping_tracking_number',
  'uncategorized_file',
  'uncategorized_text',
];

/** An open dispute: a chargeback before its withdrawal is listed, or an inquiry. */
export function disputeObject(fields: DisputeFields): JsonObject {
  const evidence: JsonObject = Object.fromEntries(EVIDENCE_KEYS.map((key) => [key, null]));
  evidence['enhanced_evidence'] = {};
  return {
    amount: fields.amount,
    balance_transactions: [],
    charge: fields.charge,
    created: fields.created,
    currency: fields.currency,
    evidence,
    evidence_details: {
      // Stripe sets the deadline to the end of a day some days out (7 to 21, per network).
      due_by: Math.floor((fields.created + 8 * DAY) / DAY) * DAY - 1,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      enhanced_eligibility: {},
    },
    id: fields.id,
    is_charge_refundable: fields.inquiry,
    livemode: fields.livemode,
    metadata: {},
    object: 'dispute',
    payment_intent: fields.paymentIntent,
    payment_method_details: {
      card: {
        brand: 'visa',
        case_type: fields.inquiry ? 'inquiry' : 'chargeback',
        network_reason_code: DISPUTE_REASONS[fields.reason],
        network: 'visa',
      },
      type: 'card',
    },
    reason: fields.reason,
    status: fields.inquiry ? 'warning_needs_response' : 'needs_response',
    enhanced_eligibility_types: [],
  };
}

/** A stored (current-shape) dispute as the current version or 2024-06-20 (`old`) shows it. */
export function renderDispute(dispute: JsonObject, old: boolean): JsonObject {
  if (!old) return without(dispute, []);
  const rendered = without(dispute, ['enhanced_eligibility_types']);
  const evidence = rendered['evidence'];
  if (isPlainObject(evidence)) rendered['evidence'] = without(evidence, ['enhanced_evidence']);
  const details = rendered['evidence_details'];
  if (isPlainObject(details)) rendered['evidence_details'] = without(details, ['enhanced_eligibility']);
  const method = rendered['payment_method_details'];
  if (isPlainObject(method) && isPlainObject(method['card'])) method['card'] = without(method['card'], ['case_type', 'network']);
  const transactions = rendered['balance_transactions'];
  if (Array.isArray(transactions)) {
    rendered['balance_transactions'] = transactions.map((transaction: unknown) =>
      isPlainObject(transaction) ? without(transaction, ['balance_type']) : transaction,
    );
  }
  return rendered;
}
