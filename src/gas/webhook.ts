/**
 * The web app endpoint Stripe posts Checkout Session events to. doPost sees no headers (so no
 * Stripe-Signature), cannot set a status, and Stripe sees a 302 whatever it answers: so every
 * event comes back many times and in any order, and what protects the sheet is the token, the
 * schema, the idempotent upsert under the script lock and, with a Stripe key, Stripe's own copy.
 */

import { constantTimeEqual } from '../core/constant-time';
import { recordFromEvent } from '../core/reconciliation';
import { readCheckoutSession, readEvent, type CheckoutSession, type CheckoutSessionEvent } from '../core/stripe-event';
import { eventPath, sessionPath } from '../core/stripe-api';
import { readDelivery, type RejectionReason } from '../core/webhook-delivery';
import { recordRejection } from './rejection-log';
import { upsertRecord, type UpsertAction } from './reconciliation-sheet';
import { stripeApiKey, webhookToken } from './settings';
import { stripeGet, WEBHOOK_RETRIES } from './stripe-client';

export interface WebhookAnswer {
  ok: boolean;
  error?: string;
  event?: string;
  session?: string;
  result?: UpsertAction | 'ignored';
  note?: string;
  verified?: boolean;
}

/** How long a delivery waits for another one to finish writing before giving up (Stripe retries). */
const LOCK_WAIT_MS = 20_000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Counts the rejection in the log tab; never lets a logging failure change the answer. */
function reject(spreadsheet: Spreadsheet, reason: RejectionReason, error: string, detail = error): WebhookAnswer {
  const lock = LockService.getScriptLock();
  try {
    // A flood of bad requests must not queue behind real deliveries: count only if the lock is free.
    if (lock.tryLock(1000)) {
      recordRejection(spreadsheet, reason, detail);
      SpreadsheetApp.flush();
    }
  } catch (logError) {
    console.warn(`Could not count a rejected delivery: ${logError instanceof Error ? logError.message : String(logError)}`);
  } finally {
    lock.releaseLock();
  }
  return { ok: false, error };
}

/** Stripe's copy of the event and of its session, or why it could not be had. */
function verifyWithStripe(
  key: string,
  claimed: CheckoutSessionEvent,
): { ok: true; event: CheckoutSessionEvent; session: CheckoutSession } | { ok: false; forged: boolean; error: string } {
  const event = stripeGet(key, eventPath(claimed.id), WEBHOOK_RETRIES);
  if (!event.ok) return { ok: false, forged: event.status === 404, error: `Could not confirm ${claimed.id} with Stripe: ${event.error}` };
  const reading = readEvent(event.json);
  if (reading.kind !== 'session_event' || reading.event.type !== claimed.type || reading.event.session.id !== claimed.session.id) {
    return { ok: false, forged: true, error: `Stripe's copy of ${claimed.id} is not the ${claimed.type} event for ${claimed.session.id} that was posted` };
  }
  const session = stripeGet(key, sessionPath(claimed.session.id), WEBHOOK_RETRIES);
  if (!session.ok) return { ok: false, forged: session.status === 404, error: `Could not fetch ${claimed.session.id} from Stripe: ${session.error}` };
  const read = readCheckoutSession(session.json);
  if (!read.ok) return { ok: false, forged: false, error: `Stripe's copy of ${claimed.session.id} was not understood: ${read.error}` };
  return { ok: true, event: reading.event, session: read.session };
}

export function handleWebhook(e: GoogleAppsScript.Events.DoPost): WebhookAnswer {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet() as Spreadsheet | null;
  if (spreadsheet === null) {
    return { ok: false, error: 'This web app cannot reach its spreadsheet; deploy it from the spreadsheet\'s own Apps Script project' };
  }
  const token = webhookToken();
  if (token === null) return { ok: false, error: 'Not set up yet: open the spreadsheet and run "Set up reconciliation" from the add-on menu' };
  const given = (e.parameter as Record<string, string | undefined> | undefined)?.token ?? '';
  if (!constantTimeEqual(token, given)) {
    return reject(spreadsheet, 'bad_token', 'Wrong or missing token', given === '' ? 'no ?token= in the URL' : 'a token that does not match');
  }

  const delivery = readDelivery((e.postData as GoogleAppsScript.Events.DoPost['postData'] | undefined)?.contents);
  if (delivery.kind === 'rejected') return reject(spreadsheet, delivery.reason, delivery.error);
  if (delivery.kind === 'ignored') {
    return { ok: true, result: 'ignored', event: delivery.eventId, note: `${delivery.type} events are not recorded` };
  }

  let event = delivery.event;
  let session = event.session;
  const key = stripeApiKey();
  if (key !== null) {
    const verified = verifyWithStripe(key, event);
    if (!verified.ok) return verified.forged ? reject(spreadsheet, 'unverified', verified.error) : { ok: false, error: verified.error };
    event = verified.event;
    session = verified.session;
  }

  const record = recordFromEvent(event, session);
  if (record === null) {
    return { ok: true, result: 'ignored', event: event.id, session: session.id, note: 'an expired session was never paid', verified: key !== null };
  }

  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return { ok: false, error: 'Busy writing other deliveries; Stripe will send this one again' };
  try {
    const result = upsertRecord(spreadsheet, record);
    // Commit before letting the next delivery in, or it could read the tab without this row.
    if (result !== 'unchanged') SpreadsheetApp.flush();
    return { ok: true, result, event: event.id, session: record.session_id, verified: key !== null };
  } finally {
    lock.releaseLock();
  }
}

/** doPost's body: every answer is JSON with `ok`, and no exception becomes Apps Script's HTML error page. */
export function answerWebhook(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  let answer: WebhookAnswer;
  try {
    answer = handleWebhook(e);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    answer = { ok: false, error: `Internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return ContentService.createTextOutput(JSON.stringify(answer)).setMimeType(ContentService.MimeType.JSON);
  } catch {
    return ContentService.createTextOutput('{"ok":false,"error":"Internal error"}');
  }
}
