/**
 * A column of the tab shown, found by its header as a person reads it, so a test does not depend on
 * where the demo puts it (the demo's columns move as its layout changes).
 */
import type { Page } from 'playwright-core';

export async function columnOf(page: Page, header: string): Promise<number> {
  const headers = await page
    .locator('[id^="cell-1-"]')
    .evaluateAll((cells) => cells.map((cell) => ({ id: cell.id, text: cell.textContent.trim() })));
  const found = headers.find((cell) => cell.text === header);
  if (!found) throw new Error(`No column headed ${header}: ${headers.map((cell) => cell.text).join(', ')}`);
  return Number(found.id.slice('cell-1-'.length));
}
