/**
 * The reads of money after the sale, as the add-on makes them to verify an event (the object again,
 * by id, with the key of its mode) and to tie a renewal's payment to its invoice:
 * GET /v1/charges/{id}, /v1/refunds/{id}, /v1/disputes/{id}, /v1/invoices/{id},
 * /v1/invoice_payments/{id}, and GET /v1/invoice_payments filtered by `invoice`,
 * `payment[type]`+`payment[payment_intent]` and `status`, paged as Stripe's lists are. Each object
 * is rendered at the request's Stripe-Version. Listing charges, refunds, disputes or invoices is not
 * served (the add-on never does), and says so.
 */

import { renderObject } from './api-versions';
import type { StripeResource } from './auth';
import { HttpError, invalid, noSuch } from './http';
import { clone, isPlainObject, type JsonObject, type StripeList } from './objects';
import { allowParams, paginate, single, type Query } from './paging';
import type { FakeStripeStore, MoneyObjectKind, Stored } from './store';

/** The path segment of each money resource, the object it holds, and the read permission it needs. */
export const MONEY_RESOURCES = {
  charges: { kind: 'charge', permission: 'charges' },
  refunds: { kind: 'refund', permission: 'charges' },
  disputes: { kind: 'dispute', permission: 'disputes' },
  invoices: { kind: 'invoice', permission: 'invoices' },
  invoice_payments: { kind: 'invoice_payment', permission: 'invoices' },
} as const satisfies Record<string, { kind: MoneyObjectKind; permission: StripeResource }>;
export type MoneyResource = keyof typeof MONEY_RESOURCES;

export function isMoneyResource(segment: string): segment is MoneyResource {
  return segment in MONEY_RESOURCES;
}

const PAYMENT_TYPES = ['payment_intent', 'payment_record'];
const INVOICE_PAYMENT_STATUSES = ['open', 'paid', 'canceled'];

export class MoneyRoutes {
  constructor(private readonly store: FakeStripeStore) {}

  respond(resource: MoneyResource, id: string | undefined, query: Query, livemode: boolean, version: string): unknown {
    const { kind } = MONEY_RESOURCES[resource];
    if (id !== undefined) return this.retrieve(kind, id, query, livemode, version);
    if (resource === 'invoice_payments') return this.listInvoicePayments(query, livemode);
    throw new HttpError(404, {
      error: {
        type: 'invalid_request_error',
        message: `FakeStripeApi does not list ${resource}: GET /v1/${resource} is not supported (the add-on reads them one by one).`,
      },
    });
  }

  private retrieve(kind: MoneyObjectKind, id: string, query: Query, livemode: boolean, version: string): JsonObject {
    allowParams(query, []);
    const stored = this.store.objects.get(id);
    if (!stored || stored.object['object'] !== kind) throw noSuch(kind, id, 'id');
    if (stored.livemode !== livemode) throw noSuch(kind, id, 'id', stored.livemode);
    return renderObject(stored.object, version, this.store);
  }

  private listInvoicePayments(query: Query, livemode: boolean): StripeList<JsonObject> {
    allowParams(query, ['limit', 'starting_after', 'invoice', 'payment', 'status'], ['payment[type]', 'payment[payment_intent]']);
    const invoice = single(query, 'invoice');
    const status = single(query, 'status');
    const type = single(query, 'payment[type]');
    const paymentIntent = single(query, 'payment[payment_intent]');
    if (paymentIntent !== undefined && type === undefined) throw invalid('Missing required param: payment[type].', 'payment[type]');
    if (type !== undefined && !PAYMENT_TYPES.includes(type)) {
      throw invalid(`Invalid payment[type]: must be one of ${PAYMENT_TYPES.join(' or ')}`, 'payment[type]');
    }
    if (status !== undefined && !INVOICE_PAYMENT_STATUSES.includes(status)) {
      throw invalid(`Invalid status: must be one of ${INVOICE_PAYMENT_STATUSES.join(', ')}`, 'status');
    }
    const all = this.store.objectsOf('invoice_payment').filter((stored) => stored.livemode === livemode);
    const matches = (stored: Stored<JsonObject>): boolean => {
      const payment = isPlainObject(stored.object['payment']) ? stored.object['payment'] : {};
      return (
        (invoice === undefined || stored.object['invoice'] === invoice) &&
        (status === undefined || stored.object['status'] === status) &&
        (type === undefined || payment['type'] === type) &&
        (paymentIntent === undefined || payment['payment_intent'] === paymentIntent)
      );
    };
    return paginate('/v1/invoice_payments', 'invoice_payment', all.filter(matches), all, query, (stored) => clone(stored.object));
  }
}
