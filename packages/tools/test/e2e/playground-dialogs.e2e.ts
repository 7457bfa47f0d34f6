/**
 * The add-on's dialogs in Debian's Chromium (issue 17, items 4 and 5): Scheduled sync… shows the
 * current choice and when it last ran, and saves a new one; Rotate webhook token… shows the new
 * URL first, inside the first screen of the dialog; guidance is titled by what it is about,
 * never "Error"; Help explains the relay and sends no one to a README.
 */
import type { FrameLocator } from 'playwright-core';
import { expectText } from './browser';
import { playgroundForEachTest } from './open-playground';

const ui = playgroundForEachTest();

const menu = (name: string) => ui.page.locator(`[data-function="${name}"]`).click();

async function htmlDialog(): Promise<FrameLocator> {
  await ui.page.locator('#html-dialog').waitFor();
  const frame = ui.page.frameLocator('#html-dialog-frame');
  await frame.locator('body').waitFor();
  return frame;
}

/** Answers the page's alert or prompt, once it shows, with its first button (after typing `text`). */
async function answer(text?: string): Promise<void> {
  const dialog = ui.page.locator('#ask-dialog');
  await dialog.locator('#ask-prompt').waitFor();
  if (text !== undefined) await dialog.locator('#ask-input').fill(text);
  await dialog.locator('#ask-buttons button').first().click();
}

describe('the add-on dialogs', () => {
  it('Scheduled sync… shows the choice in force and when it last ran, and saves another', async () => {
    await menu('connectStripeKey');
    await answer('rk_test_playground0000000000');
    await answer();
    await menu('syncNow');
    await answer('30');
    await answer();

    await menu('openScheduledSync');
    let dialog = await htmlDialog();
    await expectText(dialog.locator('#current'), /^Your scheduled sync is off/);
    await expectText(dialog.locator('#last-run'), 'The scheduled sync has not run yet.');
    expect(await dialog.locator('input[value="off"]').isChecked()).toBe(true);

    await dialog.locator('input[value="60"]').check();
    await dialog.locator('#save').click();
    await expectText(dialog.locator('#result'), /^Your scheduled sync is on: every hour/);
    await ui.page.locator('#html-dialog-close').click();

    // Opened again: the choice it shows is the one in force.
    await menu('openScheduledSync');
    dialog = await htmlDialog();
    await expectText(dialog.locator('#current'), /^Your scheduled sync is on: every hour/);
    expect(await dialog.locator('input[value="60"]').isChecked()).toBe(true);
    expect(await dialog.locator('input[value="15"]').isChecked()).toBe(false);
  });

  it('Rotate webhook token… shows the new URL first, in the first screen of the dialog', async () => {
    const before = await ui.page.locator('#webhook-url').inputValue();
    await menu('rotateWebhookToken');
    await answer();
    const dialog = await htmlDialog();
    const url = dialog.locator('#new-url');
    await url.waitFor();
    // The page's webhook URL line follows the rotation: the dialog shows the same new URL.
    await ui.page.waitForFunction((old) => (document.getElementById('webhook-url') as HTMLInputElement | null)?.value !== old, before);
    expect(await url.inputValue()).toBe(await ui.page.locator('#webhook-url').inputValue());
    expect(await url.inputValue()).not.toBe(before);
    const frame = await ui.page.locator('#html-dialog-frame').boundingBox();
    const box = await url.boundingBox();
    expect(frame && box && box.y + box.height <= frame.y + frame.height).toBe(true);
    const warning = await dialog.getByText('The old URL no longer works.').boundingBox();
    expect(box && warning && box.y < warning.y).toBe(true);
  });

  it('titles guidance by what it is about, never "Error"', async () => {
    // Sync now before any key: what to do first, not a failure.
    await menu('syncNow');
    const dialog = ui.page.locator('#ask-dialog');
    await expectText(dialog.locator('#ask-prompt'), /Connect Stripe key/);
    expect(await dialog.locator('#ask-title').textContent()).toBe('Sync now');
  });

  it('Help explains the relay in plain words and sends no one to a README', async () => {
    await menu('showHelp');
    const dialog = await htmlDialog();
    const text = await dialog.locator('body').innerText();
    expect(text).toMatch(/the relay, goes between them/);
    expect(text).toContain("the webhook endpoint is then the relay's address, never the sheet's");
    expect(text).not.toMatch(/README/i);
  });
});
