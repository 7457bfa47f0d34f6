/**
 * One row per Stripe object that moves money after a sale: a charge's refunds (the charge, with
 * Stripe's running total), a dispute, a paid invoice. A row shows the newest state of its object:
 * the greatest (event time, amount, event id) seen, a maximum, so any order of deliveries and any
 * number of repeats give the same row. Which session a row counts against is decided by the
 * refresh (session-money.ts), since the session may be logged after its refunds arrive.
 */

import { toMajorUnits } from '../stripe/currency';
import type { MoneyEvent } from '../stripe/money-event';

export type MoneyKind = 'refund' | 'dispute' | 'invoice';

export interface MoneyRecord {
  /** `ch_` for refunds (one row per charge), `dp_`, `in_`. */
  object_id: string;
  kind: MoneyKind;
  /** Refunds: refunded in full or in part; disputes: Stripe's status; invoices: Stripe's billing_reason. */
  state: string;
  /** Refunds: amount_refunded; disputes: amount; invoices: amount_paid. Major units. */
  amount: number;
  amount_minor: number;
  currency: string;
  payment_intent: string;
  charge: string;
  subscription: string;
  livemode: boolean;
  /** The object's creation time, Unix seconds. */
  created: number;
  last_event: string;
  last_event_created: number;
}

export type MoneyVersion = Pick<MoneyRecord, 'state' | 'amount_minor' | 'last_event' | 'last_event_created'>;

/** A dispute only moves forward: opened, then under review, then closed. Events of one second are ordered by it. */
function stage(state: string): number {
  if (state === 'won' || state === 'lost' || state === 'warning_closed' || state === 'prevented') return 2;
  return state === 'under_review' || state === 'warning_under_review' ? 1 : 0;
}

/**
 * True when `incoming` must replace `existing`: newer by event time; at one time, the later stage
 * of a dispute, then the larger running total of refunds, then the event id.
 */
export function moneySupersedes(incoming: MoneyVersion, existing: MoneyVersion): boolean {
  if (incoming.last_event === existing.last_event) return false;
  if (incoming.last_event_created !== existing.last_event_created) return incoming.last_event_created > existing.last_event_created;
  if (stage(incoming.state) !== stage(existing.state)) return stage(incoming.state) > stage(existing.state);
  if (incoming.amount_minor !== existing.amount_minor) return incoming.amount_minor > existing.amount_minor;
  return incoming.last_event > existing.last_event;
}

export function moneyRecordFromEvent(event: MoneyEvent): MoneyRecord {
  const object = event.object;
  const common = {
    object_id: object.id,
    currency: object.currency,
    livemode: object.livemode,
    created: object.created,
    last_event: event.id,
    last_event_created: event.created,
  };
  const money = (minor: number) => ({ amount_minor: minor, amount: toMajorUnits(minor, object.currency) });
  switch (object.kind) {
    case 'charge':
      return {
        ...common,
        ...money(object.amount_refunded),
        kind: 'refund',
        state: object.amount_refunded >= object.amount ? 'refunded in full' : 'refunded in part',
        payment_intent: object.payment_intent,
        charge: object.id,
        subscription: '',
      };
    case 'dispute':
      return {
        ...common,
        ...money(object.amount),
        kind: 'dispute',
        state: object.status,
        payment_intent: object.payment_intent,
        charge: object.charge,
        subscription: '',
      };
    case 'invoice':
      return {
        ...common,
        ...money(object.amount_paid),
        kind: 'invoice',
        state: object.billing_reason,
        payment_intent: object.payment_intent,
        charge: object.charge,
        subscription: object.subscription,
      };
  }
}
