/**
 * How text reaches a cell unchanged. Sheets parses what setValue(s) writes like typed input (`=`,
 * `+`, `-`, `@` start a formula; `00123` becomes a number), and an apostrophe in front is how
 * typed input says "this is text". In a Plain text cell (number format `@`) nothing is parsed and
 * an apostrophe stays part of the value, so there the text goes in as it is.
 */

export const PLAIN_TEXT_FORMAT = '@';

export function isPlainTextFormat(numberFormat: unknown): boolean {
  return numberFormat === PLAIN_TEXT_FORMAT;
}

/** `text` as setValue(s) must be given it for the cell to hold exactly `text`. */
export function literalText(text: string, numberFormat: unknown = ''): string {
  return text === '' || isPlainTextFormat(numberFormat) ? text : `'${text}`;
}

/**
 * What a cell's value was written as, read back: a Plain text cell written before it was made
 * Plain text (or by someone typing `'x`) can hold the apostrophe itself.
 */
export function textOfCell(value: unknown): string {
  if (typeof value === 'string') return value.startsWith("'") ? value.slice(1) : value;
  if (typeof value === 'number' && isFinite(value)) return String(value);
  return '';
}
