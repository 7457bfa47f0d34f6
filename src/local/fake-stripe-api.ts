/**
 * A local fake of the part of Stripe's API the add-on reads: events and Checkout Sessions, by id
 * and as lists, with Stripe's auth, error bodies, list cursors and filters, plus failure injection
 * (5xx, 429, a rate limit) and a request log for assertions. It answers the fake UrlFetchApp's
 * handler calls (`api.handle`), so code under test calls `https://api.stripe.com/v1/...` as it
 * would in Apps Script.
 *
 * Objects are built in the shapes of Stripe's OpenAPI fixtures (test/fixtures/stripe/): a
 * `checkout.session` at the current API version (same keys, same nesting, realistic values instead
 * of the fixture's filler) and, for events made at API version 2024-06-20, the older shape.
 * Everything is deterministic: ids come from a seeded generator and time from an injected clock.
 *
 * Behaviours modelled on Stripe (see the notes on each; wording of messages is as close to Stripe's
 * as known, not guaranteed verbatim):
 * - lists are newest first (created desc, then creation order desc); `starting_after` gives the
 *   next older page, `ending_before` the page of newer objects right before the cursor, still
 *   newest first; `has_more` says whether more lie beyond the page in the direction of travel;
 * - a cursor is a position, so it may name an object the other filters exclude;
 * - events are listed and retrievable for 30 days only (`eventRetentionDays`), and a list cursor
 *   naming an older event is refused as an unknown one (400, `resource_missing`);
 * - keys are per mode: a test key neither lists nor retrieves live objects;
 * - an event keeps the shape of the API version it was created with, whatever `Stripe-Version` a
 *   request sends; a Checkout Session is rendered at the request's `Stripe-Version` (or the
 *   account's default version).
 *
 * Node only: used by the tests and the local server; never bundled into Code.js.
 */

import { createHmac } from 'node:crypto';

// ---------------------------------------------------------------------------------------------
// The fake UrlFetchApp's handler contract (kept identical to the one in src/local/services).

// Assignable from the UrlFetchApp fake's request (src/local/services/url-fetch.ts), which says null for "no content type".
export type FetchRequest = { url: string; method: string; headers: Record<string, string>; payload?: string; contentType?: string | null };
export type FetchResponse = { status: number; headers?: Record<string, string>; body: string };
export type FetchHandler = (request: FetchRequest) => FetchResponse;

// ---------------------------------------------------------------------------------------------
// Constants

/** The API version the current-shape fixture matches: the first one with every one of its fields
 *  (`managed_payments` arrived in 2026-04-22.dahlia; `allowed_payment_method_types`, absent from
 *  the fixture, came later). Events made by `addEvent` carry it. */
export const CURRENT_API_VERSION = '2026-04-22.dahlia';
/** The older version whose Checkout Session shape is in checkout_session_fixture_2024-06-20.json. */
export const OLD_API_VERSION = '2024-06-20';
/** Versions before this one render a Checkout Session in the 2024-06-20 shape. */
const FIRST_NEW_SHAPE_VERSION = '2024-09-30';

export const API_ORIGIN = 'https://api.stripe.com';
export const DEFAULT_TEST_KEY = 'rk_test_fake';
export const DEFAULT_LIVE_KEY = 'rk_live_fake';
export const DEFAULT_ACCOUNT_ID = 'acct_1QfAk3St9RipEaPI';
/** 2026-01-01T00:00:00Z: the default clock's start. */
export const DEFAULT_NOW = 1_767_225_600;

const DAY = 86_400;
const MAX_LIST_LIMIT = 100;
const MAX_EVENT_TYPES = 20;
const SESSION_ID_SUFFIX_LENGTH = 58; // cs_test_ + 58 characters, as in the fixtures

// ---------------------------------------------------------------------------------------------
// Object types (only the fields the fake reads or the tests commonly set are named)

export type JsonObject = Record<string, unknown>;

export interface Address {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface CustomerDetails {
  address: Address | null;
  email: string | null;
  name: string | null;
  phone: string | null;
  tax_exempt: 'none' | 'exempt' | 'reverse' | null;
  tax_ids: unknown[] | null;
  business_name?: string | null;
  individual_name?: string | null;
}

export interface CheckoutSessionFields {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number | null;
  amount_total: number | null;
  client_reference_id: string | null;
  created: number;
  currency: string | null;
  customer: string | null;
  customer_details: CustomerDetails | null;
  customer_email: string | null;
  expires_at: number;
  livemode: boolean;
  metadata: Record<string, string>;
  mode: 'payment' | 'setup' | 'subscription';
  payment_intent: string | null;
  payment_link: string | null;
  payment_method_types: string[];
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  status: 'open' | 'complete' | 'expired' | null;
  url: string | null;
}

/** A full `checkout.session` object (current API shape): the named fields plus all the others. */
export type CheckoutSession = CheckoutSessionFields & JsonObject;

/** Fields to set on a session; nested objects (customer_details, ...) are merged, not replaced. */
export type SessionOverrides = Partial<Omit<CheckoutSessionFields, 'customer_details'>> & {
  customer_details?: Partial<Omit<CustomerDetails, 'address'>> & { address?: Partial<Address> | null } | null;
} & JsonObject;

export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string | null;
  created: number;
  data: { object: JsonObject; previous_attributes?: JsonObject };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null } | null;
  type: string;
}

export interface StripeList<T> {
  object: 'list';
  url: string;
  has_more: boolean;
  data: T[];
}

export interface StripeErrorBody {
  error: {
    type: string;
    message: string;
    code?: string;
    param?: string;
    doc_url?: string;
    request_log_url?: string;
  };
}

/** What a restricted key may read. */
export type StripeResource = 'events' | 'checkout_sessions';

