/**
 * Computes formulas the way Sheets calls the add-on's custom functions: arguments are read from the
 * workbook (a single cell as its value, a range as rows of values, blank cells as "", an open-ended
 * range such as A2:A down to the sheet's last row with data), the function runs in a fresh
 * 'custom_function' execution of the bundle, and what it throws becomes #ERROR! with the message
 * kept for the cell's tooltip. Operators are computed here (formula-operators.ts); a formula using
 * what the playground does not compute (another function, array literals) is #N/A to the add-on
 * and its cell shows why: "Not supported in the playground: VLOOKUP".
 */
import { parseA1 } from '../services/a1-notation';
import type { CellValue } from '@stripe-utm-sheets/add-on/core/helpers/cell-value';
import type { FormulaEvaluator, FormulaLocation, SheetData, Workbook } from '../services/workbook';
import { FormulaError } from '../services/formula-error';
import { applyBinary, negate, percent, singleValue } from './formula-operators';
import { FormulaUnsupported, parseFormula, type FormulaNode } from './formula-parser';

/** What runs a custom function: the bundle's functions, each call a fresh execution. */
export interface CustomFunctionHost {
  /** The function's name as the bundle declares it, for a name typed in any case; null when none. */
  resolve(name: string): string | null;
  call(name: string, args: unknown[]): unknown;
}

/** Open-ended A1 ranges: `A2:A`, `A:C` (rows to the last one with data), `2:3` (columns likewise). */
const OPEN_ROWS = /^\$?[A-Z]+\$?\d*:\$?[A-Z]+$/;
const OPEN_COLUMNS = /^\$?\d+:\$?\d+$/;

function cellKey(sheet: SheetData, row: number, column: number): string {
  return `${String(sheet.sheetId)}:${String(row)}:${String(column)}`;
}

export class PlaygroundFormulas {
  /** Why a formula cell shows an error (#ERROR!, #DIV/0!, ...), by `sheetId:row:column`. */
  private readonly errors = new Map<string, string>();
  /** The cells of `errors` whose formula uses what the playground does not compute. */
  private readonly unsupported = new Set<string>();

  constructor(private readonly host: CustomFunctionHost) {}

  /** What to plug into Workbook.setFormulaEvaluator. */
  readonly evaluate: FormulaEvaluator = (formula, at) => {
    const key = cellKey(at.sheet, at.row, at.column);
    this.unsupported.delete(key);
    try {
      const value = this.evaluateNode(parseFormula(formula), at);
      this.errors.delete(key);
      return value;
    } catch (error) {
      this.errors.set(key, error instanceof Error ? error.message : String(error));
      if (!(error instanceof FormulaUnsupported)) throw error;
      // What Sheets computes and the playground does not: #N/A to the add-on, the reason in the cell.
      this.unsupported.add(key);
      throw new FormulaError('#N/A', error.message);
    }
  };

  /** The message of the error a formula cell shows, if it shows one. */
  errorAt(sheet: SheetData, row: number, column: number): string | null {
    return this.errors.get(cellKey(sheet, row, column)) ?? null;
  }

  /** What the cell shows instead of #N/A when its formula uses what the playground does not compute. */
  unsupportedAt(sheet: SheetData, row: number, column: number): string | null {
    const key = cellKey(sheet, row, column);
    return this.unsupported.has(key) ? (this.errors.get(key) ?? null) : null;
  }

  private evaluateNode(node: FormulaNode, at: FormulaLocation): unknown {
    switch (node.kind) {
      case 'string':
      case 'number':
      case 'boolean':
        return node.value;
      case 'empty':
        return '';
      case 'ref':
        return readReference(node.sheet === null ? at.sheet : sheetNamed(at.workbook, node.sheet), node.a1);
      case 'call': {
        const name = this.host.resolve(node.name);
        // The playground computes only the add-on's own functions (UTM_LINK, UTM_ISSUES, UTM_CLEAN, ...).
        if (name === null) throw new FormulaUnsupported(node.name.toUpperCase());
        const args = node.args.map((arg) => this.evaluateNode(arg, at));
        return this.host.call(name, args);
      }
      case 'binary':
        return applyBinary(node.op, this.operand(node.left, at), this.operand(node.right, at));
      case 'negate':
        return negate(this.operand(node.operand, at));
      case 'percent':
        return percent(this.operand(node.operand, at));
      case 'error':
        throw new FormulaError(node.code, 'Reference does not exist.');
    }
  }

  /** An operator's operand: one value (a one-cell range is its cell). */
  private operand(node: FormulaNode, at: FormulaLocation): unknown {
    return singleValue(this.evaluateNode(node, at));
  }
}

function sheetNamed(workbook: Workbook, name: string): SheetData {
  const sheet = workbook.getSheet(name) ?? workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw new Error(`Unresolved sheet name '${name}'.`);
  return sheet;
}

/** A single cell as its value; a range as rows of values (blank cells ""), as Sheets passes them. */
function readReference(sheet: SheetData, a1: string): CellValue | CellValue[][] {
  const range = parseA1(a1, sheet.maxRows, sheet.maxColumns);
  if (OPEN_ROWS.test(a1)) range.numRows = Math.max(1, sheet.lastRow() - range.row + 1);
  if (OPEN_COLUMNS.test(a1)) range.numColumns = Math.max(1, sheet.lastColumn() - range.column + 1);
  if (!a1.includes(':')) return sheet.cell(range.row, range.column)?.value ?? '';
  const rows: CellValue[][] = [];
  for (let r = 0; r < range.numRows; r++) {
    const line: CellValue[] = [];
    for (let c = 0; c < range.numColumns; c++) line.push(sheet.cell(range.row + r, range.column + c)?.value ?? '');
    rows.push(line);
  }
  return rows;
}
