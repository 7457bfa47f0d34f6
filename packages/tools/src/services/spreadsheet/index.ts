/**
 * SpreadsheetApp over an in-memory Workbook, counting what a script costs: every method call on a
 * SpreadsheetApp, Spreadsheet, Sheet, Range, RangeList or TextFinder object, the cells whose content
 * read methods return, and the cells write methods set. One file per Apps Script class (as gas-fakes
 * keeps them), each naming the Apps Script reference page it follows and implementing the members the
 * add-on, the playground and their tests call (anything else fails by name: ../script-realm.ts);
 * service.ts holds what they share (counting, wrapping, range checks), and this file the surface the
 * rest of the runtime imports.
 *
 * Fidelity that matters here (see ../workbook.ts and ../user-entered.ts): strings written with
 * setValue(s) are parsed as typed input; a formula's value is what the workbook's
 * formula evaluator computed when it was written ('' without one); getUi() throws outside the editor;
 * custom functions may not change anything.
 */
export { SpreadsheetService } from './service';
export type { SpreadsheetFamily, SpreadsheetStats, Toast } from './service';
export type { Area } from './areas';
export { displayValue } from './display-value';
export { MAX_GRID_COLUMNS } from './rows-columns';

export { Workbook, SheetData } from '../workbook';
export type { Cell, CellValue, FormulaEvaluator, FormulaLocation, WorkbookJson, WorkbookOptions } from '../workbook';
