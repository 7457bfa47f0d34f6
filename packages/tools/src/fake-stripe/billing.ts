/**
 * Subscriptions as far as their money goes: a monthly (or weekly) plan bought through a Checkout
 * Session, and the paid invoices it makes, each with its payment intent, charge and invoice
 * payment. The subscription object itself is not served (the add-on reads only invoices and their
 * payments), so the fake keeps just what the next invoice needs. Monthly periods follow calendar
 * months from the purchase, as Stripe's billing anchor does (the 31st renews on the last day of
 * shorter months); weekly ones are seven days.
 */

import { invoiceObject, invoicePaymentObject, type BillingInterval, type BillingReason } from './invoices';
import type { JsonObject } from './objects';
import type { Payments } from './payments';
import type { FakeStripeStore } from './store';

export interface SubscriptionTerms {
  livemode: boolean;
  currency: string;
  /** The price per period, in the currency's minor unit. */
  amount: number;
  interval: BillingInterval;
  name: string | null;
  email: string | null;
  country: string | null;
  /** When the buyer subscribed: the billing anchor. */
  anchor: number;
}

export interface Subscription extends SubscriptionTerms {
  id: string;
  customer: string;
  /** The id the first invoice will have (a Checkout Session names it before it is paid). */
  firstInvoice: string;
  item: string;
  price: string;
  product: string;
  /** Invoices paid so far, oldest first. */
  invoices: string[];
}

/** `anchor` moved `months` calendar months on, clamped to the month's last day. */
export function addMonths(anchor: number, months: number): number {
  const date = new Date(anchor * 1000);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  return Math.floor(target.getTime() / 1000);
}

const WEEK = 7 * 86_400;

export class Billing {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(
    private readonly store: FakeStripeStore,
    private readonly payments: Payments,
  ) {}

  /** A new subscription and its customer, nothing paid yet. */
  subscribe(terms: SubscriptionTerms): Subscription {
    const subscription: Subscription = {
      ...terms,
      id: this.store.newObjectId('sub'),
      customer: this.store.newCustomerId(),
      firstInvoice: this.store.newObjectId('in'),
      item: this.store.newShortId('si'),
      price: this.store.newObjectId('price'),
      product: this.store.newShortId('prod'),
      invoices: [],
    };
    this.subscriptions.set(subscription.id, subscription);
    return { ...subscription, invoices: [] };
  }

  get(id: string): Subscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`FakeStripeApi: no subscription ${id}`);
    return subscription;
  }

  /** When the next period starts: the first invoice's at the anchor, then a period apart. */
  nextPeriodStart(id: string): number {
    const subscription = this.get(id);
    return this.periodStart(subscription, subscription.invoices.length);
  }

  /** The start of the subscription's `index`th period (0: the anchor). */
  private periodStart(subscription: Subscription, index: number): number {
    return subscription.interval === 'week' ? subscription.anchor + index * WEEK : addMonths(subscription.anchor, index);
  }

  /** The subscription's next invoice, paid at `created`: the first is `subscription_create`, the rest `subscription_cycle`. */
  payNextInvoice(id: string, created: number): JsonObject {
    const subscription = this.get(id);
    const index = subscription.invoices.length;
    const reason: BillingReason = index === 0 ? 'subscription_create' : 'subscription_cycle';
    const start = this.periodStart(subscription, index);
    const invoiceId = index === 0 ? subscription.firstInvoice : this.store.newObjectId('in');
    const invoice = this.store.addObject(
      invoiceObject({
        id: invoiceId,
        lineId: this.store.newObjectId('il'),
        created,
        livemode: subscription.livemode,
        amount: subscription.amount,
        currency: subscription.currency,
        customer: subscription.customer,
        customerEmail: subscription.email,
        customerName: subscription.name,
        country: subscription.country,
        subscription: subscription.id,
        subscriptionItem: subscription.item,
        price: subscription.price,
        product: subscription.product,
        billingReason: reason,
        interval: subscription.interval,
        number: `${subscription.customer.slice(4, 12).toUpperCase()}-${String(index + 1).padStart(4, '0')}`,
        // An invoice closes the period before it (none for the first) and bills the one it opens.
        period: index === 0 ? { start, end: start } : { start: this.periodStart(subscription, index - 1), end: start },
        linePeriod: { start, end: this.periodStart(subscription, index + 1) },
        accountId: this.store.accountId,
      }),
    );
    const paymentIntent = this.store.newPaymentIntentId();
    this.payments.pay({
      paymentIntent,
      created,
      livemode: subscription.livemode,
      amount: subscription.amount,
      currency: subscription.currency,
      customer: subscription.customer,
      name: subscription.name,
      email: subscription.email,
      country: subscription.country,
      methodType: 'card',
      // Stripe's description of an invoice's charge.
      description: reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
    });
    this.store.addObject(
      invoicePaymentObject({
        id: this.store.newObjectId('inpay'),
        created,
        livemode: subscription.livemode,
        amount: subscription.amount,
        currency: subscription.currency,
        invoice: invoiceId,
        paymentIntent,
      }),
    );
    subscription.invoices.push(invoiceId);
    return invoice;
  }
}
