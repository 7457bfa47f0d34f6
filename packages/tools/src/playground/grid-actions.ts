/**
 * What a person does to the playground's grid beyond typing into a cell: paste tab-separated rows,
 * insert and delete rows and columns, sort the sheet by a column, add a tab. Each goes through the
 * emulator's own SpreadsheetApp (Range.setValues, Sheet.insertRowsBefore, deleteRows, sort,
 * Spreadsheet.insertSheet, ...), so the workbook changes exactly as a script's call would change it,
 * and the add-on then sees what it would see in Sheets: developer metadata moving with its row or
 * column, formulas' references following (formula-references.ts). Requests are checked here and
 * refused with a RequestError that says what is allowed.
 */
import { createAppsScriptServices, type Workbook } from '../services';
import type { SheetData } from '../services/workbook';
import { rangeOnSheet, RequestError } from './playground';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets' own limit on the cells of a spreadsheet; a paste past it is refused before anything is written. */
const MAX_PASTE_CELLS = 200_000;

export type StructureAction =
  'insert-rows-before' | 'insert-rows-after' | 'delete-rows' | 'insert-columns-before' | 'insert-columns-after' | 'delete-columns';

const STRUCTURE_ACTIONS: readonly StructureAction[] = [
  'insert-rows-before',
  'insert-rows-after',
  'delete-rows',
  'insert-columns-before',
  'insert-columns-after',
  'delete-columns',
];

/** The sheet as a script sees it, through a SpreadsheetApp of its own over the playground's workbook. */
function scriptSheet(workbook: Workbook, sheet: SheetData): Sheet {
  const app = createAppsScriptServices({ workbook }).globals['SpreadsheetApp'] as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const found = app.getActiveSpreadsheet().getSheetByName(sheet.name);
  if (!found) throw new RequestError(`No sheet named "${sheet.name}"`);
  return found;
}

/** Sheets' refusals (out of bounds, every row deleted) are the user's to read, not a server failure. */
function asRequest<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RequestError) throw error;
    throw new RequestError(error instanceof Error ? error.message : String(error));
  }
}

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RequestError(`${name} must be a whole number from ${String(min)} to ${String(max)}`);
  }
  return value;
}

/**
 * Pastes rows of text (tab-separated lines, split by the page) from `a1` down and right, as Ctrl+V
 * does: each piece typed as input (`=...` a formula), a short row blanking the rest of the block,
 * the sheet grown by rows and columns at its end when the block reaches past it. One Range.setValues.
 */
export function pasteRows(workbook: Workbook, sheet: SheetData, a1: unknown, rows: unknown): { rows: number; columns: number } {
  if (typeof a1 !== 'string') throw new RequestError('cell must be an A1 reference like B3');
  if (!Array.isArray(rows) || rows.length === 0 || !rows.every((row) => Array.isArray(row) && row.every((v) => typeof v === 'string'))) {
    throw new RequestError('rows must be a non-empty array of rows of text');
  }
  const lines = rows;
  const width = Math.max(1, ...lines.map((line) => line.length));
  if (lines.length * width > MAX_PASTE_CELLS) {
    throw new RequestError(
      `That paste has ${String(lines.length * width)} cells; the playground takes at most ${String(MAX_PASTE_CELLS)} at once.`,
    );
  }
  const at = rangeOnSheet(sheet, a1, 'cell');
  const target = scriptSheet(workbook, sheet);
  asRequest(() => {
    const rowsShort = at.row + lines.length - 1 - target.getMaxRows();
    if (rowsShort > 0) target.insertRowsAfter(target.getMaxRows(), rowsShort);
    const columnsShort = at.column + width - 1 - target.getMaxColumns();
    if (columnsShort > 0) target.insertColumnsAfter(target.getMaxColumns(), columnsShort);
    const block = lines.map((line) => [...line, ...new Array<string>(width - line.length).fill('')]);
    target.getRange(at.row, at.column, lines.length, width).setValues(block);
  });
  return { rows: lines.length, columns: width };
}

/** Inserts `count` rows or columns before or after `at`, or deletes `count` from `at`. */
export function changeStructure(workbook: Workbook, sheet: SheetData, action: unknown, at: unknown, count: unknown): void {
  if (typeof action !== 'string' || !STRUCTURE_ACTIONS.includes(action as StructureAction)) {
    throw new RequestError(`action must be one of ${STRUCTURE_ACTIONS.join(', ')}`);
  }
  const rows = action.includes('rows');
  const max = rows ? sheet.maxRows : sheet.maxColumns;
  const position = wholeNumber(at, rows ? 'row' : 'column', 1, max);
  const howMany = wholeNumber(count, 'count', 1, action.startsWith('delete') ? max - position + 1 : 10_000);
  const target = scriptSheet(workbook, sheet);
  asRequest(() => {
    switch (action as StructureAction) {
      case 'insert-rows-before':
        target.insertRowsBefore(position, howMany);
        break;
      case 'insert-rows-after':
        target.insertRowsAfter(position, howMany);
        break;
      case 'delete-rows':
        target.deleteRows(position, howMany);
        break;
      case 'insert-columns-before':
        target.insertColumnsBefore(position, howMany);
        break;
      case 'insert-columns-after':
        target.insertColumnsAfter(position, howMany);
        break;
      case 'delete-columns':
        target.deleteColumns(position, howMany);
        break;
    }
  });
}

/** Sort sheet A→Z (ascending) or Z→A by a column, the frozen header rows staying on top. */
export function sortByColumn(workbook: Workbook, sheet: SheetData, column: unknown, ascending: unknown): void {
  const position = wholeNumber(column, 'column', 1, sheet.maxColumns);
  if (typeof ascending !== 'boolean') throw new RequestError('ascending must be true (A→Z) or false (Z→A)');
  const target = scriptSheet(workbook, sheet);
  asRequest(() => target.sort(position, ascending));
}

/** A new tab at the end, named as Sheets names it (Sheet2, ...) unless a name is given; it becomes active. */
export function addSheet(workbook: Workbook, name: unknown): string {
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) throw new RequestError('name must be a sheet name');
  const app = createAppsScriptServices({ workbook }).globals['SpreadsheetApp'] as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const spreadsheet = app.getActiveSpreadsheet();
  const added = asRequest(() =>
    name === undefined ? spreadsheet.insertSheet(spreadsheet.getSheets().length) : spreadsheet.insertSheet(name),
  );
  return added.getName();
}
