/**
 * A local fake of the part of Stripe's API the add-on reads: events by id and as lists (filtered by
 * `types[]` and `created[gte]`), Checkout Sessions by id, Payment Links by id and as lists, charges,
 * refunds, disputes, invoices and invoice payments by id, invoice payments and balance transactions
 * as lists, with Stripe's auth, error bodies and list cursors, plus failure injection and a request
 * log. What the add-on does not ask for (other filters, `ending_before`, listing Checkout Sessions,
 * writes) is refused as Stripe refuses an unknown parameter or URL. It answers the fake UrlFetchApp's
 * handler calls (`api.handle`), so code under test calls `https://api.stripe.com/v1/...` as in Apps Script.
 *
 * Objects are built in the shapes of Stripe's OpenAPI fixtures (test/fixtures/stripe/): a
 * `checkout.session`, `charge`, `refund`, `dispute` and `invoice` at the current API version (same
 * keys, same nesting, realistic values instead of the fixture's filler) and, for events made and
 * requests sent at API version 2024-06-20, the older shapes. Money after the sale (refunds,
 * disputes, subscription renewals) is made by `afterSale` (after-sale.ts) with Stripe's events.
 * Everything is deterministic: ids come from a seeded generator and time from an injected clock.
 *
 * Behaviours modelled on Stripe (see the notes on each; wording of messages is as close to Stripe's
 * as known, not guaranteed verbatim):
 * - lists are newest first (created desc, then creation order desc); `starting_after` gives the
 *   next older page; `has_more` says whether more lie beyond the page;
 * - a cursor is a position, so it may name an object the other filters exclude;
 * - events are listed and retrievable for 30 days only (`eventRetentionDays`), and a list cursor
 *   naming an older event is refused as an unknown one (400, `resource_missing`);
 * - keys are per mode: a test key neither lists nor retrieves live objects;
 * - an event keeps the shape of the API version it was created with, whatever `Stripe-Version` a
 *   request sends; a Checkout Session is rendered at the request's `Stripe-Version` (or the
 *   account's default version).
 *
 * This file is the one door: `FakeStripeApi` composes the parts (store.ts: clock, ids and objects;
 * auth.ts; failures.ts; routes.ts and money-routes.ts with paging.ts; scenarios.ts; after-sale.ts
 * with payments.ts and billing.ts; api-versions.ts with each object's module; signing.ts) and
 * only delegates, so each rule above is written once, in its part.
 *
 * Node only: used by the tests and the local server; never bundled into Code.js.
 */

import type { FetchHandler } from '../services/url-fetch';
import { CURRENT_API_VERSION, OLD_API_VERSION } from './api-versions';
import { AfterSale } from './after-sale';
import { ApiKeys, DEFAULT_LIVE_KEY, DEFAULT_TEST_KEY, type ApiKeyConfig } from './auth';
import { Balance } from './balance';
import { withStatus } from './balance-transactions';
import { BalanceRoutes } from './balance-routes';
import { Billing } from './billing';
import { FailureInjector, type FailureOptions } from './failures';
import { currentShapeInvoice, invoicePaymentObject } from './invoices';
import { clone, without, type CheckoutSession, type JsonObject, type SessionOverrides, type StripeEvent } from './objects';
import type { PaymentLink, PaymentLinkOverrides } from './payment-links';
import { Payments } from './payments';
import { StripeRoutes, type RecordedRequest, type StripeApiReply } from './routes';
import { Scenarios } from './scenarios';
import { DEFAULT_USD_RATES, priceListOf, type Pricing } from './settlement';
import { DEFAULT_ACCOUNT_ID, FakeStripeStore, type AddEventOptions, type MoneyObjectKind } from './store';

