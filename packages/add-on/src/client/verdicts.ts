/**
 * Each field's verdict beside it, with the same core checks as the custom functions: red with a
 * one-click fix when Stripe would drop the value, a note when the tab spells it another way, an
 * amber warning when it mixes up sales across rows (never blocking).
 */

import { cleanValue } from '../core/links/clean';
import { isTestModeLink, TEST_LINK_WARNING } from '../core/link-tabs/link-checks';
import type { LinkField } from '../core/link-tabs/link-columns';
import { checkLink } from '../core/links/payment-link';
import type { RowWarning, UsedValue } from '../core/contracts/sidebar-api';
import type { TrackingParameter } from '../core/links/stripe-rules';
import { checkValue } from '../core/links/validate';
import { $, input, page } from './dom';

/**
 * A value Stripe keeps that the tab already uses for the same thing, spelled differently (the
 * most used first): `Facebook` when the tab says `facebook`. Never a value Stripe would drop.
 */
function sameButSpelledDifferently(field: TrackingParameter, value: string): UsedValue | undefined {
  const key = cleanValue(value, { lowercase: true, maxLength: 1000 });
  if (key === '') return undefined;
  return page.context?.used[field].find(
    (used) =>
      used.value !== value &&
      checkValue(field, used.value).status === 'valid' &&
      cleanValue(used.value, { lowercase: true, maxLength: 1000 }) === key,
  );
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

/** Shows the field's verdict next to it; returns true when Stripe keeps the value (or it is empty). */
export function showVerdict(field: LinkField, onPick: () => void): boolean {
  const element = input(field);
  const message = $(`m-${field}`);
  message.replaceChildren();
  const check = field === 'payment_link' ? checkLink(element.value) : checkValue(field, element.value);
  const valid = check.status !== 'invalid';
  element.setAttribute('aria-invalid', valid ? 'false' : 'true');
  message.className = valid ? 'msg' : 'msg error';
  if (check.status === 'invalid') {
    message.append(check.problem.reason.replace(/ Try \S+$/, ''));
    if (check.problem.suggestion !== undefined)
      message.append(' ', fixButton(field, check.problem.suggestion, `Use ${check.problem.suggestion}`, onPick));
    return false;
  }
  if (check.status === 'valid' && field !== 'payment_link') {
    const existing = sameButSpelledDifferently(field, element.value);
    if (existing) {
      message.className = 'msg note';
      message.append(`Already used as ${existing.value} in ${String(existing.rows)} ${existing.rows === 1 ? 'row' : 'rows'}. `);
      message.append(fixButton(field, existing.value, `Use ${existing.value}`, onPick));
    }
  }
  return valid;
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
  if (field === 'payment_link' && context.liveSales && isTestModeLink(value)) return { message: `This ${TEST_LINK_WARNING}`, rows: [] };
  return undefined;
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
