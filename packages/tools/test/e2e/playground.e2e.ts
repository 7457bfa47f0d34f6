/**
 * The add-on used as a person would: the playground in Debian's Chromium, the real sidebar in its
 * 300-pixel panel, the menu, and a signed webhook arriving while the page is open.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { FakeStripeApi, signPayload } from '../../src/fake-stripe';
import { PLAYGROUND_STRIPE_KEY } from '../../src/playground/playground-stripe';
import { startPlayground, type RunningPlayground } from '../../src/playground/server';
import { expectText, launchChromium, openSidebar as openSidebarOf } from './browser';
import { startRelay, type RelayProcess } from './relay-process';

const SECRET = 'whsec_e2e_local_secret';
const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
export const SHOTS = path.resolve(__dirname, '../../test-results');

let browser: Browser;
let playground: RunningPlayground;
let context: BrowserContext;
let page: Page;
let stateDir: string;
/** The playground's own signature check; off where the relay stands in front (it forwards only the body, as Google receives it). */
let frontSecret: string | undefined = SECRET;

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

/**
 * A webhook delivery as Stripe makes it (the redirect not followed: `front` is what Stripe records),
 * then the 302's Location read as the relay reads it (`answer`, doPost's JSON).
 */
async function deliver(url: string, body: string, signature: string): Promise<{ front: Response; answer: Response | null }> {
  const front = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    body,
  });
  const location = front.headers.get('location');
  if (front.status !== 302 || location === null) return { front, answer: null };
  await front.text();
  return { front, answer: await fetch(new URL(location, url)) };
}

const cell = (r: number, c: number) => page.locator(`#cell-${String(r)}-${String(c)}`);

const openSidebar = (): Promise<FrameLocator> => openSidebarOf(page);

