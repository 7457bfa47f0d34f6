/**
 * The spreadsheet a fresh playground starts with: a `Links` tab of demo campaign rows (a few of them
 * wrong on purpose) with one UTM_LINK and one UTM_ISSUES formula over whole columns.
 * The add-on's own set-up (Reconciliation tab, webhook token) is run by the playground afterwards.
 */
import { DEMO_LINK_HEADERS, DEMO_LINK_ROWS } from '../demo-links';
import type { Workbook } from '../services';

export const LINKS_SHEET = 'Links';

export const LINK_HEADERS = [...DEMO_LINK_HEADERS, 'tagged_link', 'UTM_LINK formula', 'UTM_ISSUES formula'] as const;

const ARGUMENTS = 'A2:A, B2:B, C2:C, D2:D, E2:E, F2:F, G2:G';
export const UTM_LINK_FORMULA = `=UTM_LINK(${ARGUMENTS})`;
export const UTM_ISSUES_FORMULA = `=UTM_ISSUES(${ARGUMENTS})`;

/** Column widths in pixels, so links and problems are readable at a glance. */
const COLUMN_WIDTHS: Record<number, number> = { 1: 330, 2: 110, 3: 100, 4: 130, 5: 110, 6: 100, 7: 130, 8: 160, 9: 520, 10: 520 };

/** Turns the workbook's first tab into the Links tab and fills it (the evaluator must be plugged in first). */
export function seedLinks(workbook: Workbook): void {
  const first = workbook.sheets[0];
  if (first && first.name !== LINKS_SHEET && workbook.getSheet(LINKS_SHEET) === null) first.name = LINKS_SHEET;
  const sheet = workbook.write(LINKS_SHEET, [[...LINK_HEADERS], ...DEMO_LINK_ROWS.map((row) => [...row])]);
  sheet.frozenRows = 1;
  for (let column = 1; column <= LINK_HEADERS.length; column++) {
    const header = sheet.cellForWrite(1, column);
    header.fontWeight = 'bold';
    header.background = '#f1f3f4';
  }
  for (const [column, width] of Object.entries(COLUMN_WIDTHS)) sheet.columnWidths.set(Number(column), width);
  workbook.writeFormula(sheet, 2, 9, UTM_LINK_FORMULA);
  workbook.writeFormula(sheet, 2, 10, UTM_ISSUES_FORMULA);
  workbook.setSelection(LINKS_SHEET, 'A2');
}
