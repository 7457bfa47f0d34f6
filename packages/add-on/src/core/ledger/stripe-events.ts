/**
 * What the add-on asks of Stripe, in one table: each event type it records and the ledger tab its
 * handler writes, each read permission its key needs and why, and how often the scheduled sync
 * can read. The set-up dialog, the key prompt, the refusal of a secret key, the error for a 403,
 * the sync's event filter, and the menu's sync items and the trigger they make are all derived
 * from here, so what a user is told to subscribe to, to allow and to choose cannot drift from
 * what the code does. (Help names no event, permission or interval.)
 */

import type { HandledEventType } from '../stripe/stripe-event';
import type { TabRole } from './marks';

export interface EventRoute {
  /** The Stripe object the event is about, and so the record it changes. */
  readonly record: 'checkout_session' | 'expired_checkout' | 'money';
  readonly tab: TabRole;
  /** What the event means for the row, for Help. */
  readonly meaning: string;
}

/** Keyed by type, so a handled type without a route does not compile. */
export const EVENT_ROUTES: Readonly<Record<HandledEventType, EventRoute>> = {
  'checkout.session.completed': {
    record: 'checkout_session',
    tab: 'reconciliation',
    meaning: 'a checkout finished (paid, or waiting for a delayed payment)',
  },
  'checkout.session.async_payment_succeeded': {
    record: 'checkout_session',
    tab: 'reconciliation',
    meaning: 'a delayed payment (SEPA, ACH, vouchers) succeeded',
  },
  'checkout.session.async_payment_failed': { record: 'checkout_session', tab: 'reconciliation', meaning: 'a delayed payment failed' },
  'checkout.session.expired': {
    record: 'expired_checkout',
    tab: 'checkouts',
    meaning: 'a checkout expired unpaid: counted as a checkout opened',
  },
  'charge.refunded': { record: 'money', tab: 'money', meaning: "a payment was refunded, in full or in part (Stripe's running total)" },
  'charge.dispute.created': { record: 'money', tab: 'money', meaning: 'a customer disputed a payment' },
  'charge.dispute.updated': { record: 'money', tab: 'money', meaning: "a dispute's status changed" },
  'charge.dispute.closed': { record: 'money', tab: 'money', meaning: 'a dispute was won or lost' },
  'charge.dispute.funds_withdrawn': { record: 'money', tab: 'money', meaning: "a dispute's amount was taken from the balance" },
  'charge.dispute.funds_reinstated': { record: 'money', tab: 'money', meaning: "a won dispute's amount was given back" },
  'invoice.paid': { record: 'money', tab: 'money', meaning: "a subscription's invoice was paid (its renewals)" },
};

/** The event types to select in Stripe's webhook endpoint, and the sync's `types[]` filter. */
export const SUBSCRIBED_EVENT_TYPES = Object.keys(EVENT_ROUTES) as HandledEventType[];

export interface KeyPermission {
  /** As Stripe's restricted-key page names the resource. */
  readonly resource: string;
  readonly why: string;
}

/** The read access a restricted key needs: nothing to write, nothing else to read. */
export const KEY_PERMISSIONS: readonly KeyPermission[] = [
  { resource: 'Checkout Sessions', why: 'to confirm each sale with Stripe and read missed ones' },
  { resource: 'Events', why: 'for the sync, which reads the events a delivery missed' },
  { resource: 'Payment Links', why: 'for attribution of sales without a matching reference' },
  { resource: 'Invoices', why: "to tie a subscription renewal's refunds and disputes to the sale that started it" },
  {
    resource: 'Balance transaction sources',
    why: "for what Stripe kept of each sale (fees and net in the account's currency): the sync lists the balance transactions",
  },
  // Each balance transaction is listed with its source expanded in place, and Stripe asks for the
  // read permission of every object a request expands (its permissions reference, for apps).
  { resource: 'Charges', why: 'to read the charge or refund a balance transaction comes from, and so the sale it belongs to' },
  { resource: 'Disputes', why: "to read the dispute a chargeback's balance transaction comes from, and so the sale it belongs to" },
];

/** `Checkout Sessions, Events and Payment Links`. */
export function keyPermissionsText(): string {
  const names = KEY_PERMISSIONS.map((p) => p.resource);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** How often the scheduled sync can run, in minutes: what the menu offers and the set-up dialog names. */
export type SyncInterval = 15 | 60;

export interface SyncIntervalWords {
  readonly minutes: SyncInterval;
  /** `15 minutes`, `an hour`: how long a new sale can wait at this interval. */
  readonly span: string;
  /** `every 15 minutes`, `every hour`. */
  readonly every: string;
}

/** The scheduled sync's intervals, shortest first: the menu's items, the set-up dialog, the trigger and the stored setting. */
export const SYNC_INTERVALS: readonly SyncIntervalWords[] = [
  { minutes: 15, span: '15 minutes', every: 'every 15 minutes' },
  { minutes: 60, span: 'an hour', every: 'every hour' },
];

export function syncIntervalWords(minutes: SyncInterval): SyncIntervalWords {
  const words = SYNC_INTERVALS.find((interval) => interval.minutes === minutes);
  if (words === undefined) throw new Error(`not a sync interval: ${String(minutes)}`);
  return words;
}

/** A stored interval (the script property's text) as an interval, or null when it is none of them. */
export function readSyncIntervalText(text: string | null): SyncInterval | null {
  return SYNC_INTERVALS.find((interval) => String(interval.minutes) === text)?.minutes ?? null;
}
