/**
 * Issue 17: a marketer puts a title row above a links tab's header (the playground's grid: right-click
 * a row header > Insert row above). Every path that reads or writes links tabs works with the header
 * where the user put it, rows keep their real numbers, and the rows above the header are never
 * written. Run from the built add-on in the local runtime.
 */
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import type { SheetData } from '@stripe-utm-sheets/tools/services';
import { context, insert, tag } from './link-workbook';
import { insertRowAbove } from './user-edits';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const LINK = 'https://buy.stripe.com/test_springA';
const TITLE = 'Spring campaigns 2026';
const HEADER = ['payment_link', 'utm_source', 'utm_medium', 'utm_campaign', 'client_reference_id'];

/** The Links tab with a title row: row 1 the title, row 2 the header, rows 3 and 4 links. */
function shop(
  rows: unknown[][] = [[LINK, 'facebook', 'email', 'spring_sale', 'fb-1']],
  header = HEADER,
): { app: AddOn; stripe: FakeStripeApi } {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = new AddOn(stripe);
  app.setUp();
  app.workbook.write('Links', [[TITLE], header, ...rows]);
  return { app, stripe };
}

const tab = (app: AddOn): SheetData => app.workbook.sheet('Links');
const values = (app: AddOn) => tab(app).values();
/** Row `row` of Links keyed by the header in row 2. */
function rowOf(app: AddOn, row: number, headerRow = 2): Record<string, unknown> {
  const header = values(app)[headerRow - 1] ?? [];
  const cells = values(app)[row - 1] ?? [];
  return Object.fromEntries(header.map((name, i) => [String(name), cells[i]]));
}
/** Row 1 exactly as the user left it: the title in A1, nothing else, no note, no fill. */
function expectTitleUntouched(app: AddOn): void {
  expect((values(app)[0] ?? []).filter((cell) => cell !== '')).toEqual([TITLE]);
  for (let column = 1; column <= tab(app).maxColumns; column++) {
    const cell = tab(app).cell(1, column);
    expect([column, cell?.note ?? '', cell?.background ?? null]).toEqual([column, '', null]);
  }
}

function refresh(app: AddOn): string[] {
  const run = app.execution('trigger');
  try {
    run.runtime.call('refreshAttribution');
  } finally {
    run.services.endExecution();
  }
  return run.services.spreadsheet.toasts.map((toast) => toast.message);
}

function sell(app: AddOn, stripe: FakeStripeApi, reference: string, amount = 1999): void {
  const { events } = stripe.scenario.paid({ clientReferenceId: reference, amount, currency: 'usd' });
  for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true });
}

