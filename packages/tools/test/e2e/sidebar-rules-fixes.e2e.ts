/**
 * The sidebar with naming rules and fixes in bulk (issue 17, items 2, 3 and 6): the allowed
 * values offered as choices and a value outside them flagged with the closest one; a link off
 * buy.stripe.com warned about in amber, never blocking; Tag selected rows summarized by problem,
 * with one button that applies the suggested fixes; Insert into active row naming the reference
 * it made.
 */
import type { FrameLocator } from 'playwright-core';
import { expectText, openSidebar as openSidebarOf } from './browser';
import { columnOf } from './grid-columns';
import { playgroundForEachTest } from './open-playground';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

const ui = playgroundForEachTest();

/** A tab of the user's naming rules, as they would type it, in place of the demo's, then the page read again. */
async function addRulesTab(rows: string[][]): Promise<void> {
  const demo = ui.playground.app.workbook.getSheet('UTM rules');
  if (demo !== null) ui.playground.app.workbook.deleteSheet(demo);
  ui.playground.app.workbook.write('Naming rules', rows);
  await ui.page.reload();
  await ui.cell(2, 1).waitFor();
}

/** Types into cells of Links as a person would, through the playground's API. */
async function typeInto(cells: Record<string, string>): Promise<void> {
  for (const [cell, input] of Object.entries(cells)) {
    const typed = await fetch(`${ui.playground.url}/api/cell`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet: 'Links', cell, input }),
    });
    expect(typed.ok).toBe(true);
  }
}

/** The sidebar, once it has read the sheet (its choices and rules come with it). */
async function openSidebar(): Promise<FrameLocator> {
  const sidebar = await openSidebarOf(ui.page);
  await expectText(sidebar.locator('#where'), /^Links: /);
  return sidebar;
}

