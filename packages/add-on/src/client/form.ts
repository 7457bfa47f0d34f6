/** The form's fields: built once, read, filled from the active row, and given the tab's values as choices. */

import type { LinkFields } from '../core/contracts/sidebar-api';
import { LINK_FIELDS, type LinkField } from '../core/link-tabs/link-columns';
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
    const described = [`m-${field}`, `w-${field}`];
    const hint = LABELS[field].hint;
    if (hint !== undefined) {
      const help = line(`h-${field}`, 'field-hint');
      help.textContent = hint;
      parts.push(help);
      described.unshift(help.id);
    }
    const message = line(`m-${field}`, 'msg');
    message.setAttribute('aria-live', 'polite');
    const warning = line(`w-${field}`, 'msg warning');
    warning.hidden = true;
    warning.setAttribute('role', 'status');
    box.setAttribute('aria-describedby', described.join(' '));
    parts.push(message, warning);
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

/** The values the tab already uses, offered as choices, and where the sidebar stands. */
export function fillSuggestions(): void {
  const context = page.context;
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
