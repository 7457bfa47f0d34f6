/**
 * What Stripe kept per campaign: the Attribution (settled) tab's rows, one per (campaign, source,
 * medium, mode, settlement currency), each the sum in minor units of its sessions' settled money
 * (settled-money.ts), so every column adds up exactly to the Reconciliation rows' `fees` and
 * `net_settled`; the Reconciliation cells themselves; and the summary's lines, which say where
 * fees cannot be read (IC+ pricing) and what is not there yet.
 */

import { toMajorUnits } from '../stripe/currency';
import { UNATTRIBUTED_CAMPAIGN, formatAmount } from './attribution-report';
import type { Attribution, Sale } from './attribution';
import type { SessionSettled, SettledPlacement } from './settled-money';
import type { SettledRecord } from '../stripe/balance-transaction';
import { countOf } from '../helpers/count-of';

export interface SettledRow {
  utm_campaign: string;
  utm_source: string;
  utm_medium: string;
  livemode: boolean;
  settlement_currency: string;
  /** Sessions with their payment's balance transaction read. */
  paid_sessions: number;
  gross_minor: number;
  /** Sums over the sessions whose fees can be read (`readable`), minor units. */
  fees_minor: number;
  net_minor: number;
  readable: number;
}

const groupKey = (row: Pick<SettledRow, 'utm_campaign' | 'utm_source' | 'utm_medium' | 'livemode' | 'settlement_currency'>): string =>
  [row.utm_campaign, row.utm_source, row.utm_medium, row.livemode ? 'live' : 'test', row.settlement_currency].join('\u0000');

/** The rows: live before test, the settlement currency with the most net first, the unattributed last in each, then by net. */
export function buildSettledReport(
  sales: readonly Sale[],
  attributions: readonly Attribution[],
  bySession: ReadonlyMap<string, SessionSettled>,
): SettledRow[] {
  const groups = new Map<string, SettledRow>();
  sales.forEach((sale, i) => {
    const settled = bySession.get(sale.session_id);
    if (settled === undefined) return;
    const attribution = attributions[i];
    const campaign = attribution?.kind === 'attributed' ? attribution.campaign : null;
    const key = {
      utm_campaign: campaign ? campaign.utm_campaign : UNATTRIBUTED_CAMPAIGN,
      utm_source: campaign ? campaign.utm_source : '',
      utm_medium: campaign ? campaign.utm_medium : '',
      livemode: sale.livemode,
      settlement_currency: settled.currency,
    };
    const id = groupKey(key);
    const group = groups.get(id) ?? { ...key, paid_sessions: 0, gross_minor: 0, fees_minor: 0, net_minor: 0, readable: 0 };
    groups.set(id, group);
    group.paid_sessions++;
    group.gross_minor += settled.gross;
    if (settled.feesUnread) return;
    group.readable++;
    group.fees_minor += settled.fees;
    group.net_minor += settled.net;
  });
  const rows = [...groups.values()];
  const totals = new Map<string, number>();
  const modeKey = (row: SettledRow) => `${row.settlement_currency}\u0000${String(row.livemode)}`;
  for (const row of rows) totals.set(modeKey(row), (totals.get(modeKey(row)) ?? 0) + row.gross_minor);
  const unattributed = (row: SettledRow) => Number(row.utm_campaign === UNATTRIBUTED_CAMPAIGN);
  return rows.sort(
    (a, b) =>
      Number(b.livemode) - Number(a.livemode) ||
      (totals.get(modeKey(b)) ?? 0) - (totals.get(modeKey(a)) ?? 0) ||
      a.settlement_currency.localeCompare(b.settlement_currency) ||
      unattributed(a) - unattributed(b) ||
      b.net_minor - a.net_minor ||
      b.gross_minor - a.gross_minor ||
      a.utm_campaign.localeCompare(b.utm_campaign) ||
      a.utm_source.localeCompare(b.utm_source) ||
      a.utm_medium.localeCompare(b.utm_medium),
  );
}

/** The rows as the tab's cells (ATTRIBUTION_SETTLED_TAB order), major units; fees and net blank where no session's fees can be read. */
export function settledReportCells(rows: readonly SettledRow[]): Array<Array<string | number | boolean>> {
  return rows.map((row) => {
    const major = (minor: number) => toMajorUnits(minor, row.settlement_currency);
    const readable = row.readable > 0;
    return [
      row.utm_campaign,
      row.utm_source,
      row.utm_medium,
      row.livemode,
      row.settlement_currency,
      row.paid_sessions,
      major(row.gross_minor),
      readable ? major(row.fees_minor) : '',
      readable ? major(row.net_minor) : '',
    ];
  });
}

/**
 * Reconciliation's settled columns (SETTLED_SESSION_COLUMNS order) for `rows` data rows: each
 * counted sale's settlement currency, fees and net in its major units; fees and net blank where
 * they cannot be read, every cell blank where nothing is settled yet (or the sale counts for nothing).
 */
