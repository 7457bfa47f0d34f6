/**
 * The links tab in the open page after the demo's sales and Refresh attribution: each link row's
 * net revenue shows as a number, one column per currency, beside paid_sessions and revenue, and
 * the columns add up to what the demo's campaigns kept (issue 15).
 */
import path from 'node:path';
import { signPayload } from '../../src/fake-stripe';
import { expectText } from './browser';
import { playgroundForEachTest, SECRET, SHOTS } from './open-playground';

const ui = playgroundForEachTest();

/** A signed delivery to /exec, and doPost's answer behind Google's 302. */
async function deliver(url: string, body: string): Promise<unknown> {
  const front = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signPayload(body, SECRET, Math.floor(Date.now() / 1000)) },
    body,
  });
  const location = front.headers.get('location');
  await front.text();
  return location === null ? null : (await fetch(new URL(location, url))).json();
}

/** The shown text of the tab's used block of cells, row by row. */
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

/** A shown amount (`196`, `1,234.50 USD`) as a number; blank as 0. */
const amountOf = (shown: string): number => (shown === '' ? 0 : Number(shown.replace(/[^0-9.-]/g, '')));

describe('the links tab', () => {
  it("shows each link row's net revenue per currency as a number after Refresh attribution", async () => {
    const events = [...ui.playground.app.stripe.allEvents()].sort((a, b) => a.created - b.created);
    for (const event of events) expect(await deliver(ui.playground.webhookUrl, JSON.stringify(event))).toMatchObject({ ok: true });
    await ui.page.locator('[data-function="refreshAttribution"]').click();
    await expectText(ui.page.locator('#status'), /\b13 of 15 sales attributed\./);
    await ui.page.getByRole('tab', { name: 'Links' }).click();
    const links = ui.playground.app.workbook.sheet('Links');
    const [header = [], ...rows] = await shownRows(links.lastRow(), links.lastColumn());
    const net = (currency: string) => header.indexOf(`net_revenue ${currency} (test)`);
    expect(header.slice(-5)).toEqual(['paid_sessions', 'checkouts', 'revenue', 'net_revenue EUR (test)', 'net_revenue USD (test)']);
    // Each column adds up to the net revenue of the demo's attributed sales in its currency.
    for (const currency of ['EUR', 'USD']) {
      const kept = ui.playground.app
        .rows('Attribution')
        .filter((row) => row.utm_campaign !== '(unattributed)' && row.currency === currency.toLowerCase())
        .reduce((sum, row) => sum + Number(row.net_revenue), 0);
      expect(kept).toBeGreaterThan(0);
      expect(rows.reduce((sum, row) => sum + amountOf(row[net(currency)] ?? ''), 0)).toBeCloseTo(kept, 2);
    }
    await ui.cell(1, header.length).scrollIntoViewIfNeeded();
    await ui.page.screenshot({ path: path.join(SHOTS, 'playground-links-net-revenue.png') });
  });
});