describe('the link-builder sidebar', () => {
  it('flags an invalid value as it is typed and fixes it with one click, then copies and inserts the link', async () => {
    await cell(8, 1).click();
    const sidebar = await openSidebar();
    await sidebar.locator('#f-payment_link').fill(LINK);
    await sidebar.locator('#f-utm_source').fill('newsletter');
    await sidebar.locator('#f-utm_medium').fill('email');
    await sidebar.locator('#f-utm_campaign').fill('Spring Sale');

    const message = sidebar.locator('#m-utm_campaign');
    await expectText(message, /"Spring Sale" has a space; Stripe would drop it\./);
    expect(await sidebar.locator('#f-utm_campaign').getAttribute('aria-invalid')).toBe('true');
    expect(await sidebar.locator('#copy').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'playground-invalid.png') });
    await message.locator('button.fix', { hasText: 'Use Spring_Sale' }).click();
    expect(await sidebar.locator('#f-utm_campaign').inputValue()).toBe('Spring_Sale');

    // Valid now, but the tab already spells this campaign spring_sale: one more click keeps it one campaign.
    await expectText(message, /^Already used as spring_sale in 2 rows\./);
    await message.locator('button.fix', { hasText: 'Use spring_sale' }).click();
    expect(await sidebar.locator('#f-utm_campaign').inputValue()).toBe('spring_sale');
    await expectText(message, /^$/);
    const expected = `${LINK}?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale`;
    expect(await sidebar.locator('#preview').inputValue()).toBe(expected);

    await sidebar.locator('#copy').click();
    await expectText(sidebar.locator('#status'), 'Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await page.locator('#sidebar').screenshot({ path: path.join(SHOTS, 'sidebar.png') });

    await sidebar.locator('#insert').click();
    await expectText(sidebar.locator('#status'), /Row 8 of Links now holds this link\./);
    await expectText(cell(8, 8), expected);
    await expectText(cell(8, 4), 'spring_sale');
  });

  it('tags the selected rows and lists the ones it could not tag', async () => {
    await cell(2, 1).click();
    await cell(4, 1).click({ modifiers: ['Shift'] });
    const sidebar = await openSidebar();
    await sidebar.locator('#tag').click();
    await expectText(
      sidebar.locator('#status'),
      /Tagged 2 rows in Links \(column tagged_link\)\. 1 could not be tagged \(left as they were\):/,
    );
    await expectText(sidebar.locator('#status li'), /^Row 4: utm_source: "Facebook Ads" has a space/);
    await expectText(cell(2, 8), /^https:\/\/buy\.stripe\.com\/.*utm_source=newsletter/);
    await expectText(cell(3, 8), /utm_source=facebook/);
    await expectText(cell(4, 8), /^$/);
  });

  it("opens with the active row's values, and asks in the page before replacing a filled cell", async () => {
    await cell(3, 2).click();
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
    await expectText(confirm.locator('li'), 'utm_campaign: spring_sale → summer_sale');
    expect(await confirm.locator('li').count()).toBe(1);
    await confirm.locator('#confirm-no').click();
    await expectText(sidebar.locator('#status'), 'Nothing was written: row 3 is as it was.');
    await expectText(cell(3, 4), 'spring_sale');

    await sidebar.locator('#insert').click();
    await confirm.locator('#confirm-yes').click();
    await expectText(sidebar.locator('#status'), 'Row 3 of Links now holds this link.');
    await expectText(cell(3, 4), 'summer_sale');
    await expectText(cell(3, 6), 'carousel');
    await expectText(cell(3, 7), 'fb-0002');
    await expectText(
      cell(3, 8),
      `${LINK}?utm_source=facebook&utm_medium=paid_social&utm_campaign=summer_sale&utm_content=carousel&client_reference_id=fb-0002`,
    );
  });

  it('asks before Tag selected rows replaces a different tagged link', async () => {
    const typed = await fetch(`${playground.url}/api/cell`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet: 'Links', cell: 'H2', input: 'https://example.com/old' }),
    });
    expect(typed.ok).toBe(true);
    await page.reload();
    await expectText(cell(2, 8), 'https://example.com/old');
    await cell(2, 1).click();
    await cell(3, 1).click({ modifiers: ['Shift'] });
    const sidebar = await openSidebar();
    await sidebar.locator('#tag').click();
    const confirm = sidebar.locator('#confirm');
    await confirm.waitFor();
    await expectText(confirm.locator('#confirm-question'), '1 selected row already has a different tagged link in Links. Overwrite?');
    await expectText(confirm.locator('li'), /^Row 2, tagged_link: https:\/\/example\.com\/old → https:\/\/buy\.stripe\.com\//);
    await confirm.locator('#confirm-no').click();
    await expectText(sidebar.locator('#status'), 'Nothing was written: every tagged link is as it was.');
    await expectText(cell(3, 8), /^$/);
    await sidebar.locator('#tag').click();
    await confirm.locator('#confirm-yes').click();
    await expectText(sidebar.locator('#status'), 'Tagged 2 rows in Links (column tagged_link).');
    await expectText(cell(2, 8), /^https:\/\/buy\.stripe\.com\/.*utm_source=newsletter/);
  });

  it("refuses the add-on's own tabs before anything is clicked", async () => {
    await page.getByRole('tab', { name: 'Reconciliation' }).click();
    await cell(2, 2).click();
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
    const typed = await fetch(`${playground.url}/api/cell`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet: 'Links', cell: 'G2', input: 'fb-0002' }),
    });
    expect(typed.ok).toBe(true);
    await page.reload();
    await expectText(cell(2, 7), 'fb-0002');
    await cell(3, 2).click();
    const sidebar = await openSidebar();
    const warning = sidebar.locator('#w-client_reference_id');
    await expectText(warning, /^client_reference_id "fb-0002" is on 2 rows with different UTM values \(Links row 2, Links row 3\)/);
    // A warning, not an error: the value is one Stripe keeps, and the row can still be written.
    expect(await sidebar.locator('#f-client_reference_id').getAttribute('aria-invalid')).toBe('false');
    expect(await sidebar.locator('#insert').isDisabled()).toBe(false);
    await page.locator('#sidebar').screenshot({ path: path.join(SHOTS, 'sidebar-shared-reference.png') });
    // A reference of its own ends the mix-up: the warning goes as it is typed.
    await sidebar.locator('#f-client_reference_id').fill('fb-0003');
    expect(await warning.isHidden()).toBe(true);
  });
});

