/**
 * The link-builder sidebar. It starts from the active row's values, checks every field as the
 * user types with the same core code as the custom functions (bundled for the browser), shows the
 * reason next to the field with a one-click fix, proposes values already used in the tab, and
 * previews the final link. An action stays disabled, with the reason beside it, while it cannot
 * succeed; its result shows under the buttons, scrolled into view. Before a write replaces a
 * filled cell, it asks, in the page.
 */

import { LINK_FIELDS, type LinkField } from '../core/link-tabs/link-columns';
import { listInWords } from '../core/links/problem';
import { tagLink } from '../core/links/tag-link';
import type { SuggestedFix } from '../core/contracts/sidebar-api';
import { applySuggestions, insertIntoActiveRow, tagSelected } from './actions';
import { $, button, input, page } from './dom';
import { buildForm, fillForm, fillSuggestions, readForm, showReferenceExample } from './form';
import { REQUIRED_FIELDS } from './labels';
import { actionBlockers } from './readiness';
import { callServer } from './server';
import { revealStatus, say } from './status';
import { showVerdict, showWarning } from './verdicts';

/** Disables an action while it cannot succeed, and says why beside it. */
function gate(id: 'copy' | 'insert' | 'tag', reason: string | null, otherwise: boolean): void {
  button(id).disabled = reason !== null || otherwise;
  const why = $(`${id}-why`);
  why.hidden = reason === null;
  // Only when it changes: refresh runs on every keystroke.
  if (why.textContent !== (reason ?? '')) why.textContent = reason ?? '';
}

const COPY_NEEDS_REFERENCE =
  "Copy needs a reference, or this link's sales cannot be told apart from other rows': Insert into active row makes one and writes it in the row.";

function refresh(): void {
  const invalid = new Set<LinkField>();
  for (const field of LINK_FIELDS) if (!showVerdict(field, refresh)) invalid.add(field);
  for (const field of LINK_FIELDS) showWarning(field);
  const form = readForm();
  showReferenceExample(form);
  const preview = $('preview') as HTMLTextAreaElement;
  const outcome = tagLink(form, undefined, page.context?.rules);
  const missing = REQUIRED_FIELDS.filter((field) => form[field].trim() === '');
  const ready = invalid.size === 0 && outcome.status === 'tagged' && missing.length === 0;
  preview.value = ready ? outcome.url : '';
  const toFill = form.payment_link.trim() === '' ? ['the payment link'] : invalid.size > 0 ? [] : missing;
  preview.placeholder =
    toFill.length > 0 ? `Fill in ${listInWords(toFill)} to see the tagged link.` : 'Fix the fields marked in red first.';
  const refused = page.context?.refusal != null;
  // The question is about the values that were sent: they stay as they are until it is answered.
  for (const field of LINK_FIELDS) input(field).disabled = page.asking;
  // A copied link is shared as it is: without a reference its sales cannot be told from other rows' (issue 17).
  gate('copy', ready && form.client_reference_id.trim() === '' ? COPY_NEEDS_REFERENCE : null, !ready || page.asking);
  const blockers = actionBlockers(form, invalid, page.context?.row ?? null, page.filledFrom);
  // On the add-on's own tabs the status says why; nothing more beside the buttons.
  gate('insert', refused ? null : blockers.insert, refused || page.asking);
  gate('tag', refused ? null : blockers.tag, refused || page.asking);
}

async function loadContext(): Promise<void> {
  try {
    const wasRefused = page.context?.refusal != null;
    const context = await callServer('sidebarContext');
    page.context = context;
    // The form starts from the active row; a later read follows the row in each field still as
    // the row filled it (Apply suggested fixes changed the row), never over what was typed.
    if (context.row !== null) {
      const row = context.row;
      const filled = page.filledFrom;
      const untouched = (field: LinkField): boolean =>
        input(field).value === '' || (filled !== null && input(field).value === filled[field]);
      if (LINK_FIELDS.every((field) => input(field).value === '')) fillForm(row);
      else for (const field of LINK_FIELDS) if (untouched(field)) input(field).value = row[field];
      page.filledFrom = row;
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

/** Runs an action from its button; when it is done and the page redrawn, its result is scrolled into view. */
async function busy(clicked: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
  clicked.disabled = true;
  clicked.setAttribute('aria-busy', 'true');
  try {
    await work();
  } catch (error) {
    say((error as Error).message, 'error');
  } finally {
    clicked.removeAttribute('aria-busy');
    refresh();
    revealStatus();
  }
}

/** The offer under a Tag selected rows result: apply the suggested fixes, then read the sheet again. */
function onApply(sheetId: number, fixes: SuggestedFix[], offer: HTMLButtonElement): void {
  void busy(offer, async () => {
    await applySuggestions(sheetId, fixes);
    await loadContext();
  });
}

function start(): void {
  buildForm(refresh);
  $('copy').addEventListener('click', () => void copyLink());
  $('insert').addEventListener('click', () => {
    void busy(button('insert'), async () => {
      await insertIntoActiveRow(refresh);
      await loadContext();
    });
  });
  $('tag').addEventListener('click', () => {
    void busy(button('tag'), async () => {
      await tagSelected(refresh, onApply);
      await loadContext();
    });
  });
  $('reload').addEventListener('click', () => void loadContext());
  refresh();
  void loadContext();
}

start();
