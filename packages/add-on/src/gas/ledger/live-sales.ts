/**
 * Whether the spreadsheet's sales are live: the ledger (found by its mark) has a sale whose `livemode`
 * is TRUE. Then its link rows are meant for real customers, and a test-mode link on one is a
 * mistake worth a warning. Reads the header and that one column, nothing else.
 */

import { findMarkedTabs } from './own-tabs';
import { readLedgerColumn } from './reconciliation-reader';

/** TRUE as Sheets stores it (a checkbox, a boolean), or typed as text by a person. */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toUpperCase() === 'TRUE');
}

export function hasLiveSales(): boolean {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return readLedgerColumn(spreadsheet, findMarkedTabs(spreadsheet), 'livemode').some(isTrue);
}
