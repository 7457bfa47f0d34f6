/**
 * A sale's money after the sale, from the Money after sale rows: which session each refund,
 * dispute and invoice counts against, and each session's refunded, disputed, renewals,
 * renewal_revenue and net_revenue. Sums are in minor units, so totals add up exactly; the refresh
 * writes them in major units. Rows that cannot count say why, so a person can see it.
 */

import { minorUnitExponent, toMajorUnits } from '../stripe/currency';
import type { MoneyRecord } from './money';

/** What the computation needs of a session's row. */
export interface SessionMoneyInput {
  session_id: string;
  paid: boolean;
  amount_minor: number;
  currency: string;
  livemode: boolean;
  payment_intent: string;
  subscription: string;
}

export interface SessionMoney {
  refunded: number;
  disputed: number;
  renewals: number;
  renewal_revenue: number;
  /** (amount when paid) + renewal_revenue − refunded − disputed, minor units. */
  net: number;
}

/** Where a Money after sale row went: the session it counts against, or why it counts against none. */
export interface MoneyPlacement {
  session_id: string;
  counted: string;
}

export interface MoneyReport {
  bySession: Map<string, SessionMoney>;
  /** One per money record, in their order. */
  placements: MoneyPlacement[];
}

/** A dispute whose status has the money gone; an inquiry takes nothing and `won` gives it back. */
export const MONEY_GONE_STATUSES: ReadonlySet<string> = new Set(['needs_response', 'under_review', 'lost']);

/** The first invoice of a subscription is the session's own payment, already in its amount. */
export const FIRST_INVOICE_REASON = 'subscription_create';

/** One of a session's payments. */
export interface SessionPayment {
  session: SessionMoneyInput;
  /** What the payment took, minor units: a dispute above it is not one Stripe made. */
  amount: number;
}

/** Why a money record does not count against `session` (another mode or currency), or '' when it does. */
export function mismatchOf(record: MoneyRecord, session: SessionMoneyInput): string {
  return record.livemode !== session.livemode
    ? `not counted: ${record.livemode ? 'live' : 'test'} mode, and its session is not`
    : record.currency !== session.currency
      ? `not counted: in ${record.currency.toUpperCase()}, and its session is in ${session.currency.toUpperCase()}`
      : '';
}

/**
 * Each session's payments by `payment_intent`: its own, and for a subscription every invoice of it
 * in its mode and currency that names its payment (the first, which is the session's own payment,
 * and the renewals). What refunds, disputes and balance transactions find their session by.
 */
export function sessionPayments(sessions: readonly SessionMoneyInput[], records: readonly MoneyRecord[]): Map<string, SessionPayment> {
  const payments = new Map<string, SessionPayment>();
  const bySubscription = new Map<string, SessionMoneyInput>();
  for (const session of sessions) {
    if (session.subscription !== '') bySubscription.set(session.subscription, session);
    if (session.payment_intent !== '') payments.set(session.payment_intent, { session, amount: session.amount_minor });
  }
  for (const record of records) {
    if (record.kind !== 'invoice' || record.payment_intent === '') continue;
    const session = bySubscription.get(record.subscription);
    if (session !== undefined && mismatchOf(record, session) === '')
      payments.set(record.payment_intent, { session, amount: record.amount_minor });
  }
  return payments;
}

const zero = (): SessionMoney => ({ refunded: 0, disputed: 0, renewals: 0, renewal_revenue: 0, net: 0 });

function moneyOf(bySession: Map<string, SessionMoney>, session: SessionMoneyInput): SessionMoney {
  let money = bySession.get(session.session_id);
  if (money === undefined) bySession.set(session.session_id, (money = zero()));
  return money;
}

/** `100.00 USD`: what a person reads in the counted column. */
function formatMoney(minor: number, currency: string): string {
  return `${toMajorUnits(minor, currency).toFixed(minorUnitExponent(currency))} ${currency.toUpperCase()}`;
}

/**
 * Places every money record and totals each session. A record counts against a session when it
 * names one of its payments (the session's own payment_intent; for a subscription, any invoice of
 * its subscription and that invoice's payment_intent), in the same mode and currency.
 */
export function sessionMoney(sessions: readonly SessionMoneyInput[], records: readonly MoneyRecord[]): MoneyReport {
  const bySession = new Map<string, SessionMoney>();
  const bySubscription = new Map<string, SessionMoneyInput>();
  for (const session of sessions) {
    moneyOf(bySession, session);
    if (session.subscription !== '') bySubscription.set(session.subscription, session);
  }
  // Invoices tie their payments (and so a renewal's refunds and disputes) to the session.
  const payments = sessionPayments(sessions, records);

  const placements: MoneyPlacement[] = records.map(() => ({ session_id: '', counted: '' }));
  records.forEach((record, i) => {
    if (record.kind !== 'invoice') return;
    const session = bySubscription.get(record.subscription);
    const placement = placements[i] as MoneyPlacement;
    if (session === undefined) {
      placement.counted = record.subscription === '' ? 'not counted: not a subscription invoice' : 'waiting for its session';
      return;
    }
    placement.session_id = session.session_id;
    const mismatch = mismatchOf(record, session);
    if (mismatch !== '') {
      placement.counted = mismatch;
      return;
    }
    if (record.state === FIRST_INVOICE_REASON) {
      placement.counted = "the session's own payment";
      return;
    }
    const money = moneyOf(bySession, session);
    money.renewals += 1;
    money.renewal_revenue += record.amount_minor;
    placement.counted = 'renewal';
  });

  // A dispute may name only its charge: a refunded charge's row says which payment it was.
  const paymentOfCharge = new Map<string, string>();
  for (const record of records)
    if (record.charge !== '' && record.payment_intent !== '') paymentOfCharge.set(record.charge, record.payment_intent);

  records.forEach((record, i) => {
    if (record.kind === 'invoice') return;
    const placement = placements[i] as MoneyPlacement;
    const intent = record.payment_intent !== '' ? record.payment_intent : (paymentOfCharge.get(record.charge) ?? '');
    const payment = payments.get(intent);
    if (payment === undefined) {
      placement.counted = intent === '' ? 'not counted: names no payment' : 'waiting for its session (or not a sale of a payment link)';
      return;
    }
    placement.session_id = payment.session.session_id;
    const mismatch = mismatchOf(record, payment.session);
    if (mismatch !== '') {
      placement.counted = mismatch;
      return;
    }
    const money = moneyOf(bySession, payment.session);
    if (record.kind === 'refund') {
      money.refunded += record.amount_minor;
      placement.counted = 'refund';
      return;
    }
    if (record.amount_minor > payment.amount) {
      placement.counted = `not counted: disputes ${formatMoney(record.amount_minor, record.currency)}, more than its payment of ${formatMoney(payment.amount, record.currency)}`;
      return;
    }
    if (MONEY_GONE_STATUSES.has(record.state)) {
      money.disputed += record.amount_minor;
      placement.counted = 'dispute: money gone';
    } else placement.counted = record.state === 'won' ? 'dispute won: money back' : 'dispute: no money taken';
  });

  for (const session of sessions) {
    const money = moneyOf(bySession, session);
    money.net = (session.paid ? session.amount_minor : 0) + money.renewal_revenue - money.refunded - money.disputed;
  }
  return { bySession, placements };
}
