/**
 * What a spreadsheet hands to the add-on for one cell, and how it becomes text.
 * Sheets passes numbers as numbers, dates as Date objects and checkboxes as booleans;
 * turning those into text silently would put `Fri Mar 01 2024 ...` or `true` into a link.
 */

/**
 * What a cell holds as Sheets hands it over (getValues, a custom function's argument): the one
 * definition, for the add-on and for the local tools' emulated cells alike. An empty cell is ''.
 */
export type CellValue = string | number | boolean | Date;

export type CellReading = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'not_text'; reason: string };

const PLAIN_TEXT_HINT = 'format the cell as Plain text (Format > Number > Plain text) and type it again';

/** Date objects may come from another realm (Sheets, a vm context), so no `instanceof`. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** What getValues gives for a cell whose formula fails: its error, as text (issue 17: never "cleaned" into `ERROR`). */
const FORMULA_ERROR = /^#(?:ERROR!|N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/;

export function readCell(value: unknown): CellReading {
  if (typeof value === 'string' && FORMULA_ERROR.test(value)) {
    return { kind: 'not_text', reason: `shows the formula error ${value}, not a value; fix the formula or type the value instead` };
  }
  if (typeof value === 'string') return value === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return readNumber(value);
  if (typeof value === 'boolean') {
    return {
      kind: 'not_text',
      reason: `is ${value ? 'TRUE' : 'FALSE'} (a checkbox or TRUE/FALSE value), not text; type the value as text`,
    };
  }
  if (isDate(value)) {
    return {
      kind: 'not_text',
      reason: `is a date, not text: Sheets turned what was typed into a date; ${PLAIN_TEXT_HINT}`,
    };
  }
  return { kind: 'not_text', reason: 'is not a single value; give one cell or one column' };
}

function readNumber(value: number): CellReading {
  if (!isFinite(value)) return { kind: 'not_text', reason: `is ${String(value)}, not text` };
  // Above 2^53 Sheets has already rounded the digits that were typed: writing them would be a guess.
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return {
      kind: 'not_text',
      reason: `is the number ${String(value)}, too large for Sheets to keep every digit; ${PLAIN_TEXT_HINT}`,
    };
  }
  return { kind: 'text', text: String(value) };
}
