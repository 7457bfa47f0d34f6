/**
 * Ready-made Checkout flows with their events, as Stripe would make them: a card payment, a
 * delayed payment method that succeeds or fails days later, abandoned sessions (one or many), a monthly
 * subscription with its renewals, and an assortment across currencies. They only add through the store, so what a scenario makes is exactly what a
 * test could have made by hand, with realistic defaults (amounts per currency, buyers, one shared
 * payment link per mode).
 */

import { addMonths, type Billing } from './billing';
import type { BillingInterval } from './invoices';
import { DAY, deepMerge, type CheckoutSession, type JsonObject, type SessionOverrides, type StripeEvent } from './objects';
import type { PaymentLink } from './payment-links';
import type { FakeStripeStore } from './store';

export interface ScenarioOptions {
  currency?: string;
  /** `amount_total` in the currency's minor unit; default a realistic amount for the currency. */
  amount?: number;
  email?: string | null;
  name?: string | null;
  clientReferenceId?: string | null;
  /**
   * The Payment Link the buyer came through: a `plink_...` id or a link from `addPaymentLink`; null
   * for none. Default the fake's one payment link of the session's mode (so sales share a link, as
   * they do).
   */
  paymentLink?: string | Pick<PaymentLink, 'id'> | null;
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
export interface SubscriptionScenarioOptions extends ScenarioOptions {
  /** Renewals paid after the first invoice; default none. */
  renewals?: number;
  /** How often it renews; default monthly. */
  interval?: BillingInterval;
}
export interface ExpiredScenarioOptions extends ScenarioOptions {
  /** Seconds from opening to expiry: Stripe allows 30 minutes to 24 hours; a Payment Link's session lasts 24 hours (the default). */
  expiresAfter?: number;
}
export interface ExpiredManyOptions extends Omit<ExpiredScenarioOptions, 'clientReferenceId' | 'created' | 'apiVersion' | 'session'> {
  /** Each session's client_reference_id: one for all, or one per index (0 first); default `row-<n>` as `expired`. */
  clientReferenceId?: string | null | ((index: number) => string | null);
  /** When the first session was opened; default so that the last one expires at `now()`. */
  start?: number;
  /** Seconds between two sessions' openings; default 60. */
  interval?: number;
  /** The API version of the events: one, or per expiry time (an account upgraded on the way); default the account's. */
  apiVersion?: string | ((expiredAt: number) => string);
}
/** The ids only, oldest first: many sessions cost no copies. */
export interface ExpiredManyResult {
  sessions: string[];
  events: string[];
}
export interface SubscriptionResult extends ScenarioResult {
  /** The `sub_` id: `api.afterSale.renew(subscription)` pays its next month. */
  subscription: string;
  /** Its paid invoices, oldest first (the first is the session's own payment). */
  invoices: JsonObject[];
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

/** Bound members, so `const { paid } = api.scenario` works as the old object of functions did. */
export class Scenarios {
  private customerCount = 0;

  constructor(
    private readonly store: FakeStripeStore,
    private readonly defaultPaymentLinks: { test: string; live: string },
    private readonly billing: Billing,
  ) {}

  /** A card payment, paid at once: one `checkout.session.completed` (paid). */
  readonly paid = (options: ScenarioOptions = {}): ScenarioResult => {
    const created = options.created ?? this.store.now() - 90;
    const session = this.scenarioSession(options, created, {});
    const completed = this.store.addEvent('checkout.session.completed', session.id, {
      created: created + 90,
      apiVersion: options.apiVersion,
    });
    return { session: this.store.getSession(session.id) ?? session, events: [completed] };
  };