export interface ApiKeyConfig {
  key: string;
  /** Defaults from the key's prefix: `*_live_*` is live, anything else test. */
  livemode?: boolean;
  /** Resources this key lacks the read permission for: requests to them get a 403. */
  deny?: StripeResource[];
  /** An expired (rolled) key: every request gets a 401 `api_key_expired`. */
  expired?: boolean;
}

export interface FailureOptions {
  /** Only requests whose path matches (exact string or RegExp) fail; others pass untouched. */
  path?: string | RegExp;
  /** Replace the whole response body (e.g. an HTML page from a load balancer). */
  body?: string;
  type?: string;
  code?: string;
  message?: string;
  headers?: Record<string, string>;
  /** The `Stripe-Should-Retry` header; default true. */
  shouldRetry?: boolean;
}

export interface RateLimitOptions {
  /** Requests answered normally before 429s start. */
  requests: number;
  /** If set, the count restarts once this many seconds of the fake clock have passed since the
   *  window's first request; otherwise it lasts until `resetRateLimit()`. */
  windowSeconds?: number;
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

export interface FakeStripeApiOptions {
  /** Keys the fake accepts; default `rk_test_fake` (test) and `rk_live_fake` (live), both able to read all. */
  keys?: (string | ApiKeyConfig)[];
  /** The clock in Unix seconds; default a manual clock at DEFAULT_NOW moved by `advance`/`setNow`. */
  now?: () => number;
  /** Seed of the id generator. */
  seed?: number;
  accountId?: string;
  /** The account's default API version, used for sessions when a request sends no Stripe-Version. */
  apiVersion?: string;
  /** Days events stay listable and retrievable (Stripe: 30). `Infinity` keeps them for ever. */
  eventRetentionDays?: number;
}

export interface AddEventOptions {
  created?: number;
  id?: string;
  /** The event's `api_version`; before 2024-09-30 its session is rendered in the 2024-06-20 shape. */
  apiVersion?: string;
  pendingWebhooks?: number;
  request?: { id: string | null; idempotency_key: string | null } | null;
  previousAttributes?: JsonObject;
}

export interface ScenarioOptions {
  currency?: string;
  /** `amount_total` in the currency's minor unit; default a realistic amount for the currency. */
  amount?: number;
  email?: string | null;
  name?: string | null;
  clientReferenceId?: string | null;
  /** A `plink_...` id; default the fake's one payment link (so sales share a link, as they do). */
  paymentLink?: string | null;
  livemode?: boolean;
  /** When the session was created; default so the scenario's last event happens at `now()`. */
  created?: number;
  metadata?: Record<string, string>;
  /** Make the events at this API version (e.g. OLD_API_VERSION for the 2024-06-20 shape). */
  apiVersion?: string;
  /** Any other session fields. */
  session?: SessionOverrides;
}

export interface AsyncScenarioOptions extends ScenarioOptions {
  outcome: 'succeeded' | 'failed';
  /** Days between `checkout.session.completed` (unpaid) and the async outcome; default 3. */
  daysLater?: number;
}

export interface ScenarioResult {
  /** The session as the API now returns it (its final state). */
  session: CheckoutSession;
  /** The events the scenario made, oldest first. */
  events: StripeEvent[];
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `base` with `overrides` laid over it: plain objects merge key by key, anything else replaces. */
function deepMerge(base: JsonObject, overrides: JsonObject): JsonObject {
  const result: JsonObject = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = result[key];
    result[key] = isPlainObject(value) && isPlainObject(current) ? deepMerge(current, value) : clone(value);
  }
  return result;
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

/** Stripe shows a rejected key with all but its mode prefix and last four characters masked. */
export function maskKey(key: string): string {
  const match = /^([a-z]+_(?:test|live)_)(.*)$/.exec(key);
  const prefix = match?.[1] ?? '';
  const rest = match?.[2] ?? key;
  if (rest.length <= 4) return prefix + '*'.repeat(rest.length);
  return prefix + '*'.repeat(rest.length - 4) + rest.slice(-4);
}

/**
 * The `Stripe-Signature` header Stripe sends with a webhook: `t=<timestamp>,v1=<hex HMAC-SHA256 of
 * "<timestamp>.<payload>" keyed with the endpoint secret>`.
 */
export function signPayload(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/** A realistic price per currency, in its minor unit (jpy has none, kwd three decimals). */
export const TYPICAL_AMOUNTS: Readonly<Record<string, number>> = {
  usd: 1999,
  eur: 2500,
  gbp: 1500,
  jpy: 5000,
  krw: 25000,
  kwd: 12345,
  bhd: 7500,
};

/** A payment method that settles days later, per currency. */
const ASYNC_PAYMENT_METHODS: Readonly<Record<string, string>> = {
  usd: 'us_bank_account',
  eur: 'sepa_debit',
  gbp: 'bacs_debit',
  jpy: 'konbini',
};

const COUNTRIES: Readonly<Record<string, string>> = { usd: 'US', eur: 'DE', gbp: 'GB', jpy: 'JP', krw: 'KR', kwd: 'KW', bhd: 'BH' };

function isOldApiVersion(version: string | null | undefined): boolean {
  return typeof version === 'string' && version.slice(0, 10) < FIRST_NEW_SHAPE_VERSION;
}

/** The 2024-06-20 shape of a session (keys and order of checkout_session_fixture_2024-06-20.json). */
export function toOldApiSession(session: CheckoutSession): JsonObject {
  const details = session.customer_details;
  const collected = session['collected_information'];
  const automaticTax = session['automatic_tax'];
  const pick = (key: string): unknown => (key in session ? clone(session[key]) : null);
  return {
    after_expiration: pick('after_expiration'),
    allow_promotion_codes: pick('allow_promotion_codes'),
    amount_subtotal: session.amount_subtotal,
    amount_total: session.amount_total,
    automatic_tax: isPlainObject(automaticTax)
      ? { enabled: automaticTax['enabled'] ?? false, liability: automaticTax['liability'] ?? null, status: automaticTax['status'] ?? null }
      : { enabled: false, liability: null, status: null },
    billing_address_collection: pick('billing_address_collection'),
    cancel_url: pick('cancel_url'),
    client_reference_id: session.client_reference_id,
    client_secret: pick('client_secret'),
    consent: pick('consent'),
    consent_collection: pick('consent_collection'),
    created: session.created,
    currency: session.currency,
    currency_conversion: pick('currency_conversion'),
    custom_fields: pick('custom_fields') ?? [],
    custom_text: pick('custom_text'),
    customer: session.customer,
    customer_creation: pick('customer_creation'),
    customer_details:
      details === null
        ? null
        : {
            address: details.address === null ? null : clone(details.address),
            email: details.email,
            name: details.name,
            phone: details.phone,
            tax_exempt: details.tax_exempt,
            tax_ids: details.tax_ids === null ? null : clone(details.tax_ids),
          },
    customer_email: session.customer_email,
    expires_at: session.expires_at,
    id: session.id,
    invoice: pick('invoice'),
    invoice_creation: pick('invoice_creation'),
    livemode: session.livemode,
    locale: pick('locale'),
    metadata: clone(session.metadata),
    mode: session.mode,
    object: 'checkout.session',
    payment_intent: session.payment_intent,
    payment_link: session.payment_link,
    payment_method_collection: pick('payment_method_collection'),
    payment_method_configuration_details: pick('payment_method_configuration_details'),
    payment_method_options: pick('payment_method_options') ?? {},
    payment_method_types: clone(session.payment_method_types),
    payment_status: session.payment_status,
    phone_number_collection: pick('phone_number_collection'),
    recovered_from: pick('recovered_from'),
    saved_payment_method_options: pick('saved_payment_method_options'),
    setup_intent: pick('setup_intent'),
    shipping_address_collection: pick('shipping_address_collection'),
    shipping_cost: pick('shipping_cost'),
    shipping_details: isPlainObject(collected) ? clone(collected['shipping_details'] ?? null) : null,
    shipping_options: pick('shipping_options') ?? [],
    status: session.status,
    submit_type: pick('submit_type'),
    subscription: pick('subscription'),
    success_url: pick('success_url'),
    total_details: pick('total_details'),
    ui_mode: pick('ui_mode'),
    url: session.url,
  };
}

interface Stored<T> {
  object: T;
  seq: number;
  created: number;
  livemode: boolean;
}

interface Failure extends FailureOptions {
  remaining: number;
  status: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly extraHeaders: Record<string, string> = {},
    /** A body to send instead of the JSON error (e.g. a proxy's HTML page). */
    readonly rawBody?: string,
  ) {
    super(body.error.message);
  }
}

interface KeyState {
  key: string;
  livemode: boolean;
  deny: Set<StripeResource>;
  expired: boolean;
}

type Query = Map<string, string[]>;

// ---------------------------------------------------------------------------------------------
// The fake

export class FakeStripeApi {
  /** Every request the fake answered, in order. */
  readonly requests: RecordedRequest[] = [];
  readonly accountId: string;
  readonly apiVersion: string;
  /** The payment link scenarios use unless told otherwise. */
  readonly defaultPaymentLink: string;

