/**
 * Revenue per campaign from attributed sales: one row per (campaign, source, medium, currency,
 * mode), amounts summed in Stripe's integer minor units so that, per currency and mode, the rows
 * add up exactly to the paid amounts of the Reconciliation tab. Currencies and test and live mode
 * are never added together.
 */

import type { Attribution, Sale, UnattributedReason } from './attribution';
import { minorUnitExponent, toMajorUnits } from '../stripe/currency';
import type { LinkRow } from '../link-tabs/link-rows';
import type { SessionMoney } from '../ledger/session-money';

export const UNATTRIBUTED_CAMPAIGN = '(unattributed)';

export interface ReportRow {
  utm_campaign: string;
  utm_source: string;
  utm_medium: string;
  currency: string;
  livemode: boolean;
  /** Every session of the group, whatever its status. */
  sessions: number;
  /** Checkouts opened: `sessions` and the group's sessions that expired unpaid (the Checkouts tab). */
  checkouts: number;
  paid_sessions: number;
  /** The paid sessions' amounts, in minor units. */
  revenue_minor: number;
  /** Money after the sale (core/ledger/session-money.ts), summed over the group's sessions, minor units. */
  refunded_minor: number;
  disputed_minor: number;
  renewal_revenue_minor: number;
  net_minor: number;
  /** Delayed payments (SEPA, ACH, vouchers) still waiting: Stripe's `unpaid`. */
  pending_sessions: number;
  failed_sessions: number;
  /** Unix seconds of the first and last paid session, null when none is paid. */
  first_sale: number | null;
  last_sale: number | null;
}

const isPaid = (sale: Sale): boolean => sale.payment_status === 'paid';

function modeKey(currency: string, livemode: boolean): string {
  return `${currency}\u0000${livemode ? 'live' : 'test'}`;
}

/** No money after the sale: what a sale counts before any refund, dispute or renewal is known. */
export function moneyOfSale(sale: Sale): SessionMoney {
  return { refunded: 0, disputed: 0, renewals: 0, renewal_revenue: 0, net: isPaid(sale) ? (sale.amount_minor ?? 0) : 0 };
}

/** Checkouts that expired unpaid, counted in a group: a bucket of the Checkouts tab and its attribution. */
export interface ExpiredInGroup {
  attribution: Attribution | undefined;
  currency: string;
  livemode: boolean;
  checkouts: number;
  /** The bucket's day, `yyyy-mm-dd` in the spreadsheet's time zone: the week it counts in (weekly.ts). */
  day: string;
}

/** The group of a campaign (or the unattributed), currency and mode, made empty the first time. */
function groupFor(groups: Map<string, ReportRow>, attribution: Attribution | undefined, currency: string, livemode: boolean): ReportRow {
  const attributed = attribution?.kind === 'attributed' ? attribution.campaign : null;
  const campaign = attributed ? attributed.utm_campaign : UNATTRIBUTED_CAMPAIGN;
  const source = attributed ? attributed.utm_source : '';
  const medium = attributed ? attributed.utm_medium : '';
  // The key as groupKey makes it, without an object per sale: a refresh groups every sale.
  const id = `${campaign}\u0000${source}\u0000${medium}\u0000${currency}\u0000${livemode ? 'live' : 'test'}`;
  let group = groups.get(id);
  if (group === undefined) {
    group = {
      utm_campaign: campaign,
      utm_source: source,
      utm_medium: medium,
      currency,
      livemode,
      sessions: 0,
      checkouts: 0,
      paid_sessions: 0,
      revenue_minor: 0,
      refunded_minor: 0,
      disputed_minor: 0,
      renewal_revenue_minor: 0,
      net_minor: 0,
      pending_sessions: 0,
      failed_sessions: 0,
      first_sale: null,
      last_sale: null,
    };
    groups.set(id, group);
  }
  return group;
}

/** Paid sessions over checkouts opened, 0 to 1; null for a group with no checkout. */
export function conversionOf(row: Pick<ReportRow, 'paid_sessions' | 'checkouts'>): number | null {
  return row.checkouts === 0 ? null : row.paid_sessions / row.checkouts;
}

/**
 * The report's rows: live before test, the biggest currency first, then by revenue; the
 * unattributed last in each. `money[i]` is sale i's money after the sale.
 */
