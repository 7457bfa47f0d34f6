/** The form's fields: built once, read, filled from the active row, and given the tab's values as choices. */

import type { LinkFields, SidebarContext } from '../core/contracts/sidebar-api';
import { LINK_FIELDS, type LinkField } from '../core/link-tabs/link-columns';
import { listFirst, listInWords } from '../core/links/problem';
import type { TrackingParameter } from '../core/links/stripe-rules';
import { $, input, page } from './dom';
import { isRequiredField, LABELS, referenceExample } from './labels';

export function readForm(): LinkFields {
  const fields = {} as LinkFields;
  for (const field of LINK_FIELDS) fields[field] = input(field).value;
  return fields;
}

export function fillForm(row: LinkFields): void {
  for (const field of LINK_FIELDS) input(field).value = row[field];
}

/** The reference's example follows the campaign typed, as the add-on would name it. */
export function showReferenceExample(form: LinkFields): void {
  input('client_reference_id').placeholder = referenceExample(form.utm_campaign, form.utm_source);
}

function labelFor(field: LinkField): HTMLLabelElement {
  const label = document.createElement('label');
  label.htmlFor = `f-${field}`;
  label.append(LABELS[field].label);
  if (isRequiredField(field)) {
    const mark = document.createElement('span');
    mark.className = 'required';
    mark.textContent = 'required';
    label.append(' ', mark);
  }
  return label;
}

function boxFor(field: LinkField, onInput: () => void): HTMLInputElement {
  const box = document.createElement('input');
  box.id = `f-${field}`;
  box.name = field;
  box.type = field === 'payment_link' ? 'url' : 'text';
  box.placeholder = LABELS[field].example;
  box.spellcheck = false;
  box.autocomplete = 'off';
  box.setAttribute('autocapitalize', 'off');
  if (isRequiredField(field)) {
    box.required = true;
    box.setAttribute('aria-required', 'true');
  }
  box.addEventListener('input', onInput);
  return box;
}

function line(id: string, className: string): HTMLDivElement {
  const element = document.createElement('div');
  element.id = id;
  element.className = className;
  return element;
}

export function buildForm(onInput: () => void): void {
  const form = $('form');
  for (const field of LINK_FIELDS) {
    const wrapper = document.createElement('div');
    wrapper.className = 'field';
    const box = boxFor(field, onInput);
    const parts: HTMLElement[] = [labelFor(field), box];
    const hint = LABELS[field].hint;
    if (hint !== undefined) {
      const help = line(`h-${field}`, 'field-hint');
      help.textContent = hint;
      parts.push(help);
    }
    if (field !== 'payment_link') {
      // The naming rules' values, named under the field when there is a list (fillChoices).
      const allowed = line(`r-${field}`, 'field-hint');
      allowed.hidden = true;
      parts.push(allowed);
    }
    const message = line(`m-${field}`, 'msg');
    message.setAttribute('aria-live', 'polite');
    const warning = line(`w-${field}`, 'msg warning');
    warning.hidden = true;
    warning.setAttribute('role', 'status');
    parts.push(message, warning);
    box.setAttribute(
      'aria-describedby',
      parts
        .slice(2)
        .map((part) => part.id)
        .join(' '),
    );
    if (field !== 'payment_link') {
      const list = document.createElement('datalist');
      list.id = `l-${field}`;
      box.setAttribute('list', list.id);
      parts.push(list);
    }
    wrapper.append(...parts);
    form.append(wrapper);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
  });
}

function option(value: string, label: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.label = label;
  return element;
}

/**
 * A parameter's choices: the values the naming rules allow when they list some (issue 17), named
 * under the field; else the values the tab already uses, most used first.
 */
function fillChoices(field: TrackingParameter, context: SidebarContext): void {
  const allowed = field === 'client_reference_id' ? undefined : context.rules.allowed[field];
  const rows = new Map(context.used[field].map((used) => [used.value, used.rows]));
  const counted = (value: string): string => (rows.has(value) ? `${value} (${String(rows.get(value))})` : value);
  $(`l-${field}`).replaceChildren(
    ...(allowed ?? context.used[field].map((used) => used.value)).map((value) => option(value, counted(value))),
  );
  const line = $(`r-${field}`);
  line.hidden = allowed === undefined;
  line.textContent = allowed === undefined ? '' : `Allowed: ${listFirst(allowed)} (${rulesTabs(context.rules.tabs)}).`;
}

function rulesTabs(tabs: readonly string[]): string {
  return `${tabs.length === 1 ? 'tab' : 'tabs'} ${listInWords(tabs.map((tab) => `"${tab}"`))}`;
}

/** The choices of each field, and where the sidebar stands. */
export function fillSuggestions(): void {
  const context = page.context;
  if (!context) return;
  for (const field of LINK_FIELDS) if (field !== 'payment_link') fillChoices(field, context);
  const where = context.activeRow === null ? 'no row selected' : `row ${String(context.activeRow)} active`;
  $('where').textContent =
    `${context.sheetName}: ${where}, ${String(context.selectedRows)} ${context.selectedRows === 1 ? 'row' : 'rows'} selected`;
}
