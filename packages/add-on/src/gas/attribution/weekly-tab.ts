/**
 * The Weekly tab (core/attribution/weekly.ts): the add-on's own, found by its mark and rewritten
 * whole by every refresh from the same sales, money and expired checkouts as the Attribution tab,
 * so refreshing twice gives the same tab. Weeks are read in the spreadsheet's time zone, kept in a
 * script property by the refresh (gas/stripe/settings.ts), through Utilities.formatDate's offset:
 * a few calls per day of sales, never one per sale.
 */

import type { Attribution, Sale } from '../../core/attribution/attribution';
import type { ExpiredInGroup } from '../../core/attribution/attribution-report';
import { buildWeekly, dayInZone } from '../../core/attribution/weekly';
import { weeklyCells, weeklyFormats, weeklyHeaders, weeklySummary, weeklyWidths } from '../../core/attribution/weekly-sheet';
import { literalText } from '../../core/helpers/literal-text';
import type { SessionMoney } from '../../core/ledger/session-money';
import { openOwnTab, type MarkedTabs } from '../ledger/own-tabs';
import type { ScriptLockHeld } from '../script-lock';
import { spreadsheetTimeZone } from '../stripe/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface WeeklyInputs {
  marked: MarkedTabs;
  /** The sales that count, each with its attribution and money after the sale at the same index (the Attribution tab's). */
  counted: { sales: Sale[]; attributions: Attribution[] };
  money: readonly SessionMoney[];
  expired: readonly ExpiredInGroup[];
}

/** Minutes `zone` is ahead of UTC at an instant: Java's `Z` pattern, `+0530` or `-0800`. */
function offsetIn(zone: string): (seconds: number) => number {
  return (seconds) => {
    const match = /^([+-])(\d\d)(\d\d)$/.exec(Utilities.formatDate(new Date(seconds * 1000), zone, 'Z'));
    if (match === null) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return match[1] === '-' ? -minutes : minutes;
  };
}

/** Rewrites the Weekly tab; returns what the Attribution summary should say (the tab made under another name). */
export function writeWeeklyTab(held: ScriptLockHeld, spreadsheet: Spreadsheet, inputs: WeeklyInputs): string[] {
  const zone = spreadsheetTimeZone(spreadsheet);
  const table = buildWeekly({
    sales: inputs.counted.sales,
    attributions: inputs.counted.attributions,
    money: inputs.money,
    expired: inputs.expired,
    dayOf: dayInZone(offsetIn(zone)),
    now: Math.floor(Date.now() / 1000),
  });
  const tab = openOwnTab(held, spreadsheet, 'weekly', inputs.marked, true);
  if (tab === null) throw new Error('The Weekly tab could not be opened');
  held.wrote();
  const { sheet } = tab;
  const headers = weeklyHeaders(table.weeks);
  const width = headers.length;
  const summaryColumn = width + 2;
  const grid = [headers, ...weeklyCells(table).map((row) => row.map((cell) => (typeof cell === 'string' ? literalText(cell) : cell)))];
  sheet.clear();
  const rows = Math.max(grid.length, 2);
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < summaryColumn) sheet.insertColumnsAfter(sheet.getMaxColumns(), summaryColumn - sheet.getMaxColumns());
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
  if (table.rows.length > 0) sheet.getRange(2, 1, table.rows.length, width).setNumberFormats(weeklyFormats(table));
  sheet
    .getRange(1, summaryColumn, 2, 1)
    .setValues([['summary'], [literalText(weeklySummary(table, zone).join('\n'))]])
    .setWrap(true);
  const widths = weeklyWidths(table);
  widths.key.forEach((pixels, i) => sheet.setColumnWidth(i + 1, pixels));
  sheet.setColumnWidths(widths.key.length + 1, width - widths.key.length, widths.week);
  sheet.setColumnWidth(summaryColumn, 420);
  sheet.getRange(1, 1, 1, summaryColumn).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return tab.notice === null ? [] : [tab.notice];
}
