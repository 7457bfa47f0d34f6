/**
 * The grid a marketer works in, in Chromium: paste 200 tab-separated rows with Ctrl+V and see the
 * UTM_LINK results fill; the headers' right-click menu inserts a title row above the header (the
 * formulas follow) and deletes a row; sort by a column keeps the header; "+" adds a tab; =1+1 shows 2.
 * Screenshot: /tmp/shots-grid/paste.png (and test-results/grid-paste.png).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expectText } from './browser';
import { playgroundForEachTest, SHOTS } from './open-playground';

const open = playgroundForEachTest();
const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

/** The 1-based column of a header in row `row` of the tab shown. */
async function columnOf(name: string, row = 1): Promise<number> {
  for (let c = 1; c <= 26; c++) if (((await open.cell(row, c).textContent()) ?? '').trim() === name) return c;
  throw new Error(`no header ${name} in row ${String(row)}`);
}

/** Puts text on the page's clipboard and presses Ctrl+V on the grid. */
async function paste(text: string): Promise<void> {
  const { page } = open;
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('table.grid').focus();
  await page.keyboard.press('Control+V');
}

describe('the playground grid', () => {
  it('pastes 200 tab-separated rows with Ctrl+V and the UTM_LINK results fill', async () => {
    const { page } = open;
    const link = await columnOf('UTM_LINK formula');
    let last = 1;
    while (((await open.cell(last + 1, 1).textContent()) ?? '').trim() !== '') last += 1;
    const first = last + 1;
    const lines = Array.from({ length: 200 }, (_, i) => [LINK, 'newsletter', 'email', `promo_${String(i)}`].join('\t'));
    await open.cell(first, 1).click();
    await paste(`${lines.join('\n')}\n`);
    await expectText(page.locator('#status'), `Pasted 200 rows of 4 cells from A${String(first)}.`);
    await expectText(open.cell(first + 199, 4), 'promo_199');
    await expectText(open.cell(first + 199, link), `${LINK}?utm_source=newsletter&utm_medium=email&utm_campaign=promo_199`);
    await expectText(open.cell(first, link), `${LINK}?utm_source=newsletter&utm_medium=email&utm_campaign=promo_0`);
    await open.cell(first + 5, 1).scrollIntoViewIfNeeded();
    mkdirSync('/tmp/shots-grid', { recursive: true });
    await page.screenshot({ path: '/tmp/shots-grid/paste.png' });
    await page.screenshot({ path: path.join(SHOTS, 'grid-paste.png') });
  });

  it('inserts a title row above the header from the row header menu; the formulas follow and still give links', async () => {
    const { page } = open;
    const link = await columnOf('UTM_LINK formula');
    const before = (await open.cell(2, link).textContent()) ?? '';
    expect(before).toMatch(/^https:\/\/buy\.stripe\.com\//);
    await page.locator('th[data-r="1"]').first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Insert 1 row above' }).click();
    await expectText(page.locator('#status'), 'Inserted 1 row above row 1.');
    await expectText(open.cell(2, 1), 'payment_link');
    await expectText(open.cell(3, link), before);
    // Delete it again: the header is back in row 1.
    await page.locator('th[data-r="1"]').first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete row 1' }).click();
    await expectText(page.locator('#status'), 'Deleted row 1.');
    await expectText(open.cell(1, 1), 'payment_link');
    await expectText(open.cell(2, link), before);
  });

  it('deletes a row and sorts by a column, the header staying on top', async () => {
    const { page } = open;
    const source = await columnOf('utm_source');
    const rowKey = async (r: number): Promise<string> => {
      const texts: string[] = [];
      for (let c = 1; c <= 4; c++) texts.push(((await open.cell(r, c).textContent()) ?? '').trim());
      return texts.join('|');
    };
    const third = await rowKey(3);
    const fourth = await rowKey(4);
    expect(fourth).not.toBe(third);
    await page.locator('th[data-r="3"]').first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete row 3' }).click();
    await expectText(page.locator('#status'), 'Deleted row 3.');
    expect(await rowKey(3)).toBe(fourth);

    await page
      .locator(`th[data-c="${String(source)}"]`)
      .first()
      .click({ button: 'right' });
    await page.getByRole('menuitem', { name: /A → Z/ }).click();
    await expectText(page.locator('#status'), /^Sorted Links by column [A-Z]+, A → Z; the header row stays on top\.$/);
    await expectText(open.cell(1, source), 'utm_source');
    const sources: string[] = [];
    for (let r = 2; r <= 6; r++) sources.push(((await open.cell(r, source).textContent()) ?? '').trim());
    const filled = sources.filter((s) => s !== '');
    expect(filled).toEqual([...filled].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('adds a tab with "+", and =1+1 typed there shows 2; a function it does not compute says so', async () => {
    const { page } = open;
    await page.getByRole('button', { name: 'Add a sheet' }).click();
    await expectText(page.locator('[role="tab"][aria-selected="true"]'), /^Sheet\d+$/);
    await open.cell(1, 1).click();
    await page.keyboard.type('=1+1');
    await page.keyboard.press('Enter');
    await expectText(open.cell(1, 1), '2');
    await open.cell(2, 1).click();
    await page.keyboard.type('=VLOOKUP(A1, A1:B2, 2)');
    await page.keyboard.press('Enter');
    await expectText(open.cell(2, 1), 'Not supported in the playground: VLOOKUP');
  });
});
