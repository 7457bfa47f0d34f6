/**
 * The fake's HTTP side: what it does with one UrlFetchApp request. Parses the URL, logs the request,
 * runs failure injection, auth and the Stripe-Version check in Stripe's order, routes to the reads
 * the add-on makes (list and retrieve events, retrieve a Checkout Session, list and retrieve
 * Payment Links, the money reads of money-routes.ts and the balance's of balance-routes.ts) and turns any refusal into Stripe's error
 * response. The fake only reads because the
 * add-on never writes to Stripe, and does not list Checkout Sessions because the add-on never does;
 * each is refused with a message saying so.
 */

import type { FetchReply, FetchRequest } from '../services/url-fetch';
import { renderSession } from './api-versions';
import type { ApiKeys, StripeResource } from './auth';
import type { BalanceRoutes } from './balance-routes';
import type { FailureInjector } from './failures';
import { headerValue, HttpError, invalid, noSuch, unrecognized } from './http';
import { clone, type JsonObject, type StripeEvent, type StripeList } from './objects';
import type { PaymentLink } from './payment-links';
import { isMoneyResource, MONEY_RESOURCES, MoneyRoutes } from './money-routes';
import { allowParams, arrayParam, createdFilter, paginate, type Query } from './paging';
import type { FakeStripeStore, Stored } from './store';

export const API_ORIGIN = 'https://api.stripe.com';

const MAX_EVENT_TYPES = 20;

/** The fake's replies are always text (JSON, or a proxy's page), which its own tests rely on. */
export interface StripeApiReply extends FetchReply {
  body: string;
}

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  /** Decoded query: a string for a key given once, an array for a repeated key or one ending in `[]`. */
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** The status the fake answered with. */
  status: number;
}

export interface RouteParts {
  store: FakeStripeStore;
  keys: ApiKeys;
  failures: FailureInjector;
  /** The log every answered request is appended to. */
  requests: RecordedRequest[];
  balance: BalanceRoutes;
}

export class StripeRoutes {
  private readonly store: FakeStripeStore;
  private readonly keys: ApiKeys;
  private readonly failures: FailureInjector;
  private readonly requests: RecordedRequest[];
  private readonly money: MoneyRoutes;
  private readonly balance: BalanceRoutes;

  constructor(parts: RouteParts) {
    this.store = parts.store;
    this.keys = parts.keys;
    this.failures = parts.failures;
    this.requests = parts.requests;
    this.money = new MoneyRoutes(parts.store);
    this.balance = parts.balance;
  }

  respond(request: FetchRequest): StripeApiReply {
    let parsed: URL;
    try {
      parsed = new URL(request.url);
    } catch {
      throw new Error(`FakeStripeApi: not a URL: ${request.url}`);
    }
    if (parsed.origin !== API_ORIGIN) throw new Error(`FakeStripeApi: not a Stripe API URL: ${request.url}`);

    const method = request.method.toUpperCase();
    const query: Query = new Map();
    for (const [key, value] of parsed.searchParams) query.set(key, [...(query.get(key) ?? []), value]);
    const record: RecordedRequest = {
      method,
      url: request.url,
      path: parsed.pathname,
      query: Object.fromEntries(
        [...query].map(([key, values]) => [key, values.length === 1 && !key.endsWith('[]') ? (values[0] ?? '') : values]),
      ),
      headers: { ...request.headers },
      status: 0,
    };
    this.requests.push(record);

    const requestId = this.store.newRequestId();
    let response: StripeApiReply;
    try {
      response = this.route(method, parsed.pathname, query, request.headers, requestId);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const contentType = error.rawBody === undefined ? 'application/json' : 'text/html; charset=utf-8';
      response = {
        status: error.status,
        headers: { 'Content-Type': contentType, 'Request-Id': requestId, ...error.extraHeaders },
        body: error.rawBody ?? JSON.stringify(error.body, null, 2),
      };
    }
    record.status = response.status;
    return response;
  }

