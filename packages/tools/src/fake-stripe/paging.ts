/**
 * Stripe's list parameters and cursor paging, as far as the add-on asks for them: the strict
 * parameter check ("Received unknown parameter"), scalar and array parameters and `created[gte]`
 * (and `[gt]`, `[lte]`, `[lt]` where a list serves them) as Stripe parses them, and newest-first pages with `starting_after`. Stripe's other filters and
 * `ending_before` are not served: the check refuses them as unknown parameters. The list endpoints in
 * routes.ts differ only in their filters; the paging rules they share live here, once.
 */

import { invalid, noSuch } from './http';
import type { StripeList } from './objects';
import type { Stored } from './store';

/** A decoded query string: every value of each key, in order. */
export type Query = Map<string, string[]>;

const MAX_LIST_LIMIT = 100;

/**
 * Names a parameter may take: `name`, and `name[...]` for `created[gte]`, `types[]` and the hash
 * keys listed in `hashKeys` (`payment[type]`). Anything else is Stripe's "unknown parameter".
 */
export function allowParams(query: Query, allowed: string[], hashKeys: readonly string[] = []): void {
  const hashes = new Set(hashKeys.map((key) => key.replace(/\[.*$/, '')));
  for (const key of query.keys()) {
    const base = key.replace(/\[.*$/, '');
    if (base === 'expand') continue; // ignored, except by the lists that serve an expansion (balance-routes.ts)
    if (!allowed.includes(base)) throw invalid(`Received unknown parameter: ${key}`, key);
    const suffix = key.slice(base.length);
    if (hashes.has(base) && suffix === '') throw invalid('Invalid hash', key);
    const ok =
      (suffix === '' && !hashes.has(base)) ||
      hashKeys.includes(key) ||
      (base === 'created' && suffix === '[gte]') ||
      (base === 'types' && /^\[\d*\]$/.test(suffix));
    if (!ok || key === 'created') throw invalid(`Received unknown parameter: ${key}`, key);
    if (base === 'types' && suffix === '') throw invalid('Invalid array', 'types');
  }
}

/** The last value of a scalar parameter (Stripe, like Rack, keeps the last). */
export function single(query: Query, key: string): string | undefined {
  const values = query.get(key);
  return values === undefined ? undefined : values[values.length - 1];
}

export function arrayParam(query: Query, base: string): string[] | undefined {
  const values: string[] = [];
  let present = false;
  for (const [key, list] of query) {
    if (key === `${base}[]` || new RegExp(`^${base}\\[\\d+\\]$`).test(key)) {
      present = true;
      values.push(...list);
    }
  }
  return present ? values : undefined;
}

function integerParam(query: Query, key: string): number | undefined {
  const value = single(query, key);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw invalid(`Invalid integer: ${value}`, key);
  return Number(value.trim());
}

/** `created[gte]`, `[gt]`, `[lte]`, `[lt]` (those the list's allowParams lets through): the bounds of `created`. */
export function createdFilter(query: Query): (created: number) => boolean {
  const gte = integerParam(query, 'created[gte]');
  const gt = integerParam(query, 'created[gt]');
  const lte = integerParam(query, 'created[lte]');
  const lt = integerParam(query, 'created[lt]');
  return (created) =>
    (gte === undefined || created >= gte) &&
    (gt === undefined || created > gt) &&
    (lte === undefined || created <= lte) &&
    (lt === undefined || created < lt);
}

/** The `created` bounds Stripe's lists take, for a list that serves them all. */
export const CREATED_BOUNDS = ['created[gte]', 'created[gt]', 'created[lte]', 'created[lt]'] as const;

/** Newest first: created desc, then the later stored first. */
function compareNewestFirst(a: Stored<unknown>, b: Stored<unknown>): number {
  return b.created - a.created || b.seq - a.seq;
}

/**
 * Stripe's cursor pagination over `candidates` (already filtered). A cursor is looked up among all
 * the objects of the key's mode (`all`), so it may be one the filters exclude, and marks a position:
 * `starting_after` returns the `limit` objects right after it in the newest-first order (older).
 */
export function paginate<T, R>(
  url: string,
  kind: string,
  candidates: Stored<T>[],
  all: Stored<T>[],
  query: Query,
  render: (stored: Stored<T>) => R,
): StripeList<R> {
  const limit = integerParam(query, 'limit') ?? 10;
  if (limit < 1) throw invalid('This value must be greater than or equal to 1.', 'limit');
  if (limit > MAX_LIST_LIMIT) throw invalid(`This value must be less than or equal to ${MAX_LIST_LIMIT}.`, 'limit');
  const startingAfter = single(query, 'starting_after');
  const sorted = [...candidates].sort(compareNewestFirst);
  let older = sorted;
  if (startingAfter !== undefined) {
    const cursor = all.find((stored) => (stored.object as { id?: unknown }).id === startingAfter);
    if (!cursor) throw noSuch(kind, startingAfter, 'starting_after', undefined, 400);
    older = sorted.filter((stored) => compareNewestFirst(stored, cursor) > 0);
  }
  return { object: 'list', url, has_more: older.length > limit, data: older.slice(0, limit).map(render) };
}
