/**
 * The clipboard's text as rows of cells and back: tab-separated lines, what Sheets, Excel and a text
 * editor copy. A cell holding a tab, a line break or a leading quote comes quoted ("a""b" is a"b), as
 * Sheets writes it. No DOM here.
 */

/** Rows of cells from pasted text; a final line break adds no row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let at = 0;
  let quotedCell = false;
  while (at < text.length) {
    const c = text.charAt(at);
    if (cell === '' && !quotedCell && c === '"' && closesQuoted(text, at)) {
      // A quoted cell: up to the quote that is not doubled.
      at += 1;
      for (;;) {
        const q = text.indexOf('"', at);
        if (text.charAt(q + 1) === '"') {
          cell += text.slice(at, q + 1);
          at = q + 2;
          continue;
        }
        cell += text.slice(at, q);
        at = q + 1;
        break;
      }
      quotedCell = true;
      continue;
    }
    if (c === '\t') {
      row.push(cell);
      cell = '';
      quotedCell = false;
    } else if (c === '\n' || c === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      quotedCell = false;
      if (c === '\r' && text.charAt(at + 1) === '\n') at += 1;
    } else {
      cell += c;
    }
    at += 1;
  }
  if (cell !== '' || row.length > 0 || quotedCell) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** True when the quote at `at` opens a quoted cell: one closed before the cell's end (a tab, a line end, the text's end). */
function closesQuoted(text: string, at: number): boolean {
  let i = at + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) return false;
    if (text.charAt(q + 1) === '"') {
      i = q + 2;
      continue;
    }
    const after = text.charAt(q + 1);
    return after === '' || after === '\t' || after === '\n' || after === '\r';
  }
}

/** Rows of shown values as text to copy, quoting what would not read back as one cell. */
export function toTsv(rows: string[][]): string {
  const quote = (cell: string): string => (/[\t\n\r]|^"/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join('\t')).join('\n');
}
