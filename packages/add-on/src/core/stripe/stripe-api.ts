/**
 * Stripe's REST API as the add-on uses it with a restricted key: paths, list pages, and what
 * an error means for a marketer who pasted the key.
 */

import * as z from 'zod/mini';
import { INVOICE_ID } from './money-event';
import { lazily } from '../helpers/lazily';
import { keyPermissionsText, SUBSCRIBED_EVENT_TYPES } from '../ledger/stripe-events';
import { EVENT_ID, PAYMENT_LINK_ID, SESSION_ID } from './stripe-event';

export const STRIPE_API_ORIGIN = 'https://api.stripe.com';

export function eventPath(eventId: string): string {
  if (!EVENT_ID.test(eventId)) throw new Error(`not a Stripe event id: ${eventId}`);
  return `/v1/events/${eventId}`;
}

export function sessionPath(sessionId: string): string {
  if (!SESSION_ID.test(sessionId)) throw new Error(`not a Checkout Session id: ${sessionId}`);
  return `/v1/checkout/sessions/${sessionId}`;
}

/** The smallest read that proves a key can read events, made before the key is kept. */
/** The InvoicePayments of an invoice: since API 2025-03-31 the only place that names the payment an invoice was paid by. */
export function invoicePaymentsPath(invoiceId: string): string {
  if (!INVOICE_ID.test(invoiceId)) throw new Error(`not an invoice id: ${invoiceId}`);
  return `/v1/invoice_payments?invoice=${invoiceId}&limit=10`;
}

export const KEY_PROBE_PATH = '/v1/events?limit=1';

/** One page of Checkout Session events created at or after `since`, newest first, after `startingAfter`. */
export function eventsPagePath(since: number, startingAfter: string | null, limit = 100): string {
  const query = [
    ...SUBSCRIBED_EVENT_TYPES.map((type) => `types%5B%5D=${encodeURIComponent(type)}`),
    `created%5Bgte%5D=${String(Math.floor(since))}`,
    `limit=${String(limit)}`,
  ];
  if (startingAfter !== null) {
    if (!EVENT_ID.test(startingAfter)) throw new Error(`not a Stripe event id: ${startingAfter}`);
    query.push(`starting_after=${startingAfter}`);
  }
  return `/v1/events?${query.join('&')}`;
}

const listPage = lazily(() =>
  z.object({
    object: z.literal('list'),
    data: z.unknown(),
    has_more: z.boolean(),
  }),
);

export function readListPage(json: unknown): { ok: true; data: unknown[]; hasMore: boolean } | { ok: false; error: string } {
  const page = listPage().safeParse(json);
  // Each item is read as an event on its own; here only the list's shape matters.
  if (!page.success || !Array.isArray(page.data.data))
    return { ok: false, error: 'Stripe answered with something that is not a list of events' };
  return { ok: true, data: page.data.data as unknown[], hasMore: page.data.has_more };
}

/**
 * Whether Stripe refusing an events page means it no longer accepts the page's `starting_after`
 * cursor: an event past its 30 days, or one it never had, is refused as a 400 (a 404 from some
 * proxies) `invalid_request_error` on `starting_after`. Only the status is needed: a page without
 * the cursor is the fix, and if the refusal had another cause that page is refused too and reported.
 */
export function isRefusedCursor(status: number, startingAfter: string | null): boolean {
  return startingAfter !== null && (status === 400 || status === 404);
}

/** Worth trying again later: rate limits, Stripe's own errors, and no answer at all. */
export function isRetryable(status: number): boolean {
  return status === 429 || status === 409 || status >= 500 || status === 0;
}

function stripeMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    const message = parsed.error?.message;
    return typeof message === 'string' ? ` Stripe said: ${message.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

/** What went wrong, and what to do about it, for an API answer that is not 2xx. */
export function describeApiError(status: number, body: string): string {
  const said = stripeMessage(body);
  if (status === 401)
    return `Stripe did not accept the API key (401). Paste a current restricted key with Add-on menu > Connect Stripe key.${said}`;
  if (status === 403) {
    return `The Stripe key is not allowed to read this (403). Give the restricted key read access to ${keyPermissionsText()}.${said}`;
  }
  if (status === 404) return `Stripe has no such object (404): it may belong to another account or mode (test or live).${said}`;
  if (status === 429)
    return `Stripe is rate-limiting requests (429) and still was after several tries; run the sync again in a few minutes.${said}`;
  if (status >= 500 || status === 0)
    return `Stripe did not answer properly (${status === 0 ? 'no response' : String(status)}) after several tries; try again later.${said}`;
  return `Stripe refused the request (${String(status)}).${said}`;
}

/** A page of Payment Links, newest first: what maps a session's `plink_` id to the URL a link tab holds. */
export function paymentLinksPagePath(startingAfter: string | null, limit = 100): string {
  return `/v1/payment_links?limit=${String(limit)}${startingAfter === null ? '' : `&starting_after=${encodeURIComponent(startingAfter)}`}`;
}

/** The `plink_` id → URL pairs of a list page's items, skipping anything that is not a Payment Link. */
export function paymentLinkUrls(items: readonly unknown[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const item of items) {
    const { id, url } = (item ?? {}) as { id?: unknown; url?: unknown };
    if (typeof id === 'string' && PAYMENT_LINK_ID.test(id) && typeof url === 'string' && /^https:\/\//.test(url)) pairs.push([id, url]);
  }
  return pairs;
}
