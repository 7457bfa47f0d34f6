/**
 * The playground's add-on menu in Debian's Chromium: Check selected cells marks what Stripe would
 * drop, and the status line shows how Sync now ended and takes a toast away once it has timed out.
 */
import { PLAYGROUND_STRIPE_KEY } from '../../src/playground/playground-stripe';
import { expectText } from './browser';
import { playgroundForEachTest } from './open-playground';

const ui = playgroundForEachTest();

/** Check selected cells then asks whether to apply its suggestions (issue 17): answers `button` (the page's label). */
async function answerSuggestions(button: 'Yes' | 'No'): Promise<void> {
  const dialog = ui.page.locator('#ask-dialog');
  await expectText(dialog.locator('#ask-prompt'), /^Apply the suggested values to \d+ cells\?/);
  await dialog.locator('#ask-buttons button', { hasText: new RegExp(`^${button}$`) }).click();
}

describe('the add-on menu', () => {
  it('marks the selected values Stripe would drop', async () => {
    await ui.cell(2, 2).click();
    await ui.cell(7, 7).click({ modifiers: ['Shift'] });
    await ui.page.locator('[data-function="checkSelectedCells"]').click();
    await answerSuggestions('No');
    await expectText(ui.page.locator('#status'), /values Stripe would drop are marked in red/);
    const marked = ui.cell(4, 2);
    await ui.page.waitForFunction((id) => {
      const element = document.getElementById(id);
      return element !== null && getComputedStyle(element).backgroundColor === 'rgb(244, 199, 195)';
    }, 'cell-4-2');
    expect(await marked.getAttribute('title')).toMatch(/Note: Marked by Check selected cells:\nutm_source: "Facebook Ads" has a space/);
    expect(await ui.cell(2, 2).evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgb(244, 199, 195)');
  });
});

describe('fixes in bulk', () => {
  it('applies the suggestions to the marked cells on Yes, and clears their marks', async () => {
    await ui.cell(4, 2).click();
    await ui.cell(4, 4).click({ modifiers: ['Shift'] });
    await ui.page.locator('[data-function="checkSelectedCells"]').click();
    await expectText(ui.page.locator('#ask-prompt'), /utm_source "Facebook Ads" → facebook/);
    await answerSuggestions('Yes');
    await expectText(ui.page.locator('#status'), /Applied 3 suggested values/);
    // The demo's UTM rules tab lists facebook: the fix satisfies Stripe and the rules at once.
    await expectText(ui.cell(4, 2), 'facebook');
    // Rows 2 and 3 spell the campaign spring_sale: the fix keeps it one campaign.
    await expectText(ui.cell(4, 4), 'spring_sale');
    expect(await ui.cell(4, 2).evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgb(244, 199, 195)');
  });
});

describe('the status line', () => {
  /** Answers the page's own alert or prompt (what an Apps Script alert or prompt shows) once it asks `prompt`. */
  async function answer(prompt: RegExp, text?: string): Promise<void> {
    const dialog = ui.page.locator('#ask-dialog');
    await expectText(dialog.locator('#ask-prompt'), prompt);
    if (text !== undefined) await dialog.locator('#ask-input').fill(text);
    await dialog.locator('#ask-buttons button').first().click();
  }

  it('shows how Sync now ended, not the toast it showed while reading from Stripe', async () => {
    await ui.page.locator('[data-function="connectStripeKey"]').click();
    await answer(/restricted/i, PLAYGROUND_STRIPE_KEY);
    await answer(/^Connected rk_test_/);
    await ui.page.locator('[data-function="syncNow"]').click();
    await answer(/days/, '30');
    // The run is over: its alert says how it went, and so does the status line, under the alert and after it.
    await expectText(ui.page.locator('#ask-prompt'), /^Synced \d+ events/);
    const outcome = `Sync now: ${((await ui.page.locator('#ask-prompt').textContent()) ?? '').replace(/\s+/g, ' ').trim()}`;
    await expectText(ui.page.locator('#status'), outcome);
    await answer(/^Synced/);
    await expectText(ui.page.locator('#status'), outcome);
    expect(await ui.page.locator('#status').textContent()).not.toMatch(/Reading/);
    expect(await ui.page.locator('[data-function="syncNow"]').isDisabled()).toBe(false);
  });

  it('takes a toast away when its timeout has passed', async () => {
    await ui.page.clock.install();
    await ui.page.reload();
    await ui.cell(2, 2).waitFor();
    await ui.cell(2, 2).click();
    await ui.cell(7, 7).click({ modifiers: ['Shift'] });
    await ui.page.locator('[data-function="checkSelectedCells"]').click();
    await answerSuggestions('No');
    // checkSelectedCells toasts its count for 8 seconds.
    await expectText(ui.page.locator('#status'), /^Check selected cells: \d+ values Stripe would drop are marked in red/);
    await ui.page.clock.fastForward(6000);
    await expectText(ui.page.locator('#status'), /^Check selected cells: \d+ values Stripe would drop/);
    await ui.page.clock.fastForward(3000);
    await expectText(ui.page.locator('#status'), '');
  });
});
