/**
 * Which charts the Attribution tab draws, and what each says: net revenue per campaign, one bar
 * chart per currency and mode that has sales (amounts in different currencies or modes are never
 * added, so they never share an axis), and per currency and mode the totals the chart adds up to
 * (first payments, renewals, refunded, disputed, net). Sums stay in minor units, so a chart's bars
 * add up exactly to its totals and its totals to the table's rows.
 */

import { formatAmount, UNATTRIBUTED_CAMPAIGN, type ReportRow } from './attribution-report';

/** How the add-on knows its charts again: the title `Net revenue per campaign (USD, test mode)`. */
export const CHART_TITLE = 'Net revenue per campaign';
/** An earlier version's one chart (`Revenue per campaign (USD, test mode)`, gross first payments): ours too, replaced. */
const EARLIER_CHART_TITLE = 'Revenue per campaign';

/** One currency and mode's totals over the table's rows, in minor units. */
export interface ModeTotals {
  currency: string;
  livemode: boolean;
  paid_sessions: number;
  /** First payments: the table's `revenue`. */
  revenue_minor: number;
  renewal_revenue_minor: number;
  refunded_minor: number;
  disputed_minor: number;
  net_minor: number;
}

/** One bar: a campaign's net revenue in the chart's currency and mode (summed over its sources and media). */
export interface CampaignBar {
  campaign: string;
  net_minor: number;
}

export interface RevenueChart {
  /** `USD, test mode`: the currency and mode the chart shows. */
  label: string;
  /** `Net revenue per campaign (USD, test mode)`: also how the chart is found again. */
  title: string;
  /** Under the bars: what the net is made of, `Net 294.00 USD = 392.00 paid − 49.00 refunded − 49.00 disputed`. */
  caption: string;
  totals: ModeTotals;
  /** Largest net first, the unattributed last. */
  bars: CampaignBar[];
}

/** `USD, live`, `EUR, test mode`: as the summary names a currency and mode. */
export function modeLabel(currency: string, livemode: boolean): string {
  return `${currency.toUpperCase() || 'no currency'}, ${livemode ? 'live' : 'test mode'}`;
}

/** Whether a chart on the tab is one of the add-on's (this version's or an earlier one's), by its title. */
export function isOwnChartTitle(title: unknown): boolean {
  if (typeof title !== 'string') return false;
  return [CHART_TITLE, EARLIER_CHART_TITLE].some((start) => title.startsWith(`${start} (`) && title.endsWith(')'));
}

/** A row that had a sale: a paid session, or money that moved after one. */
function hasSales(row: ReportRow): boolean {
  return (
    row.paid_sessions > 0 || row.net_minor !== 0 || row.renewal_revenue_minor !== 0 || row.refunded_minor !== 0 || row.disputed_minor !== 0
  );
}

function emptyTotals(currency: string, livemode: boolean): ModeTotals {
  return {
    currency,
    livemode,
    paid_sessions: 0,
    revenue_minor: 0,
    renewal_revenue_minor: 0,
    refunded_minor: 0,
    disputed_minor: 0,
    net_minor: 0,
  };
}

/** `392.00` (the currency's decimals, grouped, no code). */
function amountText(minor: number, currency: string): string {
  return formatAmount(minor, currency).replace(/ \S*$/, '');
}

/** `Net 177.00 EUR = 205.00 paid + 30.00 renewals − 58.00 refunded`: the terms that are not zero. */
export function totalsCaption(totals: ModeTotals): string {
  const { currency } = totals;
  const terms = [
    `${amountText(totals.revenue_minor, currency)} paid`,
    ...(totals.renewal_revenue_minor === 0 ? [] : [`+ ${amountText(totals.renewal_revenue_minor, currency)} renewals`]),
    ...(totals.refunded_minor === 0 ? [] : [`− ${amountText(totals.refunded_minor, currency)} refunded`]),
    ...(totals.disputed_minor === 0 ? [] : [`− ${amountText(totals.disputed_minor, currency)} disputed`]),
  ];
  return `Net ${formatAmount(totals.net_minor, currency)} = ${terms.join(' ')}`;
}

const modeKey = (currency: string, livemode: boolean): string => `${currency}\u0000${livemode ? 'live' : 'test'}`;

/**
 * One chart per currency and mode that has sales: live before test, then the largest first payments
 * first (the table's order), then by currency code. A campaign gets a bar where it has sales.
 */
export function revenueCharts(report: readonly ReportRow[]): RevenueChart[] {
  const modes = new Map<string, { totals: ModeTotals; bars: Map<string, number> }>();
  for (const row of report) {
    const key = modeKey(row.currency, row.livemode);
    let mode = modes.get(key);
    if (mode === undefined) {
      mode = { totals: emptyTotals(row.currency, row.livemode), bars: new Map() };
      modes.set(key, mode);
    }
    const { totals } = mode;
    totals.paid_sessions += row.paid_sessions;
    totals.revenue_minor += row.revenue_minor;
    totals.renewal_revenue_minor += row.renewal_revenue_minor;
    totals.refunded_minor += row.refunded_minor;
    totals.disputed_minor += row.disputed_minor;
    totals.net_minor += row.net_minor;
    if (hasSales(row)) mode.bars.set(row.utm_campaign, (mode.bars.get(row.utm_campaign) ?? 0) + row.net_minor);
  }
  return [...modes.values()]
    .filter((mode) => mode.bars.size > 0)
    .sort(
      (a, b) =>
        Number(b.totals.livemode) - Number(a.totals.livemode) ||
        b.totals.revenue_minor - a.totals.revenue_minor ||
        a.totals.currency.localeCompare(b.totals.currency),
    )
    .map(({ totals, bars }) => {
      const label = modeLabel(totals.currency, totals.livemode);
      return {
        label,
        title: `${CHART_TITLE} (${label})`,
        caption: totalsCaption(totals),
        totals,
        bars: [...bars.entries()]
          .map(([campaign, net_minor]) => ({ campaign, net_minor }))
          .sort(
            (a, b) =>
              Number(a.campaign === UNATTRIBUTED_CAMPAIGN) - Number(b.campaign === UNATTRIBUTED_CAMPAIGN) ||
              b.net_minor - a.net_minor ||
              a.campaign.localeCompare(b.campaign),
          ),
      };
    });
}