  /** A delayed payment method: `completed` with `unpaid`, then `async_payment_succeeded`
   *  (paid) or `async_payment_failed` (still unpaid) days later. */
  readonly asyncPayment = (options: AsyncScenarioOptions): ScenarioResult => {
    const later = Math.round((options.daysLater ?? 3) * DAY);
    const created = options.created ?? this.store.now() - later - 90;
    const currency = (options.currency ?? 'usd').toLowerCase();
    const method = ASYNC_PAYMENT_METHODS[currency] ?? 'customer_balance';
    const session = this.scenarioSession(options, created, {
      payment_status: 'unpaid',
      payment_method_types: [method],
      payment_method_options: {},
    });
    const apiVersion = options.apiVersion;
    const completed = this.store.addEvent('checkout.session.completed', session.id, { created: created + 90, apiVersion });
    const outcome =
      options.outcome === 'succeeded'
        ? this.store.addEvent(
            'checkout.session.async_payment_succeeded',
            this.store.updateSession(session.id, { payment_status: 'paid' }),
            {
              created: created + 90 + later,
              apiVersion,
            },
          )
        : this.store.addEvent('checkout.session.async_payment_failed', session.id, { created: created + 90 + later, apiVersion });
    return { session: this.store.getSession(session.id) ?? session, events: [completed, outcome] };
  };

  /**
   * A monthly (or weekly) subscription bought through a Payment Link: the session (`mode: subscription`, no
   * payment intent of its own, its `subscription`, first `invoice` and `customer`) is paid by that
   * first invoice: `invoice.paid` (`billing_reason: subscription_create`) and
   * `checkout.session.completed` in the same second; then `renewals` periods of `invoice.paid`
   * (`subscription_cycle`). By default the last event happens at `now()`.
   */
  readonly subscription = (options: SubscriptionScenarioOptions = {}): SubscriptionResult => {
    const renewals = options.renewals ?? 0;
    const interval = options.interval ?? 'month';
    const back = interval === 'week' ? this.store.now() - renewals * 7 * DAY : addMonths(this.store.now(), -renewals);
    const created = options.created ?? back - 90;
    const paidAt = created + 90;
    const apiVersion = options.apiVersion;
    const draft = this.scenarioSession(options, created, { mode: 'subscription', payment_intent: null, invoice_creation: null });
    const country = draft.customer_details?.address?.country ?? null;
    const subscription = this.billing.subscribe({
      livemode: draft.livemode,
      currency: draft.currency ?? 'usd',
      amount: draft.amount_total ?? 0,
      name: draft.customer_details?.name ?? null,
      email: draft.customer_details?.email ?? null,
      country,
      anchor: paidAt,
      interval,
    });
    const session = this.store.updateSession(draft.id, {
      customer: subscription.customer,
      subscription: subscription.id,
      invoice: subscription.firstInvoice,
    });
    const first = this.billing.payNextInvoice(subscription.id, paidAt);
    const invoices = [first];
    const events = [
      this.store.addEvent('invoice.paid', first, { created: paidAt, apiVersion }),
      this.store.addEvent('checkout.session.completed', session.id, { created: paidAt, apiVersion }),
    ];
    for (let month = 1; month <= renewals; month++) {
      const at = this.billing.nextPeriodStart(subscription.id);
      const invoice = this.billing.payNextInvoice(subscription.id, at);
      invoices.push(invoice);
      events.push(this.store.addEvent('invoice.paid', invoice, { created: at, apiVersion }));
    }
    return { session: this.store.getSession(session.id) ?? session, events, subscription: subscription.id, invoices };
  };

  /**
   * A visit to a Payment Link that never paid: the session expires (24 hours after opening unless
   * `expiresAfter` says otherwise) and Stripe sends `checkout.session.expired` with the whole session
   * (`status: expired`, `payment_status: unpaid`, no payment intent or URL, its reference and link).
   */
  readonly expired = (options: ExpiredScenarioOptions = {}): ScenarioResult => {
    const expiresAfter = this.expiry(options.expiresAfter);
    const created = options.created ?? this.store.now() - expiresAfter;
    const { session, event } = this.expire(options, created, expiresAfter, options.apiVersion, true);
    return { session, events: [event] };
  };

