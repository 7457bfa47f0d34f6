/**
 * Issue 17: a marketer inserts a title row above the demo's Links header (right-click the row
 * header > Insert 1 row above), types a title, and goes on with the sidebar: the link builder finds
 * the columns under the title and Insert into active row writes the row it is on, the title left
 * as typed. Before, the sidebar found no link columns on such a tab.
 */
import path from 'node:path';
import { expectText, openSidebar } from './browser';
import { playgroundForEachTest, SHOTS } from './open-playground';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
const TITLE = 'Spring campaigns 2026';

const ui = playgroundForEachTest();

/** The 1-based column headed `header` in row `row` of the tab shown. */
async function columnIn(row: number, header: string): Promise<number> {
  const cells = await ui.page
    .locator(`[id^="cell-${String(row)}-"]`)
    .evaluateAll((found) => found.map((cell) => ({ id: cell.id, text: cell.textContent.trim() })));
  const hit = cells.find((cell) => cell.text === header);
  if (!hit) throw new Error(`No column headed ${header} in row ${String(row)}: ${cells.map((cell) => cell.text).join(', ')}`);
  return Number(hit.id.slice(`cell-${String(row)}-`.length));
}

describe('a title row above the Links header', () => {
  it('the sidebar works under it: Insert into active row writes the row, the title stays as typed', async () => {
    const { page } = ui;
    await page.locator('th[data-r="1"]').first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Insert 1 row above' }).click();
    await expectText(page.locator('#status'), 'Inserted 1 row above row 1.');
    await ui.cell(1, 1).click();
    await page.keyboard.type(TITLE);
    await page.keyboard.press('Enter');
    await expectText(ui.cell(1, 1), TITLE);
    await expectText(ui.cell(2, 1), 'payment_link');

    // Row 8 of the demo is row 9 now, empty.
    await ui.cell(9, 1).click();
    const sidebar = await openSidebar(page);
    await expectText(sidebar.locator('#where'), /^Links: /);
    await sidebar.locator('#f-payment_link').fill(LINK);
    await sidebar.locator('#f-utm_source').fill('newsletter');
    await sidebar.locator('#f-utm_medium').fill('email');
    await sidebar.locator('#f-utm_campaign').fill('spring_sale');
    await sidebar.locator('#insert').click();
    await expectText(
      sidebar.locator('#status'),
      'Row 9 of Links now holds this link, with a new reference, spring_sale-1, written into the row.',
    );
    const expected = `${LINK}?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale&client_reference_id=spring_sale-1`;
    await expectText(ui.cell(9, await columnIn(2, 'tagged_link')), expected);
    await expectText(ui.cell(9, await columnIn(2, 'client_reference_id')), 'spring_sale-1');
    await expectText(ui.cell(1, 1), TITLE);
    for (let column = 2; column <= 10; column++) await expectText(ui.cell(1, column), /^$/);
    await page.screenshot({ path: path.join(SHOTS, 'title-row-sidebar.png') });
  });
});
