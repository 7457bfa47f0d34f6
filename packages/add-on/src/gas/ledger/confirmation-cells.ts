/**
 * The Reconciliation tab's `confirmed` cells as the sync's check writes them (core/ledger/confirmation.ts):
 * read with the whole tab, and written only where the row is still the one that was checked (same
 * session, same last event, and still in the state the change expects), each cell as its own number
 * format needs it. A ledger an earlier version made gets its `confirmed` header after its last used column.
 */

import { literalText, textOfCell } from '../../core/helpers/literal-text';
import { consecutiveRuns } from '../../core/helpers/runs';
import type { Confirmation } from '../../core/ledger/confirmation';
import { locateColumns } from '../../core/ledger/reconciliation-columns';
import { appendHeaders } from '../helpers/header-row';
import type { ScriptLockHeld } from '../script-lock';
import { findMarkedTabs } from './own-tabs';
import { readWholeLedger, type LedgerValues } from './reconciliation-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The ledger, whole, with a `confirmed` column; null when there is none yet. Throws UnreadableTabError as the readers do. */
export function readConfirmationLedger(held: ScriptLockHeld, spreadsheet: Spreadsheet): LedgerValues | null {
  const ledger = readWholeLedger(held, spreadsheet, findMarkedTabs(spreadsheet));
  if (ledger === null) return null;
  const header = ledger.values[0] ?? [];
  if (locateColumns(header).columns.confirmed !== undefined) return ledger;
  held.wrote();
  const column = appendHeaders(ledger.sheet, header, ['confirmed']).get('confirmed') ?? header.length + 1;
  for (const row of ledger.values) {
    while (row.length < column) row.push('');
    row[column - 1] = row === ledger.values[0] ? 'confirmed' : '';
  }
  return ledger;
}

export interface ConfirmationChange {
  session_id: string;
  /** The row's last event when it was read: a row an event has rewritten since is left as that event wrote it. */
  last_event: string;
  value: Confirmation;
  /** Whether the cell, as it is now, may still take the change. */
  when: (cell: unknown) => boolean;
}

/** Writes the changes that still apply, run by run of consecutive rows; returns those it wrote. */
export function writeConfirmations(
  held: ScriptLockHeld,
  ledger: LedgerValues,
  changes: readonly ConfirmationChange[],
): ConfirmationChange[] {
  const { sheet, values } = ledger;
  const { columns } = locateColumns(values[0] ?? []);
  const { session_id: idColumn, last_event: eventColumn, confirmed: column } = columns;
  if (idColumn === undefined || column === undefined) return [];
  const rowOf = new Map<string, number>();
  for (let r = values.length - 1; r >= 1; r--) {
    const id = textOfCell(values[r]?.[idColumn - 1]).trim();
    if (id !== '') rowOf.set(id, r);
  }
  const next = new Map<number, ConfirmationChange>();
  for (const change of changes) {
    const r = rowOf.get(change.session_id);
    const cells = r === undefined ? undefined : values[r];
    if (r === undefined || cells === undefined) continue;
    const lastEvent = eventColumn === undefined ? '' : textOfCell(cells[eventColumn - 1]).trim();
    if (lastEvent !== change.last_event || !change.when(cells[column - 1])) continue;
    next.set(r + 1, change);
  }
  if (next.size === 0) return [];
  held.wrote();
  for (const { start, end } of consecutiveRuns([...next.keys()].sort((a, b) => a - b))) {
    const range = sheet.getRange(start, column, end - start + 1, 1);
    const formats = range.getNumberFormats();
    range.setValues(formats.map((format, i) => [literalText(next.get(start + i)?.value ?? '', format[0])]));
  }
  return [...next.values()];
}
