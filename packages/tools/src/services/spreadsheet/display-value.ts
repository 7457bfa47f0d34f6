/**
 * What Sheets shows for a cell (Range.getDisplayValues, not emulated), the text a TextFinder searches
 * and the playground shows (the guesses made here are in GUESSES.md):
 * numbers as they print (or per a simple number format), TRUE/FALSE, dates in the spreadsheet's time
 * zone.
 */
import { formatSimpleDate, zonedParts } from '../date-format';
import type { Cell } from '../sheet-data';

/** What a cell shows: numbers as they print (or per a simple number format, quoted text around it), TRUE/FALSE, dates as yyyy-MM-dd[ HH:mm:ss]. */
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

/**
 * A format's text in double quotes is shown as it is, around the number (Sheets' number format
 * tokens, https://developers.google.com/sheets/api/guides/formats: `"text"`), as are other
 * characters outside the number's pattern: `#,##0.00 "USD"` shows `1,234.50 USD`. A format with
 * no number pattern, or more than one, shows the number as JavaScript prints it.
 */
function formatNumber(value: number, format: string): string {
  const tokens = format.match(/"[^"]*"|[#0,.%]+|[^"#0,.%]+/g) ?? [];
  const patterns = tokens.filter((token) => /^[#0,.%]+$/.test(token));
  if (tokens.length <= 1 || patterns.length !== 1 || tokens.join('') !== format) return formatPattern(value, format);
  return tokens.map((token) => (token === patterns[0] ? formatPattern(value, token) : token.replace(/^"([^"]*)"$/, '$1'))).join('');
}

function formatPattern(value: number, format: string): string {
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