export function buildReport(
  sales: readonly Sale[],
  attributions: readonly Attribution[],
  money: readonly SessionMoney[] = sales.map(moneyOfSale),
  expired: readonly ExpiredInGroup[] = [],
): ReportRow[] {
  const groups = new Map<string, ReportRow>();
  sales.forEach((sale, i) => {
    const group = groupFor(groups, attributions[i], sale.currency, sale.livemode);
    group.sessions++;
    group.checkouts++;
    const after = money[i] ?? moneyOfSale(sale);
    group.refunded_minor += after.refunded;
    group.disputed_minor += after.disputed;
    group.renewal_revenue_minor += after.renewal_revenue;
    group.net_minor += after.net;
    if (sale.payment_status === 'unpaid') group.pending_sessions++;
    if (sale.payment_status === 'failed') group.failed_sessions++;
    if (!isPaid(sale)) return;
    group.paid_sessions++;
    group.revenue_minor += sale.amount_minor ?? 0;
    if (sale.created !== null) {
      group.first_sale = group.first_sale === null ? sale.created : Math.min(group.first_sale, sale.created);
      group.last_sale = group.last_sale === null ? sale.created : Math.max(group.last_sale, sale.created);
    }
  });
  // A campaign whose checkouts all expired still has a row: none of its visitors paid.
  for (const { attribution, currency, livemode, checkouts } of expired)
    groupFor(groups, attribution, currency, livemode).checkouts += checkouts;
  return sortReport([...groups.values()]);
}

/** The report's order: live before test, the biggest currency first, then by revenue; the unattributed last in each. */
export function sortReport<
  Row extends Pick<ReportRow, 'utm_campaign' | 'utm_source' | 'utm_medium' | 'currency' | 'livemode' | 'revenue_minor'>,
>(rows: Row[]): Row[] {
  const totals = new Map<string, number>();
  for (const row of rows)
    totals.set(modeKey(row.currency, row.livemode), (totals.get(modeKey(row.currency, row.livemode)) ?? 0) + row.revenue_minor);
  const total = (row: Row) => totals.get(modeKey(row.currency, row.livemode)) ?? 0;
  return rows.sort(
    (a, b) =>
      Number(b.livemode) - Number(a.livemode) ||
      total(b) - total(a) ||
      a.currency.localeCompare(b.currency) ||
      Number(a.utm_campaign === UNATTRIBUTED_CAMPAIGN) - Number(b.utm_campaign === UNATTRIBUTED_CAMPAIGN) ||
      b.revenue_minor - a.revenue_minor ||
      a.utm_campaign.localeCompare(b.utm_campaign) ||
      a.utm_source.localeCompare(b.utm_source) ||
      a.utm_medium.localeCompare(b.utm_medium),
  );
}

/** The revenue in major units, as the sheet shows it. */
export function revenueOf(row: Pick<ReportRow, 'revenue_minor' | 'currency'>): number {
  return toMajorUnits(row.revenue_minor, row.currency);
}

/** The money after the sale in major units, in the Attribution tab's order: refunded, disputed, renewal_revenue, net_revenue. */
export function moneyCells(
  row: Pick<ReportRow, 'refunded_minor' | 'disputed_minor' | 'renewal_revenue_minor' | 'net_minor' | 'currency'>,
): number[] {
  return [row.refunded_minor, row.disputed_minor, row.renewal_revenue_minor, row.net_minor].map((minor) =>
    toMajorUnits(minor, row.currency),
  );
}

/** The average paid order in major units, rounded to the currency's decimals; null without a paid session. */
export function averageOrderOf(row: Pick<ReportRow, 'revenue_minor' | 'currency' | 'paid_sessions'>): number | null {
  return row.paid_sessions === 0 ? null : toMajorUnits(Math.round(row.revenue_minor / row.paid_sessions), row.currency);
}

