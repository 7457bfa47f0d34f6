/**
 * A value pasted with its name around it (issue 17): `utm_source=facebook`, `?utm_source=x`,
 * `x&utm_medium=y` or a whole tagged link in a utm_source cell means the value it carries, so the
 * suggestion is `facebook`, never `utm_source_facebook`.
 */

import { parseQuery, splitLink } from './query-string';
import { isTrackingParameter, type TrackingParameter } from './stripe-rules';

/** True when `text` holds `name=value` pairs of which one names a tracking parameter (`utm_source=`, `client_reference_id=`). */
function pastedPairs(text: string): string | null {
  const query = text.indexOf('?') === -1 ? text : (splitLink(text.trim()).query ?? '');
  const names = parseQuery(query.trim()).map((parameter) => parameter.name?.trim().toLowerCase() ?? '');
  return names.some((name) => isTrackingParameter(name)) ? query.trim() : null;
}

/**
 * The value `text` carries for `parameter` when it is a pasted query (its `parameter=` pair, else
 * a first segment without `=`, as in `x&utm_medium=y`); '' when it names only other parameters;
 * undefined when `text` is no pasted query at all.
 */
export function pastedValue(parameter: TrackingParameter, text: string): string | undefined {
  const query = pastedPairs(text);
  if (query === null) return undefined;
  const pairs = parseQuery(query);
  const own = pairs.find((pair) => pair.name?.trim().toLowerCase() === parameter && pair.raw.indexOf('=') !== -1);
  if (own !== undefined) return (own.value ?? '').trim();
  const first = pairs[0];
  return first !== undefined && first.raw.indexOf('=') === -1 ? (first.name ?? '').trim() : '';
}
