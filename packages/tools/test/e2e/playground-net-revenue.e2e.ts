/**
 * The playground's demo told as a marketer meets it, in Debian's Chromium: connect the key, Sync
 * now, Refresh attribution, and the Attribution tab shows gross against net per campaign (the demo's
 * refunds, disputes and renewals, as test/playground/demo-money.ts reads them from the fake's
 * events), the totals per currency beside the table and a chart of net revenue per campaign for
 * each currency. The screenshots are the README's (docs/attribution.png, docs/money-after-sale.png).
 */
import path from 'node:path';
import { netPerCampaign } from '../playground/demo-money';
import { expectText } from './browser';
import { openTab, shownTable, walkDemo } from './demo-walk';
import { playgroundForEachTest, SHOTS } from './open-playground';

const ui = playgroundForEachTest();

const money = (amount: number, currency: string) => `${amount.toFixed(2)} ${currency.toUpperCase()}`;

describe('the demo, as a marketer walks it', () => {
  it('shows gross against net per campaign after Sync now and Refresh attribution, with a chart per currency', async () => {
    await walkDemo(ui.page);
    await openTab(ui.page, 'Attribution');
    await expectText(ui.cell(1, 1), 'utm_campaign');

    // Per campaign, source and currency: what first payments brought in, and what the campaign kept.
    const expected = netPerCampaign(ui.playground.app.stripe);
    const table = await shownTable(ui.page, 'utm_campaign');
    // The campaigns that sold (a row of checkouts that never paid has nothing to net).
    const sold = table.filter((row) => row.paid_sessions !== '0');
    const shown = Object.fromEntries(
      sold.map((row) => [
        `${row.utm_campaign === '(unattributed)' ? '(unattributed)' : `${row.utm_campaign ?? ''} ${row.utm_source ?? ''}`} ${row.currency ?? ''}`,
        [row.paid_sessions, row.revenue, row.refunded, row.disputed, row.renewal_revenue, row.net_revenue],
      ]),
    );
    expect(shown).toEqual(
      Object.fromEntries(
        Object.entries(expected).map(([key, m]) => {
          const currency = key.split(' ').at(-1) ?? '';
          const amounts = [m.revenue, m.refunded, m.disputed, m.renewal_revenue, m.net_revenue].map((amount) => money(amount, currency));
          return [key, [String(m.paid_sessions), ...amounts]];
        }),
      ),
    );
    expect(shown['spring_sale newsletter usd']).toEqual(['4', '245.00 USD', '49.00 USD', '0.00 USD', '0.00 USD', '196.00 USD']);
    expect(shown['launch_week linkedin eur']?.slice(1)).toEqual(['131.00 EUR', '58.00 EUR', '0.00 EUR', '30.00 EUR', '103.00 EUR']);

    // Beside the table, the totals per currency and mode add up the rows.
    const totals = (await shownTable(ui.page, 'totals')).map((row) => [
      row.totals,
      row['total: first payments'],
      row['total: renewals'],
      row['total: refunded'],
      row['total: disputed'],
      row['total: net_revenue'],
    ]);
    expect(totals).toEqual([
      ['USD, test mode', '392.00 USD', '0.00 USD', '49.00 USD', '49.00 USD', '294.00 USD'],
      ['EUR, test mode', '205.00 EUR', '30.00 EUR', '58.00 EUR', '0.00 EUR', '177.00 EUR'],
    ]);

    // A chart of net revenue per campaign for each currency, side by side below the table.
    const figures = ui.page.locator('figure.chart');
    await ui.page.waitForFunction(() => document.querySelectorAll('figure.chart').length === 2);
    const charts = await figures.evaluateAll((all) =>
      all.map((figure) => ({
        title: figure.querySelector('.chart-title')?.textContent ?? '',
        caption: figure.querySelector('.chart-axis-title')?.textContent ?? '',
        bars: [...figure.querySelectorAll('.chart-row')].map(
          (row) => `${row.querySelector('.chart-label')?.textContent ?? ''}: ${row.querySelector('.chart-value')?.textContent ?? ''}`,
        ),
        box: figure.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number },
      })),
    );
    expect(charts.map(({ title, caption, bars }) => ({ title, caption, bars }))).toEqual([
      {
        title: 'Net revenue per campaign (USD, test mode)',
        caption: 'Net 294.00 USD = 392.00 paid − 49.00 refunded − 49.00 disputed',
        bars: ['spring_sale: 245.00 USD', '(unattributed): 49.00 USD'],
      },
      {
        title: 'Net revenue per campaign (EUR, test mode)',
        caption: 'Net 177.00 EUR = 205.00 paid + 30.00 renewals − 58.00 refunded',
        bars: ['launch_week: 103.00 EUR', 'spring_sale: 45.00 EUR', '(unattributed): 29.00 EUR'],
      },
    ]);
    const [usd, eur] = charts.map((chart) => chart.box);
    // Side by side, apart, both within a 1,400 px window.
    expect(usd!.y).toBe(eur!.y);
    expect(usd!.x + usd!.width).toBeLessThan(eur!.x);
    expect(eur!.x + eur!.width).toBeLessThan(1400);
    const tableBottom = await ui.cell(table.length + 1, 1).evaluate((cell) => cell.getBoundingClientRect().bottom);
    expect(usd!.y).toBeGreaterThan(tableBottom);

    await ui.page.locator('#grid-scroll').evaluate((scroller) => {
      scroller.scrollTo(0, 0);
    });
    await ui.page.screenshot({ path: path.join(SHOTS, 'attribution.png') });

    // Money after sale: a row per refund, dispute and renewal, and why each counts (or not). The
    // add-on made its columns as wide as its ids and dates, and wraps why a row counts (issue 17);
    // a person widens the others they read, as in Sheets.
    await openTab(ui.page, 'Money after sale');
    await expectText(ui.cell(1, 1), 'object_id');
    const header = await ui.page
      .locator('#cell-1-1')
      .evaluate((cell) => [...(cell.closest('tr')?.querySelectorAll('td') ?? [])].map((td) => td.textContent));
    const cut = (column: number) =>
      ui.page.evaluate(
        (c) => [...document.querySelectorAll<HTMLElement>(`td[data-c="${String(c)}"]`)].some((td) => td.scrollWidth > td.clientWidth),
        column,
      );
    const moneyRows = await shownTable(ui.page, 'object_id');
    expect(moneyRows.map((row) => `${row.kind ?? ''}: ${row.state ?? ''}`).sort()).toEqual([
      'dispute: lost',
      'dispute: won',
      'invoice: subscription_create',
      'invoice: subscription_cycle',
      'invoice: subscription_cycle',
      'refund: refunded in full',
      'refund: refunded in part',
    ]);
    // Dragging an edge: `amount` 40 px wider, which the server keeps as the tab's width.
    const amount = header.indexOf('amount') + 1;
    // Its edge is past the first screen now that the ids show whole: scrolled to, as a person would.
    await ui.page.locator(`thead th[data-c="${String(amount)}"] .col-resize`).scrollIntoViewIfNeeded();
    const { x, y } = await ui.page.locator(`thead th[data-c="${String(amount)}"] .col-resize`).evaluate((handle) => {
      const box = handle.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    await ui.page.mouse.move(x, y);
    await ui.page.mouse.down();
    await ui.page.mouse.move(x + 20, y);
    await ui.page.mouse.move(x + 40, y);
    await ui.page.mouse.up();
    const moneyTab = ui.playground.app.workbook.sheet('Money after sale');
    const deadline = Date.now() + 5000;
    while (moneyTab.columnWidths.get(amount) === 100 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(moneyTab.columnWidths.get(amount)).toBe(140);
    for (const name of ['object_id', 'session_id', 'counted', 'created']) expect(await cut(header.indexOf(name) + 1)).toBe(false);
    // Double-clicking an edge fits the column to its cells.
    for (const name of ['state']) {
      const column = header.indexOf(name) + 1;
      expect(column).toBeGreaterThan(0);
      expect(await cut(column)).toBe(true);
      await ui.page.locator(`thead th[data-c="${String(column)}"] .col-resize`).dblclick();
      await ui.page.waitForFunction(
        (c) => ![...document.querySelectorAll<HTMLElement>(`td[data-c="${String(c)}"]`)].some((td) => td.scrollWidth > td.clientWidth),
        column,
      );
    }
    await expectText(ui.page.locator('#status'), /Attribution/);
    await ui.page.locator('#grid-scroll').evaluate((scroller) => {
      scroller.scrollTo(0, 0);
    });
    await ui.page.screenshot({ path: path.join(SHOTS, 'money-after-sale.png') });
  });
});
