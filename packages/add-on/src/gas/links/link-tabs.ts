/**
 * The one reader of links tabs, for every path that looks at them (the refresh, Add references,
 * the mix-up checks, a refusal naming where the links are). A links tab is a user's tab whose
 * header row names a payment-link column and a utm_ column; for the refresh and Add references,
 * only its rows with Stripe Payment Links count: a tab of other links (a content calendar, ad
 * spend) is never written, whatever its headers say. A tab holding columns the add-on marked as
 * its own must still have its header in row 1, or the refresh stops before writing anything.
 */

import { linkColumnHeader } from '../../core/ledger/declaration';
import { isLinkHeader } from '../../core/link-tabs/link-columns';
import { isStripePaymentLink, linkKey, readLinkRows, type LinkRow } from '../../core/link-tabs/link-rows';
import { headerRow } from '../helpers/header-row';
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
    `The "${sheet.getName()}" tab holds the add-on's columns (${[...owned.columns.keys()].map(linkColumnHeader).join(', ')}), and ${problem}. ` +
      'Put the header row back in row 1 (Edit > Undo, or delete the row above it), then refresh again; nothing was written.',
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
  /** Run on every tab not in `own`, links tab or not, before its header is read (the refresh's header-row check). */
  check?: (sheet: Sheet) => void;
}

/**
 * The user's tabs (not in `own`, the sheet ids of the add-on's tabs) whose header row is a links
 * header, in tab order, each with its values. A tab's header is read before the whole tab: a tab
 * of other data may be large, and costs only its header row.
 */
export function readLinkTabValues(
  spreadsheet: Spreadsheet,
  own: ReadonlySet<number>,
  reading: LinkTabReading = {},
): Array<{ sheet: Sheet; values: unknown[][] }> {
  const tabs: Array<{ sheet: Sheet; values: unknown[][] }> = [];
  for (const sheet of spreadsheet.getSheets()) {
    if (own.has(sheet.getSheetId())) continue;
    reading.check?.(sheet);
    const { known } = reading;
    if (known !== undefined && sheet.getName() === known.tab) {
      if (isLinkHeader(known.values[0] ?? [])) tabs.push({ sheet, values: known.values });
      continue;
    }
    if (!isLinkHeader(headerRow(sheet))) continue;
    tabs.push({ sheet, values: sheet.getDataRange().getValues() });
  }
  return tabs;
}

/** The names of the user's links tabs, by their header rows only (nothing else of a tab is read). */
export function linkTabNames(spreadsheet: Spreadsheet, own: ReadonlySet<number>): string[] {
  return spreadsheet
    .getSheets()
    .filter((sheet) => !own.has(sheet.getSheetId()) && isLinkHeader(headerRow(sheet)))
    .map((sheet) => sheet.getName());
}

/** The link rows of every links tab (any link, Stripe's or not): what the mix-up checks compare. */
export function readAllLinkRows(spreadsheet: Spreadsheet, own: ReadonlySet<number>, known?: KnownTab): LinkRow[] {
  return readLinkTabValues(spreadsheet, own, known === undefined ? {} : { known }).flatMap(({ sheet, values }) =>
    readLinkRows(sheet.getName(), values),
  );
}

/** A links tab's rows with a Stripe Payment Link on buy.stripe.com (no key needed): the rows Add references writes. */
export function stripeLinkRows(sheet: Sheet, values: readonly (readonly unknown[])[]): LinkRow[] {
  return readLinkRows(sheet.getName(), values).filter((row) => isStripePaymentLink(row.fields.payment_link, null));
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
  for (const { sheet, values } of readLinkTabValues(spreadsheet, own, {
    check: (sheet) => {
      checkHeaderRow(sheet, ownedOn(sheet));
    },
  })) {
    const candidates = readLinkRows(sheet.getName(), values);
    const offStripe = candidates.some((row) => !isStripePaymentLink(row.fields.payment_link, null));
    const listed = offStripe ? listedUrls() : null;
    const rows = candidates.filter((row) => isStripePaymentLink(row.fields.payment_link, listed));
    if (rows.length > 0) tabs.push({ sheet, values, rows, owned: ownedOn(sheet) });
  }
  return tabs;
}

/** The keys isStripePaymentLink compares, from the URLs Stripe listed. */
export function listedKeys(urls: Iterable<string>): Set<string> {
  return new Set([...urls].map(linkKey));
}
