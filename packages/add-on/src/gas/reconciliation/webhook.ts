/**
 * The web app endpoint Stripe posts Checkout Session events to. doPost sees no headers (so no
 * Stripe-Signature), cannot set a status, and Stripe sees a 302 whatever it answers: so every
 * event comes back many times and in any order, and what protects the sheet is the token, the
 * schema, the idempotent upsert under the script lock and, with a Stripe key, Stripe's own copy.
 * Every refusal is counted in the log tab, and says whether a later delivery could get past it.
 */

import { constantTimeEqual } from '../../core/webhook/constant-time';
import { readCheckoutSession, readEvent, type CheckoutSession, type CheckoutSessionEvent } from '../../core/stripe/stripe-event';
import { eventPath, sessionPath } from '../../core/stripe/stripe-api';
import type { WebhookAnswer } from '../../core/contracts/webhook-answer';
import { readDelivery, type RejectionReason } from '../../core/webhook/webhook-delivery';
import { withScriptLock } from '../script-lock';
import { recordRejection } from '../ledger/rejection-log';
import { recordEvent, type RecordableEvent, type RecordOutcome } from '../ledger/record-event';
import type { MoneyEvent } from '../../core/stripe/money-event';
import { withPaymentOfInvoice } from '../stripe/invoice-payments';
import { UnreadableTabError } from '../ledger/unreadable-tab';
import { refreshAfterRecording } from './refresh-schedule';
import { stripeKeyFor, webhookToken } from '../stripe/settings';
import { modeOf } from '../../core/stripe/stripe-key';
import { asStripesCopy } from '../../core/stripe/stripes-copy';
import { stripeGet, WEBHOOK_RETRIES } from '../stripe/stripe-client';

/** How long a delivery waits for another one to finish writing before giving up (Stripe retries). */
const LOCK_WAIT_MS = 20_000;
/** Counting a refusal may wait this long: a flood of bad requests must not queue behind real deliveries. */
const LOG_LOCK_WAIT_MS = 2000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Reasons a later delivery of the same event could get past. A token refused is one: a rotated
 * token, or a relay still posting to the old URL, is fixed by a person, and Stripe must keep the
 * event until then (through the relay, `retry` becomes a 503 and Stripe sends it again).
 */
const RETRYABLE: ReadonlySet<RejectionReason> = new Set<RejectionReason>([
  'bad_token',
  'stripe_unreachable',
  'busy',
  'tab_unreadable',
  'internal',
]);