export { CURRENT_API_VERSION, OLD_API_VERSION, toOldApiSession } from './api-versions';
export { DEFAULT_LIVE_KEY, DEFAULT_TEST_KEY, maskKey, type ApiKeyConfig, type StripeResource } from './auth';
export type { FailureOptions } from './failures';
export type {
  Address,
  CheckoutSession,
  CheckoutSessionFields,
  CustomerDetails,
  JsonObject,
  SessionOverrides,
  StripeErrorBody,
  StripeEvent,
  StripeList,
} from './objects';
export { paymentLinkUrl, type PaymentLink, type PaymentLinkFields, type PaymentLinkOverrides } from './payment-links';
export { API_ORIGIN, type RecordedRequest, type StripeApiReply } from './routes';
export type { DisputeOptions, MoneyEventOptions, MoneyResult, RefundOptions } from './after-sale';
export type { DisputeReason, DisputeStatus } from './disputes';
export type { BillingInterval, BillingReason } from './invoices';
export {
  TYPICAL_AMOUNTS,
  type AsyncScenarioOptions,
  type ScenarioOptions,
  type ScenarioResult,
  type SubscriptionResult,
  type SubscriptionScenarioOptions,
} from './scenarios';
export { signPayload } from './signing';
export { DEFAULT_USD_RATES, exchangeRate, type Pricing } from './settlement';
export type { ExpiredManyOptions, ExpiredManyResult } from './scenarios';
export { DEFAULT_ACCOUNT_ID, DEFAULT_NOW, type AddEventOptions, type MoneyObjectKind } from './store';

export interface FakeStripeApiOptions {
  /** Keys the fake accepts; default `rk_test_fake` (test) and `rk_live_fake` (live), both able to read all. */
  keys?: (string | ApiKeyConfig)[];
  /** The clock in Unix seconds; default a manual clock at DEFAULT_NOW moved by `advance`/`setNow`. */
  now?: () => number;
  /** Seed of the id generator. */
  seed?: number;
  accountId?: string;
  /** The account's API version: what a request without Stripe-Version is answered in, and the
   *  version events are made at unless told otherwise. Default CURRENT_API_VERSION. */
  apiVersion?: string;
  /** Days events stay listable and retrievable (Stripe: 30). `Infinity` keeps them for ever. */
  eventRetentionDays?: number;
  /** The currency the account settles in (its balance transactions' `currency`): usd (default), eur, gbp or jpy. */
  settlementCurrency?: string;
  /** `standard` (default: fees on each charge's balance transaction) or `ic_plus` (none there; a day's fees apart). */
  pricing?: Pricing;
  /** Seconds between a charge and its balance transaction; default 0 (see setBalanceTransactionDelay). */
  balanceTransactionDelay?: number;
  /** Mid-market rates, USD per major unit, over DEFAULT_USD_RATES (illustrative, fixed). */
  exchangeRates?: Record<string, number>;
}

export class FakeStripeApi {
  /** Every request the fake answered, in order. */
  readonly requests: RecordedRequest[] = [];
  readonly accountId: string;
  /** The id of the test-mode Payment Link scenarios use unless told otherwise (a stored link). */
  readonly defaultPaymentLink: string;
  /** The id of the live-mode Payment Link live scenarios use unless told otherwise (a stored link). */
  readonly defaultLivePaymentLink: string;
  /** Ready-made Checkout flows with their events. */
  readonly scenario: Scenarios;
  /** Refunds, disputes and subscription renewals, with their events. */
  readonly afterSale: AfterSale;

  private readonly store: FakeStripeStore;
  private readonly keys: ApiKeys;
  private readonly failures: FailureInjector;
  private readonly routes: StripeRoutes;
  private readonly balance: Balance;
  private readonly payments: Payments;

  /** The handler the fake UrlFetchApp calls; bound, so it can be passed around. Typed as the
   *  UrlFetchApp fake's own handler contract, so the compiler checks that the two fit. */
  readonly handle: FetchHandler<StripeApiReply> = (request) => this.routes.respond(request);

  constructor(options: FakeStripeApiOptions = {}) {
    this.accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    this.store = new FakeStripeStore({
      now: options.now,
      seed: options.seed ?? 1,
      accountId: this.accountId,
      eventRetentionDays: options.eventRetentionDays ?? 30,
      apiVersion: options.apiVersion ?? CURRENT_API_VERSION,
    });
    this.keys = new ApiKeys(this.accountId);
    for (const key of options.keys ?? [DEFAULT_TEST_KEY, DEFAULT_LIVE_KEY]) this.keys.add(key);
    this.failures = new FailureInjector();
    const settlementCurrency = (options.settlementCurrency ?? 'usd').toLowerCase();
    priceListOf(settlementCurrency); // refuses a currency the fake has no prices for, now rather than at the first sale
    this.balance = new Balance(this.store, {
      currency: settlementCurrency,
      pricing: options.pricing ?? 'standard',
      delay: options.balanceTransactionDelay ?? 0,
      usdRates: { ...DEFAULT_USD_RATES, ...options.exchangeRates },
    });
    this.payments = new Payments(this.store, this.balance);
    this.routes = new StripeRoutes({
      store: this.store,
      keys: this.keys,
      failures: this.failures,
      requests: this.requests,
      balance: new BalanceRoutes(this.store, this.payments, this.balance),
    });
    this.defaultPaymentLink = this.store.newPaymentLinkId();
    // Derived, not drawn: the ids a seed gives (sessions, events, ...) stay those it always gave.
    this.defaultLivePaymentLink = this.store.derivedPaymentLinkId(`${this.defaultPaymentLink}:live`);
    this.store.addPaymentLink({ id: this.defaultPaymentLink, livemode: false });
    this.store.addPaymentLink({ id: this.defaultLivePaymentLink, livemode: true });
    const billing = new Billing(this.store, this.payments);
    this.scenario = new Scenarios(this.store, { test: this.defaultPaymentLink, live: this.defaultLivePaymentLink }, billing);
    this.afterSale = new AfterSale(this.store, this.payments, billing, this.balance);
  }

