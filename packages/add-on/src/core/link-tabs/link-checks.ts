/**
 * Mix-ups across link rows that no single cell shows: one reference on rows with different UTM
 * values (its sales cannot be told apart), and a test-mode link on a row meant for real
 * customers. UTM_LINK and UTM_ISSUES do not report these: each is a link Stripe accepts.
 */

import { listFirst } from '../links/problem';
import { UTM_PARAMETERS } from '../links/stripe-rules';
import { rowAddress, type LinkRow } from './link-rows';

export interface SharedReference {
  reference: string;
  /** Every row carrying the reference, in tab order. */
  rows: Array<Pick<LinkRow, 'tab' | 'row'>>;
}

function utmKey(row: LinkRow): string {
  return UTM_PARAMETERS.map((parameter) => row.fields[parameter]).join('\u0000');
}

/**
 * References that rows with different UTM values share: the sales that carry them cannot be
 * attributed. The one statement of the rule: attribution (core/attribution/attribution.ts) leaves these
 * references' sales unattributed, and the mix-up checks show their rows.
 */
export function sharedReferences(rows: readonly LinkRow[]): SharedReference[] {
  const byReference = new Map<string, LinkRow[]>();
  for (const row of rows) {
    const reference = row.fields.client_reference_id;
    if (reference === '') continue;
    const list = byReference.get(reference);
    if (list) list.push(row);
    else byReference.set(reference, [row]);
  }
  const shared: SharedReference[] = [];
  for (const [reference, list] of byReference) {
    if (new Set(list.map(utmKey)).size > 1) shared.push({ reference, rows: list.map(({ tab, row }) => ({ tab, row })) });
  }
  return shared;
}

export function describeSharedReference(shared: SharedReference): string {
  return (
    `client_reference_id "${shared.reference}" is on ${String(shared.rows.length)} rows with different UTM values ` +
    `(${shared.rows.map(rowAddress).join(', ')}): its sales cannot be told apart. ${ONE_REFERENCE_PER_ROW}`
  );
}

/**
 * What to do about a reference on several rows. Add references never replaces a typed reference,
 * so the advice is to clear the extra ones first (issue 17: it used to send the user to Add
 * references alone, which then changed nothing).
 */
export const ONE_REFERENCE_PER_ROW =
  'Keep it on one row, clear it on the others, then run Add references: it gives each row without a reference its own.';

/**
 * A reference the add-on just wrote a link with while other rows carry it too (any UTM values):
 * `others` are those rows, as `Links row 3`. Sales through these links cannot be told apart by row.
 */
export function describeDuplicateReference(reference: string, others: readonly string[]): string {
  return (
    `client_reference_id "${reference}" is also on ${listFirst(others, 3)}: sales through these links cannot be told apart by row. ` +
    ONE_REFERENCE_PER_ROW
  );
}

/** Several rows with one reference, as Tag selected rows reports it: `client_reference_id "x" is on 3 rows (Links row 3, ...)`. */
export function describeReferenceOnRows(reference: string, rows: readonly string[]): string {
  return (
    `client_reference_id "${reference}" is on ${String(rows.length)} rows (${listFirst(rows, 4)}): sales through their links cannot be told apart by row. ` +
    ONE_REFERENCE_PER_ROW
  );
}

/** A Stripe test-mode Payment Link (`https://buy.stripe.com/test_...`): real customers cannot pay through it. */
export function isTestModeLink(link: string): boolean {
  return /^https?:\/\/buy\.stripe\.com\/test_/i.test(link.trim());
}

export const TEST_LINK_WARNING =
  'is a test-mode link (buy.stripe.com/test_...), and this spreadsheet has live sales: real customers cannot pay through it. ' +
  "Use the live link from the Payment Link's page in Stripe.";
