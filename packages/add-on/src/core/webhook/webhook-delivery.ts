/**
 * What a webhook delivery says, before anything is written: too large, not JSON, not a Stripe
 * event, an event the add-on ignores, or a Checkout Session event to record.
 */

import { readEvent, type CheckoutSessionEvent } from '../stripe/stripe-event';
import type { MoneyEvent } from '../stripe/money-event';
import { MAX_BODY_BYTES } from './webhook-limits';

/**
 * A Checkout Session event nests about six levels deep (data.object.customer_details.address);
 * 64 leaves room for deep metadata while refusing bodies built to exhaust the parser's stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Why a delivery was not written: the log tab counts each. */
export type RejectionReason =
  'bad_token' | 'too_large' | 'not_json' | 'not_an_event' | 'unverified' | 'stripe_unreachable' | 'busy' | 'tab_unreadable' | 'internal';

export type Delivery =
  | { kind: 'rejected'; reason: RejectionReason; error: string }
  | { kind: 'ignored'; eventId: string; type: string }
  | { kind: 'session_event'; event: CheckoutSessionEvent }
  | { kind: 'money_event'; event: MoneyEvent };

/** UTF-8 length, counted by hand: Apps Script has no text encoder. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one 4-byte character; an unpaired surrogate is encoded as U+FFFD (3 bytes).
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without parsing it (and
 * without recursion), so a hostile body is measured before anything recursive touches it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

/** `nowSeconds` bounds the times a genuine event can carry (see readEvent). */
export function readDelivery(body: string | undefined, nowSeconds?: number): Delivery {
  if (body === undefined || body === '') {
    return { kind: 'rejected', reason: 'not_json', error: 'the request has no body; Stripe sends the event as JSON' };
  }
  // Cheap bound first: a UTF-16 length over the limit is over it in UTF-8 too.
  if (body.length > MAX_BODY_BYTES || utf8Length(body) > MAX_BODY_BYTES) {
    return {
      kind: 'rejected',
      reason: 'too_large',
      error: `the body is over ${MAX_BODY_BYTES / 1024} KiB, larger than any Checkout Session event`,
    };
  }
  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    return {
      kind: 'rejected',
      reason: 'not_an_event',
      error: `the body is nested more than ${String(MAX_JSON_DEPTH)} levels deep; no Stripe event is`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'rejected', reason: 'not_json', error: 'the body is not JSON' };
  }
  const reading = readEvent(json, nowSeconds);
  if (reading.kind === 'invalid') return { kind: 'rejected', reason: 'not_an_event', error: reading.error };
  if (reading.kind === 'other_event') return { kind: 'ignored', eventId: reading.id, type: reading.type };
  return reading;
}
