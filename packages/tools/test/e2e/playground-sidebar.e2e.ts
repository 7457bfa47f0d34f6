/**
 * The link-builder sidebar as a person uses it: the playground in Debian's Chromium, the real
 * sidebar in its 300-pixel panel: values flagged and fixed as they are typed, links copied,
 * inserted and tagged, filled cells replaced only when asked, and mix-ups across rows named.
 */
import path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { expectText, openSidebar as openSidebarOf } from './browser';
import { columnOf } from './grid-columns';
import { playgroundForEachTest, SHOTS } from './open-playground';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

const ui = playgroundForEachTest();

const openSidebar = (): Promise<FrameLocator> => openSidebarOf(ui.page);

describe('the link-builder sidebar', () => {
  it('flags an invalid value as it is typed and fixes it with one click, then copies and inserts the link', async () => {
    await ui.cell(8, 1).click();
    const sidebar = await openSidebar();
    await sidebar.locator('#f-payment_link').fill(LINK);
    await sidebar.locator('#f-utm_source').fill('newsletter');
    await sidebar.locator('#f-utm_medium').fill('email');
    await sidebar.locator('#f-utm_campaign').fill('Spring Sale');

    const message = sidebar.locator('#m-utm_campaign');
    await expectText(message, /"Spring Sale" has a space; Stripe would drop it\./);
    expect(await sidebar.locator('#f-utm_campaign').getAttribute('aria-invalid')).toBe('true');
    expect(await sidebar.locator('#copy').isDisabled()).toBe(true);
    await ui.page.screenshot({ path: path.join(SHOTS, 'playground-invalid.png') });
    // The tab already spells this campaign spring_sale: the one fix offered keeps it one campaign.
    await message.locator('button.fix', { hasText: 'Use spring_sale' }).click();
    expect(await sidebar.locator('#f-utm_campaign').inputValue()).toBe('spring_sale');
    await expectText(message, /^$/);

    // A valid value spelled otherwise than the tab is pointed to the tab's spelling too.
    await sidebar.locator('#f-utm_campaign').fill('Spring_Sale');
    await expectText(message, /^Already used as spring_sale in 2 rows\./);
    await message.locator('button.fix', { hasText: 'Use spring_sale' }).click();
    expect(await sidebar.locator('#f-utm_campaign').inputValue()).toBe('spring_sale');
    const expected = `${LINK}?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale`;
    expect(await sidebar.locator('#preview').inputValue()).toBe(expected);

    // A link handed out without a reference could never be told apart from other rows' sales.
    expect(await sidebar.locator('#copy').isDisabled()).toBe(true);
    await expectText(sidebar.locator('#copy-why'), /^Copy needs a reference, .*Insert into active row makes one/);
    await ui.page.locator('#sidebar').screenshot({ path: path.join(SHOTS, 'sidebar.png') });

    // Every link the add-on writes carries a reference: the row had none, so Insert makes one and shows it.
    await sidebar.locator('#insert').click();
    await expectText(
      sidebar.locator('#status'),
      'Row 8 of Links now holds this link, with a new reference, spring_sale-1, written into the row.',
    );
    await expectText(ui.cell(8, await columnOf(ui.page, 'tagged_link')), `${expected}&client_reference_id=spring_sale-1`);
    await expectText(ui.cell(8, 4), 'spring_sale');
    expect(await sidebar.locator('#f-client_reference_id').inputValue()).toBe('spring_sale-1');
    expect(await sidebar.locator('#preview').inputValue()).toBe(`${expected}&client_reference_id=spring_sale-1`);
    expect(await sidebar.locator('#copy-why').isHidden()).toBe(true);
    await sidebar.locator('#copy').click();
    await expectText(sidebar.locator('#status'), 'Link copied.');
    expect(await ui.page.evaluate(() => navigator.clipboard.readText())).toBe(`${expected}&client_reference_id=spring_sale-1`);
  });

  it('tags the selected rows and says, by problem, what it could not tag', async () => {
    await ui.cell(2, 1).click();
    await ui.cell(4, 1).click({ modifiers: ['Shift'] });
    const sidebar = await openSidebar();
    await sidebar.locator('#tag').click();
    await expectText(
      sidebar.locator('#status'),
      /^Tagged 2 rows in Links \(column tagged_link\)\. 1 row could not be tagged \(left as it was\):/,
    );
    await expectText(
      sidebar.locator('#status > ul > li').first(),
      '1 row: utm_source has a space; Stripe would drop it (row 4). Suggested: "Facebook Ads" → facebook.',
    );
    const tagged = await columnOf(ui.page, 'tagged_link');
    await expectText(ui.cell(2, tagged), /^https:\/\/buy\.stripe\.com\/.*utm_source=newsletter/);
    await expectText(ui.cell(3, tagged), /utm_source=facebook/);
    await expectText(ui.cell(4, tagged), /^$/);
  });

  it("opens with the active row's values, and asks in the page before replacing a filled cell", async () => {
    await ui.cell(3, 2).click();
    const sidebar = await openSidebar();
    // Row 3: facebook / paid_social / spring_sale / carousel / fb-0002, read from the sheet.
    await expectText(sidebar.locator('#where'), /^Links: row 3 active/);
    expect(await sidebar.locator('#f-client_reference_id').inputValue()).toBe('fb-0002');
    expect(await sidebar.locator('#f-utm_content').inputValue()).toBe('carousel');
    expect(await sidebar.locator('#f-payment_link').inputValue()).toBe(LINK);
    await sidebar.locator('#f-utm_campaign').fill('summer_sale');
    // Emptied fields keep the row's values rather than blanking them.
    await sidebar.locator('#f-utm_content').fill('');

    await sidebar.locator('#insert').click();
    const confirm = sidebar.locator('#confirm');
    await confirm.waitFor();
    // One cell is "this cell" (issue 17: "Overwrite 3 these cells?").
    await expectText(confirm.locator('#confirm-question'), 'Row 3 of Links already holds other values. Overwrite this cell?');
    await expectText(confirm.locator('li'), 'utm_campaign: spring_sale → summer_sale');
    expect(await confirm.locator('li').count()).toBe(1);
    await confirm.locator('#confirm-no').click();
    await expectText(sidebar.locator('#status'), 'Nothing was written: row 3 is as it was.');
    await expectText(ui.cell(3, 4), 'spring_sale');

    await sidebar.locator('#insert').click();
    await confirm.locator('#confirm-yes').click();
    await expectText(sidebar.locator('#status'), 'Row 3 of Links now holds this link.');
    await expectText(ui.cell(3, 4), 'summer_sale');
    await expectText(ui.cell(3, 6), 'carousel');
    await expectText(ui.cell(3, 7), 'fb-0002');
    await expectText(
      ui.cell(3, 9),
      `${LINK}?utm_source=facebook&utm_medium=paid_social&utm_campaign=summer_sale&utm_content=carousel&client_reference_id=fb-0002`,
    );

    // Several are counted: the campaign, the medium and the row's tagged link.
    await sidebar.locator('#f-utm_campaign').fill('autumn_sale');
    await sidebar.locator('#f-utm_medium').fill('cpc');
    await sidebar.locator('#insert').click();
    await expectText(confirm.locator('#confirm-question'), 'Row 3 of Links already holds other values. Overwrite these 3 cells?');
    await confirm.locator('#confirm-no').click();
  });

  it('asks before Tag selected rows replaces a different tagged link', async () => {
    const typed = await fetch(`${ui.playground.url}/api/cell`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet: 'Links', cell: 'I2', input: 'https://example.com/old' }),
    });
    expect(typed.ok).toBe(true);
    await ui.page.reload();
    await expectText(ui.cell(2, 9), 'https://example.com/old');
    await ui.cell(2, 1).click();
    await ui.cell(3, 1).click({ modifiers: ['Shift'] });
    const sidebar = await openSidebar();
    await sidebar.locator('#tag').click();
    const confirm = sidebar.locator('#confirm');
    await confirm.waitFor();
    await expectText(confirm.locator('#confirm-question'), '1 selected row already has a different tagged link in Links. Overwrite?');
    await expectText(confirm.locator('li'), /^Row 2, tagged_link: https:\/\/example\.com\/old → https:\/\/buy\.stripe\.com\//);
    await confirm.locator('#confirm-no').click();
    await expectText(sidebar.locator('#status'), 'Nothing was written: every tagged link is as it was.');
    await expectText(ui.cell(3, 9), /^$/);
    await sidebar.locator('#tag').click();
    await confirm.locator('#confirm-yes').click();
    await expectText(sidebar.locator('#status'), 'Tagged 2 rows in Links (column tagged_link).');
    await expectText(ui.cell(2, 9), /^https:\/\/buy\.stripe\.com\/.*utm_source=newsletter/);
  });

  it("refuses the add-on's own tabs before anything is clicked", async () => {
    await ui.page.getByRole('tab', { name: 'Reconciliation' }).click();
    await ui.cell(2, 2).click();
    const sidebar = await openSidebar();
    await expectText(
      sidebar.locator('#status'),
      /"Reconciliation" is the add-on's own tab: nothing was written\..* Your links are in "Links"\./,
    );
    expect(await sidebar.locator('#tag').isDisabled()).toBe(true);
    await sidebar.locator('#f-payment_link').fill(LINK);
    expect(await sidebar.locator('#insert').isDisabled()).toBe(true);
  });
});

