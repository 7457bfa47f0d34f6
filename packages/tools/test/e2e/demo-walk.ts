/**
 * Shared by the browser tests that walk the demo as the README does: answering the page's own
 * alerts and prompts, Connect Stripe key… with the playground's key, Sync now over 30 days, Refresh
 * attribution, and reading a tab's table as the page shows it.
 */
import type { Page } from 'playwright-core';
import { PLAYGROUND_STRIPE_KEY } from '../../src/playground/playground-stripe';
import { expectText } from './browser';

/** Answers the page's own alert or prompt (what an Apps Script alert or prompt shows) once it asks `prompt`, with its first button. */
export async function answer(page: Page, prompt: RegExp, text?: string): Promise<void> {
  const dialog = page.locator('#ask-dialog');
  await expectText(dialog.locator('#ask-prompt'), prompt);
  if (text !== undefined) await dialog.locator('#ask-input').fill(text);
  await dialog.locator('#ask-buttons button').first().click();
}

/** Connect Stripe key… with the playground's key, then Sync now over 30 days, each answered. */
export async function connectAndSync(page: Page): Promise<void> {
  await page.locator('[data-function="connectStripeKey"]').click();
  await answer(page, /restricted/i, PLAYGROUND_STRIPE_KEY);
  await answer(page, /^Connected rk_test_/);
  await page.locator('[data-function="syncNow"]').click();
  await answer(page, /days/, '30');
  await answer(page, /^Synced \d+ events/);
}

/** The README's demo walk: connect, sync, then Refresh attribution, done when the status line says how many sales it attributed. */
export async function walkDemo(page: Page, attributed: RegExp = /\b13 of 15 sales attributed\./): Promise<void> {
  await connectAndSync(page);
  await page.locator('[data-function="refreshAttribution"]').click();
  await expectText(page.locator('#status'), attributed);
}

/** The tab shown, as the page shows it: header → shown text, one object per row with a value in `key`, down to the first without (the summary is under the table). */
export async function shownTable(page: Page, key: string): Promise<Array<Record<string, string>>> {
  return page.evaluate((keyHeader) => {
    const text = (r: number, c: number) => (document.getElementById(`cell-${String(r)}-${String(c)}`)?.textContent ?? '').trim();
    const header: string[] = [];
    for (let c = 1; document.getElementById(`cell-1-${String(c)}`) !== null; c++) header.push(text(1, c));
    const rows: Array<Record<string, string>> = [];
    for (let r = 2; document.getElementById(`cell-${String(r)}-1`) !== null; r++) {
      const row = Object.fromEntries(header.map((name, i) => [name, text(r, i + 1)]));
      if (row[keyHeader] === '' || row[keyHeader] === undefined) break;
      rows.push(row);
    }
    return rows;
  }, key);
}

/**
 * Shows tab `name` and waits until the page shows it: the tab is selected once its cells are drawn
 * (the page draws both at once), and checking a header instead races, since every report tab's
 * first header is `utm_campaign`.
 */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}
