/**
 * The refresh behind main.ts's global refreshAttribution (attributeSalesAndWrite, and
 * refreshAndReport around it): reads the ledger and every links tab once, keeps the campaign stored
 * on each sale that has one and joins the others to their link row (core/attribution/kept-attribution.ts),
 * then writes only what the add-on owns: the Attribution tab, the campaign columns of the ledger, and the columns it marked as its own on each links tab (added after the
 * tab's last used column; no cell of the user's changes). Every tab is read and checked before
 * anything is written: a tab whose header row cannot be read safely stops the refresh, which says
 * which tab and what to fix. Under the script lock, without any Ui, so a trigger can run it.
 */

import { attributeSales, type Attribution, type LinkUrlLookup } from '../../core/attribution/attribution';
import { buildReport, summarize, summaryLine, totalsByRow, type ExpiredInGroup } from '../../core/attribution/attribution-report';
import { SALE_CAMPAIGN_COLUMNS, saleCampaignCells, salesFromTab } from '../../core/attribution/attribution-sheet';
import { keptAttributions, storedCampaigns } from '../../core/attribution/kept-attribution';
import { countedSales, flaggedLines } from '../../core/attribution/counted-sales';
import { MONEY_PLACEMENT_COLUMNS, moneyAfterSale, sessionMoneyCells } from '../../core/attribution/money-after-sale';
import { SESSION_MONEY_COLUMNS } from '../../core/ledger/declaration';
import { readMoneyTab } from '../ledger/money-reader';
import { keepSpreadsheetTimeZone } from '../stripe/settings';
import { writeOwnTabColumns } from './own-tab-columns';
import { tieInvoicesToPayments, writeInvoiceTies, type InvoiceTies } from './invoice-ties';
import { headerKey } from '../../core/helpers/header-names';
import { describeSharedReference, isTestModeLink, sharedReferences } from '../../core/link-tabs/link-checks';
import { rowAddress } from '../../core/link-tabs/link-rows';
import { findMarkedColumns } from '../ledger/own-columns';
import { findMarkedTabs, openOwnTab, ownSheetIds } from '../ledger/own-tabs';
import { readWholeLedger, type LedgerValues } from '../ledger/reconciliation-reader';
import { UnreadableTabError } from '../ledger/unreadable-tab';
import { withScriptLockOrFail, type ScriptLockHeld } from '../script-lock';
import { writeAttributionStatus, writeAttributionTab } from './attribution-tab';
import { writeLinkTabColumns } from './link-tab-columns';
import { attributeCheckouts, readCheckouts, writeCheckoutCampaigns, type CheckoutInputs } from './checkout-groups';
import { readSettled, writeSettled } from './settled-tab';
import { listedKeys, readLinkTabs, type LinkTab } from '../links/link-tabs';
import { readPaymentLinkUrls, type LinkUrls } from './payment-links';
import { writeWeeklyTab } from './weekly-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const LOCK_WAIT_MS = 30_000;

export interface RefreshReport {
  sales: number;
  attributed: number;
  /** One line per currency and mode, then what the user should look at. */
  summary: string[];
}

/** Stripe is asked for the Payment Links only when something needs them, and then once. */
function lazyLinkUrls(): { get(): LinkUrls; asked(): boolean } {
  let urls: LinkUrls | null = null;
  return {
    get: () => (urls ??= readPaymentLinkUrls()),
    asked: () => urls !== null,
  };
}

function summaryOf(
  plain: ReturnType<typeof salesFromTab>[number]['sale'][],
  attributions: Attribution[],
  linkTabs: LinkTab[],
  urls: LinkUrls | null,
): string[] {
  const lines = summarize(plain, attributions).map(summaryLine);
  if (lines.length === 0) lines.push('No sales in the Reconciliation tab yet.');
  const rows = linkTabs.flatMap((tab) => tab.rows);
  for (const shared of sharedReferences(rows)) lines.push(describeSharedReference(shared));
  if (plain.some((sale) => sale.livemode)) {
    for (const row of rows)
      if (isTestModeLink(row.fields.payment_link))
        lines.push(`${rowAddress(row)} has a test-mode link, and this spreadsheet has live sales: real customers cannot pay through it.`);
  }
  if (urls !== null && !urls.ok && plain.some((sale, i) => sale.payment_link !== '' && attributions[i]?.kind === 'unattributed')) {
    lines.push(
      `Sales without a matching reference could not be attributed through their payment link: ${urls.why}. ` +
        'Connect a restricted key with read access to Payment Links (Connect Stripe key…).',
    );
  }
  return lines;
}

/**
 * The URL of each sale's Payment Link goes next to its `plink_` id: the first refresh inserts that
 * column right after payment_link in the ledger (the add-on's own tab), and `values` is shifted to match.
 */
