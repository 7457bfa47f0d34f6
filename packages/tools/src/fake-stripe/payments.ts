/**
 * The charge behind a payment, found from whatever a test holds: a charge, payment intent, Checkout
 * Session or invoice id. A Checkout Session's card payment makes a charge in Stripe; the fake makes
 * it when something first needs it (a refund, a dispute, a read of the balance), dated when the
 * session was paid, so the many sales a test or a benchmark makes cost nothing until their money
 * moves or is read. Every charge gets its balance transaction (balance.ts) when it is made.
 */

import type { Balance } from './balance';
import { chargeObject } from './charges';
import { isPlainObject, type CheckoutSession, type JsonObject } from './objects';
import type { FakeStripeStore } from './store';

export interface PaymentDetails {
  paymentIntent: string;
  created: number;
  livemode: boolean;
  amount: number;
  currency: string;
  customer: string | null;
  name: string | null;
  email: string | null;
  country: string | null;
  methodType: string;
  /** The charge's description (Stripe's for an invoice's charge: `Subscription creation`, ...). */
  description?: string | null;
}

export class Payments {
  constructor(
    private readonly store: FakeStripeStore,
    private readonly balance: Balance,
  ) {}

  /** Store the succeeded charge of a payment, and its balance transaction. */
  pay(details: PaymentDetails): JsonObject {
    const charge = this.store.addObject(
      chargeObject({
        ...details,
        description: details.description ?? null,
        id: this.store.newObjectId('ch'),
        paymentMethod: this.store.newObjectId('pm'),
        balanceTransaction: this.store.newObjectId('txn'),
      }),
    );
    this.balance.recordCharge(charge);
    return charge;
  }

  /** Make the charge of every paid session added or changed since the last call: what reading the balance sees. */
  settleSessions(): void {
    for (const id of this.store.unsettledSessions) {
      this.store.unsettledSessions.delete(id);
      const session = this.store.sessions.get(id)?.object;
      const paymentIntent = session?.payment_intent;
      if (session?.payment_status !== 'paid' || typeof paymentIntent !== 'string') continue;
      if (!this.store.chargeOfPaymentIntent(paymentIntent)) this.sessionCharge(session);
    }
  }

  /** The charge `target` (a `ch_`, `pi_`, `cs_` or `in_` id) names, made now if its paid session has none yet. */
  charge(target: string): JsonObject {
    if (target.startsWith('ch_')) {
      const charge = this.store.getObject(target, 'charge');
      if (!charge) throw new Error(`FakeStripeApi: no charge ${target}`);
      return charge;
    }
    if (target.startsWith('in_')) {
      const payment = this.store.invoicePayment(target);
      if (!payment) throw new Error(`FakeStripeApi: invoice ${target} has no payment`);
      return this.charge(payment.paymentIntent);
    }
    if (target.startsWith('cs_')) {
      const session = this.store.getSession(target);
      if (!session) throw new Error(`FakeStripeApi: no session ${target}`);
      // A subscription's session is paid by its first invoice, not by a payment intent of its own.
      const invoice = session['invoice'];
      if (session.payment_intent === null && typeof invoice === 'string') return this.charge(invoice);
      return this.sessionCharge(session);
    }
    const stored = this.store.chargeOfPaymentIntent(target);
    if (stored) return stored;
    for (const stored of this.store.sessions.values()) {
      if (stored.object.payment_intent === target) return this.sessionCharge(stored.object);
    }
    throw new Error(`FakeStripeApi: no charge or session for payment intent ${target}`);
  }

  private sessionCharge(session: CheckoutSession): JsonObject {
    const paymentIntent = session.payment_intent;
    if (paymentIntent === null) throw new Error(`FakeStripeApi: session ${session.id} has no payment intent`);
    const stored = this.store.chargeOfPaymentIntent(paymentIntent);
    if (stored) return stored;
    if (session.payment_status !== 'paid') throw new Error(`FakeStripeApi: session ${session.id} is not paid: it has no charge`);
    const details = session.customer_details;
    const address = isPlainObject(details?.address) ? details.address : null;
    return this.pay({
      paymentIntent,
      created: this.store.sessionPaidAt(session.id) ?? session.created,
      livemode: session.livemode,
      amount: session.amount_total ?? 0,
      currency: session.currency ?? 'usd',
      customer: session.customer,
      name: details?.name ?? null,
      email: details?.email ?? session.customer_email,
      country: typeof address?.country === 'string' ? address.country : null,
      methodType: session.payment_method_types[0] ?? 'card',
    });
  }
}
