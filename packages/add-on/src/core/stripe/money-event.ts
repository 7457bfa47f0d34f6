/**
 * The parts of Stripe's money-after-the-sale events the add-on needs: `charge.refunded` (the
 * charge, with Stripe's running `amount_refunded`), `charge.dispute.*` (the dispute) and
 * `invoice.paid` (the invoice, in the shape before API version 2025-03-31 and after it: both
 * arrive, and one pull of /v1/events can mix them). Parsed with zod/mini like session events: only
 * what is used, null or absence wherever some version allows it, every amount an integer that
 * Stripe could have sent.
 */

import * as z from 'zod/mini';
import { lazily } from '../helpers/lazily';

export const MONEY_EVENT_TYPES = [
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
  'invoice.paid',
] as const;
export type MoneyEventType = (typeof MONEY_EVENT_TYPES)[number];

/**
 * Refund events acknowledged and never counted: `charge.refunded` carries the charge's running
 * total of every refund, so counting these too would count a refund twice.
 */
export const ACKNOWLEDGED_REFUND_EVENT_TYPES = ['refund.created', 'refund.updated', 'refund.failed', 'charge.refund.updated'] as const;

// A charge made through Checkout is `ch_`; some payment methods' are `py_`.
export const CHARGE_ID = /^(?:ch|py)_[A-Za-z0-9]{1,250}$/;
export const DISPUTE_ID = /^(?:dp|du)_[A-Za-z0-9]{1,250}$/;
export const INVOICE_ID = /^in_[A-Za-z0-9]{1,250}$/;
export const PAYMENT_INTENT_ID = /^pi_[A-Za-z0-9]{1,250}$/;
export const SUBSCRIPTION_ID = /^sub_[A-Za-z0-9]{1,250}$/;

