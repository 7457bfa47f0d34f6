/**
 * The menu's Re-attribute past sales in the built add-on: it says how many sales today's link rows
 * would move and where, asks Yes or No, and only on Yes rewrites every sale's campaign; with
 * nothing to move it says so; an unreadable tab stops it before anything is written.
 */
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { addsUp, campaigns, edit, groups, refresh, sell, shop } from './attribution-shop';
import { snapshot } from './link-workbook';
import { insertRowAbove } from './user-edits';

const alerts = (app: AddOn) => (app.last?.services.ui.log ?? []).flatMap((entry) => (entry.kind === 'alert' ? [entry] : []));

/** Every tab's values, but the Attribution tab's summary (column A under the table), where a stop is reported. */
function withoutSummary(app: AddOn): Record<string, unknown[][]> {
  return Object.fromEntries(
    app.workbook.sheets.map((sheet) => {
      const values = sheet.values();
      if (sheet.name !== 'Attribution') return [sheet.name, values];
      const table = 1 + app.rows('Attribution').length;
      const under = values.slice(table).map((row) => row.slice(1));
      return [sheet.name, [...values.slice(0, table), ...under.filter((row) => row.some((cell) => cell !== ''))]];
    }),
  );
}

/** Three past sales under spring_sale, then the row renamed and its reference pasted elsewhere. */
function renamedAfterSales(): AddOn {
  const { app, stripe } = shop();
  sell(app, stripe, 'nl-1', 1000);
  sell(app, stripe, 'nl-1', 2000);
  sell(app, stripe, 'g-3', 500);
  sell(app, stripe, 'nobody', 300);
  refresh(app);
  edit(app, 2, 'utm_campaign', 'spring_2025');
  edit(app, 4, 'client_reference_id', 'fb-2');
  sell(app, stripe, 'nl-1', 400);
  refresh(app);
  return app;
}

describe('Re-attribute past sales', () => {
  it('is on the menu', () => {
    const app = renamedAfterSales();
    const run = app.menu('onOpen');
    expect(run.services.ui.menuFunction('Re-attribute past sales')).toBe('reattributePastSales');
  });

  it('says how many sales would move and where, and on Yes moves them and refreshes the Attribution tab', () => {
    const app = renamedAfterSales();
    app.menu('reattributePastSales', { button: 'YES' });
    const [question, done] = alerts(app);
    expect(question).toMatchObject({ title: 'Re-attribute past sales', buttons: 'YES_NO', answer: 'YES' });
    expect(question?.prompt).toMatch(
      /^3 sales would move:\n2 from spring_sale \/ newsletter \/ email \(content hero\) to spring_2025 \/ newsletter \/ email \(content hero\)\n1 from launch \/ google \/ cpc to \(unattributed\)\n\nMove them\?/,
    );
    expect(done).toMatchObject({ buttons: 'OK' });
    expect(done?.prompt).toMatch(/^3 sales moved to the campaign today's link rows give them\./);
    expect(campaigns(app)).toEqual(['spring_2025/newsletter', 'spring_2025/newsletter', '/', '/', 'spring_2025/newsletter']);
    expect(groups(app)).toEqual({ 'spring_2025/newsletter/usd': [3, 34], '(unattributed)//usd': [2, 8] });
    expect(app.rows('Links').map((row) => row.paid_sessions)).toEqual([3, 0, 0]);
    addsUp(app);
    // What it rewrote is kept from then on, like any other sale's campaign.
    const after = snapshot(app);
    refresh(app);
    expect(snapshot(app)).toBe(after);
  });

  it('on No changes nothing', () => {
    const app = renamedAfterSales();
    const before = snapshot(app);
    app.menu('reattributePastSales', { button: 'NO' });
    expect(alerts(app)).toEqual([expect.objectContaining({ buttons: 'YES_NO', answer: 'NO' })]);
    expect(snapshot(app)).toBe(before);
  });

  it('closed with the dialog’s X, changes nothing', () => {
    const app = renamedAfterSales();
    const before = snapshot(app);
    app.menu('reattributePastSales', { button: 'CLOSE' });
    expect(snapshot(app)).toBe(before);
  });

  it('with nothing to move, says so and changes nothing', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1', 1000);
    sell(app, stripe, 'nobody', 300);
    refresh(app);
    const before = snapshot(app);
    app.menu('reattributePastSales');
    expect(alerts(app)).toEqual([
      expect.objectContaining({ buttons: 'OK', prompt: expect.stringMatching(/^No sale would move: .* Nothing was changed\./) }),
    ]);
    expect(snapshot(app)).toBe(before);
  });

  it('lists a few moves, then how many more', () => {
    const { app, stripe } = shop();
    const references = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];
    app.workbook.write(
      'Links',
      references.map((reference) => ['https://buy.stripe.com/test_springA', 'src', 'm', `old_${reference}`, '', reference]),
      'A5',
    );
    references.forEach((reference, i) => {
      for (let n = 0; n <= i; n++) sell(app, stripe, reference, 100);
    });
    refresh(app);
    references.forEach((reference, i) => {
      edit(app, 5 + i, 'utm_campaign', `new_${reference}`);
    });
    app.menu('reattributePastSales', { button: 'NO' });
    const lines = (alerts(app)[0]?.prompt ?? '').split('\n\n')[0]?.split('\n') ?? [];
    expect(lines).toEqual([
      '28 sales would move:',
      '7 from old_r7 / src / m to new_r7 / src / m',
      '6 from old_r6 / src / m to new_r6 / src / m',
      '5 from old_r5 / src / m to new_r5 / src / m',
      '4 from old_r4 / src / m to new_r4 / src / m',
      '3 from old_r3 / src / m to new_r3 / src / m',
      'and 3 more sales in 2 other moves',
    ]);
  });

  it('stops at a tab it cannot read safely, says which, and writes nothing', () => {
    const app = renamedAfterSales();
    insertRowAbove(app.workbook.sheet('Reconciliation'));
    const before = withoutSummary(app);
    app.menu('reattributePastSales');
    // No question is asked: the only alert says what stopped it.
    expect(alerts(app)).toEqual([
      expect.objectContaining({ buttons: 'OK', prompt: expect.stringMatching(/^Nothing was re-attributed\. .*Reconciliation/) }),
    ]);
    expect(withoutSummary(app)).toEqual(before);
    expect(app.summary('Attribution')).toMatch(/^Re-attribution stopped: /);
  });
});
