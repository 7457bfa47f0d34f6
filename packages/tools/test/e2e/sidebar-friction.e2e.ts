/**
 * The sidebar without friction (issue 17, items 1 and 6): in a sidebar 300 pixels wide and 600
 * high, the result of an action shows where its button was; the actions are disabled while a
 * field is invalid, with the reason beside them; the three required fields say so; the reference
 * field asks for one reference per link row.
 */
import type { Frame, FrameLocator } from 'playwright-core';
import { expectText, openSidebar as openSidebarOf } from './browser';
import { playgroundForEachTest } from './open-playground';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

const ui = playgroundForEachTest();

/** Opens the sidebar and sizes the page so that its frame is 300 × 600 pixels, as a sidebar on a laptop. */
async function openSidebar(): Promise<{ sidebar: FrameLocator; frame: Frame }> {
  const sidebar = await openSidebarOf(ui.page);
  // The form is filled, and the buttons set, once the sheet is read.
  await expectText(sidebar.locator('#where'), /^Links: /);
  const frame = await (await ui.page.locator('#sidebar-frame').elementHandle()).contentFrame();
  const viewport = ui.page.viewportSize();
  if (!frame || viewport === null) throw new Error('The sidebar has no frame.');
  const before = await frame.evaluate(() => window.innerHeight);
  await ui.page.setViewportSize({ width: viewport.width, height: viewport.height + 600 - before });
  const size = await frame.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  // The panel is 300 pixels with its 1-pixel border.
  expect(size).toEqual({ width: 299, height: 600 });
  return { sidebar, frame };
}

/** Scrolls the sidebar just until the button shows at its bottom edge, as a person scrolls down to it. */
async function scrollToBottomEdge(frame: Frame, selector: string): Promise<void> {
  await frame.locator(selector).evaluate((button) => {
    button.scrollIntoView({ block: 'end' });
  });
}

/** Where an element sits in the sidebar's own viewport, and whether its middle shows (nothing scrolled or laid over it). */
function placeOf(
  frame: Frame,
  selector: string,
): Promise<{ top: number; bottom: number; height: number; viewport: number; shows: boolean }> {
  return frame.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const shows = hit !== null && (element.contains(hit) || hit.contains(element));
    return { top: box.top, bottom: box.bottom, height: box.height, viewport: window.innerHeight, shows };
  });
}

async function expectInView(frame: Frame, selector: string): Promise<void> {
  // The page settles (a read of the sheet follows every action) before it is measured.
  await ui.page.waitForTimeout(300);
  const place = await placeOf(frame, selector);
  expect(place.height).toBeGreaterThan(0);
  expect(place.top).toBeGreaterThanOrEqual(0);
  expect(place.bottom).toBeLessThanOrEqual(place.viewport);
  expect(place.shows).toBe(true);
}

describe('the result of an action shows where its button was', () => {
  it('after Tag selected rows, the result is in view without scrolling', async () => {
    await ui.cell(2, 1).click();
    await ui.cell(4, 1).click({ modifiers: ['Shift'] });
    const { sidebar, frame } = await openSidebar();
    await scrollToBottomEdge(frame, '#tag');
    await sidebar.locator('#tag').click();
    await expectText(sidebar.locator('#status'), /Tagged 2 rows in Links/);
    await expectInView(frame, '#status');
    // Row 4's three problems and the button that fixes them, whole.
    await expectInView(frame, '#apply-fixes');
  });

  it('after Insert into active row, the result is in view without scrolling', async () => {
    await ui.cell(8, 1).click();
    const { sidebar, frame } = await openSidebar();
    await sidebar.locator('#f-payment_link').fill(LINK);
    await sidebar.locator('#f-utm_source').fill('newsletter');
    await sidebar.locator('#f-utm_medium').fill('email');
    await sidebar.locator('#f-utm_campaign').fill('summer_sale');
    await scrollToBottomEdge(frame, '#insert');
    await sidebar.locator('#insert').click();
    await expectText(sidebar.locator('#status'), /^Row 8 of Links now holds this link/);
    await expectInView(frame, '#status');
  });

  it('the question before replacing a filled cell, and its answer, show in view too', async () => {
    await ui.cell(3, 1).click();
    const { sidebar, frame } = await openSidebar();
    await sidebar.locator('#f-utm_campaign').fill('summer_sale');
    await scrollToBottomEdge(frame, '#insert');
    await sidebar.locator('#insert').click();
    await expectText(sidebar.locator('#confirm-question'), /^Row 3 of Links already holds other values/);
    await expectInView(frame, '#confirm');
    await sidebar.locator('#confirm-no').click();
    await expectText(sidebar.locator('#status'), 'Nothing was written: row 3 is as it was.');
    await expectInView(frame, '#status');
  });
});