  /**
   * `n` expired sessions at once, for a demo's or a benchmark's abandoned checkouts: opened
   * `interval` seconds apart from `start`, each with its `checkout.session.expired`. Returns ids only.
   */
  readonly expiredMany = (n: number, options: ExpiredManyOptions = {}): ExpiredManyResult => {
    if (!Number.isInteger(n) || n < 0) throw new Error(`FakeStripeApi: expiredMany takes a whole number of sessions, not ${String(n)}`);
    const expiresAfter = this.expiry(options.expiresAfter);
    const interval = options.interval ?? 60;
    const start = options.start ?? this.store.now() - expiresAfter - (n - 1) * interval;
    const { clientReferenceId, apiVersion, ...common } = options;
    const result: ExpiredManyResult = { sessions: [], events: [] };
    for (let index = 0; index < n; index++) {
      const created = start + index * interval;
      const reference = typeof clientReferenceId === 'function' ? clientReferenceId(index) : clientReferenceId;
      const version = typeof apiVersion === 'function' ? apiVersion(created + expiresAfter) : apiVersion;
      const made = this.expire({ ...common, clientReferenceId: reference }, created, expiresAfter, version, false);
      result.sessions.push(made.session.id);
      result.events.push(made.event.id);
    }
    return result;
  };

  /** One of each across currencies: paid usd, jpy and kwd; async eur succeeded; async usd
   *  failed; an expired gbp session. Each starts an hour after the previous one ends. */
  readonly assortment = (options: Pick<ScenarioOptions, 'livemode' | 'apiVersion'> = {}): ScenarioResult[] => {
    const gap = 3600;
    // Laid out oldest first, the last ending at now().
    const plans: { span: number; run: (created: number) => ScenarioResult }[] = [
      { span: 90, run: (created) => this.paid({ ...options, created, currency: 'usd' }) },
      { span: 90, run: (created) => this.paid({ ...options, created, currency: 'jpy' }) },
      { span: 90, run: (created) => this.paid({ ...options, created, currency: 'kwd' }) },
      { span: 90 + 3 * DAY, run: (created) => this.asyncPayment({ ...options, created, currency: 'eur', outcome: 'succeeded' }) },
      { span: 90 + 3 * DAY, run: (created) => this.asyncPayment({ ...options, created, currency: 'usd', outcome: 'failed' }) },
      { span: DAY, run: (created) => this.expired({ ...options, created, currency: 'gbp' }) },
    ];
    let start = this.store.now() - plans.reduce((total, plan) => total + plan.span + gap, -gap);
    const results: ScenarioResult[] = [];
    for (const plan of plans) {
      results.push(plan.run(start));
      start += plan.span + gap;
    }
    return results;
  };

  private expiry(seconds: number | undefined): number {
    const value = seconds ?? DAY;
    if (!Number.isInteger(value) || value < 1800 || value > DAY) {
      throw new Error(
        `FakeStripeApi: a Checkout Session expires 30 minutes to 24 hours (1800 to 86400 seconds) after it opens, not ${String(value)}`,
      );
    }
    return value;
  }

  /** One abandoned session and its expiry event (`copies` false: the stored ones, to read only). */
  private expire(
    options: ScenarioOptions,
    created: number,
    expiresAfter: number,
    apiVersion: string | undefined,
    copies: boolean,
  ): { session: CheckoutSession; event: StripeEvent } {
    // A buyer who never got as far as giving details leaves none on the session.
    const anonymous = options.email === undefined && options.name === undefined;
    const fields: SessionOverrides = {
      status: 'expired',
      payment_status: 'unpaid',
      payment_intent: null,
      url: null,
      expires_at: created + expiresAfter,
      ...(anonymous ? { customer_details: null } : {}),
    };
    const session = this.scenarioSession(options, created, fields, copies);
    const event = this.store.addEvent('checkout.session.expired', session.id, { created: created + expiresAfter, apiVersion }, copies);
    return { session, event };
  }

  private paymentLinkOf(options: ScenarioOptions): string | null {
    const link = options.paymentLink;
    if (link === undefined) return options.livemode === true ? this.defaultPaymentLinks.live : this.defaultPaymentLinks.test;
    return link === null || typeof link === 'string' ? link : link.id;
  }

  private scenarioSession(options: ScenarioOptions, created: number, fields: SessionOverrides, copy = true): CheckoutSession {
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
      payment_link: this.paymentLinkOf(options),
      metadata: options.metadata ?? {},
      customer_details: {
        email,
        name: options.name === undefined ? 'Jenny Rosen' : options.name,
        address: { country: COUNTRIES[currency] ?? 'US' },
      },
      ...fields,
    };
    return this.store.addSession(options.session === undefined ? overrides : deepMerge(overrides, options.session), copy);
  }
}
