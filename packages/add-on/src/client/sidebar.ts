/**
 * The link-builder sidebar. It starts from the active row's values, checks every field as the
 * user types with the same core code as the custom functions (bundled for the browser), shows the
 * reason next to the field with a one-click fix, proposes values already used in the tab, and
 * previews the final link. Before a write replaces a filled cell, it asks, in the page.
 */

import { cleanValue } from '../core/links/clean';
import { isTestModeLink, TEST_LINK_WARNING } from '../core/link-tabs/link-checks';
import { LINK_FIELDS, type LinkField } from '../core/link-tabs/link-columns';
import { checkLink } from '../core/links/payment-link';
import {
  describeConflict,
  typedFields,
  type Conflict,
  type LinkFields,
  type RowWarning,
  type SidebarContext,
  type UsedValue,
} from '../core/contracts/sidebar-api';
import type { TrackingParameter } from '../core/links/stripe-rules';
import { tagLink } from '../core/links/tag-link';
import { checkValue } from '../core/links/validate';
import { callServer } from './server';

const LABELS: Record<LinkField, { label: string; hint: string }> = {
  payment_link: { label: 'Payment link', hint: 'https://buy.stripe.com/...' },
  utm_source: { label: 'Source (utm_source)', hint: 'newsletter, facebook, google' },
  utm_medium: { label: 'Medium (utm_medium)', hint: 'email, cpc, social' },
  utm_campaign: { label: 'Campaign (utm_campaign)', hint: 'spring_sale' },
  utm_term: { label: 'Term (utm_term), optional', hint: 'running_shoes' },
  utm_content: { label: 'Content (utm_content), optional', hint: 'hero_button' },
  client_reference_id: { label: 'Reference (client_reference_id), optional', hint: 'order-1234' },
};

function $(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Missing #${id}`);
  return element;
}

let context: SidebarContext | null = null;
/** What the form was filled with from the active row: a field still holding it was not typed, and Tag selected rows leaves it to that row. */
let filledFrom: LinkFields | null = null;

function input(field: LinkField): HTMLInputElement {
  return $(`f-${field}`) as HTMLInputElement;
}

function readForm(): LinkFields {
  const fields = {} as LinkFields;
  for (const field of LINK_FIELDS) fields[field] = input(field).value;
  return fields;
}

/**
 * A value Stripe keeps that the tab already uses for the same thing, spelled differently (the
 * most used first): `Facebook` when the tab says `facebook`. Never a value Stripe would drop.
 */
function sameButSpelledDifferently(field: TrackingParameter, value: string): UsedValue | undefined {
  const key = cleanValue(value, { lowercase: true, maxLength: 1000 });
  if (key === '') return undefined;
  return context?.used[field].find(
    (used) =>
      used.value !== value &&
      checkValue(field, used.value).status === 'valid' &&
      cleanValue(used.value, { lowercase: true, maxLength: 1000 }) === key,
  );
}

function fixButton(field: LinkField, value: string, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'fix';
  button.textContent = label;
  button.addEventListener('click', () => {
    input(field).value = value;
    refresh();
    input(field).focus();
  });
  return button;
}

/** Shows the field's verdict next to it; returns true when Stripe keeps the value (or it is empty). */
function showVerdict(field: LinkField): boolean {
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
      message.append(' ', fixButton(field, check.problem.suggestion, `Use ${check.problem.suggestion}`));
    return false;
  }
  if (check.status === 'valid' && field !== 'payment_link') {
    const existing = sameButSpelledDifferently(field, element.value);
    if (existing) {
      message.className = 'msg note';
      message.append(`Already used as ${existing.value} in ${String(existing.rows)} ${existing.rows === 1 ? 'row' : 'rows'}. `);
      message.append(fixButton(field, existing.value, `Use ${existing.value}`));
    }
  }
  return valid;
}

/**
 * The mix-up a field's value makes across rows, while the field holds it: the active row's
 * reference shared with rows of other UTM values, a test-mode link while the sales are live.
 */
function warningFor(field: LinkField): Pick<RowWarning, 'message' | 'rows'> | undefined {
  if (!context) return undefined;
  const value = input(field).value.trim();
  if (value === '') return undefined;
  const fromRow = context.warnings.find((warning) => warning.field === field && warning.value === value);
  if (fromRow) return fromRow;
  if (field === 'payment_link' && context.liveSales && isTestModeLink(value)) return { message: `This ${TEST_LINK_WARNING}`, rows: [] };
  return undefined;
}

/** A warning, not an error: the value is one Stripe keeps, and inserting it stays possible. */
function showWarning(field: LinkField): void {
  const box = $(`w-${field}`);
  const warning = warningFor(field);
  box.hidden = warning === undefined;
  const text = warning?.message ?? '';
  // Only when it changes: refresh runs on every keystroke, and a status is read out when written.
  if (box.textContent !== text) box.textContent = text;
}

