/**
 * Tag selected rows in the real sidebar: the form starts from the active row, and only what the
 * user types reaches the other selected rows (the page tells the server which fields those are).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../src/playground/server';
import { expectText, launchChromium, openSidebar as openSidebarOf } from './browser';
import { columnOf } from './grid-columns';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

let browser: Browser;
let playground: RunningPlayground;
let context: BrowserContext;
let page: Page;
let stateDir: string;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  stateDir = mkdtempSync(path.join(os.tmpdir(), 'tag-rows-e2e-'));
  playground = await startPlayground({ port: 0, stateFile: path.join(stateDir, 'state.json'), reset: true, quiet: true });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  await page.goto(playground.url);
  await page.locator('#cell-2-1').waitFor();
});

afterEach(async () => {
  await context.close();
  await playground.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const cell = (r: number, c: number) => page.locator(`#cell-${String(r)}-${String(c)}`);

const openSidebar = (): Promise<FrameLocator> => openSidebarOf(page);

/** Types into a cell of Links as a person would, through the playground's API. */
async function typeInto(a1: string, input: string): Promise<void> {
  const typed = await fetch(`${playground.url}/api/cell`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sheet: 'Links', cell: a1, input }),
  });
  expect(typed.ok).toBe(true);
}

describe('Tag selected rows in the sidebar', () => {
  it("fills the selected rows' empty cells with what was typed, never with the active row's values", async () => {
    // Row 8: a link, a source, a medium and a campaign (the three every link needs); the rest empty.
    await typeInto('A8', LINK);
    await typeInto('B8', 'google');
    await typeInto('C8', 'cpc');
    await typeInto('D8', 'autumn_sale');
    await page.reload();
    await expectText(cell(8, 2), 'google');
    // Row 7 is active: the form starts from its values (linkedin, post-1, li-0006).
    await cell(7, 1).click();
    await cell(8, 1).click({ modifiers: ['Shift'] });
    const sidebar = await openSidebar();
    // The form is filled once the sheet is read.
    await expectText(sidebar.locator('#where'), /^Links: row 7 active/);
    expect(await sidebar.locator('#f-utm_content').inputValue()).toBe('post-1');
    await sidebar.locator('#f-utm_term').fill('shoes');
    await sidebar.locator('#tag').click();
    await expectText(
      sidebar.locator('#status'),
      'Tagged 2 rows in Links (column tagged_link). Filled 2 empty cells with the values you typed.',
    );
    await expectText(cell(7, 5), 'shoes');
    await expectText(cell(8, 5), 'shoes');
    // Row 7's campaign, content and reference stay row 7's: row 8 gets a reference of its own.
    await expectText(cell(8, 4), 'autumn_sale');
    await expectText(cell(8, 6), /^$/);
    await expectText(cell(8, 7), 'autumn_sale-1');
    await expectText(
      cell(8, await columnOf(page, 'tagged_link')),
      `${LINK}?utm_source=google&utm_medium=cpc&utm_campaign=autumn_sale&utm_term=shoes&client_reference_id=autumn_sale-1`,
    );
  });
});
