/**
 * Sheets' operators over single values, as the playground computes them: arithmetic (+ - * / ^,
 * unary minus, %), `&` and comparisons, with Sheets' coercions (a blank is 0 or "", TRUE is 1, text
 * that reads as a number is that number) and its error values (#DIV/0!, #VALUE!, #NUM!, an error an
 * operand already holds passed on). The messages are those Sheets shows on hover.
 */
import { FORMULA_ERROR_CODES, FormulaError, type FormulaErrorCode } from '../services/formula-error';
import type { BinaryOperator } from './formula-parser';
import { FormulaUnsupported } from './formula-parser';

/** Sheets' own names for the operators, which its messages use. */
const OPERATOR_NAMES: Record<BinaryOperator, string> = {
  '+': 'ADD',
  '-': 'MINUS',
  '*': 'MULTIPLY',
  '/': 'DIVIDE',
  '^': 'POW',
  '&': 'CONCAT',
  '=': 'EQ',
  '<>': 'NE',
  '<': 'LT',
  '>': 'GT',
  '<=': 'LTE',
  '>=': 'GTE',
};

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** An operand as one value: a range or array result of one cell is that cell; a larger one is not supported. */
export function singleValue(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const rows = value as unknown[];
  const first = rows[0];
  const cells = Array.isArray(first) ? (first as unknown[]) : [first];
  if (rows.length === 1 && cells.length === 1) return cells[0];
  throw new FormulaUnsupported('an operator over a range of several cells (Sheets needs ARRAYFORMULA for that)');
}

/** Throws the error an operand holds (a cell that shows #DIV/0!, ...); dates are not supported. */
function passOn(value: unknown): void {
  if (typeof value === 'string' && FORMULA_ERROR_CODES.includes(value)) {
    const code: FormulaErrorCode = value === '#NAME?' ? '#ERROR!' : (value as FormulaErrorCode);
    throw new FormulaError(code, `A cell this formula reads shows ${value}.`);
  }
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    throw new FormulaUnsupported('arithmetic and comparisons on dates');
  }
}

function toNumber(value: unknown, name: string, position: number): number {
  passOn(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === '' || value === null || value === undefined) return 0;
  const text = plainText(value).trim();
  if (NUMERIC_TEXT.test(text)) return Number(text);
  throw new FormulaError(
    '#VALUE!',
    `Function ${name} parameter ${String(position)} expects number values. But '${plainText(value)}' is a text and cannot be coerced to a number.`,
  );
}

/** A number as `&` writes it: at most 15 significant digits, as Sheets keeps. */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function toText(value: unknown): string {
  passOn(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value === null || value === undefined ? '' : plainText(value);
}

/** A finite result, or #NUM! (an overflow, a root of a negative number). */
function finite(value: number, name: string): number {
  if (Number.isFinite(value)) return value;
  throw new FormulaError('#NUM!', `${name} produced a result that is not a real number or is too large.`);
}

/** Sheets' order across kinds: numbers, then text (without case), then booleans; a blank is the other side's empty. */
function compare(a: unknown, b: unknown): number {
  passOn(a);
  passOn(b);
  const rank = (v: unknown): number => (typeof v === 'number' ? 0 : typeof v === 'boolean' ? 2 : 1);
  const blank = (v: unknown): boolean => v === '' || v === null || v === undefined;
  const x = blank(a) ? (typeof b === 'number' ? 0 : typeof b === 'boolean' ? false : '') : a;
  const y = blank(b) ? (typeof x === 'number' ? 0 : typeof x === 'boolean' ? false : '') : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  const [s, t] = [String(x).toLowerCase(), String(y).toLowerCase()];
  return s < t ? -1 : s > t ? 1 : 0;
}

/** `left op right` over single values. */
export function applyBinary(op: BinaryOperator, left: unknown, right: unknown): number | string | boolean {
  const name = OPERATOR_NAMES[op];
  switch (op) {
    case '&':
      return toText(left) + toText(right);
    case '=':
      return compare(left, right) === 0;
    case '<>':
      return compare(left, right) !== 0;
    case '<':
      return compare(left, right) < 0;
    case '>':
      return compare(left, right) > 0;
    case '<=':
      return compare(left, right) <= 0;
    case '>=':
      return compare(left, right) >= 0;
  }
  const x = toNumber(left, name, 1);
  const y = toNumber(right, name, 2);
  switch (op) {
    case '+':
      return finite(x + y, name);
    case '-':
      return finite(x - y, name);
    case '*':
      return finite(x * y, name);
    case '/':
      if (y === 0) throw new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.');
      return finite(x / y, name);
    case '^':
      if (x === 0 && y < 0) throw new FormulaError('#DIV/0!', 'Function POW parameter 2 cannot be negative when parameter 1 is zero.');
      return finite(x ** y, name);
  }
}

/** Unary minus. */
export function negate(value: unknown): number {
  return -toNumber(value, 'UMINUS', 1);
}

/** `x%`. */
export function percent(value: unknown): number {
  return toNumber(value, 'UNARY_PERCENT', 1) / 100;
}

/** A cell's text (cells hold strings, numbers and booleans here: passOn refused dates). */
function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Object.prototype.toString.call(value); // not a cell's value: said as what it is
}
