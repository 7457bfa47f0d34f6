/**
 * Checkouts opened and never paid: every `checkout.session.expired`, exactly once per session. A
 * busy store opens many more checkouts than it sells, so they do not get a row each: a row of the
 * Checkouts tab is a bucket, one day (in the spreadsheet's time zone) of one reference, Payment
 * Link, currency and mode, holding how many sessions expired and their ids. The ids are what makes a
 * repeated event change nothing; the count is all the refresh reads. The tab grows with the days
 * and references that saw checkouts, not with the checkouts, so neither a delivery (which finds a
 * session's id with one TextFinder) nor a refresh (which reads the counts) slows as they pile up.
 */

import type { CheckoutSession, CheckoutSessionEvent } from '../stripe/stripe-event';
import { paymentLinkId } from './reconciliation';

/**
 * A cell holds at most 50,000 characters; a bucket's ids stop short of that and the bucket goes
 * on in a new row with the same key. About 700 sessions of one reference in one day fit in a row.
 */
export const MAX_IDS_CHARACTERS = 49_000;

/** Ids in a cell are separated by one space: a session id never holds one. */
const SEPARATOR = ' ';

export interface ExpiredCheckout {
  session_id: string;
  client_reference_id: string;
  payment_link: string;
  /** Stripe's lowercase code: the Attribution tab's groups are per currency, and so is conversion. */
  currency: string;
  livemode: boolean;
  /** The session's creation, Unix seconds: the checkout was opened then. */
  created: number;
  /** `yyyy-mm-dd` of `created` in the spreadsheet's time zone: the bucket's day. */
  day: string;
  last_event: string;
  last_event_created: number;
}

export function expiredCheckout(event: CheckoutSessionEvent, session: CheckoutSession, day: string): ExpiredCheckout {
  return {
    session_id: session.id,
    client_reference_id: session.client_reference_id ?? '',
    payment_link: paymentLinkId(session),
    currency: (session.currency ?? '').toLowerCase(),
    livemode: session.livemode,
    created: session.created,
    day,
    last_event: event.id,
    last_event_created: event.created,
  };
}

/**
 * The bucket a checkout counts in: `2026-12-06 test usd plink_1abc nl-1`. Spaces separate the
 * parts: none of a day, a mode, a currency code, a `plink_` id or a reference Stripe keeps has one
 * (Stripe drops a reference with a space), so no two buckets share a key.
 */
export function bucketKey(
  checkout: Pick<ExpiredCheckout, 'day' | 'livemode' | 'currency' | 'payment_link' | 'client_reference_id'>,
): string {
  return [
    checkout.day,
    checkout.livemode ? 'live' : 'test',
    checkout.currency || '-',
    checkout.payment_link || '-',
    checkout.client_reference_id || '-',
  ].join(' ');
}

/** Whether a bucket's ids cell holds `sessionId` itself (a TextFinder match may be part of a longer id). */
export function holdsSession(idsCell: string, sessionId: string): boolean {
  return idsCell.split(SEPARATOR).indexOf(sessionId) !== -1;
}

/** The ids cell with `sessionId` added, or null when it would not fit: the bucket goes on in a new row. */
export function addSession(idsCell: string, sessionId: string): string | null {
  const next = idsCell === '' ? sessionId : `${idsCell}${SEPARATOR}${sessionId}`;
  return next.length > MAX_IDS_CHARACTERS ? null : next;
}

/** How many sessions an ids cell holds: the count column is written from it, so a person's edit to the count cannot drift. */
export function sessionsIn(idsCell: string): number {
  return idsCell === '' ? 0 : idsCell.split(SEPARATOR).length;
}
