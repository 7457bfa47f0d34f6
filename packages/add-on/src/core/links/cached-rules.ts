/**
 * The naming rules as the custom functions keep them between calls. Reading the rules means
 * reading every tab's header row (three round trips a tab), and a column of `=UTM_LINK(A2, ...)`
 * formulas is one custom-function execution per row: the functions read a cached copy instead,
 * and read the tabs only when the cache has none. The cache is Apps Script's, so what comes back
 * is checked like any input, and anything unexpected counts as no copy.
 */

import * as z from 'zod/mini';
import type { NamingRules } from './naming-rules';
import { storedObject } from '../helpers/stored-json';

export const RULES_CACHE_KEY = 'naming_rules_v1';
/**
 * How long a copy serves the functions: long enough for a burst of recalculations (a pasted column
 * of per-row formulas), short enough that a rules tab just made or edited (the copy may say there
 * is none) is read at the next recalculation a minute later. Sheets recomputes a custom function
 * only when its arguments change; Check selected cells and the link builder always read the tabs
 * and renew the copy.
 */
export const RULES_CACHE_SECONDS = 60;

const values = z.array(z.string());
const CachedRules = z.object({
  allowed: z.object({
    utm_source: z.optional(values),
    utm_medium: z.optional(values),
    utm_campaign: z.optional(values),
    utm_term: z.optional(values),
    utm_content: z.optional(values),
  }),
  domains: values,
  tabs: values,
});

export function rulesToCache(rules: NamingRules): string {
  return JSON.stringify(rules);
}

/** The rules a cached copy holds, or null when there is none or it is not one. */
export function rulesFromCache(text: string | null): NamingRules | null {
  const result = CachedRules.safeParse(storedObject(text));
  return result.success ? result.data : null;
}
