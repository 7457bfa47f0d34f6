/**
 * GET /api/state: what the page draws. Cells are sent sparse, as shown text plus details only where
 * there are some, so a tab of a thousand Reconciliation rows stays a few hundred kilobytes; with
 * ?sheet=NAME only that tab's cells are sent, and with ?since=VERSION nothing at all when nothing
 * changed.
 */
import { FORMULA_ERROR_CODES } from '../services/formula-error';
import { displayValue } from '../services/spreadsheet';
import { parseUserEntered } from '../services/user-entered';
import type { MenuItemRecord, MenuRecord } from '../services/ui';
import type { Cell, SheetData, Workbook } from '../services/workbook';
import { chartViews } from './chart-view';
import type { CellDetails, CellView, MenuEntry, MenuView, PlaygroundInfo, SheetView, StateView } from './api-types';
import type { PlaygroundFormulas } from './formula-evaluator';

export interface StateSources {
  workbook: Workbook;
  formulas: PlaygroundFormulas;
  menus: MenuRecord[];
  info: PlaygroundInfo;
  version: number;
}

function menuEntry(item: MenuItemRecord): MenuEntry {
  if (item.kind === 'submenu') return { kind: 'submenu', name: item.menu.name, items: item.menu.items.map(menuEntry) };
  return item.kind === 'item' ? { kind: 'item', caption: item.caption, functionName: item.functionName } : { kind: 'separator' };
}

export function menuViews(menus: MenuRecord[]): MenuView[] {
  return menus.map((menu) => ({ name: menu.name, addon: menu.addon, items: menu.items.map(menuEntry) }));
}

/** What editing a cell starts from: its formula, else its value as one would type it. */
function inputText(cell: Cell, shown: string, timeZone: string): string {
  if (cell.formula !== '') return cell.formula;
  const value = cell.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    // Text that typing would turn into something else (=1, 007, TRUE, 2024-01-01) is typed with a leading '.
    const typed = parseUserEntered(value, timeZone);
    return typed.formula === '' && typed.value === value ? value : `'${value}`;
  }
  return shown;
}

function cellView(sheet: SheetData, cell: Cell, row: number, column: number, sources: StateSources): CellView | null {
  const unsupported = cell.formula !== '' && cell.value === '#N/A' ? sources.formulas.unsupportedAt(sheet, row, column) : null;
  // A formula the playground cannot compute says so in its cell, not as a bare #N/A.
  const shown = unsupported ?? displayValue(cell, sources.workbook.timeZone);
  const details: CellDetails = {};
  if (cell.formula !== '') details.f = cell.formula;
  const input = inputText(cell, shown, sources.workbook.timeZone);
  if (input !== shown && cell.formula === '') details.i = input;
  const value = cell.value;
  if (typeof value === 'number' || value instanceof Date) details.t = 'n';
  else if (typeof value === 'boolean') details.t = 'b';
  else if (cell.formula !== '' && FORMULA_ERROR_CODES.includes(value)) {
    details.t = 'e';
    const error = sources.formulas.errorAt(sheet, row, column);
    if (error !== null) details.e = error;
    else if (value === '#REF!') details.e = 'Array result was not expanded because it would overwrite data.';
  }
  if (cell.note !== '') details.note = cell.note;
  if (cell.background !== null && cell.background.toLowerCase() !== '#ffffff') details.bg = cell.background;
  if (cell.fontWeight === 'bold') details.bold = 1;
  if (cell.wrap === true && shown !== '') details.w = 1;
  if (cell.spilledFrom) details.s = 1;
  if (shown === '' && Object.keys(details).length === 0) return null;
  return Object.keys(details).length === 0 ? [row, column, shown] : [row, column, shown, details];
}

function sheetView(sheet: SheetData, sources: StateSources, withCells: boolean): SheetView {
  const columnWidths: Record<string, number> = {};
  for (const [column, width] of sheet.columnWidths) columnWidths[String(column)] = width;
  const view: SheetView = {
    name: sheet.name,
    sheetId: sheet.sheetId,
    lastRow: sheet.lastRow(),
    lastColumn: sheet.lastColumn(),
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    hidden: sheet.hidden,
    columnWidths,
  };
  if (withCells) {
    const cells: CellView[] = [];
    sheet.forEachCell((cell, row, column) => {
      const shown = cellView(sheet, cell, row, column, sources);
      if (shown) cells.push(shown);
    });
    view.cells = cells;
    const charts = chartViews(sources.workbook, sheet);
    if (charts.length > 0) view.charts = charts;
  }
  return view;
}

export interface StateQuery {
  since?: number;
  /** Send only this tab's cells (the others' names and sizes still come). */
  sheet?: string;
}

export function buildStateView(sources: StateSources, query: StateQuery = {}): StateView {
  if (query.since === sources.version) return { version: sources.version, unchanged: true };
  const { workbook } = sources;
  const selection = workbook.selection;
  const selectedSheet = selection ? workbook.sheetById(selection.sheetId) : null;
  return {
    version: sources.version,
    spreadsheetName: workbook.name,
    activeSheet: workbook.activeSheet().name,
    selection: selection && selectedSheet ? { sheet: selectedSheet.name, ranges: [...selection.ranges] } : null,
    sheets: workbook.sheets.map((sheet) => sheetView(sheet, sources, query.sheet === undefined || query.sheet === sheet.name)),
    menus: menuViews(sources.menus),
    info: sources.info,
  };
}
