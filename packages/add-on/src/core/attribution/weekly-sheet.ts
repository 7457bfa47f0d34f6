/**
 * The Weekly tab's cells (core/attribution/weekly.ts makes the table): the campaign, source and
 * medium, then per week, the current first, `checkouts`, `paid`, `net` and, once Stripe's balance
 * transactions are read, `net_settled`, under headers that name the week (`W49 checkouts`), so this
 * week's numbers sit beside last week's and a formula or a filter finds a column by its header in
 * row 1; the row's currency and mode come last (every amount shows its currency), so that two weeks
 * fit beside the campaign on a laptop's screen at the widths set here. Each week's header carries a
 * note with its days; the summary under the table says what a week holds and counts.
 */

import { formatAmount } from './attribution-report';
import type { ReportCell } from './attribution-sheet';
import { fittingWidth } from './charts-panel';
import { toMajorUnits, currencyNumberFormat } from '../stripe/currency';
import { columnNames, WEEKLY_TAB } from '../ledger/declaration';
import type { Week, WeekCounts, WeeklyTable } from './weekly';
import { countOf } from '../helpers/count-of';

/** The row's own columns, as declared: the campaign's before the weeks, its currency and mode after them. */
const [CAMPAIGN_COLUMNS, MODE_COLUMNS] = ((names) => [names.slice(0, 3), names.slice(3)])(columnNames(WEEKLY_TAB));

/**
 * What each week shows, in this order: checkouts opened, paid sessions, net revenue in the row's
 * currency and, with settled money, net_settled in the currency Stripe pays the account in.
 */
export function weekMetrics(table: Pick<WeeklyTable, 'settled'>): string[] {
  return table.settled === null ? ['checkouts', 'paid', 'net'] : ['checkouts', 'paid', 'net', 'net_settled'];
}

export function weeklyHeaders(table: Pick<WeeklyTable, 'weeks' | 'settled'>): string[] {
  const metrics = weekMetrics(table);
  return [...CAMPAIGN_COLUMNS, ...table.weeks.flatMap((week) => metrics.map((metric) => `${week.short} ${metric}`)), ...MODE_COLUMNS];
}

/** `Mon 30 Nov 2026` of a `yyyy-mm-dd`. */
function longDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()] ?? '';
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()] ?? '';
  return `${weekday} ${String(date.getUTCDate())} ${month} ${day.slice(0, 4)}`;
}

/** `2026-W49: Mon 30 Nov 2026 to Sun 6 Dec 2026 (this week)`. */
export function weekDays(week: Week, current: boolean): string {
  return `${week.label}: ${longDay(week.monday)} to ${longDay(week.sunday)}${current ? ' (this week)' : ''}`;
}

/** The header row's notes: each week's columns say which days they hold. */
export function weeklyHeaderNotes(table: Pick<WeeklyTable, 'weeks' | 'settled'>): string[] {
  const metrics = weekMetrics(table);
  return [
    ...CAMPAIGN_COLUMNS.map(() => ''),
    ...table.weeks.flatMap((week, i) => metrics.map(() => weekDays(week, i === 0))),
    ...MODE_COLUMNS.map(() => ''),
  ];
}

/** A week's net_settled: one settlement currency's sum, blank before any is read or when the sales settled in several. */
function settledCell(week: WeekCounts): { cell: ReportCell; format: string; shown: string } {
  const [only, ...more] = week.settled;
  if (only === undefined || more.length > 0) return { cell: '', format: '', shown: '' };
  return {
    cell: toMajorUnits(only.net_minor, only.currency),
    format: currencyNumberFormat(only.currency),
    shown: formatAmount(only.net_minor, only.currency),
  };
}

interface Shown {
  cells: ReportCell[][];
  formats: string[][];
  /** What each cell shows, to size the columns. */
  texts: string[][];
}

function shown(table: WeeklyTable): Shown {
  const withSettled = table.settled !== null;
  const result: Shown = { cells: [], formats: [], texts: [] };
  for (const row of table.rows) {
    const cells: ReportCell[] = [row.utm_campaign, row.utm_source, row.utm_medium];
    const formats: string[] = ['', '', ''];
    const texts: string[] = [row.utm_campaign, row.utm_source, row.utm_medium];
    for (const week of row.weeks) {
      cells.push(week.checkouts, week.paid_sessions, toMajorUnits(week.net_minor, row.currency));
      formats.push('0', '0', currencyNumberFormat(row.currency));
      texts.push(String(week.checkouts), String(week.paid_sessions), formatAmount(week.net_minor, row.currency));
      if (!withSettled) continue;
      const settled = settledCell(week);
      cells.push(settled.cell);
      formats.push(settled.format);
      texts.push(settled.shown);
    }
    cells.push(row.currency, row.livemode);
    formats.push('', '');
    texts.push(row.currency, String(row.livemode).toUpperCase());
    result.cells.push(cells);
    result.formats.push(formats);
    result.texts.push(texts);
  }
  return result;
}

