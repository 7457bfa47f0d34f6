/**
 * The chart of the Attribution (settled) tab: net settled per campaign in the account's currency,
 * every campaign in one chart (a chart per settlement currency and mode, which is one for most
 * accounts), with what it is made of under it. Found again by its title.
 */

import { UNATTRIBUTED_CAMPAIGN, formatAmount } from './attribution-report';
import { modeLabel } from './revenue-charts';
import type { SettledRow } from './settled-report';
import { toMajorUnits } from '../stripe/currency';

export const SETTLED_CHART_TITLE = 'Net settled per campaign';

export interface SettledChart {
  /** `Net settled per campaign (USD, test mode)`: also how the chart is found again. */
  title: string;
  /** `Net 233.37 USD = 293.60 gross − 60.23 fees, refunds and disputes`. */
  caption: string;
  /** [campaign, net settled in major units], largest first, the unattributed last. */
  bars: Array<[string, number]>;
}

export function isSettledChartTitle(title: unknown): boolean {
  return typeof title === 'string' && title.startsWith(`${SETTLED_CHART_TITLE} (`) && title.endsWith(')');
}

/** One chart per settlement currency and mode that has settled sales, in the table's order. */
export function settledCharts(rows: readonly SettledRow[]): SettledChart[] {
  const modes = new Map<string, { currency: string; livemode: boolean; gross: number; net: number; bars: Map<string, number> }>();
  for (const row of rows) {
    if (row.paid_sessions === 0 && row.net_minor === 0) continue;
    const key = `${row.settlement_currency}\u0000${String(row.livemode)}`;
    let mode = modes.get(key);
    if (mode === undefined) {
      mode = { currency: row.settlement_currency, livemode: row.livemode, gross: 0, net: 0, bars: new Map() };
      modes.set(key, mode);
    }
    mode.gross += row.gross_minor;
    mode.net += row.net_minor;
    mode.bars.set(row.utm_campaign, (mode.bars.get(row.utm_campaign) ?? 0) + row.net_minor);
  }
  return [...modes.values()].map((mode) => ({
    title: `${SETTLED_CHART_TITLE} (${modeLabel(mode.currency, mode.livemode)})`,
    caption: `Net ${formatAmount(mode.net, mode.currency)} = ${formatAmount(mode.gross, mode.currency)} gross − ${formatAmount(mode.gross - mode.net, mode.currency)} fees, refunds and disputes`,
    bars: [...mode.bars.entries()]
      .sort(
        (a, b) =>
          Number(a[0] === UNATTRIBUTED_CAMPAIGN) - Number(b[0] === UNATTRIBUTED_CAMPAIGN) || b[1] - a[1] || a[0].localeCompare(b[0]),
      )
      .map(([campaign, minor]): [string, number] => [campaign, toMajorUnits(minor, mode.currency)]),
  }));
}