describe('the add-on menu', () => {
  it('marks the selected values Stripe would drop', async () => {
    await cell(2, 2).click();
    await cell(7, 7).click({ modifiers: ['Shift'] });
    await page.locator('[data-function="checkSelectedCells"]').click();
    await expectText(page.locator('#status'), /values Stripe would drop are marked in red/);
    const marked = cell(4, 2);
    await page.waitForFunction((id) => {
      const element = document.getElementById(id);
      return element !== null && getComputedStyle(element).backgroundColor === 'rgb(244, 199, 195)';
    }, 'cell-4-2');
    expect(await marked.getAttribute('title')).toMatch(/Note: Stripe would drop this value\.\nutm_source: "Facebook Ads" has a space/);
    expect(await cell(2, 2).evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgb(244, 199, 195)');
  });
});

describe('a signed webhook', () => {
  it('shows up as a Reconciliation row in the open page', async () => {
    await page.getByRole('tab', { name: 'Reconciliation' }).click();
    const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000) });
    const { session, events } = stripe.scenario.paid({
      currency: 'jpy',
      amount: 5000,
      email: 'buyer@example.com',
      clientReferenceId: 'nl-0001',
    });
    const body = JSON.stringify(events[0]);
    const post = (signature: string) => deliver(playground.webhookUrl, body, signature);

    const forged = await post(signPayload(body, 'whsec_not_the_secret', Math.floor(Date.now() / 1000)));
    expect(forged.front.status).toBe(400);
    expect(forged.answer).toBeNull();
    // As Google's /exec: a 302 once doPost has run, to a one-time URL holding its answer.
    const signed = await post(signPayload(body, SECRET, Math.floor(Date.now() / 1000)));
    expect(signed.front.status).toBe(302);
    expect(signed.answer?.status).toBe(200);
    expect(await signed.answer?.json()).toMatchObject({ ok: true, result: 'inserted', session: session.id });

    await expectText(cell(2, 1), session.id);
    await expectText(cell(2, 2), 'nl-0001');
    await expectText(cell(2, 3), 'paid');
    await expectText(cell(2, 5), 'jpy');
    await expectText(cell(3, 1), /^$/);
    await page.screenshot({ path: path.join(SHOTS, 'playground-reconciliation.png') });
  });
});

describe('a delivery through the relay', () => {
  const RELAY_SECRET = 'whsec_e2e_relay_secret';
  let relay: RelayProcess;
  beforeAll(() => {
    frontSecret = undefined; // as Apps Script: the relay checks signatures
  });
  afterAll(() => {
    frontSecret = SECRET;
  });
  afterEach(async () => {
    await relay.stop();
  });

  it('is answered 200 by `npm run relay` and shows up as a Reconciliation row in the open page', async () => {
    relay = await startRelay({ STRIPE_WEBHOOK_SECRET: RELAY_SECRET, APPS_SCRIPT_URL: playground.webhookUrl });
    await page.getByRole('tab', { name: 'Reconciliation' }).click();
    await expectText(cell(2, 1), /^$/);
    const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000) });
    const { session, events } = stripe.scenario.paid({
      currency: 'eur',
      amount: 4500,
      email: 'relay@example.com',
      clientReferenceId: 'nl-0002',
    });
    const body = JSON.stringify(events[0]);
    const post = (secret: string) =>
      fetch(relay.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signPayload(body, secret, Math.floor(Date.now() / 1000)) },
        body,
      });

    const forged = await post('whsec_not_the_secret');
    expect(forged.status).toBe(400);
    const signed = await post(RELAY_SECRET);
    expect(signed.status).toBe(200);
    expect(await signed.json()).toMatchObject({ ok: true, answer: { ok: true, result: 'inserted', session: session.id } });

    await expectText(cell(2, 1), session.id);
    await expectText(cell(2, 2), 'nl-0002');
    await expectText(cell(2, 3), 'paid');
    await expectText(cell(2, 5), 'eur');
    await expectText(cell(3, 1), /^$/);

    // Stripe's retry of the same event: 200 again, and still one row.
    const again = await post(RELAY_SECRET);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, answer: { result: 'unchanged' } });
    await page.reload();
    await page.getByRole('tab', { name: 'Reconciliation' }).click();
    await expectText(cell(2, 1), session.id);
    await expectText(cell(3, 1), /^$/);
    expect(relay.output.join('\n')).toMatch(/relay: 200 /);
  });
});

