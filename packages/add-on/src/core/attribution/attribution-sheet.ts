/**
 * The tabs attribution reads and writes, as grids: sales read from the Reconciliation tab by
 * header, the Attribution tab laid out from the report, the campaign columns Reconciliation gets.
 * Pure, so the Apps Script side only moves these grids in and out of the spreadsheet.
 */

import type { Attribution, Sale } from './attribution';
import { averageOrderOf, conversionOf, moneyCells, revenueOf, type ReportRow } from './attribution-report';
import { minorUnitExponent } from '../stripe/currency';
import { textOfCell } from '../helpers/literal-text';
import { locateColumns, unixSecondsOf } from '../ledger/reconciliation-columns';
import { UTM_PARAMETERS, type UtmParameter } from '../links/stripe-rules';

/**
 * The Attribution tab's columns, the contract's seven first; net_revenue right after revenue, so the
 * number a marketer acts on shows in a 1,400 px window (issue 17: it sat in column M, just past it).
 */
export const ATTRIBUTION_COLUMNS = [
  'utm_campaign',
  'utm_source',
  'utm_medium',
  'currency',
  'livemode',
  'paid_sessions',
  'checkouts',
  'conversion_rate',
  'revenue',
  'net_revenue',
  'refunded',
  'disputed',
  'renewal_revenue',
  'pending_sessions',
  'failed_sessions',
  'sessions',
  'average_order',
  'first_sale',
  'last_sale',
] as const;

/** The columns attribution adds to Reconciliation: the campaign of each sale, and its link's URL. */
export const SALE_CAMPAIGN_COLUMNS: readonly [...UtmParameter[], 'payment_link_url'] = [...UTM_PARAMETERS, 'payment_link_url'];

function readAmountMinor(minor: unknown, major: unknown, currency: string): number | null {
  const exact = typeof minor === 'number' ? minor : Number(textOfCell(minor) || Number.NaN);
  if (Number.isInteger(exact)) return exact;
  const amount = typeof major === 'number' ? major : Number(textOfCell(major) || Number.NaN);
  return isFinite(amount) ? Math.round(amount * Math.pow(10, minorUnitExponent(currency))) : null;
}

function readBoolean(value: unknown): boolean {
  return value === true || textOfCell(value).toUpperCase() === 'TRUE';
}

/** The sales of a Reconciliation tab (header in row 1), each with its 1-based row; rows without a session id are skipped. */
export function salesFromTab(values: readonly (readonly unknown[])[]): Array<{ sale: Sale; row: number }> {
  const { columns } = locateColumns(values[0] ?? []);
  const at = (cells: readonly unknown[], name: keyof typeof columns): unknown => {
    const column = columns[name];
    return column === undefined ? undefined : cells[column - 1];
  };
  const sales: Array<{ sale: Sale; row: number }> = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    const session_id = textOfCell(at(cells, 'session_id')).trim();
    if (session_id === '') continue;
    const currency = textOfCell(at(cells, 'currency')).toLowerCase();
    const created = unixSecondsOf(at(cells, 'created'));
    sales.push({
      row: r + 1,
      sale: {
        session_id,
        client_reference_id: textOfCell(at(cells, 'client_reference_id')),
        payment_status: textOfCell(at(cells, 'payment_status')),
        amount_minor: readAmountMinor(at(cells, 'amount_minor'), at(cells, 'amount'), currency),
        currency,
        livemode: readBoolean(at(cells, 'livemode')),
        payment_link: textOfCell(at(cells, 'payment_link')),
        created: created === 0 ? null : created,
        payment_intent: textOfCell(at(cells, 'payment_intent')).trim(),
        subscription: textOfCell(at(cells, 'subscription')).trim(),
      },
    });
  }
  return sales;
}

/** A cell value: text, a number, a boolean, or a time as a Date. */
export type ReportCell = string | number | boolean | Date;

const dateOf = (seconds: number | null): ReportCell => (seconds === null ? '' : new Date(seconds * 1000));

/** moneyCells' refunded, disputed, renewal_revenue, net_revenue as the tab shows them: net_revenue first. */
function netFirst([refunded = 0, disputed = 0, renewals = 0, net = 0]: readonly number[]): number[] {
  return [net, refunded, disputed, renewals];
}

/** The report's rows as the tab's cells, in ATTRIBUTION_COLUMNS order. */
export function reportCells(report: readonly ReportRow[]): ReportCell[][] {
  return report.map((row) => [
    row.utm_campaign,
    row.utm_source,
    row.utm_medium,
    row.currency,
    row.livemode,
    row.paid_sessions,
    row.checkouts,
    conversionOf(row) ?? '',
    revenueOf(row),
    ...netFirst(moneyCells(row)),
    row.pending_sessions,
    row.failed_sessions,
    row.sessions,
    averageOrderOf(row) ?? '',
    dateOf(row.first_sale),
    dateOf(row.last_sale),
  ]);
}

/** Each sale's campaign columns (SALE_CAMPAIGN_COLUMNS order): the UTM values it is credited to, '' when unattributed. */
export function saleCampaignCells(attribution: Attribution | undefined, paymentLinkUrl: string): string[] {
  const campaign = attribution?.kind === 'attributed' ? attribution.campaign : null;
  return [...UTM_PARAMETERS.map((parameter) => (campaign ? campaign[parameter] : '')), paymentLinkUrl];
}
