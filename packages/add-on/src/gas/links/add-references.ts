/**
 * Add references: every link row without a client_reference_id gets its own (core/link-tabs/references.ts),
 * written as a value into the row's empty reference cell. A reference someone typed is never
 * replaced, and a tab without the column gets one after its last column.
 */

import { locateLinkColumns } from '../../core/link-tabs/link-columns';
import { literalText } from '../../core/helpers/literal-text';
import { listFirst } from '../../core/links/problem';
import { newReferences } from '../../core/link-tabs/references';
import { consecutiveRuns } from '../../core/helpers/runs';
import { appendHeaders } from '../helpers/header-row';
import { findMarkedTabs } from '../ledger/own-tabs';
import { withScriptLockOrFail } from '../script-lock';
import { stripeLinkRows } from './link-tabs';
import { linkTabs, referencesInUse } from './reference-book';

const LOCK_WAIT_MS = 10_000;
/** How many row ranges of a tab the answer names before "and N more". */
const SPANS_SHOWN = 5;

export interface ReferencesAdded {
  added: number;
  /** `Links (rows 2-7, 9)` for each tab written to. */
  where: string[];
}

function addLocked(): ReferencesAdded {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const marked = findMarkedTabs(spreadsheet);
  const tabs = linkTabs(spreadsheet, marked);
  // Only rows with a Stripe Payment Link get a reference: a tab of other links is never written.
  const rowsByTab = tabs.map(stripeLinkRows);
  const missing = rowsByTab.map((rows) => rows.filter((row) => row.fields.client_reference_id === ''));
  const made = newReferences(
    missing.flat().map((row) => ({ campaign: row.fields.utm_campaign, source: row.fields.utm_source })),
    referencesInUse(spreadsheet, marked, rowsByTab.flat()),
  );

  const result: ReferencesAdded = { added: made.length, where: [] };
  let next = 0;
  tabs.forEach(({ sheet, values, headerRow }, t) => {
    const rows = missing[t] ?? [];
    if (rows.length === 0) return;
    // The header where the user put it (a title row above is theirs); rows keep the sheet's numbers.
    const header = values[0] ?? [];
    const column =
      locateLinkColumns(header).client_reference_id ??
      appendHeaders(sheet, header, ['client_reference_id'], headerRow).get('client_reference_id') ??
      0;
    const references = new Map(rows.map((row) => [row.row, made[next++] ?? '']));
    const runs = consecutiveRuns(rows.map((row) => row.row));
    for (const { start, end } of runs) {
      const target = sheet.getRange(start, column, end - start + 1, 1);
      const formats = target.getNumberFormats();
      target.setValues(Array.from({ length: end - start + 1 }, (_, i) => [literalText(references.get(start + i) ?? '', formats[i]?.[0])]));
    }
    // A tab of 200 scattered rows is sixty ranges: the first few say where, the count says how many more.
    const spans = runs.map(({ start, end }) => (start === end ? String(start) : `${String(start)}-${String(end)}`));
    result.where.push(`${sheet.getName()} (row${rows.length === 1 ? '' : 's'} ${listFirst(spans, SPANS_SHOWN)})`);
  });
  return result;
}

export function addMissingReferences(): ReferencesAdded {
  return withScriptLockOrFail(LOCK_WAIT_MS, 'Add references', addLocked);
}

/** What Add references says: how many, where (the first few ranges of each tab), and what to do next. */
export function describeReferencesAdded(added: ReferencesAdded): string {
  if (added.added === 0) return 'Every link row already has a client_reference_id.';
  return (
    `Added ${String(added.added)} ${added.added === 1 ? 'reference' : 'references'}: ${added.where.join('; ')}. ` +
    `Links tagged before carry none: tag those rows again (or let =UTM_LINK recompute) so each sale brings its reference back.`
  );
}
