/**
 * A change of a sheet's structure that moves cells (rows or columns inserted or deleted through
 * Sheet's methods), and the hook that rewrites formulas' references after it, as Sheets does
 * (`=A2*2` below an inserted row 1 becomes `=A3*2`). The emulator keeps no formula language of its
 * own: the playground plugs its rewriter in (Workbook.setFormulaRewriter); without one, formulas
 * stay as written.
 */
export interface StructureChange {
  /** The sheet whose rows or columns moved. */
  sheet: string;
  dimension: 'ROW' | 'COLUMN';
  /** insert: `count` new rows (columns) before `start`; delete: `start`..`start + count - 1` removed. */
  kind: 'insert' | 'delete';
  start: number;
  count: number;
}

/** A formula of sheet `formulaSheet`, rewritten for a change (the same text when nothing it reads moved). */
export type FormulaRewriter = (formula: string, formulaSheet: string, change: StructureChange) => string;
