/**
 * A small tab that counts rejected deliveries by reason, so a user can see why nothing arrived.
 * One row per reason and never more: a stranger posting to the endpoint can move counters, not
 * fill the spreadsheet. What a stranger sent is not copied, only our own description of it.
 */

import type { RejectionReason } from '../../core/webhook/webhook-delivery';
import { literalText, textOfCell } from '../../core/helpers/literal-text';
import { columnNames, WEBHOOK_LOG_TAB } from '../../core/ledger/declaration';
import { findMarkedTabs, openOwnTab } from './own-tabs';
import { layOutOwnTab } from './own-tab-layout';
import type { ScriptLockHeld } from '../script-lock';

const HEADERS = columnNames(WEBHOOK_LOG_TAB);
const REASONS: Record<RejectionReason, string> = {
  bad_token: 'wrong or missing token (retried)',
  too_large: 'body too large',
  not_json: 'not JSON',
  not_an_event: 'not a Stripe event',
  unverified: 'not confirmed by Stripe',
  stripe_unreachable: 'Stripe could not be reached to confirm (retried)',
  busy: 'busy writing other deliveries (retried)',
  tab_unreadable: 'Reconciliation tab unreadable (retried)',
  internal: 'internal error (retried)',
};
const MAX_DETAIL = 300;

export function recordRejection(
  held: ScriptLockHeld,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  reason: RejectionReason,
  detail: string,
): void {
  const opened = openOwnTab(held, spreadsheet, 'webhook_log', findMarkedTabs(spreadsheet), true);
  if (opened === null) return;
  const { sheet } = opened;
  if (opened.notice !== null) console.log(opened.notice);
  held.wrote();
  if (opened.created || sheet.getLastRow() === 0) {
    sheet.getRange(1, 1, 1, HEADERS.length).setValues([HEADERS]);
    layOutOwnTab(sheet, WEBHOOK_LOG_TAB.columns, (name) => HEADERS.indexOf(name) + 1 || undefined);
    sheet.getRange(2, 3, Object.keys(REASONS).length, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
  }
  const label = REASONS[reason];
  const rows = Object.keys(REASONS).length;
  const range = sheet.getRange(2, 1, rows, HEADERS.length);
  const values = range.getValues();
  let index = values.findIndex((row) => textOfCell(row[0]) === label);
  if (index === -1) index = values.findIndex((row) => row[0] === '');
  if (index === -1) return;
  const count = Number(textOfCell(values[index]?.[1])) || 0;
  const target = sheet.getRange(2 + index, 1, 1, HEADERS.length);
  const formats = target.getNumberFormats()[0] ?? [];
  target.setValues([[literalText(label, formats[0]), count + 1, new Date(), literalText(detail.slice(0, MAX_DETAIL), formats[3])]]);
}
