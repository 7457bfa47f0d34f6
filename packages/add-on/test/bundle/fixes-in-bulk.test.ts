/**
 * Issue 17, item 2, run from the built bundle: Check selected cells offers to apply its
 * suggestions to the cells it marked (one question, how many and a preview), clears its marks
 * from cells that are valid now; Tag selected rows summarizes what it could not tag by problem
 * and offers the same fix, which the sidebar applies through sidebarApplySuggestions.
 */
import type { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { runInEditor } from './bundle';
import { LINK, linkRow, snapshot, tag, workbook } from './link-workbook';
import type { ApplyResult, TagResult } from '../../src/core/contracts/sidebar-api';

const alerts = (app: LocalAddOn) => (app.last?.services.ui.log ?? []).flatMap((entry) => (entry.kind === 'alert' ? [entry] : []));
const cell = (app: LocalAddOn, row: number, column: number) => app.workbook.sheet('Links').cell(row, column);
const apply = (app: LocalAddOn, request: unknown) => runInEditor(app, 'sidebarApplySuggestions', request) as ApplyResult;

describe('Check selected cells: fixes in bulk', () => {
  it('asks once, with how many and a preview, and on Yes writes each suggestion as text and unmarks the cell', () => {
    const app = workbook();
    app.workbook.setSelection('Links', 'A2:G7');
    app.menu('checkSelectedCells', { button: 'YES' });
    const [question, done] = alerts(app);
    expect(question).toMatchObject({ title: 'Check selected cells', buttons: 'YES_NO', answer: 'YES' });
    // Row 4: Facebook Ads, paid social, Spring Sale; row 5: Été 2024 / Promo, running shoes; row 6: http://, pb/0005.
    expect(question?.prompt).toMatch(/^Apply the suggested values to 7 cells\?\n/);
    expect(question?.prompt).toContain('utm_source "Facebook Ads" → Facebook_Ads');
    expect(question?.prompt).toContain('utm_medium "paid social" → paid_social');
    expect(question?.prompt).toMatch(/\nand 2 more\.\n/);
    expect(done?.prompt ?? app.last?.services.spreadsheet.toasts.at(-1)?.message).toMatch(/^Applied 7 suggested values/);
    // Rows 2 and 3 spell the campaign spring_sale: the fix keeps that spelling rather than starting Spring_Sale.
    expect(linkRow(app, 4)).toMatchObject({ utm_source: 'Facebook_Ads', utm_medium: 'paid_social', utm_campaign: 'spring_sale' });
    expect(linkRow(app, 5)).toMatchObject({ utm_campaign: 'Ete_2024_Promo', utm_term: 'running_shoes' });
    expect(linkRow(app, 6)).toMatchObject({ payment_link: expect.stringMatching(/^https:\/\//), client_reference_id: 'pb_0005' });
    for (const [row, column] of [
      [4, 2],
      [4, 3],
      [4, 4],
      [5, 4],
      [5, 5],
      [6, 1],
      [6, 7],
    ] as const) {
      expect([row, column, cell(app, row, column)?.note ?? '', cell(app, row, column)?.background ?? null]).toEqual([
        row,
        column,
        '',
        null,
      ]);
    }
  });

  it('on No changes nothing but the marks', () => {
    const app = workbook();
    app.workbook.setSelection('Links', 'A2:G7');
    app.menu('checkSelectedCells', { button: 'NO' });
    const marked = snapshot(app);
    expect(linkRow(app, 4)).toMatchObject({ utm_campaign: 'Spring Sale' });
    expect(cell(app, 4, 4)?.background).toBe('#f4c7c3');
    // Asked again, the same question; no answer given twice.
    app.menu('checkSelectedCells', { button: 'NO' });
    expect(snapshot(app)).toBe(marked);
  });

  it('asks nothing when no marked cell has a suggestion', () => {
    const app = workbook();
    app.workbook.setSelection('Links', 'A2:G3');
    app.menu('checkSelectedCells');
    expect(alerts(app)).toEqual([]);
  });

  it('never writes over a formula: a marked formula cell is left for its formula to be fixed', () => {
    const app = workbook();
    const sheet = app.workbook.sheet('Links');
    const formula = sheet.cellForWrite(4, 4);
    formula.formula = '="Spring "&"Sale"';
    app.workbook.setSelection('Links', 'B4:D4');
    app.menu('checkSelectedCells', { button: 'YES' });
    expect(alerts(app)[0]?.prompt).toMatch(/^Apply the suggested values to 2 cells\?/);
    expect(alerts(app)[0]?.prompt).toMatch(/1 marked cell holds a formula/);
    expect(cell(app, 4, 4)?.formula).toBe('="Spring "&"Sale"');
    expect(linkRow(app, 4)).toMatchObject({ utm_source: 'Facebook_Ads', utm_medium: 'paid_social' });
  });

  it('clears its marks from every selected cell that is valid now', () => {
    const app = workbook();
    app.workbook.setSelection('Links', 'A2:G7');
    app.menu('checkSelectedCells', { button: 'NO' });
    expect(cell(app, 4, 4)?.background).toBe('#f4c7c3');
    // Fixed by hand: the source, medium and campaign of row 4, the campaign of row 5.
    app.workbook.write('Links', [['facebook', 'paid_social', 'spring_sale']], 'B4');
    app.workbook.write('Links', [['ete_2024']], 'D5');
    app.menu('checkSelectedCells', { button: 'NO' });
    for (const [row, column] of [
      [4, 2],
      [4, 3],
      [4, 4],
      [5, 4],
    ] as const)
      expect([row, column, cell(app, row, column)?.note ?? '', cell(app, row, column)?.background ?? null]).toEqual([
        row,
        column,
        '',
        null,
      ]);
    expect(cell(app, 5, 5)?.background).toBe('#f4c7c3');
  });
});

/** 200 pasted rows: 120 with a campaign that has a space, 80 with a source that has a slash. */
function pasted(app: LocalAddOn): void {
  const rows = Array.from({ length: 200 }, (_, i) =>
    i < 120
      ? [LINK, 'tiktok', 'paid_social', `Spring Sale ${String(i)}`, '', '', '']
      : [LINK, `fb/ads${String(i)}`, 'paid_social', 'summer', '', '', ''],
  );
  app.workbook.write('Links', rows, 'A8');
}

describe('Tag selected rows: what it could not tag, by problem, with the same fix', () => {
  it("offers the tab's own spelling as the fix, so pasted rows join the campaign the tab already has", () => {
    const app = workbook();
    app.workbook.write('Links', [[LINK, 'newsletter', 'email', 'Spring Sale', '', '', '']], 'A8');
    app.workbook.setSelection('Links', 'A8');
    const result: TagResult = tag(app, { typed: {} });
    expect(result.problems[0]?.summary).toBe(
      '1 row: utm_campaign has a space; Stripe would drop it (row 8). Suggested: "Spring Sale" → spring_sale.',
    );
    apply(app, { sheetId: result.sheetId, fixes: result.fixes });
    expect(linkRow(app, 8)).toMatchObject({ utm_campaign: 'spring_sale' });
  });

  it('summarizes 200 rows in a line per problem, and the fix it offers is applied by the sidebar', () => {
    const app = workbook();
    pasted(app);
    app.workbook.setSelection('Links', 'A8:A207');
    const result: TagResult = tag(app, { typed: {} });
    expect(result).toMatchObject({ status: 'written', tagged: 0 });
    expect(result.invalid).toHaveLength(200);
    expect(result.problems.map((group) => group.rows.length)).toEqual([120, 80]);
    expect(result.problems[0]?.summary).toMatch(
      /^120 rows: utm_campaign has a space; Stripe would drop it \(rows 8, 9, 10 and 117 more\)\. Suggested: "Spring Sale 0" → Spring_Sale_0, "Spring Sale 1" → Spring_Sale_1, "Spring Sale 2" → Spring_Sale_2 and 117 more\.$/,
    );
    expect(result.problems[1]?.summary).toMatch(/^80 rows: utm_source has "\/"; Stripe would drop it \(rows 128, 129, 130 and 77 more\)/);
    expect(result.fixes).toHaveLength(200);
    expect(result.fixQuestion).toMatch(/^Apply the suggested values to 200 cells\?\nutm_campaign "Spring Sale 0" → Spring_Sale_0\n/);

    const applied = apply(app, { sheetId: result.sheetId, fixes: result.fixes });
    expect(applied).toMatchObject({ status: 'applied', applied: 200, skipped: 0 });
    expect(applied.message).toMatch(/^Applied 200 suggested values/);
    expect(linkRow(app, 8)).toMatchObject({ utm_campaign: 'Spring_Sale_0' });
    expect(linkRow(app, 207)).toMatchObject({ utm_source: 'fb_ads199' });
    expect(tag(app, { typed: {} })).toMatchObject({ status: 'written', tagged: 200, invalid: [], problems: [], fixes: [] });
  });

  it('applies only what the cell still holds and what the add-on itself suggests: a page can send anything', () => {
    const app = workbook();
    pasted(app);
    app.workbook.setSelection('Links', 'A8:A9');
    const result = tag(app, { typed: {} });
    const [first, second] = result.fixes;
    if (first === undefined || second === undefined) throw new Error('expected two fixes');
    app.workbook.write('Links', [['Changed Since']], 'D9');
    const forged = { ...first, next: '=HYPERLINK("https://evil.example")' };
    const applied = apply(app, { sheetId: result.sheetId, fixes: [forged, second] });
    expect(applied).toMatchObject({ applied: 0, skipped: 2 });
    expect(applied.message).toMatch(/2 cells changed since they were checked/);
    expect(linkRow(app, 8).utm_campaign).toBe('Spring Sale 0');
    expect(linkRow(app, 9).utm_campaign).toBe('Changed Since');
  });

  it('finds the tab by its id: renamed since Tag, it still gets its fixes; a tab given its old name does not', () => {
    const app = workbook();
    app.workbook.write('Links', [[LINK, 'newsletter', 'email', 'Spring Sale', '', '', '']], 'A8');
    app.workbook.setSelection('Links', 'A8');
    const result: TagResult = tag(app, { typed: {} });
    app.workbook.sheet('Links').name = 'Spring links';
    app.workbook.write('Links', [
      ['payment_link', 'utm_source', 'utm_medium', 'utm_campaign'],
      ...Array.from({ length: 7 }, () => ['', '', '', 'Spring Sale']),
    ]);
    expect(apply(app, { sheetId: result.sheetId, fixes: result.fixes })).toMatchObject({
      status: 'applied',
      sheetName: 'Spring links',
      applied: 1,
    });
    expect(app.workbook.sheet('Spring links').cell(8, 4)?.value).toBe('spring_sale');
    expect(app.workbook.sheet('Links').cell(8, 4)?.value).toBe('Spring Sale');
  });

  it("refuses to apply to the add-on's own tabs", () => {
    const app = workbook();
    const before = snapshot(app);
    expect(() =>
      apply(app, {
        sheetId: app.workbook.sheet('Reconciliation').sheetId,
        fixes: [{ row: 2, column: 2, parameter: 'x', current: 'fb-0002', next: 'x' }],
      }),
    ).toThrow(/add-on's own tab/);
    expect(snapshot(app)).toBe(before);
  });
});
