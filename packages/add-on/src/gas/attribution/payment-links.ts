/**
 * What each `plink_` id's URL is, read from Stripe's API with each connected key: a session names
 * its Payment Link by id, a link tab by URL. Without a key, or when Stripe refuses (the key lacks
 * read access to Payment Links), attribution goes on by reference alone and says why.
 */

import { paymentLinksPagePath, paymentLinkUrls, readListPage } from '../../core/stripe/stripe-api';
import { connectedKeys } from '../stripe/settings';
import { stripeGet, SYNC_RETRIES } from '../stripe/stripe-client';

/** Enough for any account's links; a stop beyond it is said, not hidden. */
const MAX_PAGES = 50;

export type LinkUrls = { ok: true; urls: Map<string, string> } | { ok: false; urls: Map<string, string>; why: string };

/** Each connected mode's links (a key lists only its own mode's), into one map: `plink_` ids are unique across modes. */
export function readPaymentLinkUrls(): LinkUrls {
  const urls = new Map<string, string>();
  const keys = connectedKeys();
  if (keys.length === 0) return { ok: false, urls, why: 'no Stripe key is connected' };
  const failures: string[] = [];
  for (const { mode, key } of keys) {
    const why = readModeLinks(key, urls);
    if (why !== null) failures.push(keys.length > 1 ? `${mode} mode: ${why}` : why);
  }
  return failures.length === 0 ? { ok: true, urls } : { ok: false, urls, why: failures.join('; ') };
}

/** Adds one key's links to `urls`; says why it stopped short, or null when it read them all. */
function readModeLinks(key: string, urls: Map<string, string>): string | null {
  let startingAfter: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = stripeGet(key, paymentLinksPagePath(startingAfter), SYNC_RETRIES);
    if (!answer.ok) return `Stripe did not list the Payment Links: ${answer.error}`;
    const list = readListPage(answer.json);
    if (!list.ok) return 'Stripe answered the Payment Links list with something else';
    const pairs = paymentLinkUrls(list.data);
    for (const [id, url] of pairs) urls.set(id, url);
    const last = pairs[pairs.length - 1];
    if (!list.hasMore || last === undefined) return null;
    startingAfter = last[0];
  }
  return `more than ${String(MAX_PAGES * 100)} Payment Links; the newest were read`;
}
