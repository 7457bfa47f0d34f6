/**
 * What each `plink_` id's URL is, read from Stripe's API with the connected key: a session names
 * its Payment Link by id, a link tab by URL. Without a key, or when Stripe refuses (the key lacks
 * read access to Payment Links), attribution goes on by reference alone and says why.
 */

import { paymentLinksPagePath, paymentLinkUrls, readListPage } from '../../core/stripe/stripe-api';
import { stripeApiKey } from '../stripe/settings';
import { stripeGet, SYNC_RETRIES } from '../stripe/stripe-client';

/** Enough for any account's links; a stop beyond it is said, not hidden. */
const MAX_PAGES = 50;

export type LinkUrls = { ok: true; urls: Map<string, string> } | { ok: false; urls: Map<string, string>; why: string };

export function readPaymentLinkUrls(): LinkUrls {
  const urls = new Map<string, string>();
  const key = stripeApiKey();
  if (key === null) return { ok: false, urls, why: 'no Stripe key is connected' };
  let startingAfter: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = stripeGet(key, paymentLinksPagePath(startingAfter), SYNC_RETRIES);
    if (!answer.ok) return { ok: false, urls, why: `Stripe did not list the Payment Links: ${answer.error}` };
    const list = readListPage(answer.json);
    if (!list.ok) return { ok: false, urls, why: 'Stripe answered the Payment Links list with something else' };
    const pairs = paymentLinkUrls(list.data);
    for (const [id, url] of pairs) urls.set(id, url);
    const last = pairs[pairs.length - 1];
    if (!list.hasMore || last === undefined) return { ok: true, urls };
    startingAfter = last[0];
  }
  return { ok: false, urls, why: `more than ${String(MAX_PAGES * 100)} Payment Links; the newest were read` };
}
