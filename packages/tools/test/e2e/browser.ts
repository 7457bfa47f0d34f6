/** Debian's Chromium, headless, as the machine's closed network needs it. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/** The playground's link builder, opened from its toolbar as a person would. */
export async function openSidebar(page: Page): Promise<FrameLocator> {
  await page.locator('[data-function="openLinkBuilder"]').click();
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.locator('#f-payment_link').waitFor();
  return sidebar;
}

/** Waits (up to 10 s) until the element's text matches, then asserts it, so a failure shows what was there. */
export async function expectText(locator: ReturnType<Page['locator']>, expected: string | RegExp): Promise<void> {
  const matches = (text: string) => (typeof expected === 'string' ? text === expected : expected.test(text));
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.first().textContent()) ?? '').trim();
    if (matches(text)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (typeof expected === 'string') expect(text).toBe(expected);
  else expect(text).toMatch(expected);
}
