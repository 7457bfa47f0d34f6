/**
 * The Checkouts tab as the refresh reads it (core/ledger/checkouts.ts says why a row is a bucket of
 * expired sessions, not one session): each bucket's reference, Payment Link, currency, mode, day
 * and count. A bucket is joined to a link row as a sale is (it carries the sale's two keys), and
 * keeps the campaign it got in its own utm_* cells, like a sale.
 */

import { CHECKOUTS_TAB, columnNames } from '../ledger/declaration';
import { storedInteger, storedRows } from '../ledger/record-table';
import type { Sale } from './attribution';

export interface CheckoutBucket {
  /** 1-based row in the Checkouts tab. */
  row: number;
  day: string;
  client_reference_id: string;
  payment_link: string;
  currency: string;
  livemode: boolean;
  checkouts: number;
}

/** The columns the refresh reads: every declared one but the sessions' ids, which only a delivery needs. */
export const BUCKET_COLUMNS = columnNames(CHECKOUTS_TAB).filter((name) => name !== 'session_ids');

/** The buckets of a Checkouts tab read as a grid (header in row 1); rows without a bucket key are skipped. */
export function bucketsFromTab(values: readonly (readonly unknown[])[]): CheckoutBucket[] {
  const buckets: CheckoutBucket[] = [];
  for (const { row, at, text } of storedRows(values, BUCKET_COLUMNS)) {
    if (text('bucket') === '') continue;
    const livemode = at('livemode');
    buckets.push({
      row,
      day: text('day'),
      client_reference_id: text('client_reference_id'),
      payment_link: text('payment_link'),
      currency: text('currency').toLowerCase(),
      livemode: livemode === true || text('livemode').toUpperCase() === 'TRUE',
      checkouts: Math.max(storedInteger(at('checkouts')), 0),
    });
  }
  return buckets;
}

/** A bucket as the attribution join sees a sale: its reference and its Payment Link, never paid. */
export function bucketAsSale(bucket: CheckoutBucket): Sale {
  return {
    session_id: `${bucket.day} ${bucket.client_reference_id}`,
    client_reference_id: bucket.client_reference_id,
    payment_status: 'expired',
    amount_minor: 0,
    currency: bucket.currency,
    livemode: bucket.livemode,
    payment_link: bucket.payment_link,
    created: null,
    payment_intent: '',
    subscription: '',
  };
}
