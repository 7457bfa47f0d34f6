/**
 * The links tabs a refresh reads and the columns it owns there. A links tab is a user's tab whose
 * header names a payment-link column and a utm_ column and whose links are Stripe Payment Links;
 * a tab of other links (a content calendar, ad spend) is never written, whatever its headers say.
 * A tab holding columns the add-on marked as its own must still have its header in row 1, or the
 * refresh stops before writing anything.
 */

import { LINK_TAB_COLUMNS } from '../../core/ledger/declaration';
import { isLinkHeader } from '../../core/link-columns';
import { isStripePaymentLink, linkKey, readLinkRows, type LinkRow } from '../../core/link-rows';
import { headerRow } from '../header-row';
import { headerRowProblem, type MarkedColumns, type OwnedOnTab } from '../ledger/own-columns';
import { UnreadableTabError } from '../ledger/unreadable-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LinkTab {
  sheet: Sheet;
  values: unknown[][];
  /** Its rows with a Stripe Payment Link. */
  rows: LinkRow[];
  /** The add-on's columns already there, and its header row mark. */
  owned: OwnedOnTab;
}

/** A tab holding the add-on's columns must still have the header row they were read under in row 1, or every write would land a row off. */
function checkHeaderRow(sheet: Sheet, owned: OwnedOnTab): void {
  const problem = headerRowProblem(owned);
  if (problem === null) return;
  throw new UnreadableTabError(
    sheet.getName(),
    `The "${sheet.getName()}" tab holds the add-on's columns (${[...owned.columns.keys()].join(', ')}), and ${problem}. ` +
      'Put the header row back in row 1 (Edit > Undo, or delete the row above it), then refresh again; nothing was written.',
  );
}

/**
 * Every links tab, read once. `own` holds the sheet ids of the add-on's tabs; `listedUrls` asks
 * Stripe (once, lazily) for the account's Payment Links, for links not on buy.stripe.com.
 */
export function readLinkTabs(spreadsheet: Spreadsheet, own: ReadonlySet<number>, marked: MarkedColumns, listedUrls: () => ReadonlySet<string> | null): LinkTab[] {
  const tabs: LinkTab[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const id = sheet.getSheetId();
    if (own.has(id)) continue;
    const owned = marked.get(id) ?? { columns: new Map<string, number>(), headerRow: null };
    checkHeaderRow(sheet, owned);
    // A tab's header is read before the whole tab: a tab of other data may be large.
    const header = headerRow(sheet);
    if (!isLinkHeader(header)) continue;
    const values = sheet.getDataRange().getValues();
    const candidates = readLinkRows(sheet.getName(), values);
    const offStripe = candidates.some((row) => !isStripePaymentLink(row.fields.payment_link, null));
    const listed = offStripe ? listedUrls() : null;
    const rows = candidates.filter((row) => isStripePaymentLink(row.fields.payment_link, listed));
    if (rows.length > 0) tabs.push({ sheet, values, rows, owned });
  }
  return tabs;
}

/** The keys isStripePaymentLink compares, from the URLs Stripe listed. */
export function listedKeys(urls: Iterable<string>): Set<string> {
  return new Set([...urls].map(linkKey));
}

export const LINK_TAB_COLUMN_NAMES = LINK_TAB_COLUMNS.map((column) => column.name);
