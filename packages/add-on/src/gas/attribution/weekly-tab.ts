/**
 * The Weekly tab (core/attribution/weekly.ts): the add-on's own, found by its mark and rewritten
 * whole by every refresh from the same sales, money, expired checkouts and settled money as the
 * Attribution tabs, so refreshing twice gives the same tab: the table, the chart's data beside it,
 * the summary under it (core/attribution/report-rows.ts), and the chart of net_settled per week
 * below that (core/attribution/weekly-chart.ts). Weeks are read in the spreadsheet's time zone,
 * kept in a script property by the refresh (gas/stripe/settings.ts), through Utilities.formatDate's
 * offset: a few calls per day of sales, never one per sale.
 */

import type { Attribution, Sale } from '../../core/attribution/attribution';
import type { ExpiredInGroup } from '../../core/attribution/attribution-report';
import type { SessionSettled } from '../../core/attribution/settled-money';
import { buildWeekly, dayInZone } from '../../core/attribution/weekly';
import { isWeeklyChartTitle, weeklyChartsPanel, type WeeklyChartsPanel } from '../../core/attribution/weekly-chart';
import {
  weeklyCells,
  weeklyFormats,
  weeklyHeaderNotes,
  weeklyHeaders,
  weeklySummary,
  weeklyWidthCalls,
} from '../../core/attribution/weekly-sheet';
import { columnToLetters } from '../../core/helpers/column-letters';
import { literalText } from '../../core/helpers/literal-text';
import type { SessionMoney } from '../../core/ledger/session-money';
import { openOwnTab, type MarkedTabs } from '../ledger/own-tabs';
import type { ScriptLockHeld } from '../script-lock';
import { spreadsheetTimeZone } from '../stripe/settings';
import { setColumnWidths } from '../helpers/column-widths';
import { drawBarCharts } from './bar-charts';
import { chartsRow, summaryRow, summaryRows } from '../../core/attribution/report-rows';
import { writeSummary } from './report-layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface WeeklyInputs {
  marked: MarkedTabs;
  /** The sales that count, each with its attribution and money after the sale at the same index (the Attribution tab's). */
  counted: { sales: Sale[]; attributions: Attribution[] };
  money: readonly SessionMoney[];
  expired: readonly ExpiredInGroup[];
  /** Each sale's settled money (gas/attribution/settled-tab.ts); null before any balance transaction is read. */
  settled: ReadonlyMap<string, SessionSettled> | null;
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

const literal = (cell: unknown): unknown => (typeof cell === 'string' ? literalText(cell) : cell);

/** Writes the chart's data at `column` (1-based) and draws each chart; every other weekly chart of ours goes. */
function writeCharts(sheet: Sheet, panel: WeeklyChartsPanel, column: number): void {
  const width = panel.cells[0]?.length ?? 0;
  if (width > 0) {
    const range = sheet.getRange(1, column, panel.cells.length, width);
    range.setValues(panel.cells.map((row) => row.map(literal)));
    range.setNumberFormats(panel.formats);
    setColumnWidths(sheet, column, panel.widths);
  }
  drawBarCharts(
    sheet,
    isWeeklyChartTitle,
    panel.charts.map((placement) => {
      const first = column + placement.dataColumn;
      return {
        title: placement.title,
        caption: placement.caption,
        data: sheet.getRange(`${columnToLetters(first)}1:${columnToLetters(first + 1)}${String(placement.dataRows)}`),
        width: placement.width,
        height: placement.height,
        row: placement.row,
        offsetX: placement.offsetX,
      };
    }),
  );
}

/** Rewrites the Weekly tab; returns what the Attribution summary should say (the tab made under another name). */
export function writeWeeklyTab(held: ScriptLockHeld, spreadsheet: Spreadsheet, inputs: WeeklyInputs): string[] {
  const zone = spreadsheetTimeZone(spreadsheet);
  const table = buildWeekly({
    sales: inputs.counted.sales,
    attributions: inputs.counted.attributions,
    money: inputs.money,
    expired: inputs.expired,
    settled: inputs.settled,
    dayOf: dayInZone(offsetIn(zone)),
    now: Math.floor(Date.now() / 1000),
  });
  const tab = openOwnTab(held, spreadsheet, 'weekly', inputs.marked, true);
  if (tab === null) throw new Error('The Weekly tab could not be opened');
  held.wrote();
  const { sheet } = tab;
  const headers = weeklyHeaders(table);
  const width = headers.length;
  // After the table, a blank column, then the chart's data.
  const panelColumn = width + 2;
  const lines = summaryRows(weeklySummary(table, zone));
  // The chart starts after a blank row below the summary.
  const panel = weeklyChartsPanel(table, chartsRow(table.rows.length, lines.length));
  const lastColumn = panel.cells.length === 0 ? width : panelColumn + (panel.cells[0]?.length ?? 1) - 1;
  const grid = [headers, ...weeklyCells(table).map((row) => row.map(literal))];
  sheet.clear();
  const rows = Math.max(chartsRow(table.rows.length, lines.length), panel.cells.length, panel.lastRow);
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < lastColumn) sheet.insertColumnsAfter(sheet.getMaxColumns(), lastColumn - sheet.getMaxColumns());
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
  if (table.rows.length > 0) sheet.getRange(2, 1, table.rows.length, width).setNumberFormats(weeklyFormats(table));
  // Each week's header says its days; the row's other cells lose a note an earlier layout left.
  const notes = weeklyHeaderNotes(table);
  sheet.getRange(1, 1, 1, lastColumn).setNotes([Array.from({ length: lastColumn }, (_, c) => notes[c] ?? '')]);
  for (const { column, count, width: pixels } of weeklyWidthCalls(table))
    if (count === 1) sheet.setColumnWidth(column, pixels);
    else sheet.setColumnWidths(column, count, pixels);
  writeSummary(sheet, summaryRow(table.rows.length), lines);
  writeCharts(sheet, panel, panelColumn);
  sheet.getRange(1, 1, 1, lastColumn).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return tab.notice === null ? [] : [tab.notice];
}
