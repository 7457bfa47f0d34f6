/**
 * Reads the user's naming rules tabs (core/links/naming-rules.ts says how one is recognised and
 * what it means). Read only, never written: custom functions may read other tabs through
 * SpreadsheetApp but not write, and the tab is the user's. Each tab costs one read of its header
 * row; only a rules tab is read whole, with one getValues.
 */

import { locateRuleColumns, mergeRules, NO_RULES, readRulesTab, type NamingRules } from '../../core/links/naming-rules';
import type { RowWarning } from '../../core/contracts/sidebar-api';
import { describeProblem, type Problem } from '../../core/links/problem';
import { headerRow } from '../helpers/header-row';
import { RULES_CACHE_KEY, RULES_CACHE_SECONDS, rulesFromCache, rulesToCache } from '../../core/links/cached-rules';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function readNamingRules(spreadsheet: Spreadsheet): NamingRules {
  const found: NamingRules[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (locateRuleColumns(headerRow(sheet)) === null) continue;
    const rules = readRulesTab(sheet.getName(), sheet.getDataRange().getValues());
    if (rules !== null) found.push(rules);
  }
  return found.length === 0 ? NO_RULES : mergeRules(found);
}

/** The active spreadsheet's rules, read from its tabs: what Check selected cells and the sidebar apply. */
export function activeNamingRules(): NamingRules {
  // The typings say never null; outside a spreadsheet (a standalone run) there is nothing to read.
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet() as Spreadsheet | null;
  if (spreadsheet === null) return NO_RULES;
  const rules = readNamingRules(spreadsheet);
  keepForFunctions(rules);
  return rules;
}

/** The rules UTM_LINK and UTM_ISSUES apply: the cached copy when there is one (core/links/cached-rules.ts). */
export function namingRulesForFunctions(): NamingRules {
  const cache = CacheService.getDocumentCache();
  return (cache === null ? null : rulesFromCache(cache.get(RULES_CACHE_KEY))) ?? activeNamingRules();
}

function keepForFunctions(rules: NamingRules): void {
  const cache = CacheService.getDocumentCache();
  if (cache === null) return;
  try {
    cache.put(RULES_CACHE_KEY, rulesToCache(rules), RULES_CACHE_SECONDS);
  } catch {
    // Lists over the cache's 100 KB: the functions read the tabs each time, as without a cache.
  }
}

/** A tagging's warnings (a link off buy.stripe.com and the rules' domains) as the sidebar shows them beside the link field. */
export function linkWarnings(link: string, warnings: readonly Problem[] | undefined): RowWarning[] {
  return (warnings ?? []).map((warning) => ({
    field: 'payment_link',
    kind: 'not_payment_link_domain',
    value: link.trim(),
    message: describeProblem(warning),
    rows: [],
  }));
}
