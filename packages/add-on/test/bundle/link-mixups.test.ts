/**
 * The mix-ups across link rows where the user already looks, run from the built bundle in the
 * local runtime: Check selected cells and the sidebar name a reference that rows with different
 * UTM values share (across every links tab), and warn about a test-mode link once the
 * spreadsheet's sales are live. UTM_LINK and UTM_ISSUES keep their contract: a test-mode link is
 * a link Stripe accepts.
 */
import { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';
import type { SidebarContext } from '../../src/core/contracts/sidebar-api';

const LIVE = 'https://buy.stripe.com/eVa5nPg1j1wmfXq5kr';
const TEST = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
const MARK = '#f4c7c3';
const WARNING = /^Stripe accepts this, but check it\.\n/;

/**
 * Links: ref-1 on rows 2 and 3 with different sources; ref-3 on row 5 and on More links row 2
 * with other values; ref-4 on rows 6 and 7 with the same values (no mix-up); a test link on row 4.
 */
function spreadsheet(sales: readonly boolean[] = [false, true]): LocalAddOn {
  const app = new LocalAddOn();
  app.workbook.write('Links', [
    ['Payment link', 'Source', 'Medium', 'Campaign', 'Reference'],
    [LIVE, 'facebook', 'paid_social', 'spring_sale', 'ref-1'],
    [LIVE, 'newsletter', 'email', 'spring_sale', 'ref-1'],
    [TEST, 'google', 'cpc', 'spring_sale', 'ref-2'],
    [LIVE, 'facebook', 'paid_social', 'summer_sale', 'ref-3'],
    [LIVE, 'twitter', 'social', 'spring_sale', 'ref-4'],
    [LIVE, 'twitter', 'social', 'spring_sale', 'ref-4'],
  ]);
  app.workbook.write('More links', [
    ['payment_link', 'utm_source', 'utm_medium', 'utm_campaign', 'client_reference_id'],
    [LIVE, 'instagram', 'paid_social', 'summer_sale', 'ref-3'],
  ]);
  // Not a links tab: its ref-1 is no one's row.
  app.workbook.write('Notes', [
    ['Reference', 'Comment'],
    ['ref-1', 'ask Dana'],
  ]);
  app.workbook.write('Reconciliation', [
    ['session_id', 'client_reference_id', 'payment_status', 'amount', 'currency', 'Live mode'],
    ...sales.map((live, i) => [`cs_${String(i)}`, 'ref-1', 'paid', 10, 'eur', live]),
  ]);
  return app;
}

const cell = (app: LocalAddOn, a1: string, tab = 'Links') => {
  const [, letter = 'A', row = '1'] = /^([A-Z])(\d+)$/.exec(a1) ?? [];
  return app.workbook.sheet(tab).cell(Number(row), letter.charCodeAt(0) - 64);
};

function check(app: LocalAddOn, ...ranges: string[]): string {
  app.workbook.setSelection('Links', ...ranges);
  // No to the offer to apply suggestions: what is said is the marking's toast.
  return app.menu('checkSelectedCells', { button: 'NO' }).services.spreadsheet.toasts.at(-1)?.message ?? '';
}

function context(app: LocalAddOn, a1: string): SidebarContext {
  app.workbook.setSelection('Links', a1);
  const execution = app.execution('editor');
  try {
    return execution.runtime.call('sidebarContext') as SidebarContext;
  } finally {
    execution.services.endExecution();
  }
}

describe('Check selected cells: mix-ups across rows', () => {
  it('marks a reference shared by rows with different UTM values, naming the other rows, across tabs', () => {
    const app = spreadsheet();
    const toast = check(app, 'E2:E7');
    for (const a1 of ['E2', 'E3', 'E5']) {
      expect(cell(app, a1)?.background).toBe(MARK);
      expect(cell(app, a1)?.note).toMatch(WARNING);
    }
    expect(cell(app, 'E2')?.note).toContain(
      'client_reference_id "ref-1" is on 2 rows with different UTM values (Links row 2, Links row 3)',
    );
    expect(cell(app, 'E5')?.note).toContain('More links row 2');
    // The same reference on rows with the same values is one campaign: nothing to mark.
    for (const a1 of ['E4', 'E6', 'E7']) {
      expect(cell(app, a1)?.background ?? null).toBeNull();
      expect(cell(app, a1)?.note ?? '').toBe('');
    }
    expect(toast).toBe(
      '2 references are shared by rows with different UTM values (marked in red, with a note naming the rows); 3 are fine.',
    );
  });

  it('marks a test-mode link once the spreadsheet has live sales, and counts it apart', () => {
    const app = spreadsheet();
    const toast = check(app, 'A2:A4', 'E2');
    expect(cell(app, 'A4')?.background).toBe(MARK);
    expect(cell(app, 'A4')?.note).toMatch(WARNING);
    expect(cell(app, 'A4')?.note).toContain(`payment_link: "${TEST}" is a test-mode link`);
    for (const a1 of ['A2', 'A3']) expect(cell(app, a1)?.note ?? '').toBe('');
    expect(toast).toBe(
      '1 reference is shared by rows with different UTM values; 1 test-mode link on a spreadsheet with live sales (marked in red, with a note naming the rows); 2 are fine.',
    );
  });

  it('leaves a test-mode link alone while every sale is a test (or there are none)', () => {
    for (const sales of [[false, false], []]) {
      const app = spreadsheet(sales);
      // One value reads as one (issue 17: "All 1 values are fine").
      expect(check(app, 'A4')).toBe('The value is fine: Stripe keeps it.');
      expect(cell(app, 'A4')?.note ?? '').toBe('');
      expect(cell(app, 'A4')?.background ?? null).toBeNull();
    }
  });

  it('counts one value as one in its summary (issue 17: "All 1 values are fine")', () => {
    const app = spreadsheet([]);
    app.workbook.write('Links', [['Spring Sale']], 'D6');
    expect(check(app, 'C6:D6')).toBe('1 value Stripe would drop is marked in red, with a note saying why and what would work; 1 is fine.');
  });

  it('reads livemode TRUE typed as text in the Reconciliation tab', () => {
    const app = spreadsheet([]);
    // In the Live mode column of a ledger an earlier version made (no mark yet).
    app.workbook.write('Reconciliation', [
      ['session_id', 'livemode'],
      ['cs_1', "'TRUE"],
    ]);
    check(app, 'A4');
    expect(cell(app, 'A4')?.background).toBe(MARK);
  });

  it('still marks a value Stripe would drop as such, and counts both', () => {
    const app = spreadsheet();
    app.workbook.write('Links', [['ref 1']], 'E2');
    app.workbook.write('Links', [['ref 1']], 'E3');
    const toast = check(app, 'E2:E3', 'A4');
    expect(cell(app, 'E2')?.note).toMatch(/^Marked by Check selected cells:\nclient_reference_id: "ref 1" has a space/);
    expect(toast).toMatch(
      /^2 values Stripe would drop are marked in red.*; 1 test-mode link on a spreadsheet with live sales \(marked in red, with a note naming the rows\); 0 are fine\.$/,
    );
  });

  it("clears its mark once the rows no longer share the reference, giving the user's own note back", () => {
    const app = spreadsheet();
    cell(app, 'E2')!.note = 'from the March brief';
    check(app, 'E2:E3');
    expect(cell(app, 'E2')?.note).toMatch(/^Stripe accepts this, but check it\.\n[\s\S]*\n\n— Your note:\nfrom the March brief$/);
    app.workbook.write('Links', [['ref-9']], 'E3');
    expect(check(app, 'E2:E3')).toBe('All 2 values are fine: Stripe keeps them.');
    expect(cell(app, 'E2')?.note).toBe('from the March brief');
    expect(cell(app, 'E2')?.background ?? null).toBeNull();
    expect(cell(app, 'E3')?.note).toBe('');
  });
});

describe("the sidebar: the active row's mix-ups", () => {
  it("names the other rows that share the active row's reference with different UTM values", () => {
    const app = spreadsheet();
    const read = context(app, 'B5');
    expect(read.warnings).toEqual([
      {
        field: 'client_reference_id',
        kind: 'shared_reference',
        value: 'ref-3',
        message: expect.stringContaining('client_reference_id "ref-3" is on 2 rows with different UTM values') as unknown,
        rows: ['More links row 2'],
      },
    ]);
    expect(read.liveSales).toBe(true);
  });

  it("warns about the active row's test-mode link while sales are live, and not otherwise", () => {
    expect(context(spreadsheet(), 'C4').warnings).toEqual([
      {
        field: 'payment_link',
        kind: 'test_link',
        value: TEST,
        message: expect.stringMatching(/^This is a test-mode link/) as unknown,
        rows: [],
      },
    ]);
    const tests = context(spreadsheet([false]), 'C4');
    expect(tests.warnings).toEqual([]);
    expect(tests.liveSales).toBe(false);
  });

  it('has no warning for a row without a mix-up, nor for the header row', () => {
    const app = spreadsheet();
    expect(context(app, 'A6').warnings).toEqual([]);
    expect(context(app, 'A1').warnings).toEqual([]);
  });
});

describe('UTM_LINK and UTM_ISSUES keep their contract on a test-mode link', () => {
  it('a valid row with a test-mode link has no issues and gets its link', () => {
    // A custom function runs in an execution of its own, over the spreadsheet (it reads the naming rules tabs).
    const runtime = spreadsheet().execution('custom_function').runtime;
    expect(runtime.call('UTM_ISSUES', TEST, 'newsletter', 'email', 'spring_sale', '', '', 'ref-1')).toBe('');
    expect(runtime.call('UTM_LINK', TEST, 'newsletter', 'email', 'spring_sale', '', '', 'ref-1')).toBe(
      `${TEST}?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale&client_reference_id=ref-1`,
    );
  });
});
