/**
 * The Checkouts tab as a store of expired sessions, each counted once in its bucket
 * (core/ledger/checkouts.ts). A delivery finds the session's id with one TextFinder over the ids
 * column, then its bucket with one over the bucket column, and writes one row: the same few round
 * trips at 100 buckets or 50,000. The tab is found by its mark, columns by header in row 1;
 * cells are written as their own formats need. Every function takes the script lock's proof.
 */

import { columnToLetters } from '../../core/helpers/column-letters';
import { literalText, textOfCell } from '../../core/helpers/literal-text';
import { consecutiveRuns } from '../../core/helpers/runs';
import { addSession, bucketKey, holdsSession, sessionsIn, type ExpiredCheckout } from '../../core/ledger/checkouts';
import { CHECKOUTS_TAB, columnNames } from '../../core/ledger/declaration';
import { layoutOf, type Columns } from '../../core/ledger/record-table';
import type { UpsertAction } from '../../core/contracts/webhook-answer';
import { appendHeaders, newRowRange } from '../helpers/header-row';
import type { ScriptLockHeld } from '../script-lock';
import { findMarkedTabs, openOwnTab } from './own-tabs';
import { layOutOwnTab } from './own-tab-layout';
import { UnreadableTabError } from './unreadable-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const NAMES = columnNames(CHECKOUTS_TAB);

interface CheckoutsTab {
  sheet: Sheet;
  columns: Columns;
  first: number;
  last: number;
}

function openTab(held: ScriptLockHeld, spreadsheet: Spreadsheet): CheckoutsTab {
  const opened = openOwnTab(held, spreadsheet, 'checkouts', findMarkedTabs(spreadsheet), true);
  if (opened === null) throw new Error('The Checkouts tab could not be opened');
  const { sheet } = opened;
  const header: unknown[] = opened.created ? [] : (sheet.getRange('1:1').getValues()[0] ?? []);
  const layout = opened.created
    ? ({ kind: 'empty' } as const)
    : layoutOf(header, () => sheet.getLastRow(), sheet.getName(), 'bucket', NAMES);
  if (layout.kind === 'unreadable') throw new UnreadableTabError(sheet.getName(), layout.error);
  const columns: Columns = layout.kind === 'empty' ? {} : { ...layout.columns };
  const missing = layout.kind === 'empty' ? NAMES : layout.missing;
  if (missing.length > 0) {
    held.wrote();
    for (const [name, column] of appendHeaders(sheet, header, missing)) columns[name] = column;
    if (layout.kind === 'empty') layOutOwnTab(sheet, CHECKOUTS_TAB.columns, (name) => columns[name]);
  }
  const positions = NAMES.map((name) => columns[name] ?? 0);
  return { sheet, columns, first: Math.min(...positions), last: Math.max(...positions) };
}

/**
 * The first row whose cell in `column` contains `text` and that `accepts`, read across the tab's
 * columns, or null. One findAll, then one read per candidate: a candidate is nearly always the one.
 */
function findRow(
  tab: CheckoutsTab,
  column: string,
  text: string,
  accepts: (values: readonly unknown[]) => boolean,
): { range: Range; values: unknown[] } | null {
  const index = tab.columns[column] ?? tab.first;
  const letter = columnToLetters(index);
  for (const cell of tab.sheet.getRange(`${letter}2:${letter}`).createTextFinder(text).findAll()) {
    const range = cell.offset(0, tab.first - index, 1, tab.last - tab.first + 1);
    const values = range.getValues()[0] ?? [];
    if (accepts(values)) return { range, values };
  }
  return null;
}

function cellOf(tab: CheckoutsTab, values: readonly unknown[], name: string): unknown {
  const column = tab.columns[name];
  return column === undefined ? undefined : values[column - tab.first];
}

/**
 * Writes `cells` (by column name) into the row `range` spans, run by run of adjacent columns, each
 * as its cell's format needs: no other cell is written back (text read back would parse anew).
 */
function writeCells(tab: CheckoutsTab, range: Range, cells: Record<string, unknown>): void {
  const formats = range.getNumberFormats()[0] ?? [];
  const byColumn = new Map<number, unknown>();
  for (const [name, value] of Object.entries(cells)) {
    const column = tab.columns[name];
    if (column === undefined) continue;
    byColumn.set(column, typeof value === 'string' ? literalText(value, formats[column - tab.first]) : value);
  }
  for (const { start, end } of consecutiveRuns([...byColumn.keys()].sort((a, b) => a - b))) {
    const run = Array.from({ length: end - start + 1 }, (_, k) => byColumn.get(start + k));
    range.offset(0, start - tab.first, 1, run.length).setValues([run]);
  }
}

/** Counts an expired session once, in its bucket; a session already counted changes nothing. */
export function recordExpiredCheckout(held: ScriptLockHeld, spreadsheet: Spreadsheet, checkout: ExpiredCheckout): UpsertAction {
  const tab = openTab(held, spreadsheet);
  const ids = (values: readonly unknown[]) => textOfCell(cellOf(tab, values, 'session_ids'));
  if (findRow(tab, 'session_ids', checkout.session_id, (values) => holdsSession(ids(values), checkout.session_id)) !== null)
    return 'unchanged';
  const key = bucketKey(checkout);
  const time = new Date(checkout.last_event_created * 1000);
  // A full bucket goes on in another row with the same key: the first with room takes the session.
  const bucket = findRow(
    tab,
    'bucket',
    key,
    (values) => textOfCell(cellOf(tab, values, 'bucket')).trim() === key && addSession(ids(values), checkout.session_id) !== null,
  );
  if (bucket !== null) {
    const next = addSession(ids(bucket.values), checkout.session_id) ?? '';
    held.wrote();
    writeCells(tab, bucket.range, { session_ids: next, checkouts: sessionsIn(next), last_event_created: time });
    return 'updated';
  }
  held.wrote();
  const range = newRowRange(tab.sheet, tab.first, tab.last - tab.first + 1);
  // A new row: its empty campaign cells are written too, so the row is one write.
  writeCells(tab, range, {
    ...Object.fromEntries(NAMES.map((name) => [name, ''])),
    day: checkout.day,
    client_reference_id: checkout.client_reference_id,
    payment_link: checkout.payment_link,
    currency: checkout.currency,
    livemode: checkout.livemode,
    checkouts: 1,
    last_event_created: time,
    bucket: key,
    session_ids: checkout.session_id,
  });
  return 'inserted';
}