export const DISPUTE_STATUSES = [
  'warning_needs_response',
  'warning_under_review',
  'warning_closed',
  'needs_response',
  'under_review',
  'won',
  'lost',
  'prevented',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

const amount = () => z.number().check(z.int(), z.nonnegative());
const currency = () => z.string().check(z.regex(/^[a-zA-Z]{3}$/));
/** An id, or the object itself when a caller expanded it: read by idOf, which checks the pattern. */
const reference = () => z.optional(z.nullable(z.unknown()));

const chargeSchema = lazily(() =>
  z
    .object({
      id: z.string().check(z.regex(CHARGE_ID)),
      object: z.literal('charge'),
      created: amount(),
      livemode: z.boolean(),
      amount: amount(),
      amount_refunded: amount(),
      currency: currency(),
      payment_intent: reference(),
      // Before 2025-03-31 a subscription's charge named its invoice.
      invoice: reference(),
    })
    .check(
      z.refine((charge) => charge.amount_refunded <= charge.amount, {
        message: 'amount_refunded is more than the charge amount; Stripe never refunds more than it charged',
        path: ['amount_refunded'],
      }),
    ),
);

const disputeSchema = lazily(() =>
  z.object({
    id: z.string().check(z.regex(DISPUTE_ID)),
    object: z.literal('dispute'),
    created: amount(),
    livemode: z.boolean(),
    amount: amount(),
    currency: currency(),
    status: z.enum(DISPUTE_STATUSES),
    charge: reference(),
    payment_intent: reference(),
  }),
);

const invoiceSchema = lazily(() =>
  z.object({
    id: z.string().check(z.regex(INVOICE_ID)),
    object: z.literal('invoice'),
    created: amount(),
    livemode: z.boolean(),
    amount_paid: amount(),
    currency: currency(),
    billing_reason: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
    // Before 2025-03-31: top-level subscription, payment_intent and charge.
    subscription: reference(),
    payment_intent: reference(),
    charge: reference(),
    // From 2025-03-31: the subscription is named under parent, and the payment is an InvoicePayment.
    parent: z.optional(z.nullable(z.object({ subscription_details: z.optional(z.nullable(z.object({ subscription: reference() }))) }))),
  }),
);

/** `pi_...` (or whichever pattern), whether Stripe sent the id or the expanded object; '' for anything else. */
export function idOf(value: unknown, pattern: RegExp): string {
  const id = typeof value === 'string' ? value : value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && pattern.test(id) ? id : '';
}

/** What a money event says, in the add-on's words: the object it is about and what it holds. */
export type MoneyObject =
  | {
      kind: 'charge';
      id: string;
      created: number;
      livemode: boolean;
      currency: string;
      amount: number;
      amount_refunded: number;
      payment_intent: string;
      invoice: string;
    }
  | {
      kind: 'dispute';
      id: string;
      created: number;
      livemode: boolean;
      currency: string;
      amount: number;
      status: DisputeStatus;
      charge: string;
      payment_intent: string;
    }
  | {
      kind: 'invoice';
      id: string;
      created: number;
      livemode: boolean;
      currency: string;
      amount_paid: number;
      billing_reason: string;
      subscription: string;
      /** Named by the invoice before 2025-03-31; after, only Stripe's InvoicePayments can say. */
      payment_intent: string;
      charge: string;
    };

export interface MoneyEvent {
  id: string;
  type: MoneyEventType;
  created: number;
  livemode: boolean;
  object: MoneyObject;
}

export type MoneyObjectReading = { ok: true; object: MoneyObject } | { ok: false; issues: readonly z.core.$ZodIssue[] };

/** The event's `data.object` for its type: a charge for `charge.refunded`, a dispute, an invoice. */
export function readMoneyObject(type: MoneyEventType, value: unknown): MoneyObjectReading {
  if (type === 'charge.refunded') {
    const read = chargeSchema().safeParse(value);
    if (!read.success) return { ok: false, issues: read.error.issues };
    const c = read.data;
    return {
      ok: true,
      object: {
        kind: 'charge',
        id: c.id,
        created: c.created,
        livemode: c.livemode,
        currency: c.currency.toLowerCase(),
        amount: c.amount,
        amount_refunded: c.amount_refunded,
        payment_intent: idOf(c.payment_intent, PAYMENT_INTENT_ID),
        invoice: idOf(c.invoice, INVOICE_ID),
      },
    };
  }
  if (type === 'invoice.paid') {
    const read = invoiceSchema().safeParse(value);
    if (!read.success) return { ok: false, issues: read.error.issues };
    const i = read.data;
    return {
      ok: true,
      object: {
        kind: 'invoice',
        id: i.id,
        created: i.created,
        livemode: i.livemode,
        currency: i.currency.toLowerCase(),
        amount_paid: i.amount_paid,
        billing_reason: i.billing_reason ?? '',
        subscription: idOf(i.parent?.subscription_details?.subscription, SUBSCRIPTION_ID) || idOf(i.subscription, SUBSCRIPTION_ID),
        payment_intent: idOf(i.payment_intent, PAYMENT_INTENT_ID),
        charge: idOf(i.charge, CHARGE_ID),
      },
    };
  }
  const read = disputeSchema().safeParse(value);
  if (!read.success) return { ok: false, issues: read.error.issues };
  const d = read.data;
  return {
    ok: true,
    object: {
      kind: 'dispute',
      id: d.id,
      created: d.created,
      livemode: d.livemode,
      currency: d.currency.toLowerCase(),
      amount: d.amount,
      status: d.status,
      charge: idOf(d.charge, CHARGE_ID),
      payment_intent: idOf(d.payment_intent, PAYMENT_INTENT_ID),
    },
  };
}

/**
 * The payment_intent an invoice was paid by, from Stripe's list of its InvoicePayments: the paid
 * one (an invoice may have had failed attempts). '' when the list names none.
 */
export function paidInvoicePaymentIntent(items: readonly unknown[]): string {
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const { status, payment } = item as { status?: unknown; payment?: unknown };
    if (status !== 'paid' || payment === null || typeof payment !== 'object') continue;
    const id = idOf((payment as { payment_intent?: unknown }).payment_intent, PAYMENT_INTENT_ID);
    if (id !== '') return id;
  }
  return '';
}

/** The event with the invoice's payment filled in (what the 2024-06-20 shape said itself). */
export function withInvoicePayment(event: MoneyEvent, paymentIntent: string): MoneyEvent {
  if (event.object.kind !== 'invoice' || paymentIntent === '') return event;
  return { ...event, object: { ...event.object, payment_intent: paymentIntent } };
}

/** An invoice of a subscription that does not name its payment: Stripe's InvoicePayments must be asked. */
export function needsInvoicePayment(event: MoneyEvent): boolean {
  return event.object.kind === 'invoice' && event.object.subscription !== '' && event.object.payment_intent === '';
}
