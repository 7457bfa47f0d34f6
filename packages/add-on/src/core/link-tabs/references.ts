/**
 * A client_reference_id for each link row that has none: what each sale brings back, so it is
 * what attribution joins on. Short, valid for Stripe, readable (the row's campaign, then a
 * number), unique in the spreadsheet, and the same on a re-run: it depends only on the rows'
 * order and the references that exist already.
 */

import { cleanValue } from '../links/clean';

/** Long enough to read the campaign, short enough to sit in a link without crowding it. */
const MAX_BASE = 40;

/** The readable part: the row's campaign (or source), cleaned and lowercased; `link` when it has neither. */
export function referenceBase(campaign: string, source: string): string {
  const base = cleanValue(campaign !== '' ? campaign : source, { lowercase: true, maxLength: MAX_BASE }).replace(/[-_]+$/, '');
  return base === '' ? 'link' : base;
}

/**
 * One new reference per row, in order: `<base>-<n>` with the smallest n not yet taken by
 * `existing` (every reference in the spreadsheet, sales included) or an earlier row.
 */
export function newReferences(rows: ReadonlyArray<{ campaign: string; source: string }>, existing: Iterable<string>): string[] {
  const taken = new Set(existing);
  const next = new Map<string, number>();
  return rows.map(({ campaign, source }) => {
    const base = referenceBase(campaign, source);
    let n = next.get(base) ?? 1;
    while (taken.has(`${base}-${String(n)}`)) n++;
    const reference = `${base}-${String(n)}`;
    taken.add(reference);
    next.set(base, n + 1);
    return reference;
  });
}
