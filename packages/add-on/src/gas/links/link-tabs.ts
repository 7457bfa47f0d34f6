/**
 * The one reader of links tabs, for every path that looks at them (the refresh, Add references,
 * the mix-up checks, a refusal naming where the links are). A links tab is a user's tab whose
 * header row names a payment-link column and a utm_ column; for the refresh and Add references,
 * only its rows with Stripe Payment Links count: a tab of other links (a content calendar, ad
 * spend) is never written, whatever its headers say. The header is found among the tab's first
 * rows (a title row above it is the user's: link-header.ts), and each tab is handed on from its
 * header down with the header's row. A tab holding columns the add-on marked as its own must still
 * have its header where the add-on marked it, or the refresh stops before writing anything.
 */

import { linkColumnHeader } from '../../core/ledger/declaration';
import { linkTableOf, type LinkTable } from '../../core/link-tabs/link-header';
import { isStripePaymentLink, linkKey, readLinkRows, type LinkRow } from '../../core/link-tabs/link-rows';
import { headerRowProblem, type MarkedColumns, type OwnedOnTab } from '../ledger/own-columns';
import { UnreadableTabError } from '../ledger/unreadable-tab';
import { findLinkHeaderOn } from './link-header';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A links tab from its header row down (`values[0]` is the header, on row `headerRow`). */
export interface SheetLinkTable extends LinkTable {
  sheet: Sheet;
}

export interface LinkTab extends SheetLinkTable {
  /** Its rows with a Stripe Payment Link. */
  rows: LinkRow[];
  /** The add-on's columns already there, and its header row mark. */
  owned: OwnedOnTab;
}

/** A tab holding the add-on's columns must still have its links header on the row the add-on marked, or every write would land a row off. */
function checkHeaderRow(sheet: Sheet, owned: OwnedOnTab, found: number | null): void {
  const problem = headerRowProblem(owned, found);
  if (problem === null) return;
  throw new UnreadableTabError(
    sheet.getName(),
    `The "${sheet.getName()}" tab holds the add-on's columns (${[...owned.columns.keys()].map(linkColumnHeader).join(', ')}), and ${problem.what}. ` +
      `${problem.fix}, then refresh again; nothing was written.`,
  );
}

/** A tab's values already read by the caller (the active tab), taken as they are rather than read again. */
export interface KnownTab {
  tab: string;
  values: unknown[][];
}

export interface LinkTabReading {
  /** A tab the caller has already read. */
  known?: KnownTab;
  /** Run on every tab not in `own`, links tab or not, with the row of its links header (null: none), before the tab is read whole (the refresh's header-row check). */
  check?: (sheet: Sheet, headerRow: number | null) => void;
}

/**
 * The user's tabs (not in `own`, the sheet ids of the add-on's tabs) with a links header among
 * their first rows, in tab order, each from its header down. A tab's first rows are read before
 * the whole tab: a tab of other data may be large, and costs only those rows.
 */
export function readLinkTabValues(spreadsheet: Spreadsheet, own: ReadonlySet<number>, reading: LinkTabReading = {}): SheetLinkTable[] {
  const tabs: SheetLinkTable[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (own.has(sheet.getSheetId())) continue;
    const { known } = reading;
    if (known !== undefined && sheet.getName() === known.tab) {
      const table = linkTableOf(known.values);
      reading.check?.(sheet, table?.headerRow ?? null);
      if (table !== null) tabs.push({ sheet, ...table });
      continue;
    }
    const found = findLinkHeaderOn(sheet);
    reading.check?.(sheet, found?.row ?? null);
    if (found === null) continue;
    tabs.push({
      sheet,
      headerRow: found.row,
      values: sheet
        .getDataRange()
        .getValues()
        .slice(found.row - 1),
    });
  }
  return tabs;
}

/** The names of the user's links tabs, by their first rows only (nothing else of a tab is read). */
export function linkTabNames(spreadsheet: Spreadsheet, own: ReadonlySet<number>): string[] {
  return spreadsheet
    .getSheets()
    .filter((sheet) => !own.has(sheet.getSheetId()) && findLinkHeaderOn(sheet) !== null)
    .map((sheet) => sheet.getName());
}

/** A links table's rows with a link, numbered as the sheet numbers them. */
export function tableLinkRows(table: SheetLinkTable): LinkRow[] {
  return readLinkRows(table.sheet.getName(), table.values, table.headerRow);
}

/** The link rows of every links tab (any link, Stripe's or not): what the mix-up checks compare. */
export function readAllLinkRows(spreadsheet: Spreadsheet, own: ReadonlySet<number>, known?: KnownTab): LinkRow[] {
  return readLinkTabValues(spreadsheet, own, known === undefined ? {} : { known }).flatMap(tableLinkRows);
}

/** A links tab's rows with a Stripe Payment Link on buy.stripe.com (no key needed): the rows Add references writes. */
export function stripeLinkRows(table: SheetLinkTable): LinkRow[] {
  return tableLinkRows(table).filter((row) => isStripePaymentLink(row.fields.payment_link, null));
}

/**
 * Every links tab with a Stripe Payment Link, for the refresh, read once. `listedUrls` asks Stripe
 * (once, lazily) for the account's Payment Links, for links not on buy.stripe.com.
 */
export function readLinkTabs(
  spreadsheet: Spreadsheet,
  own: ReadonlySet<number>,
  marked: MarkedColumns,
  listedUrls: () => ReadonlySet<string> | null,
): LinkTab[] {
  const ownedOn = (sheet: Sheet): OwnedOnTab => marked.get(sheet.getSheetId()) ?? { columns: new Map<string, number>(), headerRow: null };
  const tabs: LinkTab[] = [];
  for (const table of readLinkTabValues(spreadsheet, own, {
    check: (sheet, headerRow) => {
      checkHeaderRow(sheet, ownedOn(sheet), headerRow);
    },
  })) {
    const candidates = tableLinkRows(table);
    const offStripe = candidates.some((row) => !isStripePaymentLink(row.fields.payment_link, null));
    const listed = offStripe ? listedUrls() : null;
    const rows = candidates.filter((row) => isStripePaymentLink(row.fields.payment_link, listed));
    if (rows.length > 0) tabs.push({ ...table, rows, owned: ownedOn(table.sheet) });
  }
  return tabs;
}

/** The keys isStripePaymentLink compares, from the URLs Stripe listed. */
export function listedKeys(urls: Iterable<string>): Set<string> {
  return new Set([...urls].map(linkKey));
}
