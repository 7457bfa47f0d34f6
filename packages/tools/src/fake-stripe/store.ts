/**
 * The fake's state: the clock, the id generator, the account's API version, and the Checkout
 * Sessions, Payment Links, events and money objects (charges, refunds, disputes, invoices, invoice
 * payments, balance transactions) it holds.
 * Everything that makes the fake deterministic is here (seeded ids, an injected or manual clock,
 * a creation counter that breaks ties between objects made in the same second), so the routes and
 * the scenarios only read and add through it.
 */

import { currentShapeSession, isOldApiVersion, renderObject } from './api-versions';
import {
  clone,
  DAY,
  deepMerge,
  isPlainObject,
  type CheckoutSession,
  type JsonObject,
  type ObjectLookup,
  type SessionOverrides,
  type StripeEvent,
} from './objects';
import { derivedChars, paymentLinkObject, type PaymentLink, type PaymentLinkOverrides } from './payment-links';
import { SeededRandom } from './seeded-random';

export const DEFAULT_ACCOUNT_ID = 'acct_1QfAk3St9RipEaPI';
/** 2026-01-01T00:00:00Z: the default clock's start. */
export const DEFAULT_NOW = 1_767_225_600;

const SESSION_ID_SUFFIX_LENGTH = 58; // cs_test_ + 58 characters, as in the fixtures

export interface AddEventOptions {
  created?: number;
  id?: string;
  /** The event's `api_version` (default the account's): its object is rendered in that version's shape. */
  apiVersion?: string;
  request?: { id: string | null; idempotency_key: string | null } | null;
  previousAttributes?: JsonObject;
  /** `data.object` is the object exactly as given, already in the event's version's shape (an event copied from Stripe). */
  verbatim?: boolean;
}

/** A stored object with what lists sort and filter on, kept beside it so a later edit of the
 *  object's own fields is reflected by `updateSession` alone. */
export interface Stored<T> {
  object: T;
  seq: number;
  created: number;
  livemode: boolean;
}

export interface StoreOptions {
  now: (() => number) | undefined;
  seed: number;
  accountId: string;
  eventRetentionDays: number;
  apiVersion: string;
}

/** The money objects the fake holds, by their `object`. */
export type MoneyObjectKind = 'charge' | 'refund' | 'dispute' | 'invoice' | 'invoice_payment' | 'balance_transaction';

export class FakeStripeStore implements ObjectLookup {
  readonly accountId: string;
  /**
   * The account's API version: what a request without Stripe-Version is answered in, and the
   * version new events are made at (Stripe makes an event in the account's version of the moment,
   * so changing it mid-way leaves /v1/events mixing shapes, as a real upgrade does).
   */
  apiVersion: string;
  /** Days events stay listable and retrievable (Stripe: 30). */
  readonly eventRetentionDays: number;
  readonly sessions = new Map<string, Stored<CheckoutSession>>();
  readonly events = new Map<string, Stored<StripeEvent>>();
  readonly paymentLinks = new Map<string, Stored<PaymentLink>>();
  /** Charges, refunds, disputes, invoices and invoice payments, by id (stored in the current shape). */
  readonly objects = new Map<string, Stored<JsonObject>>();

  /** What each event's object was, in the current shape, when it was made: to render it at another version. */
  private readonly eventSources = new Map<string, JsonObject>();
  private readonly chargeByPaymentIntent = new Map<string, string>();
  private readonly invoicePaymentByInvoice = new Map<string, string>();
  private readonly invoicePaymentByPaymentIntent = new Map<string, string>();
  /** When each session's payment went through: the `created` of its first event saying `paid`. */
  private readonly paidAt = new Map<string, number>();
  /** Sessions added or changed since their charges were last looked for (payments.ts makes a paid one's charge when asked). */
  readonly unsettledSessions = new Set<string>();

  private readonly clock: (() => number) | undefined;
  private manualNow = DEFAULT_NOW;
  private readonly random: SeededRandom;
  private seq = 0;

  constructor(options: StoreOptions) {
    this.clock = options.now;
    this.random = new SeededRandom(options.seed);
    this.accountId = options.accountId;
    this.eventRetentionDays = options.eventRetentionDays;
    this.apiVersion = options.apiVersion;
  }

