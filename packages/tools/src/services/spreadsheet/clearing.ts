/**
 * What Sheet.clear and Range.clear (and clearContent(s), clearFormat(s)) share: reading
 * clear({contentsOnly}) / clear({formatOnly}), and clearing one cell's contents, formats or both
 * (notes stay).
 */
import { hasContent, type Cell, type SheetData } from '../sheet-data';
import type { Workbook } from '../workbook';

export function clearOptions(options: unknown): { contents: boolean; formats: boolean } {
  if (options === null || typeof options !== 'object') return { contents: true, formats: true };
  const o = options as { contentsOnly?: unknown; formatOnly?: unknown };
  const contentsOnly = o.contentsOnly === true;
  const formatOnly = o.formatOnly === true;
  if (contentsOnly || formatOnly) return { contents: contentsOnly, formats: formatOnly };
  return { contents: true, formats: true };
}

/** Clears a cell; true when there was something to clear. */
export function clearCell(
  workbook: Workbook,
  sheet: SheetData,
  row: number,
  column: number,
  cell: Cell | undefined,
  contents: boolean,
  formats: boolean,
): boolean {
  if (!cell) return false;
  let changed = false;
  if (contents && hasContent(cell)) {
    workbook.clearContent(sheet, row, column);
    changed = true;
  }
  if (formats && (cell.numberFormat !== '' || cell.background !== null || cell.fontWeight !== 'normal' || cell.wrap === true)) {
    cell.numberFormat = '';
    cell.background = null;
    cell.fontWeight = 'normal';
    delete cell.wrap;
    sheet.compact(row, column);
    changed = true;
  }
  return changed;
}
