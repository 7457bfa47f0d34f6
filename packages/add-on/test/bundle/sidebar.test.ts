/**
 * The menu's "Check selected cells" and the sidebar's server functions, run from dist/Code.js in
 * the local runtime over a campaign tab whose columns are found by their headers.
 */
import { failureOf, runInEditor } from './bundle';
import { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

/** A campaign tab laid out the way people do: their own column names and order, an extra column. */
function campaignTab(): LocalAddOn {
  const app = new LocalAddOn();
  app.workbook.write('Links', [
    ['Notes', 'Payment link', 'Source', 'Medium', 'Campaign', 'Reference'],
    ['launch', LINK, 'facebook', 'paid_social', 'spring_sale', 'fb-1'],
    ['', LINK, 'Facebook Ads', 'paid social', 'Spring Sale', 'fb/2'],
    ['', 'http://buy.stripe.com/x', 'newsletter', 'email', 'spring_sale', ''],
    ['', '', 'google', 'cpc', '', ''],
  ]);
  return app;
}

const run = runInEditor;
const failure = failureOf;

const cell = (app: LocalAddOn, a1: string) => {
  const [, letter = 'A', row = '1'] = /^([A-Z])(\d+)$/.exec(a1) ?? [];
  return app.workbook.sheet('Links').cell(Number(row), letter.charCodeAt(0) - 64);
};

describe('Check selected cells', () => {
  it('counts in words that agree: one cell it did not check', () => {
    const app = campaignTab();
    app.workbook.setSelection('Links', 'A2:B2');
    const execution = app.menu('checkSelectedCells');
    expect(execution.services.spreadsheet.toasts.at(-1)?.message).toMatch(
      / 1 cell is not in a link, UTM or reference column and was not checked\.$/,
    );
  });

  it('marks each value Stripe would drop with a note, and leaves the rest alone', () => {
    const app = campaignTab();
    cell(app, 'A2')!.note = 'my own note';
    app.workbook.setSelection('Links', 'A1:F5');
    const execution = app.menu('checkSelectedCells', { button: 'NO' });
    const marked = ['B4', 'C3', 'D3', 'E3', 'F3'];
    for (const a1 of marked) {
      expect(cell(app, a1)?.background).toBe('#f4c7c3');
      expect(cell(app, a1)?.note).toMatch(/^Marked by Check selected cells:\n/);
    }
    expect(cell(app, 'E3')?.note).toBe(
      // Issue 17: each thing once (no heading repeating the reason, no second 'Suggested:' line).
      // The tab spells the campaign spring_sale (rows 2 and 4): the fix keeps its spelling.
      'Marked by Check selected cells:\nutm_campaign: "Spring Sale" has a space; Stripe would drop it. Try spring_sale, as 2 rows of this tab spell it',
    );
    for (const a1 of ['B2', 'C2', 'E2', 'F2', 'C4']) expect(cell(app, a1)?.background ?? null).toBeNull();
    expect(cell(app, 'A2')?.note).toBe('my own note');
    expect(execution.services.spreadsheet.toasts.at(-1)?.message).toMatch(
      /^5 values Stripe would drop are marked in red.*; 11 are fine\. 4 cells are not in a link/,
    );
  });

  it('unmarks a value once it is fixed', () => {
    const app = campaignTab();
    app.workbook.setSelection('Links', 'E3');
    app.menu('checkSelectedCells', { button: 'NO' });
    app.workbook.write('Links', [['Spring_Sale']], 'E3');
    app.menu('checkSelectedCells', { button: 'NO' });
    expect(cell(app, 'E3')?.note).toBe('');
    expect(cell(app, 'E3')?.background ?? null).toBeNull();
  });

  it('keeps a note and a fill the user put on a cell it marks, and gives them back once the value is fixed', () => {
    const app = campaignTab();
    cell(app, 'E3')!.note = 'ask Dana before changing';
    cell(app, 'C3')!.background = '#b7e1cd';
    app.workbook.setSelection('Links', 'C3:E3');
    app.menu('checkSelectedCells', { button: 'NO' });
    expect(cell(app, 'E3')?.note).toMatch(/^Marked by Check selected cells:\n[\s\S]*\n\n— Your note:\nask Dana before changing$/);
    expect(cell(app, 'C3')?.note).toMatch(/^Marked by Check selected cells:\n/);
    expect(cell(app, 'C3')?.background).toBe('#b7e1cd');
    app.workbook.write('Links', [['facebook_ads', 'paid_social', 'Spring_Sale']], 'C3');
    app.menu('checkSelectedCells', { button: 'NO' });
    expect(cell(app, 'E3')?.note).toBe('ask Dana before changing');
    expect(cell(app, 'C3')?.note).toBe('');
    expect(cell(app, 'C3')?.background).toBe('#b7e1cd');
  });
});

describe('the sidebar', () => {
  it('opens from the menu with the built sidebar page', () => {
    const app = campaignTab();
    const execution = app.menu('openLinkBuilder');
    const sidebar = execution.services.ui.lastDialog();
    expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Payment link builder' });
    expect(sidebar?.html).toContain('id="preview"');
    expect(sidebar?.html).not.toMatch(/INLINE:/);
  });

  it('reads the tab: its link columns by header, values in use, the selection', () => {
    const app = campaignTab();
    app.workbook.setSelection('Links', 'C3:C4', 'E5');
    expect(run(app, 'sidebarContext')).toMatchObject({
      sheetName: 'Links',
      columns: { payment_link: 2, utm_source: 3, utm_medium: 4, utm_campaign: 5, client_reference_id: 6 },
      // Spring Sale is in use too, but Stripe would drop it: never a suggestion.
      used: { utm_campaign: [{ value: 'spring_sale', rows: 2 }] },
      activeRow: 3,
      selectedRows: 3,
    });
  });

  const form = {
    payment_link: LINK,
    utm_source: 'newsletter',
    utm_medium: 'email',
    utm_campaign: '2024',
    utm_term: '',
    utm_content: '',
    client_reference_id: 'nl-9',
  };

  it('refuses a call that carries no form', () => {
    const app = campaignTab();
    app.workbook.setSelection('Links', 'C5');
    const before = app.workbook.sheet('Links').values();
    expect(failure(app, 'sidebarInsertIntoActiveRow', null)).toMatch(/sent no form values/);
    expect(failure(app, 'sidebarTagSelectedRows', {})).toMatch(/sent no form values/);
    expect(app.workbook.sheet('Links').values()).toEqual(before);
  });

  it('inserts the form into an empty active row, as text, with the tagged link in a new column', () => {
    const app = campaignTab();
    app.workbook.setSelection('Links', 'C6');
    const result = run(app, 'sidebarInsertIntoActiveRow', { fields: form });
    const link = `${LINK}?utm_source=newsletter&utm_medium=email&utm_campaign=2024&client_reference_id=nl-9`;
    expect(result).toEqual({
      status: 'written',
      sheetName: 'Links',
      row: 6,
      link,
      warnings: [],
      reference: 'nl-9',
      referenceAdded: false,
      referenceWarnings: [],
    });
    const sheet = app.workbook.sheet('Links');
    expect(sheet.values()[0]).toEqual(['Notes', 'Payment link', 'Source', 'Medium', 'Campaign', 'Reference', 'tagged_link']);
    expect(sheet.values()[5]).toEqual(['', LINK, 'newsletter', 'email', '2024', 'nl-9', link]);
  });

  it('refuses to write a row with a value Stripe would drop, whatever the page let through', () => {
    const app = campaignTab();
    app.workbook.setSelection('Links', 'C5');
    const before = app.workbook.sheet('Links').values();
    expect(failure(app, 'sidebarInsertIntoActiveRow', { fields: { ...form, utm_campaign: 'Spring Sale' } })).toMatch(
      /Nothing was written\. utm_campaign: "Spring Sale" has a space/,
    );
    expect(failure(app, 'sidebarInsertIntoActiveRow', { fields: { ...form, payment_link: '=IMPORTXML("x")' } })).toMatch(/payment_link/);
    expect(app.workbook.sheet('Links').values()).toEqual(before);
    app.workbook.setSelection('Links', 'C1');
    expect(failure(app, 'sidebarInsertIntoActiveRow', { fields: form })).toMatch(/below the header row/);
  });

  it('tags the selected rows from their own columns, filling blanks from the form', () => {
    const app = campaignTab();
    app.workbook.setSelection('Links', 'A2:A3', 'A5');
    const result = run(app, 'sidebarTagSelectedRows', { typed: { ...form, utm_campaign: 'winter', client_reference_id: '' } }) as {
      tagged: number;
      invalid: unknown[];
    };
    expect(result.tagged).toBe(2);
    expect(result.invalid).toEqual([
      {
        row: 3,
        problems: [
          expect.stringMatching(/^utm_source: "Facebook Ads" has a space/),
          expect.stringMatching(/^utm_medium/),
          expect.stringMatching(/^utm_campaign/),
          expect.stringMatching(/^client_reference_id: "fb\/2" has "\/"/),
        ],
      },
    ]);
    const tagged = app.workbook
      .sheet('Links')
      .values()
      .map((row) => row[6]);
    expect(tagged).toEqual([
      'tagged_link',
      `${LINK}?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring_sale&client_reference_id=fb-1`,
      '',
      '',
      // Row 5 had no reference: Tag selected rows gave it its own (issue 9), and its link carries it.
      `${LINK}?utm_source=google&utm_medium=cpc&utm_campaign=winter&client_reference_id=winter-1`,
    ]);
    expect(
      app.workbook
        .sheet('Links')
        .values()
        .map((row) => row[5]),
    ).toEqual(['Reference', 'fb-1', 'fb/2', '', 'winter-1']);
    // Row 5's empty cells now show what its link carries: the typed link and campaign; its own source and medium stay.
    expect(app.workbook.sheet('Links').values()[4]).toEqual(['', LINK, 'google', 'cpc', 'winter', 'winter-1', tagged[4]]);
    // Row 2 was full: nothing of the form replaced its values.
    expect(app.workbook.sheet('Links').values()[1]?.slice(0, 6)).toEqual([
      'launch',
      LINK,
      'facebook',
      'paid_social',
      'spring_sale',
      'fb-1',
    ]);
  });

  it('says what to select when nothing below the header is selected', () => {
    const app = campaignTab();
    app.workbook.setSelection('Links', 'B1:F1');
    expect(failure(app, 'sidebarTagSelectedRows', { typed: form })).toMatch(/Select the campaign rows to tag/);
  });
});

describe('the add-on menu', () => {
  it('has every item, each calling a function Code.js declares', () => {
    const app = campaignTab();
    const execution = app.menu('onOpen');
    const menu = execution.services.ui.menus.at(-1);
    const items = JSON.stringify(menu);
    for (const fn of [
      'openLinkBuilder',
      'checkSelectedCells',
      'setUpReconciliation',
      'showWebhookUrl',
      'connectStripeKey',
      'syncNow',
      'openScheduledSync',
      'showHelp',
    ]) {
      expect(items).toContain(fn);
      expect(execution.runtime.hasFunction(fn)).toBe(true);
    }
  });
});