describe('the sidebar warns about mix-ups across rows', () => {
  it("names the other row that shares the active row's reference with other UTM values, without blocking insert", async () => {
    // Row 2 (newsletter) takes row 3's reference (facebook, fb-0002): their sales could not be told apart.
    const typed = await fetch(`${ui.playground.url}/api/cell`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet: 'Links', cell: 'G2', input: 'fb-0002' }),
    });
    expect(typed.ok).toBe(true);
    await ui.page.reload();
    await expectText(ui.cell(2, 7), 'fb-0002');
    await ui.cell(3, 2).click();
    const sidebar = await openSidebar();
    const warning = sidebar.locator('#w-client_reference_id');
    await expectText(warning, /^client_reference_id "fb-0002" is on 2 rows with different UTM values \(Links row 2, Links row 3\)/);
    // A warning, not an error: the value is one Stripe keeps, and the row can still be written.
    expect(await sidebar.locator('#f-client_reference_id').getAttribute('aria-invalid')).toBe('false');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(false);
    await ui.page.locator('#sidebar').screenshot({ path: path.join(SHOTS, 'sidebar-shared-reference.png') });
    // A reference of its own ends the mix-up: the warning goes as it is typed.
    await sidebar.locator('#f-client_reference_id').fill('fb-0003');
    expect(await warning.isHidden()).toBe(true);
  });
});
