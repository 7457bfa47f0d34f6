/**
 * How Sheets reads a string written by Range.setValue(s): like text typed into a cell (the API's
 * USER_ENTERED), not as the string it is. This is what makes a customer's name that begins with `=`,
 * `+`, `-` or `@` a formula, and `00123` the number 123. The guesses made here are in GUESSES.md.
 */
import type { CellValue } from '@stripe-utm-sheets/add-on/core/helpers/cell-value';
import { isDate, nodeDate, stringOf } from './script-realm';
import { zonedTimeToDate } from './date-format';

/** What a cell can hold; '' is an empty cell. */
export type { CellValue };

export interface CellInput {
  value: CellValue;
  /** The formula ('' when the cell holds a plain value). */
  formula: string;
  /** A number format Sheets picks for what was typed (a percentage), when the cell has none. */
  numberFormat?: string;
}

/** Sheets refuses a cell of more than 50,000 characters. */
export const MAX_CELL_CHARACTERS = 50000;

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A value from the script (of either realm) as a cell stores it, before any parsing of strings. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return nodeDate(value);
  if (typeof value === 'bigint') return Number(value);
  return stringOf(value);
}

function validDate(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : daysInMonth);
}

function parseDate(text: string, timeZone: string): Date | null {
  let y: string | undefined;
  let mo: string | undefined;
  let d: string | undefined;
  let h: string | undefined;
  let mi: string | undefined;
  let s: string | undefined;
  const iso = ISO_DATE.exec(text);
  if (iso) [, y, mo, d, h, mi, s] = iso;
  else {
    const us = US_DATE.exec(text);
    if (!us) return null;
    [, mo, d, y, h, mi, s] = us;
  }
  const parts = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!validDate(...parts)) return null;
  return zonedTimeToDate(...parts, timeZone);
}

/**
 * Reads a string as Sheets reads typed input:
 * - `=...` is a formula; so is a string beginning with `+`, `-` or `@` that is not a plain number
 *   (Sheets stores it as `=` followed by the string: `+cmd|' /C calc'!A0` becomes `=+cmd|' /C calc'!A0`);
 *   a lone `+`, `-` or `@` stays text;
 * - `'...` is literal text, without that apostrophe;
 * - a plain number (`-5`, `00123`, `1.5`, `1e3`, `1,234`) is a number, `12%` is 0.12;
 * - `TRUE` / `FALSE` in any case are booleans;
 * - `yyyy-mm-dd`, `yyyy/mm/dd`, `m/d/yyyy` (the en_US locale), each optionally with ` hh:mm[:ss]`,
 *   are Dates at that wall time in the spreadsheet's time zone;
 * - anything else is the text as written.
 * Surrounding spaces do not stop a number, boolean or date from being recognised.
 */
export function parseUserEntered(text: string, timeZone: string): CellInput {
  if (text.startsWith('=')) return { value: '', formula: text };
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  const trimmed = text.trim();
  if (PLAIN_NUMBER.test(trimmed)) return { value: Number(trimmed), formula: '' };
  if (GROUPED_NUMBER.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')), formula: '' };
  const percent = PERCENT.exec(trimmed);
  if (percent) {
    const digits = percent[1] ?? '0';
    return { value: Number(digits) / 100, formula: '', numberFormat: digits.includes('.') ? '0.00%' : '0%' };
  }
  if (/^[+\-@]./s.test(text)) return { value: '', formula: `=${text}` };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE') return { value: true, formula: '' };
  if (upper === 'FALSE') return { value: false, formula: '' };
  const date = parseDate(trimmed, timeZone);
  if (date) return { value: date, formula: '' };
  return { value: text, formula: '' };
}

/**
 * What a cell gets when the script writes this value with setValue(s): strings are
 * parsed as typed input (unless the cell's number format is plain text, '@'), anything else is
 * stored as it is. Throws Sheets' error for a string over 50,000 characters.
 */
export function interpretWrite(value: unknown, timeZone: string, cellNumberFormat: string): CellInput {
  const cell = toCellValue(value);
  if (typeof cell !== 'string') return { value: cell, formula: '' };
  if (cell.length > MAX_CELL_CHARACTERS) {
    throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
  }
  if (cellNumberFormat === '@') return { value: cell, formula: '' };
  return parseUserEntered(cell, timeZone);
}