  // ----- API version ---------------------------------------------------------------------------

  /** The account's API version (see the `apiVersion` option). */
  get apiVersion(): string {
    return this.store.apiVersion;
  }

  /** Upgrade (or roll back) the account's API version: later events and unversioned requests use it. */
  setApiVersion(version: string): void {
    this.store.apiVersion = version;
  }

  // ----- the account's balance ---------------------------------------------------------------

  /** The currency the account settles in. */
  get settlementCurrency(): string {
    return this.balance.settings.currency;
  }

  /** Charges made from now on (and those of paid sessions not read yet) are settled at this pricing. */
  setPricing(pricing: Pricing): void {
    this.balance.settings.pricing = pricing;
  }

  /** Charges made from now on get their balance transaction `seconds` later (Stripe's asynchronous capture), so a
   *  test can read a payment before it is there; a session's charge is made when first read: set this before. */
  setBalanceTransactionDelay(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 0)
      throw new Error(`FakeStripeApi: a delay is a whole number of seconds, not ${String(seconds)}`);
    this.balance.settings.delay = seconds;
  }

  /** The balance transactions GET /v1/balance_transactions lists now for the mode (live or test), newest first, unexpanded. */
  balanceTransactions(livemode = false): JsonObject[] {
    this.payments.settleSessions();
    return this.balance
      .visible(livemode)
      .sort((a, b) => b.created - a.created || b.seq - a.seq)
      .map((stored) => clone(withStatus(stored.object, this.store.now())));
  }

  // ----- clock ---------------------------------------------------------------------------------

  /** The fake's time, in Unix seconds. */
  now(): number {
    return this.store.now();
  }

  setNow(seconds: number): void {
    this.store.setNow(seconds);
  }

  advance(seconds: number): void {
    this.store.setNow(this.store.now() + seconds);
  }

  // ----- keys ----------------------------------------------------------------------------------

  /** Accept a key (replacing any earlier setting of the same key). */
  addKey(config: string | ApiKeyConfig): void {
    this.keys.add(config);
  }

  removeKey(key: string): void {
    this.keys.remove(key);
  }

  // ----- ids -----------------------------------------------------------------------------------

  newEventId(): string {
    return this.store.newEventId();
  }

  newSessionId(livemode = false): string {
    return this.store.newSessionId(livemode);
  }

  newPaymentLinkId(): string {
    return this.store.newPaymentLinkId();
  }

  newPaymentIntentId(): string {
    return this.store.newPaymentIntentId();
  }

  newCustomerId(): string {
    return this.store.newCustomerId();
  }

  newRequestId(): string {
    return this.store.newRequestId();
  }

  // ----- data ----------------------------------------------------------------------------------

  /**
   * Store a Checkout Session and return a copy of it. Unset fields come from a completed, paid
   * card payment of 19.99 USD through a Payment Link (current API shape, every key of the
   * fixture); `created` defaults to now, `id` to a fresh `cs_test_`/`cs_live_` id.
   */
  addSession(overrides: SessionOverrides = {}): CheckoutSession {
    return this.store.addSession(overrides);
  }

  /** Change a stored session (what GET /v1/checkout/sessions/{id} returns from now on). */
  updateSession(id: string, overrides: SessionOverrides): CheckoutSession {
    return this.store.updateSession(id, overrides);
  }

  getSession(id: string): CheckoutSession | undefined {
    return this.store.getSession(id);
  }

  /** All stored sessions, oldest stored first. */
  allSessions(): CheckoutSession[] {
    return this.store.allSessions();
  }

  /**
   * Store an event of `type` whose `data.object` is a snapshot of `object` (a session, a stored
   * session's id, or any object) taken now: later changes to the session leave the event as it
   * was, as Stripe's are. Does not store or change the session itself.
   */
  addEvent(type: string, object: CheckoutSession | JsonObject | string, options: AddEventOptions = {}): StripeEvent {
    return this.store.addEvent(type, object, options);
  }

  /** `addEvent` at API version 2024-06-20: the session in the event is in that version's shape. */
  eventFromOldApi(
    type: string,
    object: CheckoutSession | JsonObject | string,
    options: Omit<AddEventOptions, 'apiVersion'> = {},
  ): StripeEvent {
    return this.store.addEvent(type, object, { ...options, apiVersion: OLD_API_VERSION });
  }

  getEvent(id: string): StripeEvent | undefined {
    return this.store.getEvent(id);
  }

  /** The stored event as a webhook endpoint pinned to `version` receives it (same id, that version's shape). */
  eventAtVersion(id: string, version: string): StripeEvent {
    return this.store.renderEvent(id, version);
  }

  /** A stored charge, refund, dispute, invoice or invoice payment (current shape), by id. */
  getObject(id: string, kind?: MoneyObjectKind): JsonObject | undefined {
    return this.store.getObject(id, kind);
  }

  /**
   * Store (or replace whole) a charge, refund, dispute or invoice as Stripe sent it, in the shape the
   * fake keeps, the current one: a 2024-06-20 charge loses its `invoice`; a 2024-06-20 invoice gets
   * its subscription in `parent`, and the payment intent it names becomes its invoice payment. The
   * playground copies verified deliveries in with it, so the add-on's fetch-back finds them.
   */
  putObject(object: JsonObject): JsonObject {
    const kind = object['object'];
    if (kind === 'charge') return this.store.putObject(without(object, ['invoice']));
    if (kind === 'refund' || kind === 'dispute') return this.store.putObject(object);
    if (kind !== 'invoice') throw new Error(`FakeStripeApi: putObject takes a charge, refund, dispute or invoice, not ${String(kind)}`);
    const { invoice, paymentIntent } = currentShapeInvoice(object);
    const stored = this.store.putObject(invoice);
    const id = String(invoice['id']);
    if (paymentIntent !== null && this.store.invoicePayment(id) === null) {
      this.store.addObject(
        invoicePaymentObject({
          id: this.store.newObjectId('inpay'),
          created: Number(invoice['created']),
          livemode: invoice['livemode'] === true,
          amount: Number(invoice['amount_paid']),
          currency: String(invoice['currency']),
          invoice: id,
          paymentIntent,
        }),
      );
    }
    return stored;
  }

  /** All stored objects of a kind (both modes), oldest stored first; every paid session's charge (and its balance transaction) included. */
  allObjects(kind: MoneyObjectKind): JsonObject[] {
    if (kind === 'charge' || kind === 'balance_transaction') this.payments.settleSessions();
    return this.store.objectsOf(kind).map((stored) => clone(stored.object));
  }

  /** All stored events (including ones past retention), oldest stored first. */
  allEvents(): StripeEvent[] {
    return this.store.allEvents();
  }

  /**
   * Store a Payment Link and return a copy of it: active, usd, test mode unless `livemode`, with a
   * fresh `plink_` id and its `https://buy.stripe.com/test_...` (or live) URL unless given;
   * `created` (list order only: Stripe's object has no such field) defaults to now.
   */
  addPaymentLink(overrides: PaymentLinkOverrides = {}): PaymentLink {
    return this.store.addPaymentLink(overrides);
  }

  /** Change a stored link (deactivate it, give it the URL a sheet holds, ...). */
  updatePaymentLink(id: string, overrides: PaymentLinkOverrides): PaymentLink {
    return this.store.updatePaymentLink(id, overrides);
  }

  getPaymentLink(id: string): PaymentLink | undefined {
    return this.store.getPaymentLink(id);
  }

  /** All stored links (both modes), oldest stored first. */
  allPaymentLinks(): PaymentLink[] {
    return this.store.allPaymentLinks();
  }

  // ----- failure injection --------------------------------------------------------------------

  /** Answer the next `count` requests (matching `options.path`, if given) with `status`. */
  failNext(count: number, status: number, options: FailureOptions = {}): void {
    this.failures.failNext(count, status, options);
  }

  clearFailures(): void {
    this.failures.clearFailures();
  }
}
