/**
 * What Stripe kept, written by the refresh once a key's sync has read balance transactions (the
 * Settled tab exists): each balance transaction placed against its session (Settled's session_id
 * and counted), each sale's settlement_currency, fees and net_settled in Reconciliation, and the
 * Attribution (settled) tab, one row per campaign, source, medium, mode and settlement currency,
 * rewritten whole with its summary under it (core/attribution/report-rows.ts). Sums are kept in
 * minor units (core/attribution/settled-money.ts, settled-report.ts), so the tab adds up exactly to
 * the Reconciliation rows. Before any balance transaction is read, nothing of this is written.
 */

import type { Attribution, Sale } from '../../core/attribution/attribution';
import { settledMoney, type SessionSettled } from '../../core/attribution/settled-money';
import { buildSettledReport, settledReportCells, settledSessionCells, settledSummary } from '../../core/attribution/settled-report';
import { literalText } from '../../core/helpers/literal-text';
import { ATTRIBUTION_SETTLED_TAB, columnNames, fixedFormat, SETTLED_SESSION_COLUMNS } from '../../core/ledger/declaration';
import type { MoneyRecord } from '../../core/ledger/money';
import { placementCells, saleSession } from '../../core/attribution/money-after-sale';
import { settledRecordsFromTab } from '../../core/ledger/settled-columns';
import { currencyNumberFormat } from '../../core/stripe/currency';
import { openOwnTab, type MarkedTabs } from '../ledger/own-tabs';
import type { LedgerValues } from '../ledger/reconciliation-reader';
import { readSettledTab } from '../ledger/settled-reader';
import type { ScriptLockHeld } from '../script-lock';
import { writeOwnTabColumns } from './own-tab-columns';
import { drawBarCharts } from './bar-charts';
import { isSettledChartTitle, settledCharts, type SettledChart } from '../../core/attribution/settled-charts';
import { chartsRow, summaryRow, summaryRows } from '../../core/attribution/report-rows';
import { fitTableColumns, writeSummary } from './report-layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Read with the refresh's other tabs, before anything is written; null before any balance transaction is recorded. */
export const readSettled = readSettledTab;

export interface SettledInputs {
  marked: MarkedTabs;
  /** Reconciliation as read: `sales` are its rows. */
  ledger: LedgerValues | null;
  sales: ReadonlyArray<{ sale: Sale; row: number }>;
  /** The sales that count (flagged ones left out), each with its attribution at the same index. */
  counted: { sales: Sale[]; attributions: Attribution[] };
  /** Money after sale's records, read once by the refresh (its invoice ties filled): how a renewal's payment finds its session. */
  moneyRecords: readonly MoneyRecord[];
  settled: LedgerValues | null;
}

const HEADERS = columnNames(ATTRIBUTION_SETTLED_TAB);
const WIDTH = HEADERS.length;
/** After the table, a blank column, then the charts' data. */
const PANEL_COLUMN = WIDTH + 2;

function writeTab(
  sheet: Sheet,
  cells: ReturnType<typeof settledReportCells>,
  currencies: readonly string[],
  summary: readonly string[],
  charts: readonly SettledChart[],
): void {
  sheet.clear();
  const lines = summaryRows(summary);
  const rows = chartsRow(cells.length, lines.length);
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < WIDTH) sheet.insertColumnsAfter(sheet.getMaxColumns(), WIDTH - sheet.getMaxColumns());
  // A campaign someone named `=1+1` is that text.
  const grid = [HEADERS, ...cells.map((row) => row.map((cell) => (typeof cell === 'string' ? literalText(cell) : cell)))];
  sheet.getRange(1, 1, grid.length, WIDTH).setValues(grid);
  if (cells.length > 0) {
    // Money in the row's own settlement currency.
    const formats = currencies.map((currency) =>
      ATTRIBUTION_SETTLED_TAB.columns.map((c) => (c.format === undefined ? '' : (fixedFormat(c) ?? currencyNumberFormat(currency)))),
    );
    sheet.getRange(2, 1, cells.length, WIDTH).setNumberFormats(formats);
  }
  writeSummary(sheet, summaryRow(cells.length), lines);
  fitTableColumns(sheet, ATTRIBUTION_SETTLED_TAB.columns, cells);
  sheet.getRange(1, 1, 1, WIDTH).setFontWeight('bold');
  sheet.setFrozenRows(1);
  placeSettledCharts(sheet, charts, rows);
}

/** Each chart's data beside the table (two columns each, from row 1), the charts side by side below the summary; stale ones of ours removed. */
function placeSettledCharts(sheet: Sheet, charts: readonly SettledChart[], row: number): void {
  if (charts.length > 0 && sheet.getMaxRows() < row) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
  const placements = charts.map((chart, i) => {
    const column = PANEL_COLUMN + 3 * i;
    const data = [['chart: campaign', 'chart: net settled'], ...chart.bars.map(([campaign, net]) => [literalText(campaign), net])];
    if (sheet.getMaxColumns() < column + 1) sheet.insertColumnsAfter(sheet.getMaxColumns(), column + 1 - sheet.getMaxColumns());
    if (sheet.getMaxRows() < data.length) sheet.insertRowsAfter(sheet.getMaxRows(), data.length - sheet.getMaxRows());
    const range = sheet.getRange(1, column, data.length, 2);
    range.setValues(data);
    const height = Math.min(420, Math.max(220, 120 + 40 * chart.bars.length));
    return { title: chart.title, caption: chart.caption, data: range, width: 600, height, row, offsetX: 620 * i };
  });
  drawBarCharts(sheet, isSettledChartTitle, placements);
}

/**
 * The refresh's settled writes (see the file comment); nothing when no balance transaction was read
 * yet (null). Returns each sale's settled money, which the Weekly tab shows week by week.
 */
export function writeSettled(
  held: ScriptLockHeld,
  spreadsheet: Spreadsheet,
  inputs: SettledInputs,
): ReadonlyMap<string, SessionSettled> | null {
  const { settled, ledger, counted } = inputs;
  if (settled === null) return null;
  const records = settledRecordsFromTab(settled.values);
  const { bySession, placements } = settledMoney(
    counted.sales.map(saleSession),
    inputs.moneyRecords,
    records.map(({ record }) => record),
  );
  held.wrote();
  writeOwnTabColumns(settled, ['session_id', 'counted'], placementCells(settled.values.length - 1, records, placements));
  if (ledger !== null && ledger.values.length > 1)
    writeOwnTabColumns(ledger, SETTLED_SESSION_COLUMNS, settledSessionCells(ledger.values.length - 1, inputs.sales, bySession));

  const rows = buildSettledReport(counted.sales, counted.attributions, bySession);
  const summary = settledSummary(
    rows,
    counted.sales,
    bySession,
    records.map(({ record }) => record),
    placements,
  );
  const tab = openOwnTab(held, spreadsheet, 'attribution_settled', inputs.marked, true);
  if (tab === null) throw new Error('The Attribution (settled) tab could not be opened');
  if (tab.notice !== null) summary.push(tab.notice);
  writeTab(
    tab.sheet,
    settledReportCells(rows),
    rows.map((row) => row.settlement_currency),
    summary,
    settledCharts(rows),
  );
  return bySession;
}