describe('the actions wait for valid fields', () => {
  it('disables Insert and Tag while a field is red, says which, and enables them once it is fixed', async () => {
    await ui.cell(8, 1).click();
    const { sidebar } = await openSidebar();
    await sidebar.locator('#f-payment_link').fill(LINK);
    await sidebar.locator('#f-utm_source').fill('newsletter');
    await sidebar.locator('#f-utm_medium').fill('email');
    await sidebar.locator('#f-utm_campaign').fill('Spring Sale');
    expect(await sidebar.locator('#f-utm_campaign').getAttribute('aria-invalid')).toBe('true');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(true);
    expect(await sidebar.locator('#tag').isDisabled()).toBe(true);
    await expectText(sidebar.locator('#insert-why'), 'Fix utm_campaign first.');
    await expectText(sidebar.locator('#tag-why'), 'Fix utm_campaign first.');

    await sidebar.locator('#f-utm_campaign').fill('spring_sale');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(false);
    expect(await sidebar.locator('#tag').isDisabled()).toBe(false);
    expect(await sidebar.locator('#insert-why').isHidden()).toBe(true);
    expect(await sidebar.locator('#tag-why').isHidden()).toBe(true);
  });

  it('marks the three required fields, and an empty one stops Insert but not Tag, which reads each row', async () => {
    await ui.cell(8, 1).click();
    const { sidebar } = await openSidebar();
    for (const field of ['utm_source', 'utm_medium', 'utm_campaign']) {
      expect(await sidebar.locator(`#f-${field}`).getAttribute('aria-required')).toBe('true');
      await expectText(sidebar.locator(`label[for="f-${field}"]`), /required/);
    }
    for (const field of ['utm_term', 'utm_content', 'client_reference_id'])
      expect(await sidebar.locator(`#f-${field}`).getAttribute('aria-required')).toBeNull();

    await sidebar.locator('#f-payment_link').fill(LINK);
    await sidebar.locator('#f-utm_source').fill('newsletter');
    await sidebar.locator('#f-utm_medium').fill('email');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(true);
    await expectText(sidebar.locator('#insert-why'), 'Fill in utm_campaign first.');
    // Tag selected rows takes what a row leaves empty from the form, and each row's own campaign otherwise.
    expect(await sidebar.locator('#tag').isDisabled()).toBe(false);
    await sidebar.locator('#f-utm_campaign').fill('summer_sale');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(false);
  });

  it("lets Insert use the active row's own value for a required field left empty", async () => {
    await ui.cell(3, 1).click();
    const { sidebar } = await openSidebar();
    expect(await sidebar.locator('#f-utm_campaign').inputValue()).toBe('spring_sale');
    // Emptied, the field keeps the row's campaign: Insert can still succeed.
    await sidebar.locator('#f-utm_campaign').fill('');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(false);
    expect(await sidebar.locator('#insert-why').isHidden()).toBe(true);
  });
});

describe('the reference field', () => {
  it('asks for one reference per link row, not one per order', async () => {
    await ui.cell(8, 1).click();
    const { sidebar } = await openSidebar();
    const reference = sidebar.locator('#f-client_reference_id');
    expect(await reference.getAttribute('placeholder')).toBe('summer_sale-1');
    await expectText(sidebar.locator('#h-client_reference_id'), 'One per link row; left empty, the add-on makes one.');
    // The placeholder follows the campaign typed, as the add-on would name the reference.
    await sidebar.locator('#f-utm_campaign').fill('Black_Friday');
    expect(await reference.getAttribute('placeholder')).toBe('black_friday-1');
  });
});