  private readonly clock: (() => number) | undefined;
  private manualNow = DEFAULT_NOW;
  private readonly random: SeededRandom;
  private readonly keys = new Map<string, KeyState>();
  private readonly eventRetentionDays: number;
  private readonly sessions = new Map<string, Stored<CheckoutSession>>();
  private readonly events = new Map<string, Stored<StripeEvent>>();
  private seq = 0;
  private customerCount = 0;
  private failures: Failure[] = [];
  private rate: { limit: number; windowSeconds: number | undefined; count: number; windowStart: number } | undefined;

  /** The handler the fake UrlFetchApp calls; bound, so it can be passed around. */
  readonly handle: FetchHandler = (request) => this.respond(request);

  /** Ready-made Checkout flows with their events. */
  readonly scenario = {
    /** A card payment, paid at once: one `checkout.session.completed` (paid). */
    paid: (options: ScenarioOptions = {}): ScenarioResult => this.paidScenario(options),
    /** A delayed payment method: `completed` with `unpaid`, then `async_payment_succeeded`
     *  (paid) or `async_payment_failed` (still unpaid) days later. */
    asyncPayment: (options: AsyncScenarioOptions): ScenarioResult => this.asyncScenario(options),
    /** A session abandoned until it expired 24 hours after creation: `checkout.session.expired`. */
    expired: (options: ScenarioOptions = {}): ScenarioResult => this.expiredScenario(options),
    /** One of each across currencies: paid usd, jpy and kwd; async eur succeeded; async usd
     *  failed; an expired gbp session. Each starts an hour after the previous one ends. */
    assortment: (options: Pick<ScenarioOptions, 'livemode' | 'apiVersion'> = {}): ScenarioResult[] => this.assortmentScenario(options),
  };

  constructor(options: FakeStripeApiOptions = {}) {
    this.clock = options.now;
    this.random = new SeededRandom(options.seed ?? 1);
    this.accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    this.apiVersion = options.apiVersion ?? CURRENT_API_VERSION;
    this.eventRetentionDays = options.eventRetentionDays ?? 30;
    for (const key of options.keys ?? [DEFAULT_TEST_KEY, DEFAULT_LIVE_KEY]) this.addKey(key);
    this.defaultPaymentLink = this.newPaymentLinkId();
  }

