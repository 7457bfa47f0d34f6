/**
 * Week by week (issue 16): checkouts opened, paid sessions and net revenue per campaign, source,
 * medium, currency and mode, for each of the last WEEKS_SHOWN weeks, the current one first, so this
 * week and the one before sit side by side. A sale counts in the week of its `created`, an expired
 * checkout in the week of its bucket's day, both in the spreadsheet's time zone; a sale's net
 * revenue (refunds, disputes, renewals after it included) counts in the week it was made, so each
 * week is the Attribution tab of that week's sales: every week's cells come from buildReport over
 * that week's sales and checkouts alone, summed in minor units, and add up to it exactly.
 *
 * Weeks start on Monday (ISO 8601, as Sheets' ISOWEEKNUM counts them): Apps Script documents no
 * way to read a spreadsheet's first day of the week (its locale is a code, and what a locale
 * starts its week on is nowhere in Apps Script's reference), and a label like `2026-W49` means the
 * same week to every reader. Pure: the time zone comes in as a function of the instant.
 */

import type { Attribution, Sale } from './attribution';
import { buildReport, moneyOfSale, sortReport, UNATTRIBUTED_CAMPAIGN, type ExpiredInGroup, type ReportRow } from './attribution-report';
import type { SessionMoney } from '../ledger/session-money';
import type { SessionSettled } from './settled-money';

/** Eight weeks: two months to read a trend in, and 5 + 24 columns, not a tab that grows with the store's age. */
export const WEEKS_SHOWN = 8;

/** Minutes a time zone's clocks are ahead of UTC at an instant (Unix seconds): -300 for New York in winter. */
export type ZoneOffset = (seconds: number) => number;

