/**
 * Ties a current-shape invoice to its payment through Stripe's InvoicePayments, one call per
 * invoice (the 2024-06-20 shape names its payment_intent itself and costs none), so a renewal's
 * refunds and disputes can count against the sale that started the subscription.
 */

import { invoicePaymentsPath, readListPage } from '../../core/stripe/stripe-api';
import { needsInvoicePayment, paidInvoicePaymentIntent, withInvoicePayment, type MoneyEvent } from '../../core/stripe/money-event';
import { stripeGet, type ApiResult, type RetryPolicy } from './stripe-client';

export type InvoicePaymentResult = { ok: true; event: MoneyEvent } | { ok: false; status: number; error: string };

/** The payment_intent Stripe's InvoicePayments name for an invoice ('' when none is paid), or why Stripe could not be asked. */
export function paymentIntentOfInvoice(
  key: string,
  invoiceId: string,
  policy: RetryPolicy,
): { ok: true; intent: string } | { ok: false; status: number; error: string } {
  const page: ApiResult = stripeGet(key, invoicePaymentsPath(invoiceId), policy);
  if (!page.ok) return { ok: false, status: page.status, error: `Could not read the payments of ${invoiceId}: ${page.error}` };
  const list = readListPage(page.json);
  if (!list.ok) return { ok: false, status: 0, error: list.error };
  return { ok: true, intent: paidInvoicePaymentIntent(list.data) };
}

/** The event, with its invoice's payment_intent when Stripe names one; an error when Stripe could not be asked. */
export function withPaymentOfInvoice(key: string, event: MoneyEvent, policy: RetryPolicy): InvoicePaymentResult {
  if (!needsInvoicePayment(event)) return { ok: true, event };
  const paid = paymentIntentOfInvoice(key, event.object.id, policy);
  return paid.ok ? { ok: true, event: withInvoicePayment(event, paid.intent) } : paid;
}
