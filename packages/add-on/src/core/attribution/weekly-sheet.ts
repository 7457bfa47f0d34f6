/**
 * The Weekly tab's cells (core/attribution/weekly.ts makes the table): the campaign's columns, then
 * per week, the current first, `checkouts`, `paid` and `net` under headers that name the week
 * (`2026-W49 checkouts`), so this week's three numbers sit beside last week's and a formula or a
 * filter finds a column by its header in row 1. Widths show each header and amount whole; the
 * summary beside the table says which days each week holds and what it counts.
 */

import { formatAmount } from './attribution-report';
import type { ReportCell } from './attribution-sheet';
import { fittingWidth } from './charts-panel';
import { toMajorUnits, currencyNumberFormat } from '../stripe/currency';
import { columnNames, WEEKLY_TAB } from '../ledger/declaration';
import type { Week, WeeklyTable } from './weekly';

/** The campaign's own columns, as declared. */
export const WEEKLY_KEY_COLUMNS = columnNames(WEEKLY_TAB);

/** What each week shows, in this order: checkouts opened, paid sessions, net revenue in the row's currency. */
export const WEEK_METRICS = ['checkouts', 'paid', 'net'] as const;

export function weeklyHeaders(weeks: readonly Week[]): string[] {
  return [...WEEKLY_KEY_COLUMNS, ...weeks.flatMap((week) => WEEK_METRICS.map((metric) => `${week.label} ${metric}`))];
}

export function weeklyCells(table: WeeklyTable): ReportCell[][] {
  return table.rows.map((row) => [
    row.utm_campaign,
    row.utm_source,
    row.utm_medium,
    row.currency,
    row.livemode,
    ...row.weeks.flatMap((week) => [week.checkouts, week.paid_sessions, toMajorUnits(week.net_minor, row.currency)]),
  ]);
}

/** Each cell's number format: counts as whole numbers, net in the row's own currency. */
export function weeklyFormats(table: WeeklyTable): string[][] {
  return table.rows.map((row) => [
    ...WEEKLY_KEY_COLUMNS.map(() => ''),
    ...row.weeks.flatMap(() => ['0', '0', currencyNumberFormat(row.currency)]),
  ]);
}

/**
 * Column widths in pixels: each campaign column shows its header and values whole; the week
 * columns share one width (every header and amount of them whole), set in one call, and a week's
 * three columns keep their place as the weeks move on.
 */
export function weeklyWidths(table: WeeklyTable): { key: number[]; week: number } {
  const cells = weeklyCells(table);
  const key = WEEKLY_KEY_COLUMNS.map((header, c) => fittingWidth([header, ...cells.map((row) => String(row[c] ?? ''))], 200));
  const shown = [
    ...weeklyHeaders(table.weeks).slice(WEEKLY_KEY_COLUMNS.length),
    ...table.rows.flatMap((row) =>
      row.weeks.flatMap((week) => [String(week.checkouts), String(week.paid_sessions), formatAmount(week.net_minor, row.currency)]),
    ),
  ];
  return { key, week: fittingWidth(shown, 200) };
}

/** `Mon 30 Nov` of a `yyyy-mm-dd`. */
function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()] ?? '';
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()] ?? '';
  return `${weekday} ${String(date.getUTCDate())} ${month} ${day.slice(0, 4)}`;
}

/** Beside the table: what a week is and counts, the days of each, and what is left to the Attribution tab. */
export function weeklySummary(table: WeeklyTable, timeZone: string): string[] {
  const lines = [
    `Weeks run Monday to Sunday (ISO 8601, like =ISOWEEKNUM) in the spreadsheet's time zone, ${timeZone}; the current week first, to date.`,
    'checkouts: checkouts opened that week (paid or not, and those that expired). paid: sessions paid that week. ' +
      "net: net revenue of that week's sales in the row's currency, refunds, disputes and renewals after them included, " +
      'so a week adds up to the Attribution tab for the sales made in it.',
    ...table.weeks.map((week, i) => `${week.label}: ${shortDay(week.monday)} to ${shortDay(week.sunday)}${i === 0 ? ' (this week)' : ''}`),
  ];
  if (table.rows.length === 0) lines.push('No checkouts or sales in these weeks yet.');
  const { sales, checkouts } = table.earlier;
  if (sales > 0 || checkouts > 0) {
    const parts = [
      ...(sales > 0 ? [`${String(sales)} sale${sales === 1 ? '' : 's'}`] : []),
      ...(checkouts > 0 ? [`${String(checkouts)} expired checkout${checkouts === 1 ? '' : 's'}`] : []),
    ];
    lines.push(`${parts.join(' and ')} before ${table.weeks[table.weeks.length - 1]?.label ?? ''} count in the Attribution tab only.`);
  }
  return lines;
}