function refresh(): void {
  let allValid = true;
  for (const field of LINK_FIELDS) allValid = showVerdict(field) && allValid;
  for (const field of LINK_FIELDS) showWarning(field);
  const preview = $('preview') as HTMLTextAreaElement;
  const outcome = tagLink(readForm());
  const ready = allValid && outcome.status === 'tagged';
  preview.value = outcome.status === 'tagged' ? outcome.url : '';
  preview.placeholder =
    outcome.status === 'empty' ? 'Fill in the payment link to see the tagged link.' : 'Fix the fields marked in red first.';
  const refused = context?.refusal != null;
  // The question is about the values that were sent: they stay as they are until it is answered.
  for (const field of LINK_FIELDS) input(field).disabled = asking;
  ($('copy') as HTMLButtonElement).disabled = !ready;
  ($('insert') as HTMLButtonElement).disabled = !ready || refused || asking;
  ($('tag') as HTMLButtonElement).disabled = refused || asking;
}

function say(text: string, kind: 'info' | 'ok' | 'error' = 'info', details: readonly string[] = []): void {
  const status = $('status');
  status.className = `status ${kind}`;
  status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  status.replaceChildren(text);
  if (details.length > 0) {
    const list = document.createElement('ul');
    for (const line of details) {
      const item = document.createElement('li');
      item.textContent = line;
      list.append(item);
    }
    status.append(list);
  }
}

function fillForm(row: LinkFields): void {
  for (const field of LINK_FIELDS) input(field).value = row[field];
}

function fillSuggestions(): void {
  if (!context) return;
  for (const field of LINK_FIELDS) {
    if (field === 'payment_link') continue;
    const list = $(`l-${field}`);
    list.replaceChildren(
      ...context.used[field].map((used) => {
        const option = document.createElement('option');
        option.value = used.value;
        option.label = `${used.value} (${String(used.rows)})`;
        return option;
      }),
    );
  }
  const where = context.activeRow === null ? 'no row selected' : `row ${String(context.activeRow)} active`;
  $('where').textContent =
    `${context.sheetName}: ${where}, ${String(context.selectedRows)} ${context.selectedRows === 1 ? 'row' : 'rows'} selected`;
}

async function loadContext(): Promise<void> {
  try {
    const wasRefused = context?.refusal != null;
    context = await callServer('sidebarContext');
    // The form starts from the active row; a later read fills it only while it is empty, never over what was typed.
    if (context.row !== null && LINK_FIELDS.every((field) => input(field).value === '')) {
      fillForm(context.row);
      filledFrom = context.row;
    }
    fillSuggestions();
    // Said up front, before the user fills a form they could not insert; taken back once on a links tab.
    if (context.refusal !== null) say(context.refusal, 'error');
    else if (wasRefused) say('');
    refresh();
  } catch (error) {
    say(`Could not read the sheet: ${(error as Error).message}`, 'error');
  }
}

async function copyLink(): Promise<void> {
  const preview = $('preview') as HTMLTextAreaElement;
  try {
    await navigator.clipboard.writeText(preview.value);
    say('Link copied.', 'ok');
    return;
  } catch {
    // The sidebar's frame may not be allowed the clipboard API: fall back to a selection copy.
  }
  preview.focus();
  preview.select();
  // Deprecated, but the only copy that works where the frame may not use the clipboard API.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  say(document.execCommand('copy') ? 'Link copied.' : 'Press Ctrl+C (or ⌘C) to copy the selected link.', 'ok');
}

async function busy(button: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await work();
  } catch (error) {
    say((error as Error).message, 'error');
  } finally {
    button.removeAttribute('aria-busy');
    refresh();
  }
}

/** True while the page waits for the user to answer whether filled cells may be replaced. */
let asking = false;

/** Lists the filled cells a write would change and waits for the user's answer (in the page: no window.confirm). */
function askToOverwrite(question: string, conflicts: readonly Conflict[], withRow: boolean): Promise<boolean> {
  const panel = $('confirm');
  $('confirm-question').textContent = question;
  $('confirm-list').replaceChildren(
    ...conflicts.map((conflict) => {
      const item = document.createElement('li');
      item.textContent = describeConflict(conflict, withRow);
      return item;
    }),
  );
  panel.hidden = false;
  asking = true;
  refresh();
  ($('confirm-no') as HTMLButtonElement).focus();
  return new Promise((resolve) => {
    // One answer per question: the listeners go when it is given.
    const listening = new AbortController();
    const answer = (yes: boolean) => () => {
      listening.abort();
      panel.hidden = true;
      asking = false;
      refresh();
      resolve(yes);
    };
    $('confirm-yes').addEventListener('click', answer(true), { signal: listening.signal });
    $('confirm-no').addEventListener('click', answer(false), { signal: listening.signal });
  });
}

