/**
 * refreshAttribution: reads Reconciliation and every links tab once, joins each sale to its link
 * row (core/attribution.ts), and writes each of the add-on's tabs once: the Attribution tab, the
 * campaign columns of Reconciliation, and each links tab's own paid_sessions and revenue columns
 * (added after the tab's last column; no cell the tab already held changes). Under the script
 * lock, without any Ui, so a trigger can run it.
 */

import { attributeSales, type Attribution } from '../../core/attribution';
import { buildReport, formatRowRevenue, summarize, summaryLine, totalsByRow } from '../../core/attribution-report';
import { SALE_CAMPAIGN_COLUMNS, saleCampaignCells, salesFromTab } from '../../core/attribution-sheet';
import { consecutiveRuns } from '../../core/runs';
import { headerKey } from '../../core/header-names';
import { describeSharedReference, isTestModeLink, sharedReferences } from '../../core/link-checks';
import { readLinkRows, rowAddress, type LinkRow } from '../../core/link-rows';
import { literalText, textOfCell } from '../../core/literal-text';
import { isLinkHeader } from '../../core/link-columns';
import { isOwnTab, RECONCILIATION_SHEET } from '../../core/own-tabs';
import { appendHeaders } from '../header-row';
import { withScriptLockOrFail, type ScriptLockHeld } from '../script-lock';
import { writeAttributionTab } from './attribution-tab';
import { readPaymentLinkUrls, type LinkUrls } from './payment-links';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const LOCK_WAIT_MS = 30_000;
/** The columns a links tab gets: its rows' own results. */
const ROW_TOTAL_COLUMNS = ['paid_sessions', 'revenue'] as const;

export interface RefreshReport {
  sales: number;
  attributed: number;
  /** One line per currency and mode, then what the user should look at. */
  summary: string[];
}

interface LinkTab {
  sheet: Sheet;
  values: unknown[][];
  rows: LinkRow[];
}

function readTabs(spreadsheet: Spreadsheet): { reconciliation: Sheet | null; values: unknown[][]; linkTabs: LinkTab[] } {
  let reconciliation: Sheet | null = null;
  let values: unknown[][] = [];
  const linkTabs: LinkTab[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (name === RECONCILIATION_SHEET) {
      reconciliation = sheet;
      values = sheet.getDataRange().getValues();
      continue;
    }
    if (isOwnTab(name)) continue;
    // A tab's header is read before the whole tab: a tab of other data may be large.
    const header: unknown[] = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0] ?? [];
    if (!isLinkHeader(header)) continue;
    const all = sheet.getDataRange().getValues();
    const rows = readLinkRows(name, all);
    if (rows.length > 0) linkTabs.push({ sheet, values: all, rows });
  }
  return { reconciliation, values, linkTabs };
}

/** What a cell holds, compared as the refresh would write it. */
function sameCell(current: unknown, next: unknown): boolean {
  return typeof next === 'string' ? textOfCell(current) === next : current === next;
}

/**
 * Writes `cells` (one row of values per data row) into the named columns of a tab, adding the
 * columns it lacks. `values` is the tab as read: only the rows from the first to the last that
 * change are written, so a refresh after a sync rewrites what the sync changed, not every row.
 */
function writeOwnColumns(sheet: Sheet, values: readonly (readonly unknown[])[], names: readonly string[], cells: readonly (readonly unknown[])[]): void {
  if (cells.length === 0) return;
  const header = values[0] ?? [];
  const placed = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = names.find((n) => headerKey(n) === headerKey(cell));
    if (name !== undefined && !placed.has(name)) placed.set(name, i + 1);
  });
  for (const [name, column] of appendHeaders(sheet, header, names.filter((name) => !placed.has(name)))) placed.set(name, column);
  const columns = names.map((name) => placed.get(name) ?? 0);
  const byColumn = [...columns].sort((a, b) => a - b);
  const changed = (r: number): boolean => columns.some((column, i) => !sameCell(values[r + 1]?.[column - 1] ?? '', cells[r]?.[i] ?? ''));
  let first = 0;
  while (first < cells.length && !changed(first)) first++;
  if (first === cells.length) return;
  let last = cells.length - 1;
  while (last > first && !changed(last)) last--;
  const span = cells.slice(first, last + 1);
  for (const { start, end } of consecutiveRuns(byColumn)) {
    const indexes = Array.from({ length: end - start + 1 }, (_, k) => columns.indexOf(start + k));
    const target = sheet.getRange(2 + first, start, span.length, end - start + 1);
    const formats = target.getNumberFormats();
    target.setValues(span.map((row, r) => indexes.map((i, k) => {
      const value = row[i];
      return typeof value === 'string' ? literalText(value, formats[r]?.[k]) : value;
    })));
  }
}