/** Counts the refusal in the log tab; never lets a logging failure change the answer. */
function reject(spreadsheet: Spreadsheet | null, reason: RejectionReason, error: string, detail = error): WebhookAnswer {
  if (spreadsheet !== null) {
    try {
      withScriptLock(LOG_LOCK_WAIT_MS, (held) => {
        recordRejection(held, spreadsheet, reason, detail);
      });
    } catch (logError) {
      console.warn(`Could not count a refused delivery: ${messageOf(logError)}`);
    }
  }
  return RETRYABLE.has(reason) ? { ok: false, error, retry: true } : { ok: false, error };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Refusal = { ok: false; reason: 'unverified' | 'stripe_unreachable'; error: string };

type Verification = { ok: true; event: CheckoutSessionEvent; session: CheckoutSession } | Refusal;

/** A refusal for a read Stripe answered with `status`: unknown to Stripe (404) is unverified; anything else may pass on a retry. */
function failed(status: number, error: string): Refusal {
  return { ok: false, reason: status === 404 ? 'unverified' : 'stripe_unreachable', error };
}

/** Stripe's own copy of the event posted as `eventId`, read. */
function stripesEvent(key: string, eventId: string): { ok: true; reading: ReturnType<typeof readEvent> } | Refusal {
  const event = stripeGet(key, eventPath(eventId), WEBHOOK_RETRIES);
  if (!event.ok) return failed(event.status, `Could not confirm ${eventId} with Stripe: ${event.error}`);
  return { ok: true, reading: readEvent(event.json) };
}

/** Stripe's copy of the event and of its session, or why it could not be had. */
function verifyWithStripe(key: string, claimed: CheckoutSessionEvent): Verification {
  const fetched = stripesEvent(key, claimed.id);
  if (!fetched.ok) return fetched;
  const { reading } = fetched;
  if (reading.kind !== 'session_event' || reading.event.type !== claimed.type || reading.event.session.id !== claimed.session.id) {
    return {
      ok: false,
      reason: 'unverified',
      error: `Stripe's copy of ${claimed.id} is not the ${claimed.type} event for ${claimed.session.id} that was posted`,
    };
  }
  const session = stripeGet(key, sessionPath(claimed.session.id), WEBHOOK_RETRIES);
  if (!session.ok) return failed(session.status, `Could not fetch ${claimed.session.id} from Stripe: ${session.error}`);
  const read = readCheckoutSession(session.json);
  if (!read.ok)
    return { ok: false, reason: 'stripe_unreachable', error: `Stripe's copy of ${claimed.session.id} was not understood: ${read.error}` };
  return { ok: true, event: reading.event, session: asStripesCopy(read.session) };
}

function processDelivery(e: GoogleAppsScript.Events.DoPost, spreadsheet: Spreadsheet): WebhookAnswer {
  const token = webhookToken();
  // Not counted: before the set-up there is no log tab to count in. Retried: the set-up is a person's to do.
  if (token === null)
    return { ok: false, error: 'Not set up yet: open the spreadsheet and run "Set up reconciliation" from the add-on menu', retry: true };
  const given = (e.parameter as Record<string, string | undefined> | undefined)?.token ?? '';
  if (!constantTimeEqual(token, given)) {
    return reject(
      spreadsheet,
      'bad_token',
      'Wrong or missing token',
      given === '' ? 'no ?token= in the URL' : 'a token that does not match',
    );
  }

  const body = (e.postData as GoogleAppsScript.Events.DoPost['postData'] | undefined)?.contents;
  const delivery = readDelivery(body, Math.floor(Date.now() / 1000));
  if (delivery.kind === 'rejected') return reject(spreadsheet, delivery.reason, delivery.error);
  if (delivery.kind === 'ignored') {
    return { ok: true, result: 'ignored', event: delivery.eventId, note: `${delivery.type} events are not recorded` };
  }

  // Each event is checked with the key of its own mode; a mode without one is checked by the token alone.
  const key = stripeKeyFor(modeOf(delivery.event.livemode));
  if (delivery.kind === 'money_event') return recordMoneyEvent(spreadsheet, key, delivery.event);
  let event = delivery.event;
  let session = event.session;
  if (key !== null) {
    const verified = verifyWithStripe(key, event);
    if (!verified.ok) return reject(spreadsheet, verified.reason, verified.error);
    event = verified.event;
    session = verified.session;
  }

  const written = record(spreadsheet, { kind: 'session_event', event, session });
  if (!written.ok) return written.answer;
  if (written.outcome === 'not_recorded') {
    return {
      ok: true,
      result: 'ignored',
      event: event.id,
      session: session.id,
      note: 'an expired session was never paid',
      verified: key !== null,
    };
  }
  return { ok: true, result: written.outcome, event: event.id, session: session.id, verified: key !== null };
}

/** Records under the script lock; a busy lock or an unreadable tab is a refusal a later delivery can get past. */
function record(
  spreadsheet: Spreadsheet,
  recordable: RecordableEvent,
): { ok: true; outcome: RecordOutcome } | { ok: false; answer: WebhookAnswer } {
  const written = withScriptLock(LOCK_WAIT_MS, (held): RecordOutcome | UnreadableTabError => {
    try {
      const outcome = recordEvent(held, spreadsheet, recordable);
      refreshAfterRecording(held, outcome);
      return outcome;
    } catch (error) {
      if (error instanceof UnreadableTabError) return error;
      throw error;
    }
  });
  if (!written.ok)
    return { ok: false, answer: reject(spreadsheet, 'busy', 'Busy writing other deliveries; Stripe will send this one again') };
  if (written.value instanceof UnreadableTabError) {
    return { ok: false, answer: reject(spreadsheet, 'tab_unreadable', `${written.value.message}; Stripe will send this event again`) };
  }
  return { ok: true, outcome: written.value };
}

/** A refund, dispute or invoice event: with a key, Stripe's own copy of the event is what is recorded. */
function recordMoneyEvent(spreadsheet: Spreadsheet, key: string | null, claimed: MoneyEvent): WebhookAnswer {
  let event = claimed;
  if (key !== null) {
    const verified = verifyMoneyEvent(key, claimed);
    if (!verified.ok) return reject(spreadsheet, verified.reason, verified.error);
    const paid = withPaymentOfInvoice(key, verified.event, WEBHOOK_RETRIES);
    // A key that may not read invoices leaves the renewal untied (its refunds wait); anything else Stripe retries.
    if (!paid.ok && paid.status !== 403) return reject(spreadsheet, 'stripe_unreachable', paid.error);
    event = paid.ok ? paid.event : verified.event;
  }
  const written = record(spreadsheet, { kind: 'money_event', event });
  if (!written.ok) return written.answer;
  return { ok: true, result: written.outcome === 'not_recorded' ? 'ignored' : written.outcome, event: event.id, verified: key !== null };
}

/** Stripe's copy of a money event, which must be about the same object as the one posted. */
function verifyMoneyEvent(key: string, claimed: MoneyEvent): { ok: true; event: MoneyEvent } | Refusal {
  const fetched = stripesEvent(key, claimed.id);
  if (!fetched.ok) return fetched;
  const { reading } = fetched;
  if (reading.kind !== 'money_event' || reading.event.type !== claimed.type || reading.event.object.id !== claimed.object.id) {
    return {
      ok: false,
      reason: 'unverified',
      error: `Stripe's copy of ${claimed.id} is not the ${claimed.type} event for ${claimed.object.id} that was posted`,
    };
  }
  return { ok: true, event: reading.event };
}

/** doPost's body: every answer is JSON with `ok`, and no exception becomes Apps Script's HTML error page. */
export function answerWebhook(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  let answer: WebhookAnswer;
  let spreadsheet: Spreadsheet | null = null;
  try {
    // The typings say never null; a web app deployed outside the spreadsheet's project gets null.
    const active = SpreadsheetApp.getActiveSpreadsheet() as Spreadsheet | null;
    spreadsheet = active;
    answer =
      active === null
        ? {
            ok: false,
            error: "This web app cannot reach its spreadsheet; deploy it from the spreadsheet's own Apps Script project",
            retry: true,
          }
        : processDelivery(e, active);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    answer = reject(spreadsheet, 'internal', `Internal error: ${messageOf(error)}`);
  }
  try {
    return ContentService.createTextOutput(JSON.stringify(answer)).setMimeType(ContentService.MimeType.JSON);
  } catch {
    return ContentService.createTextOutput('{"ok":false,"error":"Internal error","retry":true}');
  }
}