export function weeklyCells(table: WeeklyTable): ReportCell[][] {
  return shown(table).cells;
}

/** Each cell's number format: counts as whole numbers, net in the row's own currency, net_settled in its settlement currency. */
export function weeklyFormats(table: WeeklyTable): string[][] {
  return shown(table).formats;
}

/**
 * Each column's width in pixels: its header and what its cells show, whole. A week's columns are
 * as wide in every week (the widest of its kind), so they keep their place as the weeks move on.
 */
export function weeklyWidths(table: WeeklyTable): number[] {
  const { texts } = shown(table);
  const headers = weeklyHeaders(table);
  const own = headers.map((header, c) => fittingWidth([header, ...texts.map((row) => row[c] ?? '')], 200));
  const metrics = weekMetrics(table).length;
  const first = CAMPAIGN_COLUMNS.length;
  const last = first + table.weeks.length * metrics;
  return own.map((width, c) => {
    if (c < first || c >= last) return width;
    let widest = 0;
    for (let same = first + ((c - first) % metrics); same < last; same += metrics) widest = Math.max(widest, own[same] ?? 0);
    return widest;
  });
}

/** `count` columns from `column` (1-based) set to `width` pixels in one call. */
export interface WidthCall {
  column: number;
  count: number;
  width: number;
}

/**
 * The calls that set weeklyWidths: the week columns at the `paid` width in one, then each other
 * week column and each of the row's own columns: as many calls whatever the data (8 weeks: 22,
 * 30 with net_settled), so a refresh's round trips do not grow with the sales.
 */
export function weeklyWidthCalls(table: WeeklyTable): WidthCall[] {
  const widths = weeklyWidths(table);
  const metrics = weekMetrics(table).length;
  const first = CAMPAIGN_COLUMNS.length;
  const count = table.weeks.length * metrics;
  const calls: WidthCall[] = [{ column: first + 1, count, width: widths[first + 1] ?? 0 }];
  widths.forEach((width, c) => {
    const inWeeks = c >= first && c < first + count;
    if (!inWeeks || (c - first) % metrics !== 1) calls.push({ column: c + 1, count: 1, width });
  });
  return calls;
}

/** Under the table: what a week is and counts, the days of each, and what is left to other tabs. */
export function weeklySummary(table: WeeklyTable, timeZone: string): string[] {
  const lines = [
    `Weeks run Monday to Sunday (ISO 8601: W49 is =ISOWEEKNUM's 49) in the spreadsheet's time zone, ${timeZone}; the current week first, to date.`,
    // One line a column: each is a row under the table (report-rows.ts), read across the screen.
    'checkouts: checkouts opened that week (paid or not, and those that expired).',
    'paid: sessions paid that week.',
    "net: net revenue of that week's sales in the row's currency, refunds, disputes and renewals after them included, " +
      'so a week adds up to the Attribution tab for the sales made in it.',
  ];
  if (table.settled !== null) {
    lines.push(
      "net_settled: what Stripe kept of that week's sales in the currency it pays the account in, after its fees, refunds and " +
        'disputes (the Attribution (settled) tab, week by week).',
    );
    const { waiting, feesUnread } = table.settled;
    if (waiting > 0)
      lines.push(
        `${countOf(waiting, 'paid sale', 'paid sales')} of these weeks ${waiting === 1 ? 'has' : 'have'} no balance transaction read yet: ` +
          'not in net_settled until a later sync reads it.',
      );
    if (feesUnread > 0)
      lines.push(
        `${countOf(feesUnread, 'sale', 'sales')} of these weeks ${feesUnread === 1 ? 'is' : 'are'} in no net_settled: ` +
          'its fees cannot be read (IC+ pricing; the Attribution (settled) tab says more).',
      );
    const mixed = table.rows.filter((row) => row.weeks.some((week) => week.settled.length > 1)).length;
    if (mixed > 0)
      lines.push(
        `${countOf(mixed, 'row has', 'rows have')} a week whose sales settled in several currencies: its net_settled is left blank.`,
      );
  }
  const [current] = table.weeks;
  const oldest = table.weeks[table.weeks.length - 1];
  // One line, not one a week: the header's notes hold each week's days, and the chart stays near the top.
  if (current !== undefined && oldest !== undefined)
    lines.push(`This week is ${weekDays(current, false)}; the oldest shown is ${oldest.label}. Each week header has a note with its days.`);
  if (table.rows.length === 0) lines.push('No checkouts or sales in these weeks yet.');
  const { sales, checkouts } = table.earlier;
  if (sales > 0 || checkouts > 0) {
    const parts = [
      ...(sales > 0 ? [countOf(sales, 'sale', 'sales')] : []),
      ...(checkouts > 0 ? [countOf(checkouts, 'expired checkout', 'expired checkouts')] : []),
    ];
    lines.push(`${parts.join(' and ')} before ${table.weeks[table.weeks.length - 1]?.label ?? ''} count in the Attribution tab only.`);
  }
  return lines;
}
