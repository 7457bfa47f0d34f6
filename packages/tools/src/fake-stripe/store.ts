/**
 * The fake's state: the clock, the id generator, and the Checkout Sessions, Payment Links and events
 * it holds.
 * Everything that makes the fake deterministic is here (seeded ids, an injected or manual clock,
 * a creation counter that breaks ties between objects made in the same second), so the routes and
 * the scenarios only read and add through it.
 */

import { currentShapeSession, CURRENT_API_VERSION, eventSnapshot } from './api-versions';
import { clone, DAY, deepMerge, type CheckoutSession, type JsonObject, type SessionOverrides, type StripeEvent } from './objects';
import { derivedChars, paymentLinkObject, type PaymentLink, type PaymentLinkOverrides } from './payment-links';

export const DEFAULT_ACCOUNT_ID = 'acct_1QfAk3St9RipEaPI';
/** 2026-01-01T00:00:00Z: the default clock's start. */
export const DEFAULT_NOW = 1_767_225_600;

const SESSION_ID_SUFFIX_LENGTH = 58; // cs_test_ + 58 characters, as in the fixtures

export interface AddEventOptions {
  created?: number;
  id?: string;
  /** The event's `api_version`; before 2024-09-30 its session is rendered in the 2024-06-20 shape. */
  apiVersion?: string;
  request?: { id: string | null; idempotency_key: string | null } | null;
  previousAttributes?: JsonObject;
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
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** mulberry32: a small, fast, seedable generator; plenty for ids. */
class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chars(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHANUMERIC.charAt(Math.floor(this.next() * ALPHANUMERIC.length));
    return out;
  }
}

export class FakeStripeStore {
  readonly accountId: string;
  /** Days events stay listable and retrievable (Stripe: 30). */
  readonly eventRetentionDays: number;
  readonly sessions = new Map<string, Stored<CheckoutSession>>();
  readonly events = new Map<string, Stored<StripeEvent>>();
  readonly paymentLinks = new Map<string, Stored<PaymentLink>>();

  private readonly clock: (() => number) | undefined;
  private manualNow = DEFAULT_NOW;
  private readonly random: SeededRandom;
  private seq = 0;

  constructor(options: StoreOptions) {
    this.clock = options.now;
    this.random = new SeededRandom(options.seed);
    this.accountId = options.accountId;
    this.eventRetentionDays = options.eventRetentionDays;
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
    return `cus_${this.random.chars(14)}`;
  }

  newRequestId(): string {
    return `req_${this.random.chars(14)}`;
  }

  // ----- sessions ------------------------------------------------------------------------------

  addSession(overrides: SessionOverrides): CheckoutSession {
    const livemode = overrides.livemode ?? false;
    const created = overrides.created ?? this.now();
    // The session id is drawn before the payment intent's, so a seed gives the ids it always gave.
    const id = overrides.id ?? this.newSessionId(livemode);
    const base = currentShapeSession(id, created, livemode, this.newPaymentIntentId());
    if (overrides.amount_total !== undefined && overrides.amount_subtotal === undefined) base.amount_subtotal = overrides.amount_total;
    const session = deepMerge(base, overrides) as CheckoutSession;
    if (this.sessions.has(session.id)) throw new Error(`FakeStripeApi: session ${session.id} already exists`);
    this.sessions.set(session.id, { object: session, seq: ++this.seq, created: session.created, livemode: session.livemode });
    return clone(session);
  }

  updateSession(id: string, overrides: SessionOverrides): CheckoutSession {
    const stored = this.sessions.get(id);
    if (!stored) throw new Error(`FakeStripeApi: no session ${id}`);
    stored.object = deepMerge(stored.object, overrides) as CheckoutSession;
    stored.created = stored.object.created;
    stored.livemode = stored.object.livemode;
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

  // ----- events --------------------------------------------------------------------------------

  addEvent(type: string, object: CheckoutSession | JsonObject | string, options: AddEventOptions): StripeEvent {
    let source: JsonObject;
    if (typeof object === 'string') {
      const stored = this.sessions.get(object);
      if (!stored) throw new Error(`FakeStripeApi: no session ${object}`);
      source = stored.object;
    } else {
      source = object;
    }
    const apiVersion = options.apiVersion ?? CURRENT_API_VERSION;
    const snapshot = eventSnapshot(source, apiVersion);
    const event: StripeEvent = {
      id: options.id ?? this.newEventId(),
      object: 'event',
      api_version: apiVersion,
      created: options.created ?? this.now(),
      data: options.previousAttributes
        ? { object: snapshot, previous_attributes: clone(options.previousAttributes) }
        : { object: snapshot },
      livemode: source['livemode'] === true,
      pending_webhooks: 1,
      request: options.request === undefined ? { id: null, idempotency_key: null } : options.request,
      type,
    };
    if (this.events.has(event.id)) throw new Error(`FakeStripeApi: event ${event.id} already exists`);
    this.events.set(event.id, { object: event, seq: ++this.seq, created: event.created, livemode: event.livemode });
    return clone(event);
  }

  getEvent(id: string): StripeEvent | undefined {
    const stored = this.events.get(id);
    return stored ? clone(stored.object) : undefined;
  }

  allEvents(): StripeEvent[] {
    return [...this.events.values()].map((stored) => clone(stored.object));
  }
}
