/**
 * What Tag selected rows and Insert into active row say once written (issue 17): what could not
 * be tagged by problem, not by row (200 pasted rows answered with 110 lines), with one button that
 * applies the add-on's suggestions to the rows' own cells; warnings in amber, never blocking.
 */

import type { ApplyResult, InsertResult, SuggestedFix, TagResult } from '../core/contracts/sidebar-api';
import { say, listOf } from './status';

type Tagged = Extract<TagResult, { status: 'written' }>;
type Inserted = Extract<InsertResult, { status: 'written' }>;

/** Problems shown before "and N more": the status stays short enough to sit beside the buttons. */
const PROBLEMS_SHOWN = 4;
const WARNINGS_SHOWN = 3;

export function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

/** The first `shown` lines, then `and N more <what>`. */
function firstOf(lines: readonly string[], shown: number, what: string): string[] {
  if (lines.length <= shown + 1) return [...lines];
  return [...lines.slice(0, shown), `and ${String(lines.length - shown)} more ${what}.`];
}

function warningBox(lines: readonly string[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'result-warnings';
  box.append(listOf(firstOf(lines, WARNINGS_SHOWN, 'warnings')));
  return box;
}

/**
 * `Apply 3 suggested fixes`: the problem lines above it already show the first few suggestions
 * (`Suggested: "Spring Sale" → Spring_Sale`), so seeing them and clicking is the one confirmation.
 */
function fixOffer(fixes: readonly SuggestedFix[], onApply: (button: HTMLButtonElement) => void): HTMLElement {
  const offer = document.createElement('div');
  offer.className = 'fix-offer';
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'apply-fixes';
  button.className = 'primary';
  button.textContent = `Apply ${plural(fixes.length, 'suggested fix', 'suggested fixes')}`;
  button.addEventListener('click', () => {
    onApply(button);
  });
  offer.append(button);
  return offer;
}

export type ApplyHandler = (sheetId: number, fixes: SuggestedFix[], button: HTMLButtonElement) => void;

export function sayTagged(result: Tagged, onApply: ApplyHandler): void {
  const filled = result.filled === 0 ? '' : ` Filled ${plural(result.filled, 'empty cell', 'empty cells')} with the values you typed.`;
  const tagged = `Tagged ${plural(result.tagged, 'row', 'rows')} in ${result.sheetName} (column tagged_link).${filled}`;
  const untagged = result.invalid.length;
  const warnings = [...result.warnings, ...result.referenceWarnings];
  const more: HTMLElement[] = [];
  if (result.fixes.length > 0)
    more.push(
      fixOffer(result.fixes, (button) => {
        onApply(result.sheetId, result.fixes, button);
      }),
    );
  if (warnings.length > 0) more.push(warningBox(warnings));
  if (untagged === 0) {
    say(tagged, warnings.length === 0 ? 'ok' : 'warning', [], more);
    return;
  }
  const head = `${tagged} ${plural(untagged, 'row', 'rows')} could not be tagged (left as ${untagged === 1 ? 'it was' : 'they were'}):`;
  say(
    head,
    'error',
    firstOf(
      result.problems.map((group) => group.summary),
      PROBLEMS_SHOWN,
      'problems',
    ),
    more,
  );
}

export function sayInserted(result: Inserted): void {
  const reference = result.referenceAdded ? `, with a new reference, ${result.reference}, written into the row` : '';
  const warnings = [...result.warnings.map((warning) => warning.message), ...result.referenceWarnings.map((warning) => warning.message)];
  const text = `Row ${String(result.row)} of ${result.sheetName} now holds this link${reference}.`;
  say(text, warnings.length === 0 ? 'ok' : 'warning', [], warnings.length === 0 ? [] : [warningBox(warnings)]);
}

/** What applying did, and the next step when something changed. */
export function sayApplied(result: ApplyResult): void {
  const next = result.applied === 0 ? '' : ' Click Tag selected rows again to tag those rows.';
  say(`${result.message}${next}`, result.applied === 0 ? 'info' : 'ok');
}