/** `1,234.50 USD`, `5,000 JPY`, `12.345 KWD`. */
export function formatAmount(minor: number, currency: string): string {
  const fixed = toMajorUnits(minor, currency).toFixed(minorUnitExponent(currency));
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fraction === undefined ? grouped : `${grouped}.${fraction}`} ${currency.toUpperCase()}`;
}

/** Per currency and mode: what was paid, and how much of it (and of the sessions) each reason left unattributed. */
export interface ModeSummary {
  currency: string;
  livemode: boolean;
  paid_minor: number;
  attributed_minor: number;
  unattributed: Partial<Record<UnattributedReason, { sessions: number; revenue_minor: number }>>;
}

export function summarize(sales: readonly Sale[], attributions: readonly Attribution[]): ModeSummary[] {
  const modes = new Map<string, ModeSummary>();
  sales.forEach((sale, i) => {
    const key = modeKey(sale.currency, sale.livemode);
    let mode = modes.get(key);
    if (mode === undefined) {
      mode = { currency: sale.currency, livemode: sale.livemode, paid_minor: 0, attributed_minor: 0, unattributed: {} };
      modes.set(key, mode);
    }
    const amount = isPaid(sale) ? (sale.amount_minor ?? 0) : 0;
    mode.paid_minor += amount;
    const attribution = attributions[i];
    if (attribution?.kind === 'attributed') {
      mode.attributed_minor += amount;
      return;
    }
    const reason = attribution?.reason ?? 'no_reference';
    const entry = (mode.unattributed[reason] ??= { sessions: 0, revenue_minor: 0 });
    entry.sessions++;
    entry.revenue_minor += amount;
  });
  return [...modes.values()].sort(
    (a, b) => Number(b.livemode) - Number(a.livemode) || b.paid_minor - a.paid_minor || a.currency.localeCompare(b.currency),
  );
}

const REASONS: Record<UnattributedReason, string> = {
  no_reference: 'without a client_reference_id',
  unknown_reference: 'with a reference no link row has',
  shared_reference: 'with a reference shared by rows with different UTM values',
  shared_link: 'through a payment link several rows use',
};

/** One line per currency and mode: `USD, live: 1,234.50 USD of 1,500.00 USD attributed (82%); not attributed: ...`. */
export function summaryLine(mode: ModeSummary): string {
  const share = mode.paid_minor === 0 ? '' : ` (${String(Math.floor((mode.attributed_minor / mode.paid_minor) * 100))}%)`;
  const head =
    `${mode.currency.toUpperCase() || 'no currency'}, ${mode.livemode ? 'live' : 'test mode'}: ` +
    `${formatAmount(mode.attributed_minor, mode.currency)} of ${formatAmount(mode.paid_minor, mode.currency)} attributed${share}`;
  const rest = (Object.keys(REASONS) as UnattributedReason[])
    .filter((reason) => mode.unattributed[reason] !== undefined)
    .map((reason) => {
      const entry = mode.unattributed[reason] ?? { sessions: 0, revenue_minor: 0 };
      return `${String(entry.sessions)} session${entry.sessions === 1 ? '' : 's'} ${REASONS[reason]} (${formatAmount(entry.revenue_minor, mode.currency)} paid)`;
    });
  return rest.length === 0 ? `${head}.` : `${head}; not attributed: ${rest.join(', ')}.`;
}

/** Money of one currency and mode, in minor units. */
export interface ModeAmount {
  currency: string;
  livemode: boolean;
  minor: number;
}

/** What each link row earned: its paid sessions, and per currency and mode its revenue (first payments) and net revenue. */
export interface RowTotals {
  paid_sessions: number;
  /** Checkouts opened through the row: its sessions, paid or not, and its expired ones. */
  checkouts: number;
  revenue: Map<string, ModeAmount>;
  /** The Attribution tab's net_revenue of the row's sales (`money`), so a row's net adds up to its campaign's. */
  net: Map<string, ModeAmount>;
}

function addAmount(amounts: Map<string, ModeAmount>, sale: Sale, minor: number): void {
  const key = modeKey(sale.currency, sale.livemode);
  const entry = amounts.get(key) ?? { currency: sale.currency, livemode: sale.livemode, minor: 0 };
  entry.minor += minor;
  amounts.set(key, entry);
}

/**
 * Each link row's totals over the sales that count on it (`attribution.row`: a kept sale counts
 * only on the row that still carries it). `money[i]` is sale i's money after the sale, as buildReport takes it.
 */
export function totalsByRow(
  sales: readonly Sale[],
  attributions: readonly Attribution[],
  money: readonly SessionMoney[] = sales.map(moneyOfSale),
  expired: readonly ExpiredInGroup[] = [],
): Map<LinkRow, RowTotals> {
  const totals = new Map<LinkRow, RowTotals>();
  const rowOf = (attribution: Attribution | undefined): RowTotals | null => {
    // A kept sale no link row carries any more counts in the Attribution tab only.
    if (attribution?.kind !== 'attributed' || attribution.row === null) return null;
    let row = totals.get(attribution.row);
    if (row === undefined) {
      row = { paid_sessions: 0, checkouts: 0, revenue: new Map(), net: new Map() };
      totals.set(attribution.row, row);
    }
    return row;
  };
  for (const bucket of expired) {
    const row = rowOf(bucket.attribution);
    if (row !== null) row.checkouts += bucket.checkouts;
  }
  sales.forEach((sale, i) => {
    const row = rowOf(attributions[i]);
    if (row === null) return;
    row.checkouts++;
    const net = (money[i] ?? moneyOfSale(sale)).net;
    // An unpaid sale adds no money, unless money moved after it (the Attribution tab's net counts every session).
    if (!isPaid(sale) && net === 0) return;
    addAmount(row.net, sale, net);
    if (!isPaid(sale)) return;
    row.paid_sessions++;
    addAmount(row.revenue, sale, sale.amount_minor ?? 0);
  });
  return totals;
}

/** A row's revenue as one cell: `39.98 USD; 5,000 JPY; 10.00 USD (test)`, never a sum across currencies. */
export function formatRowRevenue(totals: RowTotals | undefined): string {
  if (totals === undefined) return '';
  return [...totals.revenue.values()]
    .sort((a, b) => Number(b.livemode) - Number(a.livemode) || a.currency.localeCompare(b.currency))
    .map((entry) => `${formatAmount(entry.minor, entry.currency)}${entry.livemode ? '' : ' (test)'}`)
    .join('; ');
}
