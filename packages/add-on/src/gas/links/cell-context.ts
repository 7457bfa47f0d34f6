/**
 * What Check selected cells needs beyond a cell's own value (issue 17): its row's payment link,
 * which makes an empty source, medium or campaign a problem, and the naming rules. The link
 * column is read once, and only when a selected cell needs it (it is often outside the selection);
 * the rules tabs likewise, and the tab's own spellings, offered as a value's fix.
 */

import { lazily } from '../../core/helpers/lazily';
import type { CellContext } from '../../core/links/cell-check';
import { locateLinkColumns } from '../../core/link-tabs/link-columns';
import { activeNamingRules } from './naming-rules';
import { tabSpellings, type Spellings } from '../../core/link-tabs/spellings';

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
  const spellings = lazyTabSpellings(sheet, header, headerRow);
  return (row) => ({
    get spellings(): Spellings {
      return spellings();
    },
    get rowLink(): unknown {
      return row < first ? '' : (links()[row - first]?.[0] ?? '');
    },
    get rules() {
      return rules();
    },
  });
}

/** The tab's own spellings (core/link-tabs/spellings.ts), read once, on first use: one read of the tab under its header. */
export function lazyTabSpellings(sheet: Sheet, header: readonly unknown[], headerRow: number): () => Spellings {
  return lazily((): Spellings => {
    const last = sheet.getLastRow();
    const data = last < headerRow ? [header] : sheet.getRange(headerRow, 1, last - headerRow + 1, Math.max(header.length, 1)).getValues();
    return tabSpellings(data, locateLinkColumns(header));
  });
}
