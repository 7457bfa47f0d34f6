/**
 * What the refresh makes of the Money after sale tab: each counted sale's refunds, disputes and
 * renewals (core/ledger/session-money.ts), the cells it writes back (Reconciliation's money
 * columns, the tab's own session_id and counted), and the summary's lines about them.
 */

import { moneyRecordsFromTab } from '../ledger/money-columns';
import type { MoneyRecord } from '../ledger/money';
import { sessionMoney, type SessionMoney, type SessionMoneyInput } from '../ledger/session-money';
import { toMajorUnits } from '../stripe/currency';
import type { Sale } from './attribution';
import { formatAmount } from './attribution-report';

/** The Money after sale columns the refresh fills, in the declaration's order. */
export const MONEY_PLACEMENT_COLUMNS = ['session_id', 'counted'] as const;

export interface MoneyAfterSale {
  bySession: ReadonlyMap<string, SessionMoney>;
  /** Each counted sale's money, at the sale's index. */
  ofSales: SessionMoney[];
  /** [session_id, counted] per data row of the Money after sale tab. */
  placements: string[][];
  /** The tab's records, read once: the settled money places renewals' payments with them too. */
  records: MoneyRecord[];
  summary: string[];
}

/** A sale as money after it (and the money Stripe kept) finds it: by session, payment and subscription. */
export function saleSession(sale: Sale): SessionMoneyInput {
  return {
    session_id: sale.session_id,
    paid: sale.payment_status === 'paid',
    amount_minor: sale.amount_minor ?? 0,
    currency: sale.currency,
    livemode: sale.livemode,
    payment_intent: sale.payment_intent,
    subscription: sale.subscription,
  };
}

/** [session_id, counted] per data row of a record tab (`dataRows` rows under its header), from the placements of the records read. */
export function placementCells(
  dataRows: number,
  read: ReadonlyArray<{ row: number }>,
  placements: ReadonlyArray<{ session_id: string; counted: string }>,
): string[][] {
  const cells: string[][] = Array.from({ length: Math.max(dataRows, 0) }, () => ['', '']);
  read.forEach(({ row }, i) => {
    const placement = placements[i];
    if (placement !== undefined) cells[row - 2] = [placement.session_id, placement.counted];
  });
  return cells;
}

/** `sales` are the sales that count (flagged ones left out); `tab` the Money after sale tab as read, header first. */
export function moneyAfterSale(sales: readonly Sale[], tab: { values: readonly (readonly unknown[])[] } | null): MoneyAfterSale {
  const values = tab?.values ?? [];
  const read = moneyRecordsFromTab(values);
  const records = read.map(({ record }) => record);
  const { bySession, placements } = sessionMoney(sales.map(saleSession), records);
  const waiting = placements.filter((p) => p.counted.startsWith('waiting')).length;
  const refused = placements.filter((p) => p.counted.startsWith('not counted')).length;
  const summary = totalsLines(sales, bySession);
  if (waiting > 0)
    summary.push(
      `${String(waiting)} refund${waiting === 1 ? '' : 's'}, dispute${waiting === 1 ? '' : 's'} or invoice${waiting === 1 ? '' : 's'} in Money after sale ` +
        'wait for a session not logged yet (or were not made by a payment link sale); they count as soon as the session is logged.',
    );
  if (refused > 0)
    summary.push(`${String(refused)} row${refused === 1 ? '' : 's'} of Money after sale count for nothing: its counted column says why.`);
  return {
    bySession,
    ofSales: sales.map((sale) => bySession.get(sale.session_id) ?? { refunded: 0, disputed: 0, renewals: 0, renewal_revenue: 0, net: 0 }),
    placements: placementCells(values.length - 1, read, placements),
    records,
    summary,
  };
}

/** Per currency and mode that has money after the sale: net against gross. */
function totalsLines(sales: readonly Sale[], bySession: ReadonlyMap<string, SessionMoney>): string[] {
  const modes = new Map<
    string,
    { currency: string; livemode: boolean; gross: number; refunded: number; disputed: number; renewals: number; net: number }
  >();
  for (const sale of sales) {
    const money = bySession.get(sale.session_id);
    if (money === undefined) continue;
    const key = `${sale.currency}\u0000${String(sale.livemode)}`;
    const mode = modes.get(key) ?? {
      currency: sale.currency,
      livemode: sale.livemode,
      gross: 0,
      refunded: 0,
      disputed: 0,
      renewals: 0,
      net: 0,
    };
    mode.gross += sale.payment_status === 'paid' ? (sale.amount_minor ?? 0) : 0;
    mode.refunded += money.refunded;
    mode.disputed += money.disputed;
    mode.renewals += money.renewal_revenue;
    mode.net += money.net;
    modes.set(key, mode);
  }
  return [...modes.values()]
    .filter((mode) => mode.refunded + mode.disputed + mode.renewals > 0)
    .sort((a, b) => Number(b.livemode) - Number(a.livemode) || b.net - a.net)
    .map(
      (mode) =>
        `${mode.currency.toUpperCase()}, ${mode.livemode ? 'live' : 'test mode'}: net revenue ${formatAmount(mode.net, mode.currency)} ` +
        `= ${formatAmount(mode.gross, mode.currency)} first payments + ${formatAmount(mode.renewals, mode.currency)} renewals ` +
        `− ${formatAmount(mode.refunded, mode.currency)} refunded − ${formatAmount(mode.disputed, mode.currency)} lost to disputes.`,
    );
}

/**
 * Reconciliation's money columns (SESSION_MONEY_COLUMNS order) for `rows` data rows: each counted
 * sale's money in major units of its currency, '' for a row that counts for nothing (flagged).
 */
export function sessionMoneyCells(
  rows: number,
  sales: ReadonlyArray<{ sale: Sale; row: number }>,
  bySession: ReadonlyMap<string, SessionMoney>,
): Array<Array<number | string>> {
  const cells: Array<Array<number | string>> = Array.from({ length: Math.max(rows, 0) }, () => ['', '', '', '', '']);
  for (const { sale, row } of sales) {
    const money = bySession.get(sale.session_id);
    if (money === undefined) continue;
    const major = (minor: number) => toMajorUnits(minor, sale.currency);
    cells[row - 2] = [major(money.refunded), major(money.disputed), money.renewals, major(money.renewal_revenue), major(money.net)];
  }
  return cells;
}