  // ----- clock ---------------------------------------------------------------------------------

  /** The fake's time, in Unix seconds. */
  now(): number {
    return this.clock ? this.clock() : this.manualNow;
  }

  setNow(seconds: number): void {
    if (this.clock) throw new Error('FakeStripeApi: the clock was injected; move it instead');
    this.manualNow = seconds;
  }

  advance(seconds: number): void {
    this.setNow(this.now() + seconds);
  }

  // ----- keys ----------------------------------------------------------------------------------

  /** Accept a key (replacing any earlier setting of the same key). */
  addKey(config: string | ApiKeyConfig): void {
    const settings = typeof config === 'string' ? { key: config } : config;
    this.keys.set(settings.key, {
      key: settings.key,
      livemode: settings.livemode ?? /^[a-z]+_live_/.test(settings.key),
      deny: new Set(settings.deny ?? []),
      expired: settings.expired ?? false,
    });
  }

  removeKey(key: string): void {
    this.keys.delete(key);
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

  newPaymentIntentId(): string {
    return this.accountScopedId('pi');
  }

  newCustomerId(): string {
    return `cus_${this.random.chars(14)}`;
  }

  newRequestId(): string {
    return `req_${this.random.chars(14)}`;
  }

  // ----- data ----------------------------------------------------------------------------------

  /**
   * Store a Checkout Session and return a copy of it. Unset fields come from a completed, paid
   * card payment of 19.99 USD through a Payment Link (current API shape, every key of the
   * fixture); `created` defaults to now, `id` to a fresh `cs_test_`/`cs_live_` id.
   */
  addSession(overrides: SessionOverrides = {}): CheckoutSession {
    const livemode = overrides.livemode ?? false;
    const created = overrides.created ?? this.now();
    const id = overrides.id ?? this.newSessionId(livemode);
    const base = this.baseSession(id, created, livemode);
    if (overrides.amount_total !== undefined && overrides.amount_subtotal === undefined) base.amount_subtotal = overrides.amount_total;
    const session = deepMerge(base, overrides) as CheckoutSession;
    if (this.sessions.has(session.id)) throw new Error(`FakeStripeApi: session ${session.id} already exists`);
    this.sessions.set(session.id, { object: session, seq: ++this.seq, created: session.created, livemode: session.livemode });
    return clone(session);
  }

  /** Change a stored session (what GET /v1/checkout/sessions/{id} returns from now on). */
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

  /** All stored sessions, oldest stored first. */
  allSessions(): CheckoutSession[] {
    return [...this.sessions.values()].map((stored) => clone(stored.object));
  }

  /**
   * Store an event of `type` whose `data.object` is a snapshot of `object` (a session, a stored
   * session's id, or any object) taken now: later changes to the session leave the event as it
   * was, as Stripe's are. Does not store or change the session itself.
   */
  addEvent(type: string, object: CheckoutSession | JsonObject | string, options: AddEventOptions = {}): StripeEvent {
    let source: JsonObject;
    if (typeof object === 'string') {
      const stored = this.sessions.get(object);
      if (!stored) throw new Error(`FakeStripeApi: no session ${object}`);
      source = stored.object;
    } else {
      source = object;
    }
    const apiVersion = options.apiVersion ?? CURRENT_API_VERSION;
    const snapshot =
      source['object'] === 'checkout.session' && isOldApiVersion(apiVersion) ? toOldApiSession(source as CheckoutSession) : clone(source);
    const event: StripeEvent = {
      id: options.id ?? this.newEventId(),
      object: 'event',
      api_version: apiVersion,
      created: options.created ?? this.now(),
      data: options.previousAttributes ? { object: snapshot, previous_attributes: clone(options.previousAttributes) } : { object: snapshot },
      livemode: source['livemode'] === true,
      pending_webhooks: options.pendingWebhooks ?? 1,
      request: options.request === undefined ? { id: null, idempotency_key: null } : options.request,
      type,
    };
    if (this.events.has(event.id)) throw new Error(`FakeStripeApi: event ${event.id} already exists`);
    this.events.set(event.id, { object: event, seq: ++this.seq, created: event.created, livemode: event.livemode });
    return clone(event);
  }

  /** `addEvent` at API version 2024-06-20: the session in the event is in that version's shape. */
  eventFromOldApi(type: string, object: CheckoutSession | JsonObject | string, options: Omit<AddEventOptions, 'apiVersion'> = {}): StripeEvent {
    return this.addEvent(type, object, { ...options, apiVersion: OLD_API_VERSION });
  }

  getEvent(id: string): StripeEvent | undefined {
    const stored = this.events.get(id);
    return stored ? clone(stored.object) : undefined;
  }

  /** All stored events (including ones past retention), oldest stored first. */
  allEvents(): StripeEvent[] {
    return [...this.events.values()].map((stored) => clone(stored.object));
  }

  // ----- failure injection --------------------------------------------------------------------

  /** Answer the next `count` requests (matching `options.path`, if given) with `status`. */
  failNext(count: number, status: number, options: FailureOptions = {}): void {
    this.failures.push({ ...options, remaining: count, status });
  }

  clearFailures(): void {
    this.failures = [];
  }

  /** Answer 429 once `requests` requests have been served, until reset (or the window passes). */
  rateLimit(options: RateLimitOptions): void {
    this.rate = { limit: options.requests, windowSeconds: options.windowSeconds, count: 0, windowStart: this.now() };
  }

  /** Restart the rate limit's count (keeping the limit). */
  resetRateLimit(): void {
    if (this.rate) {
      this.rate.count = 0;
      this.rate.windowStart = this.now();
    }
  }

  clearRateLimit(): void {
    this.rate = undefined;
  }

  // ----- scenarios ------------------------------------------------------------------------------

  private scenarioSession(options: ScenarioOptions, created: number, fields: SessionOverrides): CheckoutSession {
    const currency = (options.currency ?? 'usd').toLowerCase();
    const amount = options.amount ?? TYPICAL_AMOUNTS[currency] ?? 1000;
    const n = ++this.customerCount;
    const email = options.email === undefined ? `buyer${n}@example.com` : options.email;
    const overrides: SessionOverrides = {
      created,
      livemode: options.livemode ?? false,
      currency,
      amount_total: amount,
      amount_subtotal: amount,
      client_reference_id: options.clientReferenceId === undefined ? `row-${n}` : options.clientReferenceId,
      payment_link: options.paymentLink === undefined ? this.defaultPaymentLink : options.paymentLink,
      metadata: options.metadata ?? {},
      customer_details: {
        email,
        name: options.name === undefined ? 'Jenny Rosen' : options.name,
        address: { country: COUNTRIES[currency] ?? 'US' },
      },
      ...fields,
    };
    return this.addSession(deepMerge(overrides, options.session ?? {}));
  }

  private paidScenario(options: ScenarioOptions): ScenarioResult {
    const created = options.created ?? this.now() - 90;
    const session = this.scenarioSession(options, created, {});
    const completed = this.addEvent('checkout.session.completed', session.id, { created: created + 90, apiVersion: options.apiVersion });
    return { session: this.getSession(session.id) ?? session, events: [completed] };
  }

  private asyncScenario(options: AsyncScenarioOptions): ScenarioResult {
    const later = Math.round((options.daysLater ?? 3) * DAY);
    const created = options.created ?? this.now() - later - 90;
    const currency = (options.currency ?? 'usd').toLowerCase();
    const method = ASYNC_PAYMENT_METHODS[currency] ?? 'customer_balance';
    const session = this.scenarioSession(options, created, {
      payment_status: 'unpaid',
      payment_method_types: [method],
      payment_method_options: {},
    });
    const apiVersion = options.apiVersion;
    const completed = this.addEvent('checkout.session.completed', session.id, { created: created + 90, apiVersion });
    const outcome =
      options.outcome === 'succeeded'
        ? this.addEvent('checkout.session.async_payment_succeeded', this.updateSession(session.id, { payment_status: 'paid' }), {
            created: created + 90 + later,
            apiVersion,
          })
        : this.addEvent('checkout.session.async_payment_failed', session.id, { created: created + 90 + later, apiVersion });
    return { session: this.getSession(session.id) ?? session, events: [completed, outcome] };
  }

  private expiredScenario(options: ScenarioOptions): ScenarioResult {
    const created = options.created ?? this.now() - DAY;
    // A buyer who never got as far as giving details leaves none on the session.
    const anonymous = options.email === undefined && options.name === undefined;
    const session = this.scenarioSession(options, created, {
      status: 'expired',
      payment_status: 'unpaid',
      payment_intent: null,
      url: null,
      ...(anonymous ? { customer_details: null } : {}),
    });
    const expired = this.addEvent('checkout.session.expired', session.id, { created: session.expires_at, apiVersion: options.apiVersion });
    return { session, events: [expired] };
  }

  private assortmentScenario(options: Pick<ScenarioOptions, 'livemode' | 'apiVersion'>): ScenarioResult[] {
    const gap = 3600;
    // Laid out oldest first, the last ending at now().
    const plans: { span: number; run: (created: number) => ScenarioResult }[] = [
      { span: 90, run: (created) => this.paidScenario({ ...options, created, currency: 'usd' }) },
      { span: 90, run: (created) => this.paidScenario({ ...options, created, currency: 'jpy' }) },
      { span: 90, run: (created) => this.paidScenario({ ...options, created, currency: 'kwd' }) },
      { span: 90 + 3 * DAY, run: (created) => this.asyncScenario({ ...options, created, currency: 'eur', outcome: 'succeeded' }) },
      { span: 90 + 3 * DAY, run: (created) => this.asyncScenario({ ...options, created, currency: 'usd', outcome: 'failed' }) },
      { span: DAY, run: (created) => this.expiredScenario({ ...options, created, currency: 'gbp' }) },
    ];
    let start = this.now() - plans.reduce((total, plan) => total + plan.span + gap, -gap);
    const results: ScenarioResult[] = [];
    for (const plan of plans) {
      results.push(plan.run(start));
      start += plan.span + gap;
    }
    return results;
  }

  // ----- the base session ----------------------------------------------------------------------

  /** A completed, paid Payment Link session, in the current fixture's keys and order. */
  private baseSession(id: string, created: number, livemode: boolean): CheckoutSession {
    return {
      after_expiration: null,
      allow_promotion_codes: false,
      amount_subtotal: 1999,
      amount_total: 1999,
      automatic_tax: { enabled: false, liability: null, status: null, provider: null },
      billing_address_collection: 'auto',
      cancel_url: null,
      client_reference_id: null,
      client_secret: null,
      consent: null,
      consent_collection: { payment_method_reuse_agreement: null, promotions: 'none', terms_of_service: 'none' },
      created,
      currency: 'usd',
      custom_fields: [],
      custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
      customer: null,
      customer_creation: 'if_required',
      customer_details: {
        address: { city: null, country: 'US', line1: null, line2: null, postal_code: '94103', state: null },
        email: 'jenny.rosen@example.com',
        name: 'Jenny Rosen',
        phone: null,
        tax_exempt: 'none',
        tax_ids: [],
        business_name: null,
        individual_name: null,
      },
      customer_email: null,
      expires_at: created + DAY,
      id,
      invoice: null,
      invoice_creation: {
        enabled: false,
        invoice_data: {
          account_tax_ids: null,
          custom_fields: null,
          description: null,
          footer: null,
          issuer: null,
          metadata: {},
          rendering_options: null,
        },
      },
      livemode,
      locale: 'auto',
      metadata: {},
      mode: 'payment',
      object: 'checkout.session',
      payment_intent: this.newPaymentIntentId(),
      payment_link: null,
      payment_method_collection: 'if_required',
      payment_method_configuration_details: null,
      payment_method_options: { card: { request_three_d_secure: 'automatic' } },
      payment_method_types: ['card'],
      payment_status: 'paid',
      phone_number_collection: { enabled: false },
      recovered_from: null,
      saved_payment_method_options: null,
      setup_intent: null,
      shipping_address_collection: null,
      shipping_cost: null,
      shipping_options: [],
      status: 'complete',
      submit_type: 'auto',
      subscription: null,
      success_url: 'https://example.com/thanks',
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: 'hosted',
      url: null,
      adaptive_pricing: { enabled: false },
      discounts: [],
      collected_information: { shipping_details: null, business_name: null, individual_name: null },
      permissions: null,
      wallet_options: null,
      origin_context: null,
      currency_conversion: null,
      customer_account: null,
      integration_identifier: null,
      managed_payments: { enabled: false },
    };
  }

  // ----- HTTP ----------------------------------------------------------------------------------

  private respond(request: FetchRequest): FetchResponse {
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

    const requestId = this.newRequestId();
    let response: FetchResponse;
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

  private route(method: string, path: string, query: Query, headers: Record<string, string>, requestId: string): FetchResponse {
    this.injectedFailure(path);
    this.rateLimited();
    const key = this.authenticate(headers);
    const logUrl = `https://dashboard.stripe.com/${key.livemode ? '' : 'test/'}logs/${requestId}?t=${this.now()}`;
    try {
      const version = this.requestedVersion(headers);
      const ok = (body: unknown): FetchResponse => ({
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Request-Id': requestId, 'Stripe-Version': version },
        body: JSON.stringify(body, null, 2),
      });
      const segments = /^\/v1\/(events|checkout\/sessions)(?:\/([^/]+))?$/.exec(path);
      if (!segments) throw unrecognized(method, path);
      if (method !== 'GET') {
        throw new HttpError(405, {
          error: {
            type: 'invalid_request_error',
            message: `FakeStripeApi serves reads only: ${method} ${path} is not supported (the add-on never writes to Stripe).`,
          },
        });
      }
      const resource: StripeResource = segments[1] === 'events' ? 'events' : 'checkout_sessions';
      if (key.deny.has(resource)) throw this.permissionError(key, resource);
      const id = segments[2] === undefined ? undefined : decodeURIComponent(segments[2]);
      if (resource === 'events') {
        return ok(id === undefined ? this.listEvents(query, key.livemode) : this.retrieveEvent(id, query, key.livemode));
      }
      return ok(id === undefined ? this.listSessions(query, key.livemode, version) : this.retrieveSession(id, query, key.livemode, version));
    } catch (error) {
      if (error instanceof HttpError && error.status !== 401) error.body.error.request_log_url = logUrl;
      throw error;
    }
  }

  private injectedFailure(path: string): void {
    const failure = this.failures.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.path === undefined || (typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path))),
    );
    if (!failure) return;
    failure.remaining--;
    this.failures = this.failures.filter((candidate) => candidate.remaining > 0);
    const defaults = defaultFailure(failure.status);
    const code = failure.code ?? defaults.code;
    const docUrl = failure.code === undefined ? defaults.doc_url : undefined;
    const body: StripeErrorBody = {
      error: {
        ...(code === undefined ? {} : { code }),
        ...(docUrl === undefined ? {} : { doc_url: docUrl }),
        message: failure.message ?? defaults.message,
        type: failure.type ?? defaults.type,
      },
    };
    const headers = { 'Stripe-Should-Retry': String(failure.shouldRetry ?? true), ...failure.headers };
    throw new HttpError(failure.status, body, headers, failure.body);
  }

