/**
 * Where a report tab's parts go, row by row (Attribution, Attribution (settled), Weekly; issue 17):
 * the table's header stays in row 1 (users' formulas over `Attribution!A2:…` rely on it), then one
 * blank row, then the summary, one line a row in column A (not wrapped, so a line runs across the
 * empty cells to its right, as Sheets shows it), then one blank row, then the charts. A summary
 * beside the table sat off-screen; under it, the first screen shows it for a normal account.
 * Pure; the Apps Script side writes the cells and anchors the charts.
 */

/** The row of the summary's first line under a table of `tableRows` rows (header in row 1, a blank row between). */
export function summaryRow(tableRows: number): number {
  return tableRows + 3;
}

/** The summary's lines as rows: a line that holds several (a list under its heading) is split at its breaks. */
export function summaryRows(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split('\n')).filter((line) => line.trim() !== '');
}

/** The row the charts are anchored in: after the summary's `rows` (at least one) and a blank row. */
export function chartsRow(tableRows: number, rows: number): number {
  return summaryRow(tableRows) + Math.max(rows, 1) + 1;
}

/**
 * Where a tab written this way has its summary, from the values of its table's columns as read
 * (row 1 first): the row after the first blank row under the header (a table row always has a
 * value in one of its columns), and how many rows down to the last row read. With no header
 * (`headerFirst` not in A1), the summary goes in row 1.
 */
export function summaryBlock(values: readonly (readonly unknown[])[], headerFirst: string): { row: number; rows: number } {
  if (values[0]?.[0] !== headerFirst) return { row: 1, rows: values.length };
  const blank = values.findIndex((row, i) => i > 0 && row.every((cell) => cell === '' || cell === null));
  const row = blank === -1 ? values.length + 2 : blank + 2;
  return { row, rows: Math.max(values.length - row + 1, 0) };
}
