/**
 * The spreadsheet a fresh playground starts with: a `Links` tab of demo campaign rows (a few of them
 * wrong on purpose) with one UTM_ISSUES and one UTM_LINK formula over whole columns. The issues sit
 * right beside the inputs, wrapped, so a 1,400 px window shows every problem whole (issue 17: they
 * were off-screen, one line of each shown). The add-on's own set-up (Reconciliation tab, webhook
 * token) is run by the playground afterwards.
 */
import { DEMO_LINK_HEADERS, DEMO_LINK_ROWS } from '../demo-links';
import type { Workbook } from '../services';

export const LINKS_SHEET = 'Links';

export const LINK_HEADERS = [...DEMO_LINK_HEADERS, 'UTM_ISSUES formula', 'tagged_link', 'UTM_LINK formula'] as const;
/** Where each formula goes (1-based), by its header. */
export const UTM_ISSUES_COLUMN = LINK_HEADERS.indexOf('UTM_ISSUES formula') + 1;
export const UTM_LINK_COLUMN = LINK_HEADERS.indexOf('UTM_LINK formula') + 1;

const ARGUMENTS = 'A2:A, B2:B, C2:C, D2:D, E2:E, F2:F, G2:G';
export const UTM_LINK_FORMULA = `=UTM_LINK(${ARGUMENTS})`;
export const UTM_ISSUES_FORMULA = `=UTM_ISSUES(${ARGUMENTS})`;

/** Column widths in pixels: the inputs, then the issues (380 px, to the window's edge at 1,400), then the links. */
const COLUMN_WIDTHS: Record<number, number> = { 1: 290, 2: 110, 3: 100, 4: 130, 5: 100, 6: 100, 7: 130, 8: 380, 9: 160, 10: 520 };
/** Rows whose issues cell wraps: the demo's and room for rows a user adds. */
const WRAPPED_ROWS = 200;

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
  for (let row = 2; row <= WRAPPED_ROWS; row++) sheet.cellForWrite(row, UTM_ISSUES_COLUMN).wrap = true;
  // Before the formulas, which read the rules as they are computed.
  seedNamingRules(workbook);
  workbook.writeFormula(sheet, 2, UTM_ISSUES_COLUMN, UTM_ISSUES_FORMULA);
  workbook.writeFormula(sheet, 2, UTM_LINK_COLUMN, UTM_LINK_FORMULA);
  workbook.setSelection(LINKS_SHEET, 'A2');
}

export const RULES_SHEET = 'UTM rules';

/**
 * The team's naming rules (issue 17): the add-on finds this tab by its header, not its name, and
 * holds sources and mediums to these spellings, so `Facebook Ads` is pointed to `facebook`.
 */
const NAMING_RULES: ReadonlyArray<readonly string[]> = [
  ['utm_source', 'utm_medium'],
  ['newsletter', 'email'],
  ['facebook', 'paid_social'],
  ['instagram', 'social'],
  ['linkedin', 'cpc'],
  ['google', 'referral'],
  ['partner-blog', ''],
];

function seedNamingRules(workbook: Workbook): void {
  if (workbook.getSheet(RULES_SHEET) !== null) return;
  const sheet = workbook.write(
    RULES_SHEET,
    NAMING_RULES.map((row) => [...row]),
  );
  sheet.frozenRows = 1;
  for (let column = 1; column <= 2; column++) sheet.cellForWrite(1, column).fontWeight = 'bold';
  for (let column = 1; column <= 2; column++) sheet.columnWidths.set(column, 140);
}
