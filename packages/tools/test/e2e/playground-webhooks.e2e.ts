/**
 * Signed webhooks arriving while the playground is open in Debian's Chromium: a sale shows up as a
 * Reconciliation row, and the demo's sales make the Attribution tab and its charts.
 */
import path from 'node:path';
import { FakeStripeApi, signPayload } from '../../src/fake-stripe';
import { expectText } from './browser';
import { playgroundForEachTest, SECRET, SHOTS } from './open-playground';

const ui = playgroundForEachTest();

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

describe('a signed webhook', () => {
  it('shows up as a Reconciliation row in the open page', async () => {
    await ui.page.getByRole('tab', { name: 'Reconciliation' }).click();
    const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000) });
    const { session, events } = stripe.scenario.paid({
      currency: 'jpy',
      amount: 5000,
      email: 'buyer@example.com',
      clientReferenceId: 'nl-0001',
    });
    const body = JSON.stringify(events[0]);
    const post = (signature: string) => deliver(ui.playground.webhookUrl, body, signature);

    const forged = await post(signPayload(body, 'whsec_not_the_secret', Math.floor(Date.now() / 1000)));
    expect(forged.front.status).toBe(400);
    expect(forged.answer).toBeNull();
    // As Google's /exec: a 302 once doPost has run, to a one-time URL holding its answer.
    const signed = await post(signPayload(body, SECRET, Math.floor(Date.now() / 1000)));
    expect(signed.front.status).toBe(302);
    expect(signed.answer?.status).toBe(200);
    expect(await signed.answer?.json()).toMatchObject({ ok: true, result: 'inserted', session: session.id });

    await expectText(ui.cell(2, 1), session.id);
    await expectText(ui.cell(2, 2), 'nl-0001');
    await expectText(ui.cell(2, 3), 'paid');
    await expectText(ui.cell(2, 5), 'jpy');
    await expectText(ui.cell(3, 1), /^$/);
    await ui.page.screenshot({ path: path.join(SHOTS, 'playground-reconciliation.png') });
  });
});

describe('the Attribution tab', () => {
  /** The shown text of a block of cells, row by row. */
  const shownRows = (rows: number, columns: number): Promise<string[][]> =>
    ui.page.evaluate(
      ([lastRow, lastColumn]) =>
        Array.from({ length: lastRow }, (_, r) =>
          Array.from({ length: lastColumn }, (_, c) =>
            (document.getElementById(`cell-${String(r + 1)}-${String(c + 1)}`)?.textContent ?? '').trim(),
          ),
        ),
      [rows, columns] as const,
    );

  it('shows revenue per campaign and a chart per currency after Refresh attribution', async () => {
    // The demo's sales reach the open page as Stripe sends them: signed webhooks, oldest first.
    const events = [...ui.playground.app.stripe.allEvents()].sort((a, b) => a.created - b.created);
    expect(events.length).toBeGreaterThan(10);
    for (const event of events) {
      const body = JSON.stringify(event);
      const delivered = await deliver(ui.playground.webhookUrl, body, signPayload(body, SECRET, Math.floor(Date.now() / 1000)));
      expect(delivered.front.status).toBe(302);
      expect(await delivered.answer?.json()).toMatchObject({ ok: true });
    }
    await expectText(ui.page.getByRole('tab', { name: 'Reconciliation' }), 'Reconciliation');
    expect(await ui.page.getByRole('tab', { name: 'Attribution' }).count()).toBe(0);

    await ui.page.locator('[data-function="refreshAttribution"]').click();
    await expectText(ui.page.locator('#status'), /\b13 of 15 sales attributed\./);
    await ui.page.getByRole('tab', { name: 'Attribution' }).click();
    await expectText(ui.cell(1, 1), 'utm_campaign');
    const [header = [], ...shown] = await shownRows(8, 9);
    expect(header).toEqual([
      'utm_campaign',
      'utm_source',
      'utm_medium',
      'currency',
      'livemode',
      'paid_sessions',
      'checkouts',
      'conversion_rate',
      'revenue',
    ]);
    // Conversion reads beside the paid sessions (issue 16); the sums below are the contract's columns.
    expect(shown.every((row) => /^\d+(\.\d)?%$|^$/.test(row[7] ?? ''))).toBe(true);
    const rows = shown.map((row) => [...row.slice(0, 6), row[8] ?? '']);
    // Each campaign in each currency, and what could not be attributed, each currency apart.
    expect(rows.map((row) => row.join(' ')).sort()).toEqual([
      '(unattributed)   eur FALSE 1 29.00 EUR',
      '(unattributed)   usd FALSE 1 49.00 USD',
      'launch_week linkedin social eur FALSE 4 131.00 EUR',
      'spring_sale facebook paid_social usd FALSE 2 98.00 USD',
      'spring_sale newsletter email eur FALSE 1 45.00 EUR',
      'spring_sale newsletter email usd FALSE 4 245.00 USD',
      // Its visitors opened checkouts and none paid (issue 16): a row with no sale, for its conversion.
      'Été 2024 / Promo google cpc eur FALSE 0 0.00 EUR',
    ]);

    const chart = ui.page.locator('figure.chart svg').first();
    await chart.waitFor();
    const title = ((await chart.locator('.chart-title').textContent()) ?? '').trim();
    expect(title).toMatch(/^Net revenue per campaign \(USD, test mode\)/);
    expect(await ui.page.locator('figure.chart').count()).toBe(2);
    expect(await chart.getAttribute('aria-label')).toBe(title);
    expect(await chart.locator('rect.chart-bar').count()).toBeGreaterThanOrEqual(2);
    expect(await chart.locator('.chart-label').allTextContents()).toContain('spring_sale');
    const widths = await chart.locator('rect.chart-bar').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('width'))));
    expect(widths.every((width) => width > 0)).toBe(true);

    // The charts sit at their anchor cell, over the grid (the README's picture is playground-net-revenue.e2e.ts's).
    const figure = ui.page.locator('figure.chart').first();
    await figure.scrollIntoViewIfNeeded();
    await ui.page.screenshot({ path: path.join(SHOTS, 'attribution-from-webhooks.png') });
  });
});
