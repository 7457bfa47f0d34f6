/** A1 notation for the page's selection (no DOM here). */

import { columnToLetters, lettersToColumn } from '@stripe-utm-sheets/add-on/core/helpers/column-letters';

/** A block of cells, 1-based and inclusive, r1 <= r2 and c1 <= c2. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Point {
  r: number;
  c: number;
}

/** The page's name for the core conversion. */
export const columnLetters = columnToLetters;
const columnNumber = lettersToColumn;

export function cellA1(point: Point): string {
  return `${columnLetters(point.c)}${String(point.r)}`;
}

export function rectOf(a: Point, b: Point): Rect {
  return { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) };
}

/** "B3", "B3:D7", whole columns "B:C" and whole rows "3:4" (given the sheet's size). */
export function rectA1(rect: Rect, maxRows: number, maxColumns: number): string {
  const wholeColumns = rect.r1 === 1 && rect.r2 >= maxRows;
  const wholeRows = rect.c1 === 1 && rect.c2 >= maxColumns;
  if (wholeColumns && !wholeRows) return `${columnLetters(rect.c1)}:${columnLetters(rect.c2)}`;
  if (wholeRows && !wholeColumns) return `${String(rect.r1)}:${String(rect.r2)}`;
  if (rect.r1 === rect.r2 && rect.c1 === rect.c2) return cellA1({ r: rect.r1, c: rect.c1 });
  return `${cellA1({ r: rect.r1, c: rect.c1 })}:${cellA1({ r: rect.r2, c: rect.c2 })}`;
}

/** The block an A1 range names on a sheet of that size, or null. */
export function parseRect(a1: string, maxRows: number, maxColumns: number): Rect | null {
  const corner = (text: string): { r: number | null; c: number | null } | null => {
    const match = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(text);
    if (!match || (match[1] === '' && match[2] === '')) return null;
    return { c: match[1] ? columnNumber(match[1]) : null, r: match[2] ? Number(match[2]) : null };
  };
  const [first = '', second] = a1.split(':');
  const a = corner(first);
  if (!a) return null;
  const b = second === undefined ? a : corner(second);
  if (!b) return null;
  return rectOf(
    { r: a.r ?? 1, c: a.c ?? 1 },
    { r: b.r ?? (second === undefined ? (a.r ?? 1) : maxRows), c: b.c ?? (second === undefined ? (a.c ?? 1) : maxColumns) },
  );
}

export function contains(rect: Rect, point: Point): boolean {
  return point.r >= rect.r1 && point.r <= rect.r2 && point.c >= rect.c1 && point.c <= rect.c2;
}
