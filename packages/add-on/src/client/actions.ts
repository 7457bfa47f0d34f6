/** The sidebar's two writes, Insert into active row and Tag selected rows: ask, confirm, say what happened. */

import { typedFields, type Conflict, type LinkFields, type SuggestedFix } from '../core/contracts/sidebar-api';
import { LINK_FIELDS } from '../core/link-tabs/link-columns';
import { input, page } from './dom';
import { askToOverwrite } from './confirm';
import { readForm } from './form';
import { callServer } from './server';
import { say } from './status';
import { plural, sayApplied, sayInserted, sayTagged, type ApplyHandler } from './tag-result';

/**
 * The reference Insert made for the row, shown in its field so the preview is the link written.
 * It is the row's now, not typed: Tag selected rows must never spread it to other rows.
 */
function showMadeReference(reference: string): void {
  const field = input('client_reference_id');
  if (field.value.trim() !== '') return;
  field.value = reference;
  const empty = Object.fromEntries(LINK_FIELDS.map((name) => [name, ''])) as LinkFields;
  page.filledFrom = { ...(page.filledFrom ?? empty), client_reference_id: reference };
}

export async function insertIntoActiveRow(onChange: () => void): Promise<void> {
  const fields = readForm();
  let overwrite: Conflict[] | undefined;
  for (;;) {
    const result = await callServer('sidebarInsertIntoActiveRow', overwrite === undefined ? { fields } : { fields, overwrite });
    if (result.status === 'written') {
      if (result.referenceAdded) showMadeReference(result.reference);
      sayInserted(result);
      return;
    }
    say('');
    const question = `Row ${String(result.row)} of ${result.sheetName} already holds other values. Overwrite ${result.conflicts.length === 1 ? 'this cell' : `these ${String(result.conflicts.length)} cells`}?`;
    if (!(await askToOverwrite(question, result.conflicts, false, onChange))) {
      say(`Nothing was written: row ${String(result.row)} is as it was.`);
      return;
    }
    // Asked again with exactly what the user saw; if the row changed meanwhile, the server asks anew.
    overwrite = result.conflicts;
  }
}

/** `onApply` runs when the user clicks the offer to apply the suggested fixes. */
export async function tagSelected(onChange: () => void, onApply: ApplyHandler): Promise<void> {
  // Only what the user typed goes to every selected row; what came from the active row stays that row's.
  const typed = typedFields(readForm(), page.filledFrom);
  let overwrite: Conflict[] | undefined;
  for (;;) {
    const result = await callServer('sidebarTagSelectedRows', overwrite === undefined ? { typed } : { typed, overwrite });
    if (result.status === 'written') {
      sayTagged(result, onApply);
      return;
    }
    say('');
    const onlyLinks = result.conflicts.every((conflict) => conflict.column === 'tagged_link');
    const question = onlyLinks
      ? `${plural(result.conflicts.length, 'selected row already has', 'selected rows already have')} a different tagged link in ${result.sheetName}. Overwrite?`
      : `${plural(result.conflicts.length, 'cell', 'cells')} of the selected rows in ${result.sheetName} already ${result.conflicts.length === 1 ? 'holds' : 'hold'} something else. Overwrite?`;
    if (!(await askToOverwrite(question, result.conflicts, true, onChange))) {
      say(onlyLinks ? 'Nothing was written: every tagged link is as it was.' : 'Nothing was written: the selected rows are as they were.');
      return;
    }
    overwrite = result.conflicts;
  }
}

/** Applies the suggestions Tag selected rows offered, to the tab they were for; the server checks each cell again. */
export async function applySuggestions(sheetId: number, fixes: SuggestedFix[]): Promise<void> {
  sayApplied(await callServer('sidebarApplySuggestions', { sheetId, fixes }));
}