const DAY_SECONDS = 86_400;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `yyyy-mm-dd` of days since 1970-01-01. */
function dayText(days: number): string {
  return new Date(days * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a `yyyy-mm-dd`, or null for anything else. */
function daysOf(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (match === null) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, date);
  // 2026-02-30 is no day.
  return dayText(time / 1000 / DAY_SECONDS) === day ? time / 1000 / DAY_SECONDS : null;
}

/**
 * The day (`yyyy-mm-dd`) of an instant in the zone `offset` describes. A zone's offset changes at
 * most twice a year, so it is asked at both ends of each UTC day once (both the same: that offset
 * holds all day) and per instant only on the days it changes: tens of calls for thousands of sales.
 */
export function dayInZone(offset: ZoneOffset): (seconds: number) => string {
  const offsets = new Map<number, number | null>();
  // Each day's text is made once: a refresh reads thousands of sales from a few dozen days.
  const texts = new Map<number, string>();
  return (seconds) => {
    const utcDay = Math.floor(seconds / DAY_SECONDS);
    let whole = offsets.get(utcDay);
    if (whole === undefined) {
      const first = offset(utcDay * DAY_SECONDS);
      whole = first === offset(utcDay * DAY_SECONDS + DAY_SECONDS - 1) ? first : null;
      offsets.set(utcDay, whole);
    }
    const minutes = whole ?? offset(seconds);
    const local = Math.floor((seconds + minutes * 60) / DAY_SECONDS);
    let text = texts.get(local);
    if (text === undefined) texts.set(local, (text = dayText(local)));
    return text;
  };
}

export interface Week {
  /** `2026-W49`: ISO 8601's year and week number, as `=ISOWEEKNUM` gives the number. */
  label: string;
  /** `W49`: how the tab's headers name it (eight weeks never meet a year's same number). */
  short: string;
  /** Its first and last day, `yyyy-mm-dd`. */
  monday: string;
  sunday: string;
}

function weekFromMonday(monday: number): Week {
  // ISO 8601: a week belongs to the year of its Thursday, and week 1 holds the year's first Thursday.
  const thursday = monday + 3;
  const year = Number(dayText(thursday).slice(0, 4));
  const number = Math.floor((thursday - Date.UTC(year, 0, 1) / 1000 / DAY_SECONDS) / 7) + 1;
  const short = `W${String(number).padStart(2, '0')}`;
  return { label: `${String(year)}-${short}`, short, monday: dayText(monday), sunday: dayText(monday + 6) };
}

/** Days since 1970-01-01 of the Monday on or before `days` (1970-01-01 was a Thursday). */
const mondayOf = (days: number): number => days - ((((days + 3) % 7) + 7) % 7);

/** The week a `yyyy-mm-dd` falls in; null when it is no such day. */
export function weekOf(day: string): Week | null {
  const days = daysOf(day);
  return days === null ? null : weekFromMonday(mondayOf(days));
}

/** The week of `today` and the `count - 1` before it, the current first. */
export function weeksUpTo(today: string, count = WEEKS_SHOWN): Week[] {
  const days = daysOf(today);
  if (days === null) throw new Error(`${today} is not a day (yyyy-mm-dd)`);
  const monday = mondayOf(days);
  return Array.from({ length: count }, (_, i) => weekFromMonday(monday - 7 * i));
}

/** One week of a row: what its sales and expired checkouts of that week add up to. */
export interface WeekCounts {
  checkouts: number;
  paid_sessions: number;
  /** Net revenue of the week's sales, minor units of the row's currency. */
  net_minor: number;
  /**
   * What Stripe kept of the week's sales, after fees, refunds and disputes, per settlement currency
   * (one, unless the account settles in several): the sales whose fees can be read.
   */
  settled: SettledNet[];
}

/** Minor units of one settlement currency. */
export interface SettledNet {
  currency: string;
  net_minor: number;
}

/** Per settlement currency and mode, every campaign's net_settled of each week: what the chart shows. */
export interface SettledWeeks {
  currency: string;
  livemode: boolean;
  /** In the table's week order, minor units. */
  weeks: number[];
}

export interface WeeklyRow {
  utm_campaign: string;
  utm_source: string;
  utm_medium: string;
  currency: string;
  livemode: boolean;
  /** In the table's week order: the current week first. */
  weeks: WeekCounts[];
}

export interface WeeklyTable {
  weeks: Week[];
  rows: WeeklyRow[];
  /** What the table leaves out: sales made and checkouts opened before its oldest week (in Attribution only). */
  earlier: { sales: number; checkouts: number };
  /** Null before any balance transaction is read (no settled money to show). */
  settled: {
    totals: SettledWeeks[];
    /** Paid sales of the shown weeks without a net_settled: no balance transaction read yet, or fees unreadable (IC+). */
    waiting: number;
    feesUnread: number;
  } | null;
}

export interface WeeklyInput {
  /** The sales that count, each with its attribution and its money after the sale at the same index. */
  sales: readonly Sale[];
  attributions: readonly Attribution[];
  money?: readonly SessionMoney[];
  /** Expired checkouts, each bucket with its day. */
  expired?: readonly ExpiredInGroup[];
  /** The day of an instant in the spreadsheet's time zone (dayInZone). */
  dayOf: (seconds: number) => string;
  /** Now, Unix seconds: its week is the current one. */
  now: number;
  count?: number;
  /** Each sale's settled money by session id (settled-money.ts); absent before any balance transaction is read. */
  settled?: ReadonlyMap<string, SessionSettled> | null;
}

const rowKey = (row: Pick<ReportRow, 'utm_campaign' | 'utm_source' | 'utm_medium' | 'currency' | 'livemode'>): string =>
  [row.utm_campaign, row.utm_source, row.utm_medium, row.currency, String(row.livemode)].join('\u0000');

interface WeekInput {
  sales: Sale[];
  attributions: Array<Attribution | undefined>;
  money: SessionMoney[];
  expired: ExpiredInGroup[];
}

/**
 * The table: one row per group that had a checkout or money in a shown week, in the Attribution
 * tab's order over those weeks (live first, the biggest currency first, the unattributed last).
 */
export function buildWeekly(input: WeeklyInput): WeeklyTable {
  const { sales, attributions, dayOf, now } = input;
  const money = input.money ?? sales.map(moneyOfSale);
  const weeks = weeksUpTo(dayOf(now), input.count ?? WEEKS_SHOWN);
  const index = new Map(weeks.map((week, i) => [week.monday, i]));
  const oldest = weeks[weeks.length - 1]?.monday ?? '';
  // No zone is a day ahead or behind UTC: an instant a day before the oldest Monday is earlier whatever the zone.
  const before = ((daysOf(oldest) ?? 0) - 1) * DAY_SECONDS;
  const perWeek: WeekInput[] = weeks.map(() => ({ sales: [], attributions: [], money: [], expired: [] }));
  const settled = input.settled === undefined || input.settled === null ? null : settledSums(input.settled, weeks.length);
  const earlier = { sales: 0, checkouts: 0 };
  const ofDay = new Map<string, WeekInput | undefined>();
  const weekAt = (day: string): WeekInput | undefined => {
    if (ofDay.has(day)) return ofDay.get(day);
    const week = weekOf(day);
    const i = week === null ? undefined : index.get(week.monday);
    const found = i === undefined ? undefined : perWeek[i];
    ofDay.set(day, found);
    return found;
  };

  sales.forEach((sale, i) => {
    if (sale.created === null) return;
    const day = sale.created < before ? '' : dayOf(sale.created);
    const week = weekAt(day);
    if (week === undefined) {
      // A sale after now (a clock ahead) is in no week and not earlier either.
      if (day < oldest) earlier.sales++;
      return;
    }
    week.sales.push(sale);
    week.attributions.push(attributions[i]);
    week.money.push(money[i] ?? moneyOfSale(sale));
    if (settled !== null) settled.add(sale, attributions[i], perWeek.indexOf(week));
  });
  for (const bucket of input.expired ?? []) {
    const week = weekAt(bucket.day);
    if (week !== undefined) week.expired.push(bucket);
    else if (bucket.day < oldest) earlier.checkouts += bucket.checkouts;
  }

  // Each week is the Attribution report of its own sales and checkouts.
  const rows = new Map<string, WeeklyRow & { revenue_minor: number }>();
  perWeek.forEach((week, w) => {
    for (const group of buildReport(week.sales, week.attributions as Attribution[], week.money, week.expired)) {
      const key = rowKey(group);
      let row = rows.get(key);
      if (row === undefined) {
        row = {
          utm_campaign: group.utm_campaign,
          utm_source: group.utm_source,
          utm_medium: group.utm_medium,
          currency: group.currency,
          livemode: group.livemode,
          weeks: weeks.map(() => ({ checkouts: 0, paid_sessions: 0, net_minor: 0, settled: [] })),
          revenue_minor: 0,
        };
        rows.set(key, row);
      }
      row.revenue_minor += group.revenue_minor;
      row.weeks[w] = {
        checkouts: group.checkouts,
        paid_sessions: group.paid_sessions,
        net_minor: group.net_minor,
        settled: settled?.ofRow(key, w) ?? [],
      };
    }
  });
  // In the Attribution tab's order over the shown weeks together.
  const ordered = sortReport([...rows.values()]).map((row): WeeklyRow => ({
    utm_campaign: row.utm_campaign,
    utm_source: row.utm_source,
    utm_medium: row.utm_medium,
    currency: row.currency,
    livemode: row.livemode,
    weeks: row.weeks,
  }));
  return { weeks, rows: ordered, earlier, settled: settled?.result() ?? null };
}

/** A sale's row, as buildReport groups it. */
function saleRowKey(sale: Sale, attribution: Attribution | undefined): string {
  const campaign = attribution?.kind === 'attributed' ? attribution.campaign : null;
  return rowKey({
    utm_campaign: campaign ? campaign.utm_campaign : UNATTRIBUTED_CAMPAIGN,
    utm_source: campaign ? campaign.utm_source : '',
    utm_medium: campaign ? campaign.utm_medium : '',
    currency: sale.currency,
    livemode: sale.livemode,
  });
}

/** net_settled summed per row, week and settlement currency, and per settlement currency, mode and week. */
function settledSums(bySession: ReadonlyMap<string, SessionSettled>, weeks: number) {
  const cells = new Map<string, Map<string, number>>();
  const totals = new Map<string, SettledWeeks>();
  let waiting = 0;
  let feesUnread = 0;
  return {
    add(sale: Sale, attribution: Attribution | undefined, week: number): void {
      const money = bySession.get(sale.session_id);
      if (money === undefined) {
        if (sale.payment_status === 'paid') waiting++;
        return;
      }
      // On IC+ pricing a payment's fees are not in its balance transaction: its net is unknown, and counts in no total.
      if (money.feesUnread) {
        feesUnread++;
        return;
      }
      const cell = `${saleRowKey(sale, attribution)}\u0000${String(week)}`;
      const byCurrency = cells.get(cell) ?? new Map<string, number>();
      byCurrency.set(money.currency, (byCurrency.get(money.currency) ?? 0) + money.net);
      cells.set(cell, byCurrency);
      const mode = `${money.currency}\u0000${String(sale.livemode)}`;
      const total = totals.get(mode) ?? { currency: money.currency, livemode: sale.livemode, weeks: Array<number>(weeks).fill(0) };
      total.weeks[week] = (total.weeks[week] ?? 0) + money.net;
      totals.set(mode, total);
    },
    ofRow(key: string, week: number): SettledNet[] {
      return [...(cells.get(`${key}\u0000${String(week)}`) ?? [])].map(([currency, net_minor]) => ({ currency, net_minor }));
    },
    result: () => ({
      // Live first, then the currency most of the money settles in.
      totals: [...totals.values()].sort(
        (a, b) =>
          Number(b.livemode) - Number(a.livemode) ||
          b.weeks.reduce((sum, n) => sum + n, 0) - a.weeks.reduce((sum, n) => sum + n, 0) ||
          a.currency.localeCompare(b.currency),
      ),
      waiting,
      feesUnread,
    }),
  };
}
