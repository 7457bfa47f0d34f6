/**
 * Each field's verdict beside it, with the same core checks as the custom functions: red with a
 * one-click fix when Stripe would drop the value, a note when the tab spells it another way, an
 * amber warning when it mixes up sales across rows (never blocking).
 */

import { preferredFix, spelledAs } from '../core/link-tabs/spellings';
import { isTestModeLink, TEST_LINK_WARNING } from '../core/link-tabs/link-checks';
import type { LinkField } from '../core/link-tabs/link-columns';
import { domainWarning, NO_RULES, ruleProblem } from '../core/links/naming-rules';
import { checkLink } from '../core/links/payment-link';
import type { Problem } from '../core/links/problem';
import type { RowWarning, UsedValue } from '../core/contracts/sidebar-api';
import type { TrackingParameter } from '../core/links/stripe-rules';
import { checkValue } from '../core/links/validate';
import { $, input, page } from './dom';

/**
 * A value Stripe keeps that the tab already uses for the same thing, spelled differently (the
 * most used first): `Facebook` when the tab says `facebook`. Never a value Stripe would drop.
 */
function sameButSpelledDifferently(field: TrackingParameter, value: string): UsedValue | undefined {
  return spelledAs(field, value, page.context?.used[field] ?? []);
}

/** A button that puts `value` in the field, then lets the page check it again. */
export function fixButton(field: LinkField, value: string, label: string, onPick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'fix';
  button.textContent = label;
  button.addEventListener('click', () => {
    input(field).value = value;
    onPick();
    input(field).focus();
  });
  return button;
}

/**
 * What is wrong with the field's value: Stripe would drop it, or (issue 17) the naming rules do
 * not list it, with the closest listed value as the fix.
 */
function problemOf(field: LinkField, value: string): Problem | undefined {
  if (field === 'payment_link') {
    const link = checkLink(value);
    return link.status === 'invalid' ? link.problem : undefined;
  }
  const check = checkValue(field, value);
  // The fix every place offers: the rules' spelling, else the tab's, else the cleaned value.
  if (check.status === 'invalid') return preferredFix(check.problem, value, page.context?.rules ?? NO_RULES, page.context?.used ?? null);
  if (check.status === 'empty' || field === 'client_reference_id') return undefined;
  return ruleProblem(field, check.text, page.context?.rules ?? NO_RULES);
}

/** Shows the field's verdict next to it; returns true when the value can be used as it is (or it is empty). */
export function showVerdict(field: LinkField, onPick: () => void): boolean {
  const element = input(field);
  const message = $(`m-${field}`);
  message.replaceChildren();
  const problem = problemOf(field, element.value);
  element.setAttribute('aria-invalid', problem === undefined ? 'false' : 'true');
  message.className = problem === undefined ? 'msg' : 'msg error';
  if (problem !== undefined) {
    // The button says what to use: the reason stops before its `Try …`.
    message.append(problem.reason.replace(/ Try .*$/, ''));
    if (problem.suggestion !== undefined) message.append(' ', fixButton(field, problem.suggestion, `Use ${problem.suggestion}`, onPick));
    return false;
  }
  // With a list of allowed values, the list says how it is spelled; without one, the tab does.
  const listed = field !== 'payment_link' && field !== 'client_reference_id' && page.context?.rules.allowed[field] !== undefined;
  if (field !== 'payment_link' && !listed) {
    const existing = sameButSpelledDifferently(field, element.value);
    if (existing) {
      message.className = 'msg note';
      message.append(`Already used as ${existing.value} in ${String(existing.rows)} ${existing.rows === 1 ? 'row' : 'rows'}. `);
      message.append(fixButton(field, existing.value, `Use ${existing.value}`, onPick));
    }
  }
  return true;
}

/**
 * The mix-up a field's value makes across rows, while the field holds it: the active row's
 * reference shared with rows of other UTM values, a test-mode link while the sales are live.
 */
function warningFor(field: LinkField): Pick<RowWarning, 'message' | 'rows'> | undefined {
  const context = page.context;
  if (!context) return undefined;
  const value = input(field).value.trim();
  if (value === '') return undefined;
  const fromRow = context.warnings.find((warning) => warning.field === field && warning.value === value);
  if (fromRow) return fromRow;
  if (field !== 'payment_link' || checkLink(value).status !== 'valid') return undefined;
  if (context.liveSales && isTestModeLink(value)) return { message: `This ${TEST_LINK_WARNING}`, rows: [] };
  // Payment Links can live on a merchant's own domain: a warning, never an error (issue 17).
  const offStripe = domainWarning(value, context.rules);
  return offStripe === undefined ? undefined : { message: `This link: ${offStripe.reason}.`, rows: [] };
}

/** A warning, not an error: the value is one Stripe keeps, and inserting it stays possible. */
export function showWarning(field: LinkField): void {
  const box = $(`w-${field}`);
  const warning = warningFor(field);
  box.hidden = warning === undefined;
  const text = warning?.message ?? '';
  // Only when it changes: refresh runs on every keystroke, and a status is read out when written.
  if (box.textContent !== text) box.textContent = text;
}
