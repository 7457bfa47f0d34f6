/**
 * One Reconciliation row per Checkout Session, and the rule that decides whether an event may
 * change it. Stripe redelivers every event for days and in any order, so the rule must give the
 * same row whatever order and however many times the events arrive: a row always shows the
 * greatest event seen, by (settled over pending, then event time, then event id). Taking a
 * maximum is order-independent and idempotent.
 */

import { toMajorUnits } from '../stripe/currency';
import { idOf, PAYMENT_INTENT_ID, SUBSCRIPTION_ID } from '../stripe/money-event';
import { PAYMENT_LINK_ID, type CheckoutSession, type CheckoutSessionEvent } from '../stripe/stripe-event';
import { isStripesCopy } from '../stripe/stripes-copy';
import { confirmationOnWrite, type Confirmation } from './confirmation';

export type PaymentStatus = 'paid' | 'unpaid' | 'no_payment_required' | 'failed';

export interface SessionRecord {
  session_id: string;
  client_reference_id: string;
  payment_status: PaymentStatus;
  /** amount_total in major units (19.99), or null when Stripe sent none. */
  amount: number | null;
  /** amount_total exactly as Stripe sent it, in minor units. */
  amount_minor: number | null;
  currency: string;
  customer_email: string;
  payment_link: string;
  livemode: boolean;
  /** The session's creation time, Unix seconds. */
  created: number;
  last_event: string;
  /** The creation time of last_event, Unix seconds. */
  last_event_created: number;
  /** `pi_...` for a payment; '' for a subscription's session, whose first payment is its invoice's. */
  payment_intent: string;
  /** `sub_...` when the session started a subscription, else ''. */
  subscription: string;
  /** Whether Stripe confirmed the row: `yes` when written from Stripe's own copy, else `not yet` (confirmation.ts). */
  confirmed: Confirmation;
}

/** The part of a row that decides whether an event supersedes it. */
export interface RecordVersion {
  payment_status: PaymentStatus;
  last_event: string;
  last_event_created: number;
}

/** A delayed payment (SEPA, ACH, vouchers) starts unpaid and settles days later, one way or the other. */
function settled(status: PaymentStatus): number {
  return status === 'unpaid' ? 0 : 1;
}

/** True when `incoming` must replace `existing`; false for a repeat or anything older. */
export function supersedes(incoming: RecordVersion, existing: RecordVersion): boolean {
  if (incoming.last_event === existing.last_event) return false;
  const bySettlement = settled(incoming.payment_status) - settled(existing.payment_status);
  if (bySettlement !== 0) return bySettlement > 0;
  if (incoming.last_event_created !== existing.last_event_created) {
    return incoming.last_event_created > existing.last_event_created;
  }
  return incoming.last_event > existing.last_event;
}

function statusAfter(event: CheckoutSessionEvent, session: CheckoutSession): PaymentStatus {
  if (event.type === 'checkout.session.async_payment_succeeded') return 'paid';
  if (event.type === 'checkout.session.async_payment_failed') return 'failed';
  return session.payment_status;
}

/** `plink_...`, whether Stripe sent the id or the expanded Payment Link; '' for anything else. */
export function paymentLinkId(session: Pick<CheckoutSession, 'payment_link'>): string {
  return idOf(session.payment_link, PAYMENT_LINK_ID);
}

/**
 * The row an event makes, from `session` (the event's own copy, or Stripe's current copy when the
 * add-on fetched it back). An expired session was never paid: it makes no row.
 */
export function recordFromEvent(event: CheckoutSessionEvent, session: CheckoutSession = event.session): SessionRecord | null {
  if (event.type === 'checkout.session.expired') return null;
  const currency = (session.currency ?? '').toLowerCase();
  const amountMinor = session.amount_total ?? null;
  return {
    session_id: session.id,
    client_reference_id: session.client_reference_id ?? '',
    payment_status: statusAfter(event, session),
    amount: amountMinor === null || currency === '' ? null : toMajorUnits(amountMinor, currency),
    amount_minor: amountMinor,
    currency,
    customer_email: session.customer_details?.email ?? session.customer_email ?? '',
    payment_link: paymentLinkId(session),
    livemode: session.livemode,
    created: session.created,
    last_event: event.id,
    last_event_created: event.created,
    payment_intent: idOf(session.payment_intent, PAYMENT_INTENT_ID),
    subscription: idOf(session.subscription, SUBSCRIPTION_ID),
    confirmed: confirmationOnWrite(isStripesCopy(session)),
  };
}

export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['paid', 'unpaid', 'no_payment_required', 'failed'];

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).indexOf(value) !== -1;
}
