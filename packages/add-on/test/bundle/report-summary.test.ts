/**
 * Where the report tabs' summary is seen (issue 17, item 6: "the Attribution summary sits in
 * column O, off-screen, on one line"), against the built bundle: on Attribution, Attribution
 * (settled) and Weekly the table's header stays in row 1 (formulas over `Attribution!A2:…` rely on
 * it), the summary is right under the table after one blank row, one line a row in column A, not
 * wrapped, and the charts below it; refreshing twice gives the same tabs, a table that shrank
 * leaves no line or chart of the longer one, and a stopped refresh says so in the summary's place.
 */
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { refresh } from './attribution-shop';
import { settledShop, sync } from './settled-shop';
import { insertRowAbove } from './user-edits';

const DAY = 86_400;
const TABS = ['Attribution', 'Attribution (settled)', 'Weekly'] as const;

/** A tab as laid out: its header, table height, the summary's rows (1-based) and lines, and the charts' anchor rows. */
function layout(app: AddOn, name: string) {
  const sheet = app.workbook.sheet(name);
  const values = sheet.values();
  const header = (values[0] ?? []).map(String);
  const width = header.includes('') ? header.indexOf('') : header.length;
  const table = app.rows(name).length;
  const summary: Array<{ row: number; text: string; besideInTable: unknown[]; wrapped: boolean }> = [];
  values.forEach((row, r) => {
    if (r > table && row[0] !== '')
      summary.push({
        row: r + 1,
        text: String(row[0]),
        besideInTable: row.slice(1, width).filter((c) => c !== ''),
        wrapped: sheet.cell(r + 1, 1)?.wrap === true,
      });
  });
  return {
    header,
    width,
    table,
    blankRow: (values[table + 1] ?? []).slice(0, width),
    summary,
    frozen: sheet.frozenRows,
    charts: sheet.charts.map((chart) => chart.position.row),
  };
}

/** Sales in USD and EUR over two weeks, a refund: every report tab has a table, a summary and charts. */
function shop(): AddOn {
  const { app, stripe, clock } = settledShop();
  stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10_000 });
  stripe.scenario.paid({ clientReferenceId: 'g-3', amount: 5000, currency: 'eur' });
  clock.tick(7 * DAY);
  const refunded = stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 4000 });
  stripe.scenario.paid({ clientReferenceId: 'g-3', amount: 3000, currency: 'eur' });
  stripe.afterSale.refund(refunded.session.id, { amount: 1000 });
  clock.at(Math.floor(Date.now() / 1000));
  sync(app);
  return app;
}

describe("the report tabs' summary", () => {
  const app = shop();

  it.each(TABS)(
    '%s: header in row 1, the summary under the table after a blank row, a line a row in column A, unwrapped, the charts below it',
    (name) => {
      const tab = layout(app, name);
      expect(tab.header[0]).toBe('utm_campaign');
      expect(tab.header).not.toContain('summary');
      expect(tab.frozen).toBe(1);
      expect(tab.table).toBeGreaterThan(0);
      expect(tab.blankRow.every((cell) => cell === '')).toBe(true);
      // Right under the table, one line a row with nothing beside it in the table's columns, none wrapped.
      expect(tab.summary.length).toBeGreaterThan(0);
      expect(tab.summary.map((line) => line.row)).toEqual(tab.summary.map((_, i) => tab.table + 3 + i));
      for (const line of tab.summary) {
        expect(line.text).not.toContain('\n');
        expect(line.besideInTable).toEqual([]);
        expect(line.wrapped).toBe(false);
      }
      // The charts after a blank row below the last line.
      const last = tab.summary[tab.summary.length - 1]!.row;
      expect(tab.charts.length).toBeGreaterThan(0);
      for (const row of tab.charts) expect(row).toBeGreaterThanOrEqual(last + 2);
      expect(Math.min(...tab.charts)).toBe(last + 2);
    },
  );

  it('says what each summary said before, line by line', () => {
    expect(app.summary('Attribution').split('\n')[0]).toMatch(/^USD, test mode: [\d,.]+ USD of [\d,.]+ USD attributed/);
    expect(app.summary('Attribution (settled)').split('\n')[0]).toMatch(/^USD, test mode: 4 paid sessions settled/);
    const weekly = app.summary('Weekly').split('\n');
    expect(weekly[0]).toMatch(/^Weeks run Monday to Sunday/);
    // What each column counts, a line each: read across the screen, never a paragraph.
    expect(weekly.slice(1, 3)).toEqual([
      'checkouts: checkouts opened that week (paid or not, and those that expired).',
      'paid: sessions paid that week.',
    ]);
  });

  it('gives the same tabs when refreshed again', () => {
    const before = TABS.map((name) => [app.workbook.sheet(name).values(), layout(app, name).charts]);
    refresh(app);
    expect(TABS.map((name) => [app.workbook.sheet(name).values(), layout(app, name).charts])).toEqual(before);
  });

  it('leaves no line or chart of a longer table when the table shrank', () => {
    const shrunk = shop();
    const longer = layout(shrunk, 'Attribution');
    // The sales of every row but the first leave Reconciliation: one row, one currency.
    const ledger = shrunk.workbook.sheet('Reconciliation');
    const sales = shrunk.rows();
    const keep = sales.findIndex((sale) => sale.currency === 'usd');
    ledger.deleteRows(keep + 3, sales.length - keep - 1);
    ledger.deleteRows(2, keep);
    refresh(shrunk);
    const tab = layout(shrunk, 'Attribution');
    expect(tab.table).toBe(1);
    expect(tab.table).toBeLessThan(longer.table);
    expect(tab.summary.map((line) => line.row)).toEqual(tab.summary.map((_, i) => 4 + i));
    // Nothing under the summary but the one chart left, after a blank row.
    const values = shrunk.workbook.sheet('Attribution').values();
    expect(
      values
        .slice(3 + tab.summary.length)
        .flat()
        .every((cell) => cell === ''),
    ).toBe(true);
    expect(tab.charts).toEqual([4 + tab.summary.length + 1]);
  });

  it("says why a refresh stopped in the summary's place, its other lines cleared, the table as it was", () => {
    const stopped = shop();
    const table = stopped.rows('Attribution');
    insertRowAbove(stopped.workbook.sheet('Reconciliation'));
    stopped.menu('refreshAttribution');
    expect(stopped.summary('Attribution')).toMatch(/^Refresh stopped: [^\n]*Reconciliation[^\n]*$/);
    expect(stopped.rows('Attribution')).toEqual(table);
    expect(layout(stopped, 'Attribution').summary[0]?.row).toBe(table.length + 3);
  });
});