describe('the status line', () => {
  /** Answers the page's own alert or prompt (what an Apps Script alert or prompt shows) once it asks `prompt`. */
  async function answer(prompt: RegExp, text?: string): Promise<void> {
    const dialog = page.locator('#ask-dialog');
    await expectText(dialog.locator('#ask-prompt'), prompt);
    if (text !== undefined) await dialog.locator('#ask-input').fill(text);
    await dialog.locator('#ask-buttons button').first().click();
  }

  it('shows how Sync now ended, not the toast it showed while reading from Stripe', async () => {
    await page.locator('[data-function="connectStripeKey"]').click();
    await answer(/restricted/i, PLAYGROUND_STRIPE_KEY);
    await answer(/^Connected rk_test_/);
    await page.locator('[data-function="syncNow"]').click();
    await answer(/days/, '30');
    // The run is over: its alert says how it went, and so does the status line, under the alert and after it.
    await expectText(page.locator('#ask-prompt'), /^Synced \d+ events/);
    const outcome = `Sync now: ${((await page.locator('#ask-prompt').textContent()) ?? '').replace(/\s+/g, ' ').trim()}`;
    await expectText(page.locator('#status'), outcome);
    await answer(/^Synced/);
    await expectText(page.locator('#status'), outcome);
    expect(await page.locator('#status').textContent()).not.toMatch(/Reading/);
    expect(await page.locator('[data-function="syncNow"]').isDisabled()).toBe(false);
  });

  it('takes a toast away when its timeout has passed', async () => {
    await page.clock.install();
    await page.reload();
    await cell(2, 2).waitFor();
    await cell(2, 2).click();
    await cell(7, 7).click({ modifiers: ['Shift'] });
    await page.locator('[data-function="checkSelectedCells"]').click();
    // checkSelectedCells toasts its count for 8 seconds.
    await expectText(page.locator('#status'), /^Check selected cells: \d+ values Stripe would drop are marked in red/);
    await page.clock.fastForward(6000);
    await expectText(page.locator('#status'), /^Check selected cells: \d+ values Stripe would drop/);
    await page.clock.fastForward(3000);
    await expectText(page.locator('#status'), '');
  });
});

describe('the Attribution tab', () => {
  /** The shown text of a block of cells, row by row. */
  const shownRows = (rows: number, columns: number): Promise<string[][]> =>
    page.evaluate(
      ([lastRow, lastColumn]) =>
        Array.from({ length: lastRow }, (_, r) =>
          Array.from({ length: lastColumn }, (_, c) =>
            (document.getElementById(`cell-${String(r + 1)}-${String(c + 1)}`)?.textContent ?? '').trim(),
          ),
        ),
      [rows, columns] as const,
    );

  it('shows revenue per campaign and its bar chart after Refresh attribution', async () => {
    // The demo's sales reach the open page as Stripe sends them: signed webhooks, oldest first.
    const events = [...playground.app.stripe.allEvents()].sort((a, b) => a.created - b.created);
    expect(events.length).toBeGreaterThan(10);
    for (const event of events) {
      const body = JSON.stringify(event);
      const delivered = await deliver(playground.webhookUrl, body, signPayload(body, SECRET, Math.floor(Date.now() / 1000)));
      expect(delivered.front.status).toBe(302);
      expect(await delivered.answer?.json()).toMatchObject({ ok: true });
    }
    await expectText(page.getByRole('tab', { name: 'Reconciliation' }), 'Reconciliation');
    expect(await page.getByRole('tab', { name: 'Attribution' }).count()).toBe(0);

    await page.locator('[data-function="refreshAttribution"]').click();
    await expectText(page.locator('#status'), /\b12 of 14 sales attributed\./);
    await page.getByRole('tab', { name: 'Attribution' }).click();
    await expectText(cell(1, 1), 'utm_campaign');
    const [header = [], ...rows] = await shownRows(7, 7);
    expect(header).toEqual(['utm_campaign', 'utm_source', 'utm_medium', 'currency', 'livemode', 'paid_sessions', 'revenue']);
    // Each campaign in each currency, and what could not be attributed, each currency apart.
    expect(rows.map((row) => row.join(' ')).sort()).toEqual([
      '(unattributed)   eur FALSE 1 29',
      '(unattributed)   usd FALSE 1 49',
      'launch_week linkedin social eur FALSE 3 116',
      'spring_sale facebook paid_social usd FALSE 2 98',
      'spring_sale newsletter email eur FALSE 1 45',
      'spring_sale newsletter email usd FALSE 4 245',
    ]);

    const chart = page.locator('figure.chart svg');
    await chart.waitFor();
    const title = ((await chart.locator('.chart-title').textContent()) ?? '').trim();
    expect(title).toMatch(/^Revenue per campaign/);
    expect(await chart.getAttribute('aria-label')).toBe(title);
    expect(await chart.locator('rect.chart-bar').count()).toBeGreaterThanOrEqual(2);
    expect(await chart.locator('.chart-label').allTextContents()).toContain('spring_sale');
    const widths = await chart.locator('rect.chart-bar').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('width'))));
    expect(widths.every((width) => width > 0)).toBe(true);

    // The chart sits at its anchor cell, over the grid, and is what the README shows.
    const figure = page.locator('figure.chart');
    await figure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'attribution.png') });
  });
});