describe('naming rules in the sidebar', () => {
  it('offers the allowed values as choices and flags a value outside them with the closest one', async () => {
    await addRulesTab([
      ['utm_source', 'utm_medium'],
      ['newsletter', 'email'],
      ['facebook', 'paid_social'],
      ['instagram', 'cpc'],
    ]);
    await ui.cell(8, 1).click();
    const sidebar = await openSidebar();
    await expectText(sidebar.locator('#r-utm_source'), 'Allowed: newsletter, facebook and instagram (tab "Naming rules").');
    const choices = await sidebar
      .locator('#l-utm_source option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(choices).toEqual(['newsletter', 'facebook', 'instagram']);
    // No list for the campaign: it takes anything, and offers what the tab uses.
    expect(await sidebar.locator('#r-utm_campaign').isHidden()).toBe(true);

    await sidebar.locator('#f-payment_link').fill(LINK);
    await sidebar.locator('#f-utm_source').fill('Facebook_Ads');
    await sidebar.locator('#f-utm_medium').fill('email');
    await sidebar.locator('#f-utm_campaign').fill('summer_sale');
    const message = sidebar.locator('#m-utm_source');
    await expectText(message, /"Facebook_Ads" is not in the list of the "Naming rules" tab/);
    expect(await sidebar.locator('#f-utm_source').getAttribute('aria-invalid')).toBe('true');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(true);
    await expectText(sidebar.locator('#insert-why'), 'Fix utm_source first.');
    await message.locator('button.fix', { hasText: 'Use facebook' }).click();
    expect(await sidebar.locator('#f-utm_source').inputValue()).toBe('facebook');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(false);
  });

  it('warns in amber about a link off buy.stripe.com, and lets it be inserted', async () => {
    await ui.cell(8, 1).click();
    const sidebar = await openSidebar();
    await sidebar.locator('#f-payment_link').fill('https://pay.example.com/b/abc123');
    await sidebar.locator('#f-utm_source').fill('newsletter');
    await sidebar.locator('#f-utm_medium').fill('email');
    await sidebar.locator('#f-utm_campaign').fill('summer_sale');
    const warning = sidebar.locator('#w-payment_link');
    await expectText(warning, /^This link: pay\.example\.com is not buy\.stripe\.com/);
    expect(await warning.evaluate((box) => getComputedStyle(box).borderLeftColor)).toBe('rgb(249, 171, 0)');
    expect(await sidebar.locator('#f-payment_link').getAttribute('aria-invalid')).toBe('false');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(false);
    await sidebar.locator('#insert').click();
    await expectText(sidebar.locator('#status'), /^Row 8 of Links now holds this link/);
    await expectText(sidebar.locator('#status .result-warnings'), /pay\.example\.com is not buy\.stripe\.com/);
  });
});

describe('Insert into active row and the reference', () => {
  it('says which reference it made for a row that had none', async () => {
    await ui.cell(8, 1).click();
    const sidebar = await openSidebar();
    await sidebar.locator('#f-payment_link').fill(LINK);
    await sidebar.locator('#f-utm_source').fill('newsletter');
    await sidebar.locator('#f-utm_medium').fill('email');
    await sidebar.locator('#f-utm_campaign').fill('summer_sale');
    await sidebar.locator('#insert').click();
    await expectText(
      sidebar.locator('#status'),
      'Row 8 of Links now holds this link, with a new reference, summer_sale-1, written into the row.',
    );
    await expectText(ui.cell(8, 7), 'summer_sale-1');
    // Shown in its field, so the preview is the link written; it is the row's, so Tag selected rows never spreads it.
    expect(await sidebar.locator('#f-client_reference_id').inputValue()).toBe('summer_sale-1');
    await expectText(ui.cell(8, await columnOf(ui.page, 'tagged_link')), await sidebar.locator('#preview').inputValue());
  });
});

describe('Tag selected rows, summarized by problem', () => {
  it('says each problem once for many rows, and applies the suggested fixes with one button', async () => {
    // Rows 8 to 37: the same two mistakes, as 30 pasted rows would have them.
    const rows: Record<string, string> = {};
    for (let row = 8; row <= 37; row++) {
      rows[`A${String(row)}`] = LINK;
      rows[`B${String(row)}`] = 'newsletter';
      rows[`C${String(row)}`] = 'e mail';
      rows[`D${String(row)}`] = 'Spring Sale';
    }
    await typeInto(rows);
    await ui.page.reload();
    await ui.cell(8, 1).click();
    await ui.cell(37, 1).click({ modifiers: ['Shift'] });
    const sidebar = await openSidebar();
    await sidebar.locator('#tag').click();
    const status = sidebar.locator('#status');
    await expectText(status, /^Tagged 0 rows in Links \(column tagged_link\)\. 30 rows could not be tagged \(left as they were\):/);
    // One line per problem, not per row.
    expect(await status.locator('> ul > li').count()).toBe(2);
    await expectText(status.locator('> ul > li').nth(0), /^30 rows: utm_medium has a space/);
    await expectText(status.locator('> ul > li').nth(1), /^30 rows: utm_campaign has a space/);
    const apply = sidebar.locator('#apply-fixes');
    await expectText(apply, 'Apply 60 suggested fixes');
    // The lines say the first suggestions; seeing them and clicking is the one confirmation.
    // The demo's UTM rules tab lists email: the fix is its spelling, not e_mail.
    await expectText(status.locator('> ul > li').nth(0), /Suggested: "e mail" → email\./);
    // The button shows where the result is, without scrolling.
    await ui.page.waitForTimeout(300);
    expect(
      await apply.evaluate((button) => {
        const box = button.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }),
    ).toBe(true);

    await apply.click();
    await expectText(status, 'Applied 60 suggested values. Click Tag selected rows again to tag those rows.');
    await expectText(ui.cell(8, 3), 'email');
    await expectText(ui.cell(37, 4), 'spring_sale');
    // The form took its values from the active row: it follows the row's fixes, no longer red.
    await sidebar.locator('#f-utm_medium[aria-invalid="false"]').waitFor();
    expect(await sidebar.locator('#f-utm_medium').inputValue()).toBe('email');
    expect(await sidebar.locator('#f-utm_campaign').inputValue()).toBe('spring_sale');
    expect(await sidebar.locator('#f-utm_campaign').getAttribute('aria-invalid')).toBe('false');
    await sidebar.locator('#tag').click();
    await expectText(status, /^Tagged 30 rows in Links \(column tagged_link\)\./);
  });
});
