/**
 * The report tabs' summary where it is seen (issue 17, item 6), in Debian's Chromium at
 * 1,400 × 900: after the demo's Connect, Sync now and Refresh attribution, each of Attribution,
 * Attribution (settled) and Weekly shows its table from row 1, then after a blank row its summary,
 * a line a row in column A running on over the empty cells to its right, inside the first screen,
 * and the charts below it. The screenshots are the README's (docs/attribution.png,
 * docs/attribution-settled.png, docs/weekly.png).
 */
import path from 'node:path';
import { expectText } from './browser';
import { openTab, walkDemo } from './demo-walk';
import { playgroundForEachTest, SHOTS } from './open-playground';

const ui = playgroundForEachTest();

/** The tab's first rows as shown: the table's height (rows under the header down to the first blank one), then each summary line's box and text. */
async function shownSummary() {
  return ui.page.evaluate(() => {
    const td = (r: number, c: number) => document.getElementById(`cell-${String(r)}-${String(c)}`);
    const text = (r: number) => (td(r, 1)?.textContent ?? '').trim();
    let table = 0;
    while (text(table + 2) !== '') table++;
    const lines: Array<{ row: number; text: string; cell: DOMRect; text_box: DOMRect; overflow: string }> = [];
    for (let r = table + 3; td(r, 1) !== null && text(r) !== ''; r++) {
      const cell = td(r, 1)!;
      const range = document.createRange();
      range.selectNodeContents(cell);
      lines.push({
        row: r,
        text: text(r),
        cell: cell.getBoundingClientRect().toJSON() as DOMRect,
        text_box: range.getBoundingClientRect().toJSON() as DOMRect,
        overflow: getComputedStyle(cell).overflow,
      });
    }
    const charts = [...document.querySelectorAll('figure.chart')].map((figure) => figure.getBoundingClientRect().top);
    return { table, lines, charts };
  });
}

const TABS = [
  { name: 'Attribution', first: /^USD, test mode: [\d,.]+ USD of [\d,.]+ USD attributed/, shot: 'attribution.png' },
  { name: 'Attribution (settled)', first: /^USD, test mode: \d+ paid sessions settled/, shot: 'attribution-settled.png' },
  { name: 'Weekly', first: /^Weeks run Monday to Sunday/, shot: 'weekly.png' },
];

describe("the report tabs' summary", () => {
  it('shows the summary under the table, a line a row read across the first screen, the charts below it', async () => {
    await walkDemo(ui.page);

    for (const tab of TABS) {
      await openTab(ui.page, tab.name);
      await expectText(ui.cell(1, 1), 'utm_campaign');
      await ui.page.waitForFunction(() => document.querySelectorAll('figure.chart').length > 0);
      const { table, lines, charts } = await shownSummary();
      expect(table).toBeGreaterThan(0);
      const [first] = lines;
      expect(first?.row).toBe(table + 3);
      expect(first?.text).toMatch(tab.first);
      // The first line inside the 1,400 × 900 window, on one line, running on past column A.
      expect(first!.cell.top).toBeGreaterThanOrEqual(0);
      expect(first!.cell.bottom).toBeLessThanOrEqual(900);
      expect(first!.cell.left).toBeGreaterThanOrEqual(0);
      expect(first!.text_box.height).toBeLessThanOrEqual(first!.cell.height);
      expect(first!.text_box.right).toBeGreaterThan(first!.cell.right);
      expect(first!.overflow).toBe('visible');
      // The charts below the last line.
      const last = lines[lines.length - 1]!;
      for (const top of charts) expect(top).toBeGreaterThan(last.cell.bottom);
      await ui.page.screenshot({ path: path.join(SHOTS, `summary-${tab.shot}`) });
    }
  });
});
