/**
 * The link rules of issue 17, run from the built bundle in the local Apps Script runtime: the
 * required values, naming rules from a user's tab found by its header, the warning for a link off
 * buy.stripe.com, suggestions that keep the meaning, and the Check selected cells note.
 */
import { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { ScriptError } from '@stripe-utm-sheets/tools/apps-script-runtime';
import { runInEditor } from './bundle';
import type { InsertResult, SidebarContext, TagResult } from '../../src/core/contracts/sidebar-api';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** A custom function call as Sheets makes it: a fresh execution that may read the spreadsheet, never write it. */
function formula(app: LocalAddOn, name: string, ...args: unknown[]): unknown {
  const run = app.execution('custom_function');
  try {
    return run.runtime.call(name, ...args);
  } finally {
    run.services.endExecution();
  }
}

function formulaError(app: LocalAddOn, name: string, ...args: unknown[]): string {
  try {
    formula(app, name, ...args);
  } catch (error) {
    if (error instanceof ScriptError) return error.message;
    throw error;
  }
  throw new Error(`${name} did not raise`);
}

/** A links tab, a naming rules tab (named as the user likes, found by its header) and the add-on's Attribution tab. */
function withRules(): LocalAddOn {
  const app = new LocalAddOn();
  app.workbook.write('Links', [
    ['Payment link', 'Source', 'Medium', 'Campaign', 'Reference'],
    [LINK, 'facebook', 'email', 'spring_sale', 'r-1'],
    [LINK, 'Facebook_Ads', 'email', 'spring_sale', 'r-2'],
    [LINK, 'instagram', 'email', '', 'r-3'],
    ['https://pay.example.com/b/1', 'facebook', 'email', 'spring_sale', 'r-4'],
  ]);
  app.workbook.write('Our UTM list', [
    ['UTM Source', 'utm_medium', 'payment_link_domain'],
    ['facebook', 'email', 'pay.example.com'],
    ['instagram', 'cpc', ''],
  ]);
  app.workbook.write('Attribution', [
    ['utm_campaign', 'utm_source', 'utm_medium', 'currency', 'livemode', 'paid_sessions', 'revenue'],
    ['spring_sale', 'Whatever', 'x', 'eur', false, 1, 49],
  ]);
  return app;
}

describe('UTM_LINK and UTM_ISSUES over a grid', () => {
  it('flag a missing source, medium or campaign, naming it; the optional ones add nothing', () => {
    const app = new LocalAddOn();
    const result = formula(
      app,
      'UTM_LINK',
      column(LINK, LINK, ''),
      column('news', 'news', ''),
      column('email', '', ''),
      'spring',
    ) as string[][];
    expect(result).toEqual([
      [`${LINK}?utm_source=news&utm_medium=email&utm_campaign=spring`],
      [expect.stringMatching(/^utm_medium: is empty; without it this link's sales cannot be told apart in revenue per campaign\./)],
      [''],
    ]);
    expect(formulaError(app, 'UTM_LINK', LINK, 'news', 'email')).toMatch(/^utm_campaign: is empty;/);
    expect(formula(app, 'UTM_ISSUES', LINK)).toMatch(/^utm_source: is empty;.*\nutm_medium: is empty;.*\nutm_campaign: is empty;.*$/);
  });

  it('read the naming rules tab: a value outside its list is flagged with the closest allowed one', () => {
    const app = withRules();
    expect(formulaError(app, 'UTM_LINK', LINK, 'Facebook_Ads', 'email', 'spring_sale')).toBe(
      'utm_source: "Facebook_Ads" is not in the list of the "Our UTM list" tab; sales under two spellings are counted apart. Try facebook',
    );
    // Each row its own reference, so only the rules speak.
    const references = column('r-1', 'r-2');
    expect(
      formula(
        app,
        'UTM_ISSUES',
        column(LINK, LINK),
        column('Instagram', 'instagram'),
        column('email', 'cpc'),
        'launch',
        '',
        '',
        references,
      ),
    ).toEqual([
      [
        'utm_source: "Instagram" is listed as instagram in the "Our UTM list" tab; sales under two spellings are counted apart. Try instagram',
      ],
      [''],
    ]);
    // utm_campaign has no list in the tab: anything goes.
    expect(formula(app, 'UTM_LINK', LINK, 'facebook', 'email', 'anything_at_all')).toBe(
      `${LINK}?utm_source=facebook&utm_medium=email&utm_campaign=anything_at_all`,
    );
  });

  it('warn about a link off buy.stripe.com and the listed domains, and still give the link', () => {
    const app = withRules();
    const off = 'https://example.com/buy';
    expect(formula(app, 'UTM_LINK', off, 'facebook', 'email', 'spring')).toBe(
      `${off}?utm_source=facebook&utm_medium=email&utm_campaign=spring`,
    );
    expect(formula(app, 'UTM_ISSUES', column(off, 'https://pay.example.com/b/1', LINK), 'facebook', 'email', 'spring')).toEqual([
      [
        'payment_link: example.com is not buy.stripe.com nor a domain listed in your naming rules; ' +
          `if it is your Payment Links' custom domain, add it to the payment_link_domain column of the "Our UTM list" tab`,
      ],
      [''],
      [''],
    ]);
  });

  it('never take a links tab with a utm_source header, nor the add-on’s Attribution tab, for rules', () => {
    const app = new LocalAddOn();
    app.workbook.write('Campaigns', [
      ['utm_source', 'utm_medium', 'utm_campaign', 'payment_link'],
      ['newsletter', 'email', 'spring', LINK],
    ]);
    app.workbook.write('Attribution', [
      ['utm_campaign', 'utm_source', 'utm_medium', 'currency', 'livemode', 'paid_sessions', 'revenue'],
      ['spring', 'newsletter', 'email', 'eur', false, 1, 49],
    ]);
    expect(formula(app, 'UTM_ISSUES', LINK, 'facebook', 'cpc', 'summer')).toBe('');
  });

  it('add two rules tabs together', () => {
    const app = withRules();
    app.workbook.write('More rules', [['Source'], ['tiktok']]);
    expect(
      formula(app, 'UTM_ISSUES', column(LINK, LINK), column('tiktok', 'facebook'), 'email', 'x', '', '', column('r-1', 'r-2')),
    ).toEqual([[''], ['']]);
    expect(formula(app, 'UTM_ISSUES', LINK, 'snapchat', 'email', 'x')).toMatch(
      /not in the list of your naming rules \("Our UTM list", "More rules"\)/,
    );
  });

  it('only read the rules tab: a custom function may not write', () => {
    const app = withRules();
    const before = JSON.stringify(app.workbook.sheet('Our UTM list').values());
    formula(app, 'UTM_ISSUES', LINK, 'facebook', 'email', 'x');
    expect(JSON.stringify(app.workbook.sheet('Our UTM list').values())).toBe(before);
  });
});

const cell = (app: LocalAddOn, a1: string) => {
  const [, letter = 'A', row = '1'] = /^([A-Z])(\d+)$/.exec(a1) ?? [];
  return app.workbook.sheet('Links').cell(Number(row), letter.charCodeAt(0) - 64);
};

describe('Check selected cells', () => {
  it('marks an empty source, medium or campaign on a row with a link, naming it, and says each thing once', () => {
    const app = withRules();
    app.workbook.setSelection('Links', 'D4');
    app.menu('checkSelectedCells', { button: 'NO' });
    expect(cell(app, 'D4')?.background).toBe('#f4c7c3');
    expect(cell(app, 'D4')?.note).toBe(
      "Marked by Check selected cells:\nutm_campaign: is empty; without it this link's sales cannot be told apart in revenue per campaign. Type the campaign, like spring_sale",
    );
  });

  it('marks a value outside the naming rules with the closest allowed one', () => {
    const app = withRules();
    app.workbook.setSelection('Links', 'B2:B3');
    app.menu('checkSelectedCells', { button: 'NO' });
    expect(cell(app, 'B2')?.note ?? '').toBe('');
    expect(cell(app, 'B3')?.note).toBe(
      'Marked by Check selected cells:\nutm_source: "Facebook_Ads" is not in the list of the "Our UTM list" tab; sales under two spellings are counted apart. Try facebook',
    );
  });

  it('says a cell shows a formula error, with no suggestion, and suggests the value of a pasted utm_source=facebook', () => {
    const app = new LocalAddOn();
    app.workbook.write('Links', [
      ['payment_link', 'utm_source', 'utm_medium', 'utm_campaign'],
      [LINK, 'utm_source=facebook', '#REF!', 'x&utm_campaign=spring'],
    ]);
    app.workbook.setSelection('Links', 'B2:D2');
    app.menu('checkSelectedCells', { button: 'NO' });
    expect(cell(app, 'B2')?.note).toBe(
      'Marked by Check selected cells:\nutm_source: "utm_source=facebook" is part of a link (name=value pairs), not a value; Stripe would drop it. Try facebook',
    );
    expect(cell(app, 'C2')?.note).toBe(
      'Marked by Check selected cells:\nutm_medium: shows the formula error #REF!, not a value; fix the formula or type the value instead',
    );
    expect(cell(app, 'D2')?.note).toMatch(/Try spring$/);
  });
});

describe('the sidebar', () => {
  it('gets the allowed values per parameter and the custom domains', () => {
    const app = withRules();
    app.workbook.setSelection('Links', 'B2');
    const context = runInEditor(app, 'sidebarContext') as SidebarContext;
    expect(context.rules).toEqual({
      allowed: { utm_source: ['facebook', 'instagram'], utm_medium: ['email', 'cpc'] },
      domains: ['pay.example.com'],
      tabs: ['Our UTM list'],
    });
  });

  it('refuses to insert a link without a campaign, naming it', () => {
    const app = withRules();
    app.workbook.write('Links', [[LINK, 'facebook', 'email', '', '']], 'A6');
    app.workbook.setSelection('Links', 'A6');
    const fields = {
      payment_link: '',
      utm_source: '',
      utm_medium: '',
      utm_campaign: '',
      utm_term: '',
      utm_content: '',
      client_reference_id: '',
    };
    expect(() => runInEditor(app, 'sidebarInsertIntoActiveRow', { fields })).toThrow(/utm_campaign: is empty;/);
  });

  it('inserts a link off buy.stripe.com with a warning beside the link field', () => {
    const app = withRules();
    app.workbook.write('Links', [['https://example.com/buy', 'facebook', 'email', 'spring_sale', 'r-6']], 'A6');
    app.workbook.setSelection('Links', 'A6');
    const fields = {
      payment_link: '',
      utm_source: '',
      utm_medium: '',
      utm_campaign: '',
      utm_term: '',
      utm_content: '',
      client_reference_id: '',
    };
    const result = runInEditor(app, 'sidebarInsertIntoActiveRow', { fields }) as InsertResult;
    expect(result.status).toBe('written');
    expect(result.status === 'written' && result.warnings).toEqual([
      expect.objectContaining({
        field: 'payment_link',
        kind: 'not_payment_link_domain',
        value: 'https://example.com/buy',
        message: expect.stringMatching(/^payment_link: example\.com is not buy\.stripe\.com/) as unknown,
      }),
    ]);
  });

  it('tags selected rows and says which were tagged with a warning', () => {
    const app = withRules();
    app.workbook.write('Links', [['https://example.com/buy', 'facebook', 'email', 'spring_sale', 'r-6']], 'A6');
    app.workbook.setSelection('Links', 'A5:A6');
    const result = runInEditor(app, 'sidebarTagSelectedRows', { typed: {} }) as TagResult;
    expect(result).toMatchObject({ status: 'written', tagged: 2 });
    expect(result.status === 'written' && result.warnings).toEqual([
      expect.stringMatching(/^Row 6: payment_link: example\.com is not buy\.stripe\.com/),
    ]);
  });
});
