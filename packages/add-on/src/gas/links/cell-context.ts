/**
 * What Check selected cells needs beyond a cell's own value (issue 17): its row's payment link,
 * which makes an empty source, medium or campaign a problem, and the naming rules. The link
 * column is read once, and only when a selected cell needs it (it is often outside the selection);
 * the rules tabs likewise.
 */

import { lazily } from '../../core/helpers/lazily';
import type { CellContext } from '../../core/links/cell-check';
import { locateLinkColumns } from '../../core/link-tabs/link-columns';
import { activeNamingRules } from './naming-rules';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The context of each row of `sheet` (1-based row in, context out) under its header (row `headerRow`), read lazily. */
export function cellContexts(sheet: Sheet, header: readonly unknown[], headerRow = 1): (row: number) => CellContext {
  const linkColumn = locateLinkColumns(header).payment_link;
  const rules = lazily(activeNamingRules);
  const first = headerRow + 1;
  const links = lazily((): unknown[][] => {
    const last = sheet.getLastRow();
    return linkColumn === undefined || last < first ? [] : sheet.getRange(first, linkColumn, last - headerRow, 1).getValues();
  });
  return (row) => ({
    get rowLink(): unknown {
      return row < first ? '' : (links()[row - first]?.[0] ?? '');
    },
    get rules() {
      return rules();
    },
  });
}
