/**
 * The one place a Stripe event is recorded, by the webhook and by the sync alike: the event's
 * route (core/ledger/stripe-events.ts) names the record it changes, and the handler for that record
 * writes it through its store. A new kind of record (refunds, disputes, invoices) is a route and a
 * handler here, not a second path through the webhook and the sync.
 */

import { EVENT_ROUTES, type EventRoute } from '../../core/ledger/stripe-events';
import { recordFromEvent } from '../../core/ledger/reconciliation';
import type { CheckoutSession, CheckoutSessionEvent } from '../../core/stripe/stripe-event';
import type { UpsertAction } from '../../core/contracts/webhook-answer';
import { upsertRecord } from './reconciliation-store';
import type { ScriptLockHeld } from '../script-lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What recording did: a store's action, or `not_recorded` for an event its record keeps no row for (an expired session). */
export type RecordOutcome = UpsertAction | 'not_recorded';

type Handler = (held: ScriptLockHeld, spreadsheet: Spreadsheet, event: CheckoutSessionEvent, session: CheckoutSession) => RecordOutcome;

const HANDLERS: Readonly<Record<EventRoute['record'], Handler>> = {
  checkout_session: (held, spreadsheet, event, session) => {
    const record = recordFromEvent(event, session);
    return record === null ? 'not_recorded' : upsertRecord(held, spreadsheet, record);
  },
};

/** Throws UnreadableTabError, written nothing, when the record's tab cannot be read safely. */
export function recordEvent(
  held: ScriptLockHeld,
  spreadsheet: Spreadsheet,
  event: CheckoutSessionEvent,
  session: CheckoutSession = event.session,
): RecordOutcome {
  return HANDLERS[EVENT_ROUTES[event.type].record](held, spreadsheet, event, session);
}