  // ----- clock ---------------------------------------------------------------------------------

  now(): number {
    return this.clock ? this.clock() : this.manualNow;
  }

  setNow(seconds: number): void {
    if (this.clock) throw new Error('FakeStripeApi: the clock was injected; move it instead');
    this.manualNow = seconds;
  }

  /** An event older than the retention window is gone for the API, though tests can still see it. */
  isRetained(stored: Stored<StripeEvent>): boolean {
    return stored.created >= this.now() - this.eventRetentionDays * DAY;
  }

  // ----- ids -----------------------------------------------------------------------------------

  /** `<prefix>_1` + 23 characters, with the account's fragment in the middle, as Stripe's ids. */
  private accountScopedId(prefix: string): string {
    return `${prefix}_1${this.random.chars(5)}${this.accountId.slice(-10)}${this.random.chars(8)}`;
  }

  newEventId(): string {
    return this.accountScopedId('evt');
  }

  /** A fresh id of a money object or its parts: `ch`, `re`, `dp`, `in`, `il`, `inpay`, `sub`, `txn`, `pm`, `price`. */
  newObjectId(prefix: string): string {
    return this.accountScopedId(prefix);
  }

  newSessionId(livemode = false): string {
    return `cs_${livemode ? 'live' : 'test'}_a1${this.random.chars(SESSION_ID_SUFFIX_LENGTH - 2)}`;
  }

  newPaymentLinkId(): string {
    return this.accountScopedId('plink');
  }

  /** A payment link id derived from `text`: drawn from nothing, so the ids a seed gives stay as they were. */
  derivedPaymentLinkId(text: string): string {
    return `plink_1${derivedChars(`${text}:a`, 5)}${this.accountId.slice(-10)}${derivedChars(`${text}:b`, 8)}`;
  }

  newPaymentIntentId(): string {
    return this.accountScopedId('pi');
  }

  newCustomerId(): string {
    return this.newShortId('cus');
  }

  /** `<prefix>_` + 14 characters, as Stripe's customer, product and subscription item ids. */
  newShortId(prefix: string): string {
    return `${prefix}_${this.random.chars(14)}`;
  }

  newRequestId(): string {
    return `req_${this.random.chars(14)}`;
  }

  // ----- sessions ------------------------------------------------------------------------------

  /** `copy` false returns the stored session itself, for a caller that only reads it (many sessions at once). */
  addSession(overrides: SessionOverrides, copy = true): CheckoutSession {
    const livemode = overrides.livemode ?? false;
    const created = overrides.created ?? this.now();
    // The session id is drawn before the payment intent's, so a seed gives the ids it always gave.
    const id = overrides.id ?? this.newSessionId(livemode);
    const base = currentShapeSession(id, created, livemode, this.newPaymentIntentId());
    if (overrides.amount_total !== undefined && overrides.amount_subtotal === undefined) base.amount_subtotal = overrides.amount_total;
    const session = deepMerge(base, overrides) as CheckoutSession;
    if (this.sessions.has(session.id)) throw new Error(`FakeStripeApi: session ${session.id} already exists`);
    this.sessions.set(session.id, { object: session, seq: ++this.seq, created: session.created, livemode: session.livemode });
    this.unsettledSessions.add(session.id);
    return copy ? clone(session) : session;
  }

  updateSession(id: string, overrides: SessionOverrides): CheckoutSession {
    const stored = this.sessions.get(id);
    if (!stored) throw new Error(`FakeStripeApi: no session ${id}`);
    stored.object = deepMerge(stored.object, overrides) as CheckoutSession;
    stored.created = stored.object.created;
    stored.livemode = stored.object.livemode;
    this.unsettledSessions.add(id);
    return clone(stored.object);
  }

  getSession(id: string): CheckoutSession | undefined {
    const stored = this.sessions.get(id);
    return stored ? clone(stored.object) : undefined;
  }

  allSessions(): CheckoutSession[] {
    return [...this.sessions.values()].map((stored) => clone(stored.object));
  }

  // ----- payment links -----------------------------------------------------------------------

