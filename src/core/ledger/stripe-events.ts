/**
 * What the add-on asks of Stripe, in one table: each event type it records and the ledger tab its
 * handler writes, and each read permission its key needs and why. The set-up dialog, Help, the
 * key prompt, the error for a 403 and the sync's event filter are all derived from here, so what
 * a user is told to subscribe to and to allow cannot drift from what the code handles.
 */

import type { HandledEventType } from '../stripe-event';
import type { TabRole } from './marks';

export interface EventRoute {
  /** The Stripe object the event is about, and so the record it changes. */
  readonly record: 'checkout_session';
  readonly tab: TabRole;
  /** What the event means for the row, for Help. */
  readonly meaning: string;
}

/** Keyed by type, so a handled type without a route does not compile. */
export const EVENT_ROUTES: Readonly<Record<HandledEventType, EventRoute>> = {
  'checkout.session.completed': { record: 'checkout_session', tab: 'reconciliation', meaning: 'a checkout finished (paid, or waiting for a delayed payment)' },
  'checkout.session.async_payment_succeeded': { record: 'checkout_session', tab: 'reconciliation', meaning: 'a delayed payment (SEPA, ACH, vouchers) succeeded' },
  'checkout.session.async_payment_failed': { record: 'checkout_session', tab: 'reconciliation', meaning: 'a delayed payment failed' },
  'checkout.session.expired': { record: 'checkout_session', tab: 'reconciliation', meaning: 'a checkout expired unpaid (no row is added)' },
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
];

/** `Checkout Sessions, Events and Payment Links`. */
export function keyPermissionsText(): string {
  const names = KEY_PERMISSIONS.map((p) => p.resource);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