/**
 * The URL of each sale's Payment Link goes next to its `plink_` id: the first refresh inserts that
 * column right after payment_link (columns are found by header, so nothing else minds), and
 * `values`, the tab as read, is shifted to match.
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

function summaryOf(sales: ReturnType<typeof salesFromTab>, attributions: Attribution[], linkTabs: LinkTab[], urls: LinkUrls): string[] {
  const plain = sales.map(({ sale }) => sale);
  const lines = summarize(plain, attributions).map(summaryLine);
  if (lines.length === 0) lines.push('No sales in the Reconciliation tab yet.');
  const rows = linkTabs.flatMap((tab) => tab.rows);
  for (const shared of sharedReferences(rows)) lines.push(describeSharedReference(shared));
  if (plain.some((sale) => sale.livemode)) {
    for (const row of rows) if (isTestModeLink(row.fields.payment_link)) lines.push(`${rowAddress(row)} has a test-mode link, and this spreadsheet has live sales: real customers cannot pay through it.`);
  }
  if (!urls.ok && plain.some((sale, i) => sale.payment_link !== '' && attributions[i]?.kind === 'unattributed')) {
    lines.push(`Sales without a matching reference could not be attributed through their payment link: ${urls.why}. ` +
      'Connect a restricted key with read access to Payment Links (Connect Stripe key…).');
  }
  return lines;
}

function refreshLocked(held: ScriptLockHeld, spreadsheet: Spreadsheet): RefreshReport {
  const { reconciliation, values, linkTabs } = readTabs(spreadsheet);
  const sales = salesFromTab(values);
  const rows = linkTabs.flatMap((tab) => tab.rows);
  // Stripe is asked for the Payment Links only when a sale needs one, and then once.
  let urls: LinkUrls = { ok: true, urls: new Map() };
  let asked = false;
  const lookup = {
    get: (id: string): string | undefined => {
      if (!asked) {
        asked = true;
        urls = readPaymentLinkUrls();
      }
      return urls.urls.get(id);
    },
  };
  const plain = sales.map(({ sale }) => sale);
  const attributions = attributeSales(plain, rows, lookup);

  const summary = summaryOf(sales, attributions, linkTabs, urls);
  writeAttributionTab(held, spreadsheet, buildReport(plain, attributions), summary);
  held.wrote();
  if (reconciliation !== null && values.length > 1) {
    placeLinkUrlColumn(reconciliation, values);
    const cells: string[][] = Array.from({ length: values.length - 1 }, () => SALE_CAMPAIGN_COLUMNS.map(() => ''));
    sales.forEach(({ sale, row }, i) => {
      cells[row - 2] = saleCampaignCells(attributions[i], urls.urls.get(sale.payment_link) ?? '');
    });
    writeOwnColumns(reconciliation, values, SALE_CAMPAIGN_COLUMNS, cells);
  }
  const totals = totalsByRow(plain, attributions);
  for (const tab of linkTabs) {
    const cells: Array<[number | string, string]> = Array.from({ length: tab.values.length - 1 }, () => ['', '']);
    for (const row of tab.rows) {
      const own = totals.get(row);
      cells[row.row - 2] = [own?.paid_sessions ?? 0, formatRowRevenue(own)];
    }
    writeOwnColumns(tab.sheet, tab.values, ROW_TOTAL_COLUMNS, cells);
  }
  return { sales: sales.length, attributed: attributions.filter((a) => a.kind === 'attributed').length, summary };
}

export function refreshAttribution(): RefreshReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withScriptLockOrFail(LOCK_WAIT_MS, 'Refresh attribution', (held) => refreshLocked(held, spreadsheet));
}

/** The refresh, then a line on how it went: a toast in the spreadsheet, and the execution log (a trigger has no one to see a toast). */
export function refreshAndReport(): RefreshReport {
  const report = refreshAttribution();
  const headline = `${String(report.attributed)} of ${String(report.sales)} sales attributed. ${report.summary[0] ?? ''}`;
  console.log(`Attribution refreshed: ${headline}`);
  SpreadsheetApp.getActiveSpreadsheet().toast(headline, 'Attribution', 8);
  return report;
}