  addPaymentLink(overrides: PaymentLinkOverrides): PaymentLink {
    const { created: createdOverride, ...fields } = overrides;
    const livemode = fields.livemode ?? false;
    const id = fields.id ?? this.newPaymentLinkId();
    const link = deepMerge(paymentLinkObject(id, livemode), fields) as PaymentLink;
    if (this.paymentLinks.has(link.id)) throw new Error(`FakeStripeApi: payment link ${link.id} already exists`);
    this.paymentLinks.set(link.id, { object: link, seq: ++this.seq, created: createdOverride ?? this.now(), livemode: link.livemode });
    return clone(link);
  }

  updatePaymentLink(id: string, overrides: PaymentLinkOverrides): PaymentLink {
    const stored = this.paymentLinks.get(id);
    if (!stored) throw new Error(`FakeStripeApi: no payment link ${id}`);
    const { created, ...fields } = overrides;
    stored.object = deepMerge(stored.object, fields) as PaymentLink;
    stored.livemode = stored.object.livemode;
    if (created !== undefined) stored.created = created;
    return clone(stored.object);
  }

  getPaymentLink(id: string): PaymentLink | undefined {
    const stored = this.paymentLinks.get(id);
    return stored ? clone(stored.object) : undefined;
  }

  allPaymentLinks(): PaymentLink[] {
    return [...this.paymentLinks.values()].map((stored) => clone(stored.object));
  }

  // ----- money objects -------------------------------------------------------------------------

  /** Store a charge, refund, dispute, invoice or invoice payment (current shape); `created` orders lists. */
  addObject(object: JsonObject): JsonObject {
    const id = object['id'];
    if (typeof id !== 'string') throw new Error('FakeStripeApi: an object needs an id');
    if (this.objects.has(id)) throw new Error(`FakeStripeApi: ${String(object['object'])} ${id} already exists`);
    const created = typeof object['created'] === 'number' ? object['created'] : this.now();
    this.objects.set(id, { object: clone(object), seq: ++this.seq, created, livemode: this.livemodeOf(object) });
    this.index(object);
    return clone(object);
  }

  /** Store an object, or replace the stored one of the same id whole (a newer copy from Stripe). */
  putObject(object: JsonObject): JsonObject {
    const stored = this.objects.get(String(object['id']));
    if (!stored) return this.addObject(object);
    stored.object = clone(object);
    stored.livemode = this.livemodeOf(object);
    if (typeof object['created'] === 'number') stored.created = object['created'];
    this.index(object);
    return clone(object);
  }

  /** Change a stored object; nested objects merge, as the session and link updates do. */
  updateObject(id: string, fields: JsonObject): JsonObject {
    const stored = this.objects.get(id);
    if (!stored) throw new Error(`FakeStripeApi: no object ${id}`);
    stored.object = deepMerge(stored.object, fields);
    this.index(stored.object);
    return clone(stored.object);
  }

  getObject(id: string, kind?: MoneyObjectKind): JsonObject | undefined {
    const stored = this.objects.get(id);
    if (!stored || (kind !== undefined && stored.object['object'] !== kind)) return undefined;
    return clone(stored.object);
  }

  /** The stored objects of a kind, oldest stored first. */
  objectsOf(kind: MoneyObjectKind): Stored<JsonObject>[] {
    return [...this.objects.values()].filter((stored) => stored.object['object'] === kind);
  }

  /** The charge a payment intent made, if the fake holds it. */
  chargeOfPaymentIntent(paymentIntent: string): JsonObject | undefined {
    const id = this.chargeByPaymentIntent.get(paymentIntent);
    return id === undefined ? undefined : this.getObject(id);
  }

  invoicePayment(invoiceId: string): { paymentIntent: string; charge: string | null } | null {
    const payment = this.paymentOfInvoicePayment(this.invoicePaymentByInvoice.get(invoiceId));
    if (payment === null) return null;
    return { paymentIntent: payment, charge: this.chargeByPaymentIntent.get(payment) ?? null };
  }

  invoiceOfPaymentIntent(paymentIntent: string): string | null {
    const id = this.invoicePaymentByPaymentIntent.get(paymentIntent);
    const invoice = id === undefined ? undefined : this.objects.get(id)?.object['invoice'];
    return typeof invoice === 'string' ? invoice : null;
  }

