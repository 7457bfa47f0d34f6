/**
 * What Sheets shows for a cell (Range.getDisplayValues, not emulated), the text a TextFinder searches
 * and the playground shows (the guesses made here are in GUESSES.md):
 * numbers as they print (or per a simple number format), TRUE/FALSE, dates in the spreadsheet's time
 * zone.
 */
import { formatSimpleDate, zonedParts } from '../date-format';
import type { Cell } from '../sheet-data';

/** What a cell shows: numbers as they print (or per a simple number format), TRUE/FALSE, dates as yyyy-MM-dd[ HH:mm:ss]. */
export function displayValue(cell: Cell | undefined, timeZone: string): string {
  if (!cell) return '';
  const value = cell.value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const p = zonedParts(value, timeZone);
    const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
    return formatSimpleDate(value, timeZone, midnight ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss');
  }
  if (typeof value === 'number') return formatNumber(value, cell.numberFormat);
  return value;
}

function formatNumber(value: number, format: string): string {
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (fixed) {
    const text = value.toFixed(fixed[2]?.length ?? 0);
    if (!fixed[1]) return text;
    const [whole = '', fraction] = text.split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return fraction === undefined ? grouped : `${grouped}.${fraction}`;
  }
  return String(value);
}
