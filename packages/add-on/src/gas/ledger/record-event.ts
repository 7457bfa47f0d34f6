/**
 * The one place a Stripe event is recorded, by the webhook and by the sync alike: the event's
 * route (core/ledger/stripe-events.ts) names the record it changes, and the handler for that record
 * writes it through the record store. A new kind of record is a route and a handler here, not a
 * second path through the webhook and the sync.
 */

import { EVENT_ROUTES, type EventRoute } from '../../core/ledger/stripe-events';
import { recordFromEvent } from '../../core/ledger/reconciliation';
import { moneyRecordFromEvent } from '../../core/ledger/money';
import { MONEY_TABLE } from '../../core/ledger/money-columns';
import type { CheckoutSession, CheckoutSessionEvent } from '../../core/stripe/stripe-event';
import type { MoneyEvent } from '../../core/stripe/money-event';
import type { UpsertAction } from '../../core/contracts/webhook-answer';
import { upsertRecord, upsertRecordIn } from './record-store';
import { recordExpiredCheckout } from './checkout-store';
import { spreadsheetTimeZone } from '../stripe/settings';
import { expiredCheckout } from '../../core/ledger/checkouts';
import type { ScriptLockHeld } from '../script-lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What recording did: a store's action, or `not_recorded` for an event its record keeps no row for (an expired session). */
export type RecordOutcome = UpsertAction | 'not_recorded';

/** An event as recorded: a session event with the session to record (Stripe's copy when one was fetched), or a money event. */
export type RecordableEvent =
  { kind: 'session_event'; event: CheckoutSessionEvent; session?: CheckoutSession } | { kind: 'money_event'; event: MoneyEvent };

type Handlers = {
  [K in EventRoute['record']]: (held: ScriptLockHeld, spreadsheet: Spreadsheet, recordable: RecordableEvent) => RecordOutcome;
};

const HANDLERS: Handlers = {
  checkout_session: (held, spreadsheet, recordable) => {
    if (recordable.kind !== 'session_event') throw new Error(`${recordable.event.type} is not a Checkout Session event`);
    const record = recordFromEvent(recordable.event, recordable.session ?? recordable.event.session);
    return record === null ? 'not_recorded' : upsertRecord(held, spreadsheet, record);
  },
  expired_checkout: (held, spreadsheet, recordable) => {
    if (recordable.kind !== 'session_event') throw new Error(`${recordable.event.type} is not a Checkout Session event`);
    const session = recordable.session ?? recordable.event.session;
    return recordExpiredCheckout(held, spreadsheet, expiredCheckout(recordable.event, session, dayIn(spreadsheet, session.created)));
  },
  money: (held, spreadsheet, recordable) => {
    if (recordable.kind !== 'money_event') throw new Error(`${recordable.event.type} is not a money event`);
    return upsertRecordIn(MONEY_TABLE, held, spreadsheet, moneyRecordFromEvent(recordable.event));
  },
};

/** `yyyy-mm-dd` of a Unix time in the spreadsheet's time zone: the day a week-by-week view files it under. */
function dayIn(spreadsheet: Spreadsheet, seconds: number): string {
  return Utilities.formatDate(new Date(seconds * 1000), spreadsheetTimeZone(spreadsheet), 'yyyy-MM-dd');
}

/** Throws UnreadableTabError, written nothing, when the record's tab cannot be read safely. */
export function recordEvent(held: ScriptLockHeld, spreadsheet: Spreadsheet, recordable: RecordableEvent): RecordOutcome {
  return HANDLERS[EVENT_ROUTES[recordable.event.type].record](held, spreadsheet, recordable);
}
