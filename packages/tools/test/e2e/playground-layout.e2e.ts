/**
 * Layout that reads (issue 17), in Debian's Chromium at 1,400 × 900: the demo's UTM_ISSUES column
 * sits beside the inputs, in the first screen, and shows a problem of several lines whole (wrapped);
 * after Sync now and Refresh attribution, the Attribution tab's net_revenue is in the first screen.
 */
import path from 'node:path';
import { LINK_HEADERS, UTM_ISSUES_COLUMN } from '../../src/playground/seed';
import { expectText } from './browser';
import { openTab, walkDemo } from './demo-walk';
import { playgroundForEachTest, SHOTS } from './open-playground';

const ui = playgroundForEachTest();

/** The cell's box on the page, and whether its text is cut (wider or taller than the cell shows). */
async function shown(r: number, c: number) {
  return ui.cell(r, c).evaluate((td) => ({
    box: td.getBoundingClientRect().toJSON() as { x: number; y: number; right: number; bottom: number; height: number },
    cut: td.scrollWidth > td.clientWidth || td.scrollHeight > td.clientHeight,
    text: td.textContent,
  }));
}

describe('layout that reads', () => {
  it("shows the demo's issues beside the inputs, wrapped, in the first screen", async () => {
    expect(LINK_HEADERS.indexOf('UTM_ISSUES formula')).toBe(LINK_HEADERS.indexOf('client_reference_id') + 1);
    await expectText(ui.cell(1, UTM_ISSUES_COLUMN), 'UTM_ISSUES formula');
    // Row 4 (`Facebook Ads`, `paid social`, `Spring Sale`): three problems, each on a line.
    await expectText(ui.cell(4, UTM_ISSUES_COLUMN), /utm_source: "Facebook Ads" has a space/);
    const issues = await shown(4, UTM_ISSUES_COLUMN);
    expect(issues.text).toMatch(/utm_campaign: "Spring Sale" has a space/);
    expect(issues.box.right).toBeLessThanOrEqual(1400);
    expect(issues.box.bottom).toBeLessThanOrEqual(900);
    expect(issues.cut).toBe(false);
    // More than one line tall: the row grew to show them.
    const plain = await shown(2, 1);
    expect(issues.box.height).toBeGreaterThan(2 * plain.box.height);
    await ui.page.screenshot({ path: path.join(SHOTS, 'links-issues.png') });
  });

  it("shows the Attribution tab's net_revenue in the first screen after the demo's refresh", async () => {
    await walkDemo(ui.page, /sales attributed/);
    await openTab(ui.page, 'Attribution');
    await expectText(ui.cell(1, 1), 'utm_campaign');
    const header = await ui.page
      .locator('#cell-1-1')
      .evaluate((cell) => [...(cell.closest('tr')?.querySelectorAll('td') ?? [])].map((td) => td.textContent));
    const net = header.indexOf('net_revenue') + 1;
    expect(net).toBeGreaterThan(0);
    const cell = await shown(2, net);
    expect(cell.text).toMatch(/^\d[\d,]*\.\d\d [A-Z]{3}$/);
    expect(cell.box.right).toBeLessThanOrEqual(1400);
    expect(cell.cut).toBe(false);
  });
});
