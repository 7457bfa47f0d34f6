/**
 * The Checkouts tab as the refresh reads it (core/ledger/checkouts.ts says why a row is a bucket of
 * expired sessions, not one session): each bucket's reference, Payment Link, currency, mode, day
 * and count. A bucket is joined to a link row as a sale is (it carries the sale's two keys), and
 * keeps the campaign it got in its own utm_* cells, like a sale.
 */

import { textOfCell } from '../helpers/literal-text';
import { CHECKOUTS_TAB, columnNames } from '../ledger/declaration';
import { locateHeaders, storedInteger } from '../ledger/record-table';
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
  const { columns } = locateHeaders(values[0] ?? [], BUCKET_COLUMNS);
  const buckets: CheckoutBucket[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const at = (name: string): unknown => {
      const column = columns[name];
      return column === undefined ? undefined : cells[column - 1];
    };
    const text = (name: string): string => textOfCell(at(name)).trim();
    if (text('bucket') === '') continue;
    const livemode = at('livemode');
    buckets.push({
      row: r + 1,
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