describe('a title row above the links header', () => {
  it('the sidebar finds the link columns and the active row under the header', () => {
    const { app } = shop();
    app.workbook.setSelection('Links', 'A3:A3', 'A3');
    const found = context(app);
    expect(found.columns).toMatchObject({ payment_link: 1, utm_source: 2, utm_medium: 3, utm_campaign: 4, client_reference_id: 5 });
    expect(found.row).toMatchObject({ payment_link: LINK, utm_source: 'facebook', client_reference_id: 'fb-1' });
    expect(found.used.utm_source).toEqual([{ value: 'facebook', rows: 1 }]);
  });

  it('Insert into active row writes the link into that row and heads its new column in the header row', () => {
    const { app } = shop([[LINK, 'facebook', 'email', 'spring_sale', 'fb-1'], []]);
    app.workbook.setSelection('Links', 'A4:A4', 'A4');
    const result = insert(app, {
      fields: { ...emptyForm(), payment_link: LINK, utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'spring_sale' },
    });
    expect(result).toMatchObject({ status: 'written', row: 4, reference: 'spring_sale-1', referenceAdded: true });
    expect(rowOf(app, 4)).toMatchObject({ payment_link: LINK, utm_source: 'google', client_reference_id: 'spring_sale-1' });
    expect(rowOf(app, 4).tagged_link).toBe(
      `${LINK}?utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&client_reference_id=spring_sale-1`,
    );
    expectTitleUntouched(app);
  });

  it('refuses to insert into the header row or a row above it', () => {
    const { app } = shop();
    app.workbook.setSelection('Links', 'A2:A2', 'A2');
    expect(() =>
      insert(app, { fields: { ...emptyForm(), payment_link: LINK, utm_source: 'a', utm_medium: 'b', utm_campaign: 'c' } }),
    ).toThrow(/below the header row/);
    expectTitleUntouched(app);
  });

  it('Tag selected rows tags the rows under the header, skipping the title and header rows in the selection', () => {
    const { app } = shop([
      [LINK, 'facebook', 'email', 'spring_sale', 'fb-1'],
      [LINK, 'google', 'cpc', 'spring_sale', ''],
    ]);
    app.workbook.setSelection('Links', 'A1:A4', 'A3');
    const result = tag(app, { typed: {} });
    expect(result).toMatchObject({ status: 'written', tagged: 2, invalid: [] });
    expect(rowOf(app, 3).tagged_link).toBe(
      `${LINK}?utm_source=facebook&utm_medium=email&utm_campaign=spring_sale&client_reference_id=fb-1`,
    );
    expect(rowOf(app, 4)).toMatchObject({ client_reference_id: 'spring_sale-1' });
    expect(values(app)[1]).toEqual([...HEADER, 'tagged_link']);
    expectTitleUntouched(app);
  });

  it('Check selected cells checks the rows under the header by its columns, and leaves the title and header rows alone', () => {
    const { app } = shop([
      [LINK, 'facebook', 'email', 'Spring Sale', 'fb-1'],
      [LINK, 'google', 'cpc', '', 'g-1'],
    ]);
    app.workbook.setSelection('Links', 'A1:E4');
    const run = app.menu('checkSelectedCells', { button: 'NO' });
    expect(tab(app).cell(3, 4)?.note).toMatch(/^Marked by Check selected cells:\nutm_campaign: "Spring Sale" has a space/);
    expect(tab(app).cell(4, 4)?.note).toMatch(/utm_campaign/);
    for (let column = 1; column <= 5; column++) expect(tab(app).cell(2, column)?.note ?? '').toBe('');
    expectTitleUntouched(app);
    expect(run.services.spreadsheet.toasts.at(-1)?.message).toMatch(/^2 values Stripe would drop are marked in red.*; 8 are fine\./);
  });

  it('Add references gives a row under the header its reference, never the title row', () => {
    const { app } = shop([
      [LINK, 'facebook', 'email', 'spring_sale', 'fb-1'],
      [LINK, 'google', 'cpc', 'spring_sale', ''],
    ]);
    app.menu('addReferences');
    expect(rowOf(app, 4)).toMatchObject({ client_reference_id: 'spring_sale-1' });
    expect(rowOf(app, 3)).toMatchObject({ client_reference_id: 'fb-1' });
    expectTitleUntouched(app);
  });

  it('Add references heads a missing reference column in the header row', () => {
    const { app } = shop([[LINK, 'google', 'cpc', 'spring_sale']], HEADER.slice(0, 4));
    app.menu('addReferences');
    expect(values(app)[1]).toEqual([...HEADER.slice(0, 4), 'client_reference_id']);
    expect(rowOf(app, 3)).toMatchObject({ client_reference_id: 'spring_sale-1' });
    expectTitleUntouched(app);
  });

  it("Refresh attribution attributes a sale through the tab's link, and writes its columns on the header row and the link's row", () => {
    const { app, stripe } = shop([
      ['a row without a link', '', '', '', ''],
      [LINK, 'facebook', 'email', 'spring_sale', 'fb-1'],
    ]);
    sell(app, stripe, 'fb-1');
    refresh(app);
    expect(app.rows('Attribution')).toEqual([
      expect.objectContaining({
        utm_campaign: 'spring_sale',
        utm_source: 'facebook',
        utm_medium: 'email',
        paid_sessions: 1,
        revenue: 19.99,
      }),
    ]);
    expect(values(app)[1]?.slice(5, 8)).toEqual(['paid_sessions', 'checkouts', 'revenue']);
    expect(rowOf(app, 4)).toMatchObject({ paid_sessions: 1, revenue: '19.99 USD (test)' });
    expect(values(app)[2]?.slice(5)).toEqual(
      values(app)[2]
        ?.slice(5)
        .map(() => ''),
    );
    expectTitleUntouched(app);

    // A second sale: the columns are found again by their marks, the header row's mark where it is.
    sell(app, stripe, 'fb-1', 1);
    expect(refresh(app).join('\n')).not.toMatch(/header row/);
    expect(rowOf(app, 4)).toMatchObject({ paid_sessions: 2, revenue: '20.00 USD (test)' });
    expectTitleUntouched(app);
  });

  it('Re-attribute past sales moves a sale to the campaign its row under the title row now has', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'fb-1');
    refresh(app);
    app.workbook.writeInput(tab(app), 3, 4, 'spring_2026');
    const run = app.menu('reattributePastSales', { button: 'YES' });
    const [question] = run.services.ui.log.filter((entry) => entry.kind === 'alert');
    expect(question?.prompt).toMatch(/^1 sale would move:\n1 from spring_sale \/ facebook \/ email to spring_2026 \/ facebook \/ email/);
    expect(app.rows('Attribution')).toEqual([expect.objectContaining({ utm_campaign: 'spring_2026', paid_sessions: 1 })]);
    expect(rowOf(app, 3)).toMatchObject({ utm_campaign: 'spring_2026', paid_sessions: 1 });
    expectTitleUntouched(app);
  });

  it('keeps refreshing when a title row is inserted above a header the add-on has already written its columns beside', () => {
    const { app, stripe } = shop();
    // The header starts in row 1, as before issue 17.
    app.workbook.forgetCells(tab(app).deleteRows(1, 1));
    sell(app, stripe, 'fb-1');
    refresh(app);
    insertRowAbove(tab(app));
    app.workbook.writeInput(tab(app), 1, 1, TITLE);
    sell(app, stripe, 'fb-1', 1);
    expect(refresh(app).join('\n')).not.toMatch(/header row/);
    expect(rowOf(app, 3)).toMatchObject({ paid_sessions: 2, revenue: '20.00 USD (test)' });
    expectTitleUntouched(app);
  });

  it('stops, writing nothing, when the header row holding its columns is deleted', () => {
    const { app, stripe } = shop([
      [LINK, 'facebook', 'email', 'spring_sale', 'fb-1'],
      [LINK, 'google', 'cpc', 'spring_sale', 'g-1'],
    ]);
    sell(app, stripe, 'fb-1');
    refresh(app);
    // Right-click row 2 > Delete row: the header (and its mark) is gone, a links row is now row 2.
    app.workbook.forgetCells(tab(app).deleteRows(2, 1));
    sell(app, stripe, 'g-1');
    const before = JSON.stringify(values(app));
    const toasts = refresh(app).join('\n');
    expect(JSON.stringify(values(app))).toBe(before);
    expect(toasts).toMatch(
      /"Links" tab holds the add-on's columns \(paid_sessions, checkouts, revenue, net_revenue USD \(test\)\), and its header row was deleted/,
    );
    expect(toasts).not.toMatch(/row 1/);
  });

  it('stops, writing nothing, when its header row is pushed below the rows where headers are looked for', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'fb-1');
    refresh(app);
    for (let i = 0; i < 4; i++) insertRowAbove(tab(app));
    sell(app, stripe, 'fb-1', 1);
    const before = JSON.stringify(values(app));
    const toasts = refresh(app).join('\n');
    expect(JSON.stringify(values(app))).toBe(before);
    expect(toasts).toMatch(
      /"Links" tab holds the add-on's columns .*, and its header row is now row 6, below the first 5 rows where the add-on looks for it\. Delete rows above it/,
    );
  });
});

function emptyForm() {
  return {
    payment_link: '',
    utm_source: '',
    utm_medium: '',
    utm_campaign: '',
    utm_term: '',
    utm_content: '',
    client_reference_id: '',
  };
}