export function settledSessionCells(
  rows: number,
  sales: ReadonlyArray<{ sale: Sale; row: number }>,
  bySession: ReadonlyMap<string, SessionSettled>,
): Array<Array<number | string>> {
  const cells: Array<Array<number | string>> = Array.from({ length: Math.max(rows, 0) }, () => ['', '', '']);
  for (const { sale, row } of sales) {
    const settled = bySession.get(sale.session_id);
    if (settled === undefined) continue;
    const major = (minor: number) => toMajorUnits(minor, settled.currency);
    cells[row - 2] = [settled.currency, settled.feesUnread ? '' : major(settled.fees), settled.feesUnread ? '' : major(settled.net)];
  }
  return cells;
}

/** The summary under the table: totals per settlement currency and mode, then what is missing and why. */
export function settledSummary(
  rows: readonly SettledRow[],
  sales: readonly Sale[],
  bySession: ReadonlyMap<string, SessionSettled>,
  settled: readonly SettledRecord[],
  placements: readonly SettledPlacement[],
): string[] {
  const lines: string[] = [];
  const modes = new Map<string, SettledRow>();
  for (const row of rows) {
    const key = `${row.settlement_currency}\u0000${String(row.livemode)}`;
    const mode = modes.get(key) ?? { ...row, paid_sessions: 0, gross_minor: 0, fees_minor: 0, net_minor: 0, readable: 0 };
    mode.paid_sessions += row.paid_sessions;
    mode.gross_minor += row.gross_minor;
    mode.fees_minor += row.fees_minor;
    mode.net_minor += row.net_minor;
    mode.readable += row.readable;
    modes.set(key, mode);
  }
  for (const mode of modes.values()) {
    const where = `${mode.settlement_currency.toUpperCase()}, ${mode.livemode ? 'live' : 'test mode'}`;
    const gross = `${formatAmount(mode.gross_minor, mode.settlement_currency)} charged`;
    lines.push(
      mode.readable === 0
        ? `${where}: ${countOf(mode.paid_sessions, 'paid session', 'paid sessions')} settled, ${gross}; fees cannot be read (below).`
        : `${where}: ${countOf(mode.paid_sessions, 'paid session', 'paid sessions')} settled, ${gross}; ` +
            `Stripe kept ${formatAmount(mode.fees_minor, mode.settlement_currency)} in fees (card and dispute fees), ` +
            `net ${formatAmount(mode.net_minor, mode.settlement_currency)} after refunds and disputes` +
            (mode.readable < mode.paid_sessions ? ` (fees and net of the ${String(mode.readable)} whose fees can be read).` : '.'),
    );
  }
  const waiting = sales.filter((sale) => sale.payment_status === 'paid' && !bySession.has(sale.session_id)).length;
  if (waiting > 0)
    lines.push(
      `${countOf(waiting, 'paid session has', 'paid sessions have')} no balance transaction read yet (Stripe makes it shortly after ` +
        "the payment, and the sync reads it with a key of the sale's mode): settlement_currency, fees and net_settled stay empty " +
        'until a later sync reads it.',
    );
  const unread = [...bySession.values()].filter((session) => session.feesUnread).length;
  if (unread > 0) {
    const apart = settled.filter((record) => record.source === '');
    const apartTotals = new Map<string, number>();
    for (const record of apart) apartTotals.set(record.currency, (apartTotals.get(record.currency) ?? 0) - record.net_minor);
    const apartText = [...apartTotals].map(([currency, minor]) => formatAmount(minor, currency)).join(', ');
    lines.push(
      `Fees cannot be read for ${countOf(unread, 'session', 'sessions')}: the balance transaction of ${unread === 1 ? 'its' : 'their'} payment ` +
        "shows no fee, as on IC+ (interchange plus) pricing, where Stripe charges its fees apart and says a payment's fees cannot be " +
        'read from its balance transaction (its Payment fees report has them).',
      // A line a sentence: each is a row under the table (report-rows.ts), read across the screen.
      'Their fees and net_settled are left blank and count in no total; gross_settled counts them.',
      ...(apart.length > 0
        ? [
            `The Settled tab holds ${countOf(apart.length, 'transaction', 'transactions')} of fees charged apart (${apartText}), tied to no one sale.`,
          ]
        : []),
    );
  }
  // Stripe's fees charged apart are said above; every other row that counts for nothing is counted here.
  const aside = placements.filter(
    (p) => p.counted.startsWith('waiting') || (p.counted.startsWith('not counted') && !p.counted.startsWith("not counted: Stripe's fees")),
  ).length;
  if (aside > 0)
    lines.push(
      `${countOf(aside, 'balance transaction', 'balance transactions')} in the Settled tab ${aside === 1 ? 'counts' : 'count'} for nothing yet ` +
        '(about a payment no logged sale made, or waiting for its sale): its counted column says why.',
    );
  if (lines.length === 0) lines.push('No balance transaction of a logged sale has been read yet: the next sync with a key reads them.');
  return lines;
}