  private paymentOfInvoicePayment(id: string | undefined): string | null {
    const payment = id === undefined ? undefined : this.objects.get(id)?.object['payment'];
    const intent = isPlainObject(payment) ? payment['payment_intent'] : undefined;
    return typeof intent === 'string' ? intent : null;
  }

  /** When a stored session was paid (its first `paid` event), or undefined when no event said so. */
  sessionPaidAt(id: string): number | undefined {
    return this.paidAt.get(id);
  }

  /** An object's mode: its `livemode`, or for a refund (which has none) its charge's, for a balance transaction its source's. */
  private livemodeOf(object: JsonObject): boolean {
    const kind = object['object'];
    if (kind !== 'refund' && kind !== 'balance_transaction') return object['livemode'] === true;
    const parent = kind === 'refund' ? object['charge'] : object['source'];
    return typeof parent === 'string' && this.objects.get(parent)?.livemode === true;
  }

  /** False only for a balance transaction the fake holds that is not made yet (a charge's, with a delay). */
  balanceTransactionVisible(id: string): boolean {
    const stored = this.objects.get(id);
    return stored === undefined || stored.created <= this.now();
  }

  private index(object: JsonObject): void {
    const id = String(object['id']);
    if (object['object'] === 'charge' && typeof object['payment_intent'] === 'string') {
      this.chargeByPaymentIntent.set(object['payment_intent'], id);
    }
    if (object['object'] === 'invoice_payment') {
      if (typeof object['invoice'] === 'string') this.invoicePaymentByInvoice.set(object['invoice'], id);
      const intent = this.paymentOfInvoicePayment(id);
      if (intent !== null) this.invoicePaymentByPaymentIntent.set(intent, id);
    }
  }

  // ----- events --------------------------------------------------------------------------------

  /** `copy` false returns the stored event itself, for a caller that only reads it. */
  addEvent(type: string, object: CheckoutSession | JsonObject | string, options: AddEventOptions, copy = true): StripeEvent {
    let source: JsonObject;
    if (typeof object === 'string') {
      const stored = this.sessions.get(object);
      if (!stored) throw new Error(`FakeStripeApi: no session ${object}`);
      source = stored.object;
    } else {
      source = object;
    }
    const apiVersion = options.apiVersion ?? this.apiVersion;
    const snapshot = options.verbatim === true ? clone(source) : renderObject(source, apiVersion, this);
    const event: StripeEvent = {
      id: options.id ?? this.newEventId(),
      object: 'event',
      api_version: apiVersion,
      created: options.created ?? this.now(),
      data: options.previousAttributes
        ? { object: snapshot, previous_attributes: clone(options.previousAttributes) }
        : { object: snapshot },
      livemode: this.livemodeOf(source),
      pending_webhooks: 1,
      request: options.request === undefined ? { id: null, idempotency_key: null } : options.request,
      type,
    };
    if (this.events.has(event.id)) throw new Error(`FakeStripeApi: event ${event.id} already exists`);
    this.events.set(event.id, { object: event, seq: ++this.seq, created: event.created, livemode: event.livemode });
    // A session at a current version is its own rendering: the event's copy serves as the source too (never changed).
    const same = options.verbatim !== true && source['object'] === 'checkout.session' && !isOldApiVersion(apiVersion);
    this.eventSources.set(event.id, same ? snapshot : clone(source));
    if (source['object'] === 'checkout.session' && source['payment_status'] === 'paid' && !this.paidAt.has(String(source['id']))) {
      this.paidAt.set(String(source['id']), event.created);
    }
    return copy ? clone(event) : event;
  }

  /** The event as a webhook endpoint pinned to `version` receives it: same id, its object in that version's shape. */
  renderEvent(id: string, version: string): StripeEvent {
    const stored = this.events.get(id);
    const source = this.eventSources.get(id);
    if (!stored || !source) throw new Error(`FakeStripeApi: no event ${id}`);
    const event = clone(stored.object);
    return { ...event, api_version: version, data: { ...event.data, object: renderObject(source, version, this) } };
  }

  getEvent(id: string): StripeEvent | undefined {
    const stored = this.events.get(id);
    return stored ? clone(stored.object) : undefined;
  }

  allEvents(): StripeEvent[] {
    return [...this.events.values()].map((stored) => clone(stored.object));
  }
}