function placeLinkUrlColumn(sheet: Sheet, values: unknown[][]): void {
  const header = values[0] ?? [];
  if (header.some((cell) => headerKey(cell) === headerKey('payment_link_url'))) return;
  const after = header.findIndex((cell) => headerKey(cell) === headerKey('payment_link')) + 1;
  if (after === 0) return;
  sheet.insertColumnAfter(after);
  sheet.getRange(1, after + 1).setValue('payment_link_url');
  values.forEach((row, r) => row.splice(after, 0, r === 0 ? 'payment_link_url' : ''));
}

/** The ledger's campaign columns, by header (the whole tab is the add-on's), added after its last used column when missing. */
function writeSaleCampaigns(ledger: LedgerValues, cells: string[][]): void {
  placeLinkUrlColumn(ledger.sheet, ledger.values);
  writeOwnTabColumns(ledger, SALE_CAMPAIGN_COLUMNS, cells);
}

/** Everything a refresh reads, read and checked under the lock before anything is written. */
export interface RefreshInputs {
  marked: ReturnType<typeof findMarkedTabs>;
  ledger: LedgerValues | null;
  linkTabs: LinkTab[];
  sales: ReturnType<typeof salesFromTab>;
  /** The Money after sale tab: refunds, disputes and invoices, one row per Stripe object. */
  money: LedgerValues | null;
  /** Invoices tied to their payments through Stripe during this refresh (their cells in `money` filled). */
  ties: InvoiceTies;
  /** The campaign stored on each sale's row, null where it has none yet. */
  stored: ReturnType<typeof storedCampaigns>;
  /** Payment Link URLs, from Stripe only when a sale needs one. */
  urls: ReturnType<typeof lazyLinkUrls>;
  /** The Checkouts tab's buckets of expired sessions (issue 16). */
  checkouts: CheckoutInputs;
}

/** Reads the ledger and every links tab; throws UnreadableTabError when one cannot be read safely. */
export function readRefreshInputs(held: ScriptLockHeld, spreadsheet: Spreadsheet): RefreshInputs {
  const marked = findMarkedTabs(spreadsheet);
  const ledger = readWholeLedger(held, spreadsheet, marked);
  const own = ownSheetIds(spreadsheet, marked);
  const urls = lazyLinkUrls();
  const linkTabs = readLinkTabs(spreadsheet, own, findMarkedColumns(spreadsheet), () => {
    const answer = urls.get();
    return answer.ok ? listedKeys(answer.urls.values()) : null;
  });
  const sales = salesFromTab(ledger?.values ?? []);
  const stored = storedCampaigns(
    ledger?.values ?? [],
    sales.map(({ row }) => row),
  );
  keepSpreadsheetTimeZone(spreadsheet.getSpreadsheetTimeZone());
  const money = readMoneyTab(held, spreadsheet, marked);
  // Stripe is asked here, before anything is written; the payments found are written with the rest.
  const ties = tieInvoicesToPayments(money);
  return { marked, ledger, linkTabs, sales, stored, urls, money, ties, checkouts: readCheckouts(held, spreadsheet, marked) };
}

/**
 * Each sale's attribution: `kept`, the campaign stored on its row when it has one (a sale keeps
 * the attribution it got) and today's join for the rest; `today`, today's join for every sale.
 */
export function attributionsOf(inputs: RefreshInputs, which: 'kept' | 'today'): Attribution[] {
  const plain = inputs.sales.map(({ sale }) => sale);
  const rows = inputs.linkTabs.flatMap((tab) => tab.rows);
  return which === 'kept'
    ? keptAttributions(plain, inputs.stored, rows, urlLookup(inputs))
    : attributeSales(plain, rows, urlLookup(inputs));
}

/** Each expired-checkout bucket's attribution, `kept` or `today`, as attributionsOf for sales. */
export function checkoutAttributionsOf(inputs: RefreshInputs, which: 'kept' | 'today'): ExpiredInGroup[] {
  return attributeCheckouts(
    inputs.checkouts,
    inputs.linkTabs.flatMap((linkTab) => linkTab.rows),
    urlLookup(inputs),
    which,
  );
}

function urlLookup(inputs: RefreshInputs): LinkUrlLookup {
  return { get: (id: string) => inputs.urls.get().urls.get(id) };
}

