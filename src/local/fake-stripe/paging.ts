/**
 * Stripe's list parameters and cursor paging: the strict parameter check ("Received unknown
 * parameter"), scalar, array, boolean and `created[...]` parameters as Stripe parses them, the
 * `type` glob, and newest-first pages with `starting_after` / `ending_before`. The list endpoints
 * in routes.ts differ only in their filters; the paging rules they share live here, once.
 */

import { invalid, noSuch } from './http';
import type { StripeList } from './objects';
import type { Stored } from './store';

/** A decoded query string: every value of each key, in order. */
export type Query = Map<string, string[]>;

const MAX_LIST_LIMIT = 100;

/** Names a parameter may take: `name`, `name[...]`. Anything else is Stripe's "unknown parameter". */
export function allowParams(query: Query, allowed: string[]): void {
  for (const key of query.keys()) {
    const base = key.replace(/\[.*$/, '');
    if (base === 'expand') continue; // accepted and ignored: nothing here is expandable in a way the add-on uses
    if (!allowed.includes(base)) throw invalid(`Received unknown parameter: ${key}`, key);
    const suffix = key.slice(base.length);
    const ok =
      suffix === '' ||
      (base === 'created' && /^\[(gte|gt|lte|lt)\]$/.test(suffix)) ||
      (base === 'types' && /^\[\d*\]$/.test(suffix)) ||
      (base === 'customer_details' && suffix === '[email]');
    if (!ok) throw invalid(`Received unknown parameter: ${key}`, key);
    if (base === 'types' && suffix === '') throw invalid('Invalid array', 'types');
    if (base === 'customer_details' && suffix === '') throw invalid('Invalid hash', 'customer_details');
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

export function booleanParam(query: Query, key: string): boolean | undefined {
  const value = single(query, key);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalid(`Invalid boolean: ${value}`, key);
}

export function createdFilter(query: Query): (created: number) => boolean {
  const exact = integerParam(query, 'created');
  const gte = integerParam(query, 'created[gte]');
  const gt = integerParam(query, 'created[gt]');
  const lte = integerParam(query, 'created[lte]');
  const lt = integerParam(query, 'created[lt]');
  return (created) =>
    (exact === undefined || created === exact) &&
    (gte === undefined || created >= gte) &&
    (gt === undefined || created > gt) &&
    (lte === undefined || created <= lte) &&
    (lt === undefined || created < lt);
}

/** A `type` filter: exact, or with `*` standing for any run of characters (`checkout.session.*`). */
export function globMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes('*')) return (type) => type === pattern;
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (type) => regex.test(type);
}

/** Newest first: created desc, then the later stored first. */
function compareNewestFirst(a: Stored<unknown>, b: Stored<unknown>): number {
  return b.created - a.created || b.seq - a.seq;
}

/**
 * Stripe's cursor pagination over `candidates` (already filtered). A cursor is looked up among all
 * the objects of the key's mode (`all`), so it may be one the filters exclude, and marks a position:
 * `starting_after` returns the `limit` objects right after it in the newest-first order (older),
 * `ending_before` the `limit` objects right before it (newer), still newest first.
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
  const endingBefore = single(query, 'ending_before');
  if (startingAfter !== undefined && endingBefore !== undefined) {
    throw invalid('You may only specify one of these parameters: ending_before, starting_after.', 'ending_before');
  }
  const sorted = [...candidates].sort(compareNewestFirst);
  const cursorOf = (id: string, param: string): Stored<T> => {
    const found = all.find((stored) => (stored.object as { id?: unknown }).id === id);
    if (!found) throw noSuch(kind, id, param, undefined, 400);
    return found;
  };
  let page: Stored<T>[];
  let hasMore: boolean;
  if (endingBefore !== undefined) {
    const cursor = cursorOf(endingBefore, 'ending_before');
    const newer = sorted.filter((stored) => compareNewestFirst(stored, cursor) < 0);
    page = newer.slice(Math.max(0, newer.length - limit));
    hasMore = newer.length > limit;
  } else {
    const cursor = startingAfter === undefined ? undefined : cursorOf(startingAfter, 'starting_after');
    const older = cursor === undefined ? sorted : sorted.filter((stored) => compareNewestFirst(stored, cursor) > 0);
    page = older.slice(0, limit);
    hasMore = older.length > limit;
  }
  return { object: 'list', url, has_more: hasMore, data: page.map(render) };
}
