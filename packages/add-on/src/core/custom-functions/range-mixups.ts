/**
 * What UTM_ISSUES can see across the rows of its ranges (issue 17: every link attributable).
 * Stripe records a sale's client_reference_id, not its UTM codes, so a row without a reference on
 * a Payment Link that other rows use, or a reference that rows with other UTM values share, gives
 * sales that can never be told apart. Warnings, never errors: each link works. Counts, not row
 * numbers: a function does not know where its range starts.
 */

import { readCell } from '../helpers/cell-value';
import { countOf } from '../helpers/count-of';
import { quote } from '../links/problem';
import { UTM_PARAMETERS } from '../links/stripe-rules';
import type { LinkChecker, TagInput } from '../links/tag-link';

interface RangeRow {
  /** The Payment Link without its query: rows on one link share it. */
  link: string;
  reference: string;
  utm: string;
}

function textOf(value: unknown): string {
  const cell = readCell(value);
  return cell.kind === 'text' ? cell.text.trim() : '';
}

function rangeRow(input: TagInput, links: LinkChecker): RangeRow | null {
  const link = links.check(input.payment_link);
  if (link.status !== 'valid') return null;
  return {
    link: link.link.base,
    reference: textOf(input.client_reference_id),
    utm: UTM_PARAMETERS.map((parameter) => textOf(input[parameter])).join('\u0000'),
  };
}

function countBy<T>(rows: readonly (RangeRow | null)[], key: (row: RangeRow) => T | null): Map<T, RangeRow[]> {
  const groups = new Map<T, RangeRow[]>();
  for (const row of rows) {
    const value = row === null ? null : key(row);
    if (row === null || value === null) continue;
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

/** Each row's warnings (lines), in the rows' order. */
export function rangeWarnings(inputs: readonly TagInput[], links: LinkChecker): string[][] {
  const rows = inputs.map((input) => rangeRow(input, links));
  const byLink = countBy(rows, (row) => row.link);
  const byReference = countBy(rows, (row) => (row.reference === '' ? null : row.reference));
  return rows.map((row) => {
    if (row === null) return [];
    if (row.reference === '') {
      const others = (byLink.get(row.link)?.length ?? 1) - 1;
      return others === 0
        ? []
        : [
            `client_reference_id: empty, and ${countOf(others, 'other row')} of the range ${others === 1 ? 'uses' : 'use'} this Payment Link: ` +
              'their sales cannot be told apart. Give each row its own reference (Add references makes one per row)',
          ];
    }
    const apart = (byReference.get(row.reference) ?? []).filter((other) => other !== row && other.utm !== row.utm).length;
    return apart === 0
      ? []
      : [
          `client_reference_id: ${quote(row.reference)} is also on ${countOf(apart, 'other row')} of the range with other UTM values: ` +
            'their sales cannot be told apart. Keep it on one row, clear it on the others, then run Add references',
        ];
  });
}
