/**
 * The demo's week by week, in Debian's Chromium: connect the key, Sync now, Refresh attribution,
 * and the Weekly tab shows per campaign the current week's checkouts, paid sessions, net and
 * net_settled beside the week before, each campaign's weeks adding up to its Attribution row, and
 * below the table one chart of every campaign's net_settled per week in the account's USD, the
 * current week on top. The screenshot (test-results/weekly.png) is looked at for legibility.
 */
import path from 'node:path';
import { expectText } from './browser';
import { openTab, shownTable, walkDemo } from './demo-walk';
import { playgroundForEachTest, SHOTS } from './open-playground';

const ui = playgroundForEachTest();

/** `1,234.50 USD` as a number of cents. */
const cents = (shown: string | undefined): number => Math.round(Number((shown ?? '').replace(/[^0-9.-]/g, '') || 0) * 100);

describe('the demo, week by week', () => {
  it("shows this week beside the last per campaign, adding up to Attribution, and a chart of every campaign's net in USD per week", async () => {
    await walkDemo(ui.page);

    await openTab(ui.page, 'Attribution');
    await expectText(ui.cell(1, 1), 'utm_campaign');
    const attribution = await shownTable(ui.page, 'utm_campaign');

    await openTab(ui.page, 'Weekly');
    await expectText(ui.cell(1, 4), /^W\d\d checkouts$/);
    const header = await ui.page.evaluate(() => {
      const cells: string[] = [];
      for (let c = 1; document.getElementById(`cell-1-${String(c)}`) !== null; c++)
        cells.push((document.getElementById(`cell-1-${String(c)}`)?.textContent ?? '').trim());
      return cells;
    });
    // The current week first, its four numbers, then the week before.
    const [current, previous] = [header[3]?.split(' ')[0], header[7]?.split(' ')[0]];
    expect(current).toMatch(/^W\d\d$/);
    expect(header.slice(0, 11)).toEqual([
      'utm_campaign',
      'utm_source',
      'utm_medium',
      `${current} checkouts`,
      `${current} paid`,
      `${current} net`,
      `${current} net_settled`,
      `${previous} checkouts`,
      `${previous} paid`,
      `${previous} net`,
      `${previous} net_settled`,
    ]);

    // Each campaign's weeks add up to its Attribution row (the demo's sales are all within 17 days).
    const weekly = await shownTable(ui.page, 'utm_campaign');
    expect(weekly.map((row) => `${row.utm_campaign ?? ''} ${row.utm_source ?? ''} ${row.currency ?? ''}`)).toEqual(
      attribution.map((row) => `${row.utm_campaign ?? ''} ${row.utm_source ?? ''} ${row.currency ?? ''}`),
    );
    weekly.forEach((row, i) => {
      const sum = (metric: string) =>
        Object.entries(row)
          .filter(([name]) => name.endsWith(` ${metric}`))
          .reduce((total, [, shown]) => total + cents(shown), 0);
      const of = attribution[i]!;
      expect([sum('checkouts'), sum('paid'), sum('net')]).toEqual([cents(of.checkouts), cents(of.paid_sessions), cents(of.net_revenue)]);
    });
    // The EUR launch offer's net_settled is in the account's USD.
    const launch = weekly.find((row) => row.utm_campaign === 'launch_week' && row.currency === 'eur');
    expect(
      Object.entries(launch ?? {}).filter(([name, shown]) => name.endsWith(' net_settled') && shown.endsWith(' USD')).length,
    ).toBeGreaterThan(0);

    // One chart, below the table, every campaign's net_settled per week in USD, the current week on top.
    await ui.page.waitForFunction(() => document.querySelectorAll('figure.chart').length === 1);
    const chart = await ui.page.locator('figure.chart').evaluate((figure) => ({
      title: figure.querySelector('.chart-title')?.textContent ?? '',
      caption: figure.querySelector('.chart-axis-title')?.textContent ?? '',
      bars: [...figure.querySelectorAll('.chart-row')].map((row) => [
        row.querySelector('.chart-label')?.textContent ?? '',
        row.querySelector('.chart-value')?.textContent ?? '',
      ]),
      box: figure.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number },
    }));
    expect(chart.title).toBe('Net settled per week, every campaign (USD, test mode)');
    expect(chart.bars[0]?.[0]).toBe(`${current ?? ''} (this week)`);
    expect(chart.bars).toHaveLength(8);
    // Each bar is its week's net_settled column added up over every campaign.
    for (const [label, value] of chart.bars) {
      const week = (label ?? '').split(' ')[0] ?? '';
      const column = weekly.reduce((total, row) => total + cents(row[`${week} net_settled`]), 0);
      expect(cents(value)).toBe(column);
    }
    expect(chart.caption).toMatch(/^W\d\d to W\d\d: [\d,]+\.\d\d USD after Stripe's fees, refunds and disputes$/);
    const tableBottom = await ui.cell(weekly.length + 1, 1).evaluate((cell) => cell.getBoundingClientRect().bottom);
    expect(chart.box.y).toBeGreaterThan(tableBottom);

    // Legible at the default widths: no header or amount of the table is cut (the summary's lines under it run on, unwrapped).
    const cut = await ui.page.evaluate(
      ([columns, rows]) => {
        const clipped: string[] = [];
        for (let c = 1; c <= columns; c++)
          for (const td of document.querySelectorAll<HTMLElement>(`td[data-c="${String(c)}"]`))
            if (Number(td.dataset.r) <= rows && td.scrollWidth > td.clientWidth && td.textContent !== '') clipped.push(td.textContent);
        return clipped;
      },
      [header.indexOf('livemode') + 1, weekly.length + 1] as const,
    );
    expect(cut).toEqual([]);
    // Two weeks whole beside the campaign in a 1,400 px window, the row numbers and scroll bar aside.
    const twoWeeks = await ui.cell(1, 10).evaluate((cell) => cell.getBoundingClientRect().right);
    const view = await ui.page.locator('#grid-scroll').evaluate((scroller) => scroller.getBoundingClientRect().left + scroller.clientWidth);
    expect(twoWeeks).toBeLessThanOrEqual(view);

    await ui.page.locator('#grid-scroll').evaluate((scroller) => {
      scroller.scrollTo(0, 0);
    });
    await ui.page.screenshot({ path: path.join(SHOTS, 'weekly.png') });
    // The summary under the table, the chart below it.
    await ui.cell(weekly.length + 3, 1).scrollIntoViewIfNeeded();
    await ui.page.screenshot({ path: path.join(SHOTS, 'weekly-summary.png') });
  });
});
