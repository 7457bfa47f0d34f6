/**
 * Shared by the playground's browser tests: Chromium for the whole file and, for each test, a
 * playground started afresh (its state in a temporary folder) with its page open at the Links tab.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../src/playground/server';
import { launchChromium } from './browser';

/** The webhook signing secret the playground checks, unless it stands behind the relay. */
export const SECRET = 'whsec_e2e_local_secret';
/** Where the screenshots go (the README shows some of them). */
export const SHOTS = path.resolve(__dirname, '../../test-results');

/** The playground and its page, as the running test has them. */
export interface OpenPlayground {
  readonly playground: RunningPlayground;
  readonly page: Page;
  /** The cell at a 1-based row and column of the tab shown. */
  cell(r: number, c: number): Locator;
}

/**
 * Registers the hooks that launch Chromium for the file and open a fresh playground and page for
 * each test. `behindRelay` turns the playground's own signature check off, as where the relay
 * stands in front (it forwards only the body, as Google receives it).
 */
export function playgroundForEachTest(options: { behindRelay?: boolean } = {}): OpenPlayground {
  const frontSecret = options.behindRelay === true ? undefined : SECRET;
  let browser: Browser;
  let playground: RunningPlayground;
  let context: BrowserContext;
  let page: Page;
  let stateDir: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  beforeEach(async () => {
    stateDir = mkdtempSync(path.join(os.tmpdir(), 'playground-e2e-'));
    playground = await startPlayground({
      port: 0,
      stateFile: path.join(stateDir, 'state.json'),
      reset: true,
      ...(frontSecret === undefined ? {} : { webhookSecret: frontSecret }),
      quiet: true,
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(playground.url).origin });
    page = await context.newPage();
    await page.goto(playground.url);
    await page.locator('#cell-2-1').waitFor();
  });

  afterEach(async () => {
    await context.close();
    await playground.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  return {
    get playground() {
      return playground;
    },
    get page() {
      return page;
    },
    cell: (r, c) => page.locator(`#cell-${String(r)}-${String(c)}`),
  };
}
