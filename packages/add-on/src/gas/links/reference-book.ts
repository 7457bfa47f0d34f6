/**
 * The spreadsheet's references, for the actions that write links (issue 17: every link the add-on
 * writes carries a reference unique in the spreadsheet). New references are made against every
 * reference in use, on link rows and on sales whose row may be gone; a link written with a
 * reference other rows carry too is said, naming those rows. Read the first time it is needed,
 * and once.
 */

import { lazily } from '../../core/helpers/lazily';
import { textOfCell } from '../../core/helpers/literal-text';
import { describeDuplicateReference, describeReferenceOnRows } from '../../core/link-tabs/link-checks';
import { rowAddress, type LinkRow } from '../../core/link-tabs/link-rows';
import { newReferences } from '../../core/link-tabs/references';
import type { LinkFields, ReferenceWritten, RowWarning } from '../../core/contracts/sidebar-api';
import { isBlank } from '../../core/helpers/cell-value';
import type { LinkField } from '../../core/link-tabs/link-columns';
import { mergeFields } from '../../core/links/tag-link';
import { findMarkedTabs, ownSheetIds, type MarkedTabs } from '../ledger/own-tabs';
import { readLedgerColumn } from '../ledger/reconciliation-reader';
import { readLinkTabValues, tableLinkRows, type SheetLinkTable } from './link-tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every reference the spreadsheet already uses: on link rows, and on sales whose row may be gone. */
export function referencesInUse(spreadsheet: Spreadsheet, marked: MarkedTabs, rows: readonly LinkRow[]): Set<string> {
  const used = new Set(rows.map((row) => row.fields.client_reference_id).filter((reference) => reference !== ''));
  for (const value of readLedgerColumn(spreadsheet, marked, 'client_reference_id')) {
    const reference = textOfCell(value);
    if (reference !== '') used.add(reference);
  }
  return used;
}

/** The links tabs: every tab but the add-on's own. */
export function linkTabs(spreadsheet: Spreadsheet, marked: MarkedTabs): SheetLinkTable[] {
  return readLinkTabValues(spreadsheet, ownSheetIds(spreadsheet, marked));
}

/** A row a link was just written into, with the reference the link carries. */
export interface WrittenReference {
  row: number;
  reference: string;
}

export class ReferenceBook {
  private readonly read = lazily(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const marked = findMarkedTabs(spreadsheet);
    const rows = linkTabs(spreadsheet, marked).flatMap(tableLinkRows);
    return { rows, inUse: referencesInUse(spreadsheet, marked, rows) };
  });

  /** New references for rows about to get one, unique against all the spreadsheet holds and each other. */
  fresh(rows: ReadonlyArray<{ campaign: string; source: string }>): string[] {
    if (rows.length === 0) return [];
    const { inUse } = this.read();
    const made = newReferences(rows, inUse);
    for (const reference of made) inUse.add(reference);
    return made;
  }

  /** The link rows, as they were before this action wrote, that carry `reference`. */
  private rowsWith(reference: string): LinkRow[] {
    return this.read().rows.filter((row) => row.fields.client_reference_id === reference);
  }

  /** The warning for a link just written into `tab`'s `row` with `reference`, when other rows carry it too. */
  duplicateAt(tab: string, row: number, reference: string): RowWarning | null {
    if (reference === '') return null;
    const others = this.rowsWith(reference)
      .filter((other) => other.tab !== tab || other.row !== row)
      .map(rowAddress);
    if (others.length === 0) return null;
    return {
      field: 'client_reference_id',
      kind: 'duplicate_reference',
      value: reference,
      message: describeDuplicateReference(reference, others),
      rows: others,
    };
  }

  /** One line per reference that links just written into `tab` share with each other or with other rows. */
  duplicatesAmong(tab: string, written: readonly WrittenReference[]): string[] {
    const byReference = new Map<string, number[]>();
    for (const { row, reference } of written) {
      if (reference === '') continue;
      byReference.set(reference, [...(byReference.get(reference) ?? []), row]);
    }
    const lines: string[] = [];
    for (const [reference, rows] of byReference) {
      const others = this.rowsWith(reference).filter((other) => other.tab !== tab || !rows.includes(other.row));
      const on = [...others, ...rows.map((row) => ({ tab, row }))];
      if (on.length < 2) continue;
      // Tab by tab as the spreadsheet orders them (each tab where it first appears), rows in order.
      const tabs = [...new Set(on.map((at) => at.tab))];
      on.sort((a, b) => tabs.indexOf(a.tab) - tabs.indexOf(b.tab) || a.row - b.row);
      lines.push(describeReferenceOnRows(reference, on.map(rowAddress)));
    }
    return lines;
  }
}

/**
 * Insert into active row: gives the form's `fields` a fresh reference when neither the form nor
 * the row (`own`) has one, so the link carries it and it is written into the row (its reference
 * cell, or a column added after the last one). True when it did.
 */
export function addFreshReference(fields: LinkFields, own: Partial<Record<LinkField, unknown>>, book: ReferenceBook): boolean {
  const merged = mergeFields(fields, own);
  if (!isBlank(merged.client_reference_id) || isBlank(merged.payment_link)) return false;
  const [reference] = book.fresh([{ campaign: textOfCell(merged.utm_campaign), source: textOfCell(merged.utm_source) }]);
  if (reference === undefined) return false;
  fields.client_reference_id = reference;
  return true;
}

/** What Insert into active row says of the reference the link it wrote into `tab`'s `row` carries. */
export function referenceWritten(
  book: ReferenceBook,
  tab: string,
  row: number,
  fields: LinkFields,
  own: Partial<Record<LinkField, unknown>>,
  added: boolean,
): ReferenceWritten {
  const reference = textOfCell(mergeFields(fields, own).client_reference_id).trim();
  const duplicate = added ? null : book.duplicateAt(tab, row, reference);
  return { reference, referenceAdded: added, referenceWarnings: duplicate === null ? [] : [duplicate] };
}