  private route(method: string, path: string, query: Query, headers: Record<string, string>, requestId: string): StripeApiReply {
    this.failures.check(path);
    const key = this.keys.authenticate(headers);
    const logUrl = `https://dashboard.stripe.com/${key.livemode ? '' : 'test/'}logs/${requestId}?t=${this.store.now()}`;
    try {
      const version = this.requestedVersion(headers);
      const ok = (body: unknown): StripeApiReply => ({
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Request-Id': requestId, 'Stripe-Version': version },
        body: JSON.stringify(body, null, 2),
      });
      const segments =
        /^\/v1\/(events|checkout\/sessions|payment_links|charges|refunds|disputes|invoices|invoice_payments|balance_transactions)(?:\/([^/]+))?$/.exec(
          path,
        );
      if (!segments) throw unrecognized(method, path);
      if (method !== 'GET') {
        throw new HttpError(405, {
          error: {
            type: 'invalid_request_error',
            message: `FakeStripeApi serves reads only: ${method} ${path} is not supported (the add-on never writes to Stripe).`,
          },
        });
      }
      const id = segments[2] === undefined ? undefined : decodeURIComponent(segments[2]);
      const segment = segments[1] ?? '';
      if (segment === 'balance_transactions') {
        this.keys.requirePermission(key, 'balance_transactions');
        return ok(this.balance.respond(id, query, key.livemode, version));
      }
      if (isMoneyResource(segment)) {
        this.keys.requirePermission(key, MONEY_RESOURCES[segment].permission);
        return ok(this.money.respond(segment, id, query, key.livemode, version));
      }
      const resource: StripeResource =
        segment === 'events' ? 'events' : segment === 'payment_links' ? 'payment_links' : 'checkout_sessions';
      this.keys.requirePermission(key, resource);
      if (resource === 'events') {
        return ok(id === undefined ? this.listEvents(query, key.livemode) : this.retrieveEvent(id, query, key.livemode));
      }
      if (resource === 'payment_links') {
        return ok(id === undefined ? this.listPaymentLinks(query, key.livemode) : this.retrievePaymentLink(id, query, key.livemode));
      }
      if (id === undefined) {
        throw new HttpError(404, {
          error: {
            type: 'invalid_request_error',
            message:
              'FakeStripeApi does not list Checkout Sessions: GET /v1/checkout/sessions is not supported (the add-on never lists them).',
          },
        });
      }
      return ok(this.retrieveSession(id, query, key.livemode, version));
    } catch (error) {
      if (error instanceof HttpError && error.status !== 401) error.body.error.request_log_url = logUrl;
      throw error;
    }
  }

  private requestedVersion(headers: Record<string, string>): string {
    const requested = headerValue(headers, 'stripe-version')?.trim();
    if (requested === undefined || requested === '') return this.store.apiVersion;
    if (!/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(requested)) {
      throw new HttpError(400, { error: { type: 'invalid_request_error', message: `Invalid Stripe API version: ${requested}` } });
    }
    return requested;
  }

  private visibleEvent(stored: Stored<StripeEvent>, livemode: boolean): boolean {
    return stored.livemode === livemode && this.store.isRetained(stored);
  }

  private retrieveEvent(id: string, query: Query, livemode: boolean): StripeEvent {
    allowParams(query, []);
    const stored = this.store.events.get(id);
    if (!stored || !this.store.isRetained(stored)) throw noSuch('event', id, 'id');
    if (stored.livemode !== livemode) throw noSuch('event', id, 'id', stored.livemode);
    return clone(stored.object);
  }

  private retrieveSession(id: string, query: Query, livemode: boolean, version: string): JsonObject {
    allowParams(query, []);
    const stored = this.store.sessions.get(id);
    if (!stored) throw noSuch('checkout.session', id, 'id');
    if (stored.livemode !== livemode) throw noSuch('checkout.session', id, 'id', stored.livemode);
    return renderSession(stored.object, version);
  }

  private listEvents(query: Query, livemode: boolean): StripeList<StripeEvent> {
    allowParams(query, ['limit', 'starting_after', 'created', 'types']);
    const types = arrayParam(query, 'types');
    if (types !== undefined && types.length > MAX_EVENT_TYPES) {
      throw invalid(`You may pass at most ${MAX_EVENT_TYPES} values in types.`, 'types');
    }
    const created = createdFilter(query);
    // An event past retention is gone, so a cursor naming it is refused as an unknown one.
    const all = [...this.store.events.values()].filter((stored) => this.visibleEvent(stored, livemode));
    const candidates = all.filter((stored) => created(stored.created) && (types === undefined || types.includes(stored.object.type)));
    return paginate('/v1/events', 'event', candidates, all, query, (stored) => clone(stored.object));
  }

  private retrievePaymentLink(id: string, query: Query, livemode: boolean): PaymentLink {
    allowParams(query, []);
    const stored = this.store.paymentLinks.get(id);
    if (!stored) throw noSuch('payment_link', id, 'id');
    if (stored.livemode !== livemode) throw noSuch('payment_link', id, 'id', stored.livemode);
    return clone(stored.object);
  }

  private listPaymentLinks(query: Query, livemode: boolean): StripeList<PaymentLink> {
    allowParams(query, ['limit', 'starting_after']);
    const all = [...this.store.paymentLinks.values()].filter((stored) => stored.livemode === livemode);
    return paginate('/v1/payment_links', 'payment_link', all, all, query, (stored) => clone(stored.object));
  }
}
