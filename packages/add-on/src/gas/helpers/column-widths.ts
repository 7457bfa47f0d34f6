/**
 * Column widths set as Sheets takes them cheapest: one setColumnWidths per run of adjacent columns
 * of one width, since each call is a round trip and a refresh lays out several tabs.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sets `widths[i]` on column `first + i`; a null width leaves that column as it is. */
export function setColumnWidths(sheet: Sheet, first: number, widths: ReadonlyArray<number | null>): void {
  let start = 0;
  while (start < widths.length) {
    const pixels = widths[start];
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === pixels) end++;
    if (pixels !== null && pixels !== undefined) {
      if (end === start) sheet.setColumnWidth(first + start, pixels);
      else sheet.setColumnWidths(first + start, end - start + 1, pixels);
    }
    start = end + 1;
  }
}
