/**
 * Whether the spreadsheet's sales are live: the ledger (found by its mark) has a sale whose `livemode`
 * is TRUE. Then its link rows are meant for real customers, and a test-mode link on one is a
 * mistake worth a warning. Reads the header and that one column, nothing else.
 */

import { headerKey } from '../core/header-names';
import { headerRow } from './header-row';
import { findMarkedTabs, findOwnTab } from './ledger/own-tabs';

const LIVEMODE = headerKey('livemode');

/** TRUE as Sheets stores it (a checkbox, a boolean), or typed as text by a person. */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toUpperCase() === 'TRUE');
}

export function hasLiveSales(): boolean {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = findOwnTab(spreadsheet, 'reconciliation', findMarkedTabs(spreadsheet));
  if (sheet === null) return false;
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return false;
  const column = headerRow(sheet).findIndex((header) => headerKey(header) === LIVEMODE) + 1;
  if (column === 0) return false;
  const values: unknown[][] = sheet.getRange(2, column, lastRow - 1, 1).getValues();
  return values.some((row) => isTrue(row[0]));
}