function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

async function insertIntoActiveRow(): Promise<void> {
  const fields = readForm();
  let overwrite: Conflict[] | undefined;
  for (;;) {
    const result = await callServer('sidebarInsertIntoActiveRow', overwrite === undefined ? { fields } : { fields, overwrite });
    if (result.status === 'written') {
      say(`Row ${String(result.row)} of ${result.sheetName} now holds this link.`, 'ok');
      return;
    }
    say('');
    const question = `Row ${String(result.row)} of ${result.sheetName} already holds other values. Overwrite ${result.conflicts.length === 1 ? 'this cell' : `these ${String(result.conflicts.length)} cells`}?`;
    if (!(await askToOverwrite(question, result.conflicts, false))) {
      say(`Nothing was written: row ${String(result.row)} is as it was.`);
      return;
    }
    // Asked again with exactly what the user saw; if the row changed meanwhile, the server asks anew.
    overwrite = result.conflicts;
  }
}

async function tagSelected(): Promise<void> {
  // Only what the user typed goes to every selected row; what came from the active row stays that row's.
  const typed = typedFields(readForm(), filledFrom);
  let overwrite: Conflict[] | undefined;
  for (;;) {
    const result = await callServer('sidebarTagSelectedRows', overwrite === undefined ? { typed } : { typed, overwrite });
    if (result.status === 'written') {
      const lines = result.invalid.map(({ row, problems }) => `Row ${String(row)}: ${problems.join(' ')}`);
      const filled = result.filled === 0 ? '' : ` Filled ${plural(result.filled, 'empty cell', 'empty cells')} with the values you typed.`;
      const tagged = `Tagged ${plural(result.tagged, 'row', 'rows')} in ${result.sheetName} (column tagged_link).${filled}`;
      say(
        lines.length === 0 ? tagged : `${tagged} ${String(lines.length)} could not be tagged (left as they were):`,
        lines.length === 0 ? 'ok' : 'error',
        lines,
      );
      return;
    }
    say('');
    const onlyLinks = result.conflicts.every((conflict) => conflict.column === 'tagged_link');
    const question = onlyLinks
      ? `${plural(result.conflicts.length, 'selected row already has', 'selected rows already have')} a different tagged link in ${result.sheetName}. Overwrite?`
      : `${plural(result.conflicts.length, 'cell', 'cells')} of the selected rows in ${result.sheetName} already ${result.conflicts.length === 1 ? 'holds' : 'hold'} something else. Overwrite?`;
    if (!(await askToOverwrite(question, result.conflicts, true))) {
      say(onlyLinks ? 'Nothing was written: every tagged link is as it was.' : 'Nothing was written: the selected rows are as they were.');
      return;
    }
    overwrite = result.conflicts;
  }
}

function buildForm(): void {
  const form = $('form');
  for (const field of LINK_FIELDS) {
    const wrapper = document.createElement('div');
    wrapper.className = 'field';
    const label = document.createElement('label');
    label.htmlFor = `f-${field}`;
    label.textContent = LABELS[field].label;
    const box = document.createElement('input');
    box.id = `f-${field}`;
    box.name = field;
    box.type = field === 'payment_link' ? 'url' : 'text';
    box.placeholder = LABELS[field].hint;
    box.spellcheck = false;
    box.autocomplete = 'off';
    box.setAttribute('autocapitalize', 'off');
    box.addEventListener('input', refresh);
    const message = document.createElement('div');
    message.id = `m-${field}`;
    message.className = 'msg';
    message.setAttribute('aria-live', 'polite');
    const warning = document.createElement('div');
    warning.id = `w-${field}`;
    warning.className = 'msg warning';
    warning.hidden = true;
    warning.setAttribute('role', 'status');
    box.setAttribute('aria-describedby', `m-${field} w-${field}`);
    wrapper.append(label, box, message, warning);
    if (field !== 'payment_link') {
      const list = document.createElement('datalist');
      list.id = `l-${field}`;
      box.setAttribute('list', list.id);
      wrapper.append(list);
    }
    form.append(wrapper);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
  });
}

function start(): void {
  buildForm();
  $('copy').addEventListener('click', () => void copyLink());
  $('insert').addEventListener('click', () => {
    void busy($('insert') as HTMLButtonElement, async () => {
      await insertIntoActiveRow();
      await loadContext();
    });
  });
  $('tag').addEventListener('click', () => {
    void busy($('tag') as HTMLButtonElement, async () => {
      await tagSelected();
      await loadContext();
    });
  });
  $('reload').addEventListener('click', () => void loadContext());
  refresh();
  void loadContext();
}

start();
