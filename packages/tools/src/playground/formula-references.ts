/**
 * Formulas' references follow inserted and deleted rows and columns, as in Sheets: what the playground
 * plugs into Workbook.setFormulaRewriter. A corner at or past an insertion moves by the rows
 * (columns) inserted, `$` or not; a corner past a deletion moves back; a range loses the part
 * deleted (`A2:A9` less rows 3..4 is `A2:A7`); a reference wholly deleted becomes `#REF!`. An
 * open-ended range keeps its open end (`A2:A` below a new row 1 is `A3:A`). A formula the playground
 * cannot read is left as written.
 */
import { lettersToColumn, columnToLetters } from '@stripe-utm-sheets/add-on/core/helpers/column-letters';
import type { StructureChange } from '../services/structure-change';
import { parseWithReferences, type ReferenceSpan } from './formula-parser';

const CORNER = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/;

interface Corner {
  columnDollar: string;
  letters: string;
  rowDollar: string;
  digits: string;
}

function readCorner(text: string): Corner | null {
  const match = CORNER.exec(text);
  if (!match) return null;
  return { columnDollar: match[1] ?? '', letters: match[2] ?? '', rowDollar: match[3] ?? '', digits: match[4] ?? '' };
}

function writeCorner(corner: Corner): string {
  return `${corner.columnDollar}${corner.letters}${corner.rowDollar}${corner.digits}`;
}

/** The corner's index in the changed dimension, or null when it has none there (`A` for rows). */
function indexOf(corner: Corner, dimension: StructureChange['dimension']): number | null {
  if (dimension === 'ROW') return corner.digits === '' ? null : Number(corner.digits);
  return corner.letters === '' ? null : lettersToColumn(corner.letters.toUpperCase());
}

function withIndex(corner: Corner, dimension: StructureChange['dimension'], index: number): Corner {
  return dimension === 'ROW' ? { ...corner, digits: String(index) } : { ...corner, letters: columnToLetters(index) };
}

/** Where index `i` goes; `edge` says which end of a range it is ('start' lands after a deletion, 'end' before). */
function moved(i: number, change: StructureChange, edge: 'start' | 'end' | 'single'): number | null {
  const { start, count } = change;
  if (change.kind === 'insert') return i >= start ? i + count : i;
  const last = start + count - 1;
  if (i < start) return i;
  if (i > last) return i - count;
  if (edge === 'single') return null;
  return edge === 'start' ? start : start - 1;
}

/** The reference's new text, `#REF!`, or null when it does not move. */
function rewriteReference(a1: string, change: StructureChange): string | null {
  const parts = a1.split(':').map(readCorner);
  if (parts.some((part) => part === null)) return null;
  const corners = parts as Corner[];
  const indexes = corners.map((corner) => indexOf(corner, change.dimension));
  if (corners.length === 1) {
    const [corner] = corners;
    const [index] = indexes;
    if (corner === undefined || index === undefined || index === null) return null;
    const next = moved(index, change, 'single');
    return next === null ? '#REF!' : writeCorner(withIndex(corner, change.dimension, next));
  }
  const [first, second] = corners;
  const [from, to] = indexes;
  if (first === undefined || second === undefined || from === undefined || to === undefined) return null;
  let start = from === null ? null : moved(from, change, 'start');
  let end = to === null ? null : moved(to, change, 'end');
  if (start !== null && end !== null && end < start) return '#REF!'; // every row (column) of it deleted
  start = start ?? from;
  end = end ?? to;
  const a = start === null ? first : withIndex(first, change.dimension, start);
  const b = end === null ? second : withIndex(second, change.dimension, end);
  return `${writeCorner(a)}:${writeCorner(b)}`;
}

function sameSheet(span: ReferenceSpan, formulaSheet: string, changed: string): boolean {
  return (span.sheet ?? formulaSheet).toLowerCase() === changed.toLowerCase();
}

/** The formula after `change`, rewritten where its references moved. */
export function rewriteFormula(formula: string, formulaSheet: string, change: StructureChange): string {
  let refs: ReferenceSpan[];
  try {
    refs = parseWithReferences(formula).refs;
  } catch {
    return formula;
  }
  let out = formula;
  for (const span of [...refs].reverse()) {
    if (!sameSheet(span, formulaSheet, change.sheet)) continue;
    const text = rewriteReference(formula.slice(span.start, span.end), change);
    if (text === null) continue;
    // A sheet-qualified reference wholly deleted loses its sheet name too, as Sheets shows it.
    const start = text === '#REF!' && span.sheet !== null ? sheetNameStart(formula, span.start) : span.start;
    out = out.slice(0, start) + text + out.slice(span.end);
  }
  return out;
}

/** Where the sheet name before the `!` at or before `cellsStart` begins (quoted or not). */
function sheetNameStart(formula: string, cellsStart: number): number {
  const bang = formula.lastIndexOf('!', cellsStart);
  if (formula.charAt(bang - 1) === "'") {
    let at = bang - 2;
    for (;;) {
      at = formula.lastIndexOf("'", at);
      if (at <= 0 || formula.charAt(at - 1) !== "'") return Math.max(0, at);
      at -= 2;
    }
  }
  let at = bang;
  while (at > 0 && /[A-Za-z0-9_.$]/.test(formula.charAt(at - 1))) at -= 1;
  return at;
}