/** Writes what the add-on owns from `attributions`: the ledger's campaign columns, the links tabs' own columns, the Attribution tab. */
export function writeRefresh(
  held: ScriptLockHeld,
  spreadsheet: Spreadsheet,
  inputs: RefreshInputs,
  attributions: Attribution[],
  which: 'kept' | 'today' = 'kept',
): RefreshReport {
  const { marked, ledger, linkTabs, sales } = inputs;
  const expired = checkoutAttributionsOf(inputs, which);
  const linkUrls = inputs.urls.asked() ? inputs.urls.get() : null;
  // Sales Stripe did not confirm keep their campaign but count in no revenue (core/attribution/counted-sales.ts).
  const counted = countedSales(ledger?.values ?? [], sales, attributions);
  const settled = readSettled(held, spreadsheet, marked); // read and checked before anything is written
  if (inputs.money !== null) writeInvoiceTies(inputs.money, inputs.ties);
  const money = moneyAfterSale(counted.sales, inputs.money);

  const notices: string[] = [];
  const tab = openOwnTab(held, spreadsheet, 'attribution', marked, true);
  if (tab === null) throw new Error('The Attribution tab could not be opened');
  if (tab.notice !== null) notices.push(tab.notice);
  if (ledger !== null && ledger.values.length > 1) {
    const cells: string[][] = Array.from({ length: ledger.values.length - 1 }, () => SALE_CAMPAIGN_COLUMNS.map(() => ''));
    sales.forEach(({ sale, row }, i) => {
      cells[row - 2] = saleCampaignCells(attributions[i], linkUrls?.urls.get(sale.payment_link) ?? '');
    });
    writeSaleCampaigns(ledger, cells);
    writeOwnTabColumns(ledger, SESSION_MONEY_COLUMNS, sessionMoneyCells(ledger.values.length - 1, sales, money.bySession));
  }
  if (inputs.money !== null) writeOwnTabColumns(inputs.money, MONEY_PLACEMENT_COLUMNS, money.placements);
  const settledMoney = writeSettled(held, spreadsheet, { marked, ledger, sales, counted, moneyRecords: money.records, settled });
  // Each row's net revenue comes from the same per-sale money as the Attribution tab's, so they add up.
  writeCheckoutCampaigns(inputs.checkouts, expired);
  writeLinkTabColumns(held, linkTabs, totalsByRow(counted.sales, counted.attributions, money.ofSales, expired), notices);
  notices.push(...writeWeeklyTab(held, spreadsheet, { marked, counted, money: money.ofSales, expired, settled: settledMoney }));
  const summary = [
    ...summaryOf(counted.sales, counted.attributions, linkTabs, linkUrls),
    ...money.summary,
    ...untiedLine(inputs.ties.untied),
    ...flaggedLines(counted.flagged),
    ...notices,
  ];
  held.wrote();
  writeAttributionTab(tab.sheet, buildReport(counted.sales, counted.attributions, money.ofSales, expired), summary);
  return { sales: sales.length, attributed: attributions.filter((a) => a.kind === 'attributed').length, summary };
}

function untiedLine(untied: number): string[] {
  if (untied === 0) return [];
  return [
    `${String(untied)} subscription invoice${untied === 1 ? ' is' : 's are'} not tied to ${untied === 1 ? 'its payment' : 'their payments'} yet: ` +
      'their renewals count, but their refunds and disputes wait. Connect a key of their mode with read access to Invoices (Connect Stripe key…); ' +
      'each refresh ties up to 50.',
  ];
}

/** The refresh: every tab read and checked first, then each sale kept or joined, then the writes. */
function refreshLocked(held: ScriptLockHeld, spreadsheet: Spreadsheet): RefreshReport {
  const inputs = readRefreshInputs(held, spreadsheet);
  return writeRefresh(held, spreadsheet, inputs, attributionsOf(inputs, 'kept'));
}

/**
 * Why a refresh or a sync stopped at a tab it cannot read safely, where a person looks: the log,
 * and the Attribution tab's status line (when there is one: nothing else is written).
 */
export function reportStop(spreadsheet: Spreadsheet, what: 'Refresh' | 'Sync' | 'Re-attribution', error: UnreadableTabError): void {
  console.warn(`${what} stopped: ${error.message}`);
  withScriptLockOrFail(LOCK_WAIT_MS, 'Refresh attribution', (held) => {
    const tab = findMarkedTabs(spreadsheet).get('attribution');
    if (tab !== undefined) writeAttributionStatus(held, tab, `${what} stopped: ${error.message}`);
  });
}

/**
 * Attributes every sale and writes the results (the Attribution tab, the ledger's campaign
 * columns, the links tabs' own columns). Throws UnreadableTabError (after saying so in the
 * Attribution tab) when a tab cannot be read safely.
 */
export function attributeSalesAndWrite(): RefreshReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  try {
    return withScriptLockOrFail(LOCK_WAIT_MS, 'Refresh attribution', (held) => refreshLocked(held, spreadsheet));
  } catch (error) {
    if (error instanceof UnreadableTabError) reportStop(spreadsheet, 'Refresh', error);
    throw error;
  }
}

/** The refresh, then a line on how it went: a toast in the spreadsheet, and the execution log (a trigger has no one to see a toast). */
export function refreshAndReport(): RefreshReport | null {
  let report: RefreshReport;
  try {
    report = attributeSalesAndWrite();
  } catch (error) {
    if (!(error instanceof UnreadableTabError)) throw error;
    SpreadsheetApp.getActiveSpreadsheet().toast(error.message, 'Attribution not refreshed', 30);
    return null;
  }
  const headline = `${String(report.attributed)} of ${String(report.sales)} sale${report.sales === 1 ? '' : 's'} attributed. ${report.summary[0] ?? ''}`;
  console.log(`Attribution refreshed: ${headline}`);
  SpreadsheetApp.getActiveSpreadsheet().toast(headline, 'Attribution', 8);
  return report;
}
