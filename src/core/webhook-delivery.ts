/**
 * What a webhook delivery says, before anything is written: too large, not JSON, not a Stripe
 * event, an event the add-on ignores, or a Checkout Session event to record.
 */

import { readEvent, type CheckoutSessionEvent } from './stripe-event';

/**
 * A checkout.session event is a few kilobytes (line items are not included); 256 KiB leaves
 * room for long metadata and custom fields while refusing bodies meant to fill the sheet.
 */
export const MAX_BODY_BYTES = 256 * 1024;

export type RejectionReason = 'bad_token' | 'too_large' | 'not_json' | 'not_an_event' | 'unverified';

export type Delivery =
  | { kind: 'rejected'; reason: RejectionReason; error: string }
  | { kind: 'ignored'; eventId: string; type: string }
  | { kind: 'session_event'; event: CheckoutSessionEvent };

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

export function readDelivery(body: string | undefined): Delivery {
  if (body === undefined || body === '') {
    return { kind: 'rejected', reason: 'not_json', error: 'the request has no body; Stripe sends the event as JSON' };
  }
  // Cheap bound first: a UTF-16 length over the limit is over it in UTF-8 too.
  if (body.length > MAX_BODY_BYTES || utf8Length(body) > MAX_BODY_BYTES) {
    return { kind: 'rejected', reason: 'too_large', error: `the body is over ${MAX_BODY_BYTES / 1024} KiB, larger than any Checkout Session event` };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'rejected', reason: 'not_json', error: 'the body is not JSON' };
  }
  const reading = readEvent(json);
  if (reading.kind === 'invalid') return { kind: 'rejected', reason: 'not_an_event', error: reading.error };
  if (reading.kind === 'other_event') return { kind: 'ignored', eventId: reading.id, type: reading.type };
  return { kind: 'session_event', event: reading.event };
}