  private rateLimited(): void {
    const rate = this.rate;
    if (!rate) return;
    if (rate.windowSeconds !== undefined && this.now() >= rate.windowStart + rate.windowSeconds) {
      rate.count = 0;
      rate.windowStart = this.now();
    }
    if (rate.count >= rate.limit) {
      const defaults = defaultFailure(429);
      throw new HttpError(
        429,
        { error: { code: 'rate_limit', doc_url: defaults.doc_url, message: defaults.message, type: defaults.type } },
        { 'Stripe-Should-Retry': 'true' },
      );
    }
    rate.count++;
  }

  private authenticate(headers: Record<string, string>): KeyState {
    const authorization = headerValue(headers, 'authorization')?.trim() ?? '';
    let key = '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
    const basic = /^Basic\s+(\S+)$/i.exec(authorization);
    if (bearer) key = bearer[1] ?? '';
    else if (basic) key = Buffer.from(basic[1] ?? '', 'base64').toString('utf8').split(':')[0] ?? '';
    if (key === '') {
      throw new HttpError(401, {
        error: {
          type: 'invalid_request_error',
          message:
            "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
        },
      });
    }
    const state = this.keys.get(key);
    if (!state) {
      throw new HttpError(401, { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${maskKey(key)}` } });
    }
    if (state.expired) {
      throw new HttpError(401, {
        error: {
          type: 'invalid_request_error',
          code: 'api_key_expired',
          doc_url: 'https://stripe.com/docs/error-codes/api-key-expired',
          message: `Expired API Key provided: ${maskKey(key)}`,
        },
      });
    }
    return state;
  }

  private permissionError(key: KeyState, resource: StripeResource): HttpError {
    const permission = resource === 'events' ? 'rak_event_read' : 'rak_checkout_session_read';
    return new HttpError(403, {
      error: {
        type: 'invalid_request_error',
        message: `The provided key '${maskKey(key.key)}' does not have the required permissions for this endpoint on account '${this.accountId}'. Having the '${permission}' permission would allow this request to continue.`,
      },
    });
  }

  private requestedVersion(headers: Record<string, string>): string {
    const requested = headerValue(headers, 'stripe-version')?.trim();
    if (requested === undefined || requested === '') return this.apiVersion;
    if (!/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(requested)) {
      throw new HttpError(400, { error: { type: 'invalid_request_error', message: `Invalid Stripe API version: ${requested}` } });
    }
    return requested;
  }

  // ----- endpoints -----------------------------------------------------------------------------

  private visibleEvent(stored: Stored<StripeEvent>, livemode: boolean): boolean {
    return stored.livemode === livemode && stored.created >= this.now() - this.eventRetentionDays * DAY;
  }

  private retrieveEvent(id: string, query: Query, livemode: boolean): StripeEvent {
    allowParams(query, []);
    const stored = this.events.get(id);
    if (!stored || stored.created < this.now() - this.eventRetentionDays * DAY) throw noSuch('event', id, 'id');
    if (stored.livemode !== livemode) throw noSuch('event', id, 'id', stored.livemode);
    return clone(stored.object);
  }

  private retrieveSession(id: string, query: Query, livemode: boolean, version: string): JsonObject {
    allowParams(query, []);
    const stored = this.sessions.get(id);
    if (!stored) throw noSuch('checkout.session', id, 'id');
    if (stored.livemode !== livemode) throw noSuch('checkout.session', id, 'id', stored.livemode);
    return renderSession(stored.object, version);
  }

  private listEvents(query: Query, livemode: boolean): StripeList<StripeEvent> {
    allowParams(query, ['limit', 'starting_after', 'ending_before', 'created', 'type', 'types', 'delivery_success']);
    const type = single(query, 'type');
    const types = arrayParam(query, 'types');
    if (type !== undefined && types !== undefined) throw invalid('You may only specify one of these parameters: type, types.', 'type');
    if (types !== undefined && types.length > MAX_EVENT_TYPES) {
      throw invalid(`You may pass at most ${MAX_EVENT_TYPES} values in types.`, 'types');
    }
    const typeMatches = type === undefined ? undefined : globMatcher(type);
    const created = createdFilter(query);
    const delivery = booleanParam(query, 'delivery_success');
    const candidates = [...this.events.values()].filter(
      (stored) =>
        this.visibleEvent(stored, livemode) &&
        created(stored.created) &&
        (typeMatches === undefined || typeMatches(stored.object.type)) &&
        (types === undefined || types.includes(stored.object.type)) &&
        (delivery === undefined || (stored.object.pending_webhooks === 0) === delivery),
    );
    // An event past retention is gone, so a cursor naming it is refused as an unknown one.
    const all = [...this.events.values()].filter((stored) => this.visibleEvent(stored, livemode));
    return paginate('/v1/events', 'event', candidates, all, query, (stored) => clone(stored.object));
  }

  private listSessions(query: Query, livemode: boolean, version: string): StripeList<JsonObject> {
    allowParams(query, [
      'limit',
      'starting_after',
      'ending_before',
      'created',
      'status',
      'payment_link',
      'payment_intent',
      'customer',
      'customer_details',
      'subscription',
    ]);
    const created = createdFilter(query);
    const status = single(query, 'status');
    if (status !== undefined && !['open', 'complete', 'expired'].includes(status)) {
      throw invalid(`Invalid status: must be one of open, complete, or expired`, 'status');
    }
    const equals: [keyof CheckoutSessionFields, string | undefined][] = [
      ['status', status],
      ['payment_link', single(query, 'payment_link')],
      ['payment_intent', single(query, 'payment_intent')],
      ['customer', single(query, 'customer')],
    ];
    const subscription = single(query, 'subscription');
    const email = single(query, 'customer_details[email]');
    const candidates = [...this.sessions.values()].filter(
      (stored) =>
        stored.livemode === livemode &&
        created(stored.created) &&
        equals.every(([field, value]) => value === undefined || stored.object[field] === value) &&
        (subscription === undefined || stored.object['subscription'] === subscription) &&
        (email === undefined || stored.object.customer_details?.email === email),
    );
    const all = [...this.sessions.values()].filter((stored) => stored.livemode === livemode);
    return paginate('/v1/checkout/sessions', 'checkout.session', candidates, all, query, (stored) => renderSession(stored.object, version));
  }
}

// ---------------------------------------------------------------------------------------------
// Request helpers

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function renderSession(session: CheckoutSession, version: string): JsonObject {
  return isOldApiVersion(version) ? toOldApiSession(session) : clone(session);
}

function invalid(message: string, param?: string): HttpError {
  return new HttpError(400, { error: { type: 'invalid_request_error', message, ...(param === undefined ? {} : { param }) } });
}

function unrecognized(method: string, path: string): HttpError {
  return new HttpError(404, {
    error: {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    },
  });
}

/** Stripe's "No such ..." error; `otherMode` when the object exists in the other mode. */
function noSuch(kind: string, id: string, param: string, otherMode?: boolean, status = 404): HttpError {
  const hint =
    otherMode === undefined
      ? ''
      : otherMode
        ? '; a similar object exists in live mode, but a test mode key was used to make this request.'
        : '; a similar object exists in test mode, but a live mode key was used to make this request.';
  return new HttpError(status, {
    error: {
      code: 'resource_missing',
      doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
      message: `No such ${kind}: '${id}'${hint}`,
      param,
      type: 'invalid_request_error',
    },
  });
}

function defaultFailure(status: number): { type: string; message: string; code?: string; doc_url?: string } {
  if (status === 429) {
    return {
      type: 'invalid_request_error',
      code: 'rate_limit',
      doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
      message: 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
    };
  }
  if (status >= 500) {
    return {
      type: 'api_error',
      message:
        status === 500
          ? 'An unknown error occurred'
          : 'Stripe is temporarily unavailable. Please try again later or contact us at https://support.stripe.com/.',
    };
  }
  return { type: 'invalid_request_error', message: `Request failed with status ${status}` };
}

/** Names a parameter may take: `name`, `name[...]`. Anything else is Stripe's "unknown parameter". */
function allowParams(query: Query, allowed: string[]): void {
  for (const key of query.keys()) {
    const base = key.replace(/\[.*$/, '');
    if (base === 'expand') continue; // accepted and ignored: nothing here is expandable in a way the add-on uses
    if (!allowed.includes(base)) throw invalid(`Received unknown parameter: ${key}`, key);
    const suffix = key.slice(base.length);
    const ok =
      suffix === '' ||
      (base === 'created' && /^\[(gte|gt|lte|lt)\]$/.test(suffix)) ||
      (base === 'types' && /^\[\d*\]$/.test(suffix)) ||
      (base === 'customer_details' && suffix === '[email]');
    if (!ok) throw invalid(`Received unknown parameter: ${key}`, key);
    if (base === 'types' && suffix === '') throw invalid('Invalid array', 'types');
    if (base === 'customer_details' && suffix === '') throw invalid('Invalid hash', 'customer_details');
  }
}

/** The last value of a scalar parameter (Stripe, like Rack, keeps the last). */
function single(query: Query, key: string): string | undefined {
  const values = query.get(key);
  return values === undefined ? undefined : values[values.length - 1];
}

function arrayParam(query: Query, base: string): string[] | undefined {
  const values: string[] = [];
  let present = false;
  for (const [key, list] of query) {
    if (key === `${base}[]` || new RegExp(`^${base}\\[\\d+\\]$`).test(key)) {
      present = true;
      values.push(...list);
    }
  }
  return present ? values : undefined;
}

function integerParam(query: Query, key: string): number | undefined {
  const value = single(query, key);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw invalid(`Invalid integer: ${value}`, key);
  return Number(value.trim());
}

function booleanParam(query: Query, key: string): boolean | undefined {
  const value = single(query, key);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalid(`Invalid boolean: ${value}`, key);
}

function createdFilter(query: Query): (created: number) => boolean {
  const exact = integerParam(query, 'created');
  const gte = integerParam(query, 'created[gte]');
  const gt = integerParam(query, 'created[gt]');
  const lte = integerParam(query, 'created[lte]');
  const lt = integerParam(query, 'created[lt]');
  return (created) =>
    (exact === undefined || created === exact) &&
    (gte === undefined || created >= gte) &&
    (gt === undefined || created > gt) &&
    (lte === undefined || created <= lte) &&
    (lt === undefined || created < lt);
}

/** A `type` filter: exact, or with `*` standing for any run of characters (`checkout.session.*`). */
function globMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes('*')) return (type) => type === pattern;
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (type) => regex.test(type);
}

/** Newest first: created desc, then the later stored first. */
function compareNewestFirst(a: Stored<unknown>, b: Stored<unknown>): number {
  return b.created - a.created || b.seq - a.seq;
}

/**
 * Stripe's cursor pagination over `candidates` (already filtered). A cursor is looked up among all
 * the objects of the key's mode (`all`), so it may be one the filters exclude, and marks a position:
 * `starting_after` returns the `limit` objects right after it in the newest-first order (older),
 * `ending_before` the `limit` objects right before it (newer), still newest first.
 */
function paginate<T, R>(
  url: string,
  kind: string,
  candidates: Stored<T>[],
  all: Stored<T>[],
  query: Query,
  render: (stored: Stored<T>) => R,
): StripeList<R> {
  const limit = integerParam(query, 'limit') ?? 10;
  if (limit < 1) throw invalid('This value must be greater than or equal to 1.', 'limit');
  if (limit > MAX_LIST_LIMIT) throw invalid(`This value must be less than or equal to ${MAX_LIST_LIMIT}.`, 'limit');
  const startingAfter = single(query, 'starting_after');
  const endingBefore = single(query, 'ending_before');
  if (startingAfter !== undefined && endingBefore !== undefined) {
    throw invalid('You may only specify one of these parameters: ending_before, starting_after.', 'ending_before');
  }
  const sorted = [...candidates].sort(compareNewestFirst);
  const cursorOf = (id: string, param: string): Stored<T> => {
    const found = all.find((stored) => (stored.object as { id?: unknown }).id === id);
    if (!found) throw noSuch(kind, id, param, undefined, 400);
    return found;
  };
  let page: Stored<T>[];
  let hasMore: boolean;
  if (endingBefore !== undefined) {
    const cursor = cursorOf(endingBefore, 'ending_before');
    const newer = sorted.filter((stored) => compareNewestFirst(stored, cursor) < 0);
    page = newer.slice(Math.max(0, newer.length - limit));
    hasMore = newer.length > limit;
  } else {
    const cursor = startingAfter === undefined ? undefined : cursorOf(startingAfter, 'starting_after');
    const older = cursor === undefined ? sorted : sorted.filter((stored) => compareNewestFirst(stored, cursor) > 0);
    page = older.slice(0, limit);
    hasMore = older.length > limit;
  }
  return { object: 'list', url, has_more: hasMore, data: page.map(render) };
}
