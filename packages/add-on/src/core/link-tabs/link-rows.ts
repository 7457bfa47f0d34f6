/**
 * The rows of a links tab, read by header: what attribution joins sales to, and what the link
 * checks compare. A links tab is one whose header has a payment-link column and a utm_ column; a
 * link row is one of its rows with a payment link.
 */

import { isLinkHeader, LINK_FIELDS, locateLinkColumns, type LinkField } from './link-columns';
import { textOfCell } from '../helpers/literal-text';

export interface LinkRow {
  tab: string;
  /** 1-based row in its tab. */
  row: number;
  /** Every link field as text ('' when empty or the column is missing), trimmed. */
  fields: Record<LinkField, string>;
}

/**
 * The rows with a link of a tab, or [] when its header is not a links tab's (the caller skips the
 * add-on's own tabs, known by their mark). `values[0]` is the header, on the sheet's row
 * `headerRow` (below a title row: core/link-tabs/link-header.ts); each LinkRow keeps the sheet's row.
 */
export function readLinkRows(tab: string, values: readonly (readonly unknown[])[], headerRow = 1): LinkRow[] {
  const header = values[0] ?? [];
  if (!isLinkHeader(header)) return [];
  const columns = locateLinkColumns(header);
  const rows: LinkRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const fields = {} as Record<LinkField, string>;
    for (const field of LINK_FIELDS) {
      const column = columns[field];
      fields[field] = column === undefined ? '' : textOfCell(cells[column - 1]).trim();
    }
    if (fields.payment_link !== '') rows.push({ tab, row: headerRow + r, fields });
  }
  return rows;
}

/** `Links!7`: where a person finds the row. */
export function rowAddress(row: Pick<LinkRow, 'tab' | 'row'>): string {
  return `${row.tab} row ${String(row.row)}`;
}

/**
 * A payment link as Stripe lists it (`url`), for comparing a tab's links with a session's Payment
 * Link: scheme and host in lowercase, no query, no fragment, no trailing slash.
 */
export function linkKey(link: string): string {
  const bare = link
    .trim()
    .replace(/[?#].*$/s, '')
    .replace(/\/+$/, '');
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(bare);
  return match ? `${(match[1] ?? '').toLowerCase()}${match[2] ?? ''}` : bare;
}

const STRIPE_PAYMENT_LINK_ORIGIN = 'https://buy.stripe.com/';

/**
 * A Stripe Payment Link: on buy.stripe.com, or a link Stripe's API lists for the account (a
 * merchant's own domain). `listed` holds the listed URLs' linkKey, or is null without a key.
 */
export function isStripePaymentLink(link: string, listed: ReadonlySet<string> | null): boolean {
  const key = linkKey(link);
  return key.startsWith(STRIPE_PAYMENT_LINK_ORIGIN) || (listed !== null && listed.has(key));
}
