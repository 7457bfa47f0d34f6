/**
 * A sale keeps the attribution it got (issue 15): what a marketer did to a links tab after the
 * sales came in (a campaign renamed, a reference pasted into a second row, a row deleted) decides
 * where new sales go, never where past sales went. End to end in the built add-on: deliveries,
 * the refresh as a trigger runs it, the link rows edited in the workbook as a person would.
 */
import { columnOf } from './user-edits';
import { addsUp, campaigns, edit, groups, refresh, sell, shop } from './attribution-shop';

describe('a sale keeps the attribution it got', () => {
  it('keeps past sales under a campaign renamed after them; new sales go under the new name', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1', 1000);
    sell(app, stripe, 'nl-1', 2000);
    sell(app, stripe, 'nl-1', 3000);
    refresh(app);
    edit(app, 2, 'utm_campaign', 'spring_2025');
    refresh(app);
    expect(campaigns(app)).toEqual(['spring_sale/newsletter', 'spring_sale/newsletter', 'spring_sale/newsletter']);
    expect(groups(app)).toEqual({ 'spring_sale/newsletter/usd': [3, 60] });
    sell(app, stripe, 'nl-1', 500);
    refresh(app);
    expect(campaigns(app)).toEqual([
      'spring_sale/newsletter',
      'spring_sale/newsletter',
      'spring_sale/newsletter',
      'spring_2025/newsletter',
    ]);
    expect(groups(app)).toEqual({ 'spring_sale/newsletter/usd': [3, 60], 'spring_2025/newsletter/usd': [1, 5] });
    addsUp(app);
  });

  it('keeps past sales attributed when their reference is pasted into a row with other UTM values; new ones with it are unattributed', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1', 9000);
    sell(app, stripe, 'g-3', 1000);
    refresh(app);
    expect(app.summary('Attribution')).toMatch(/100\.00 USD of 100\.00 USD attributed \(100%\)/);
    edit(app, 3, 'client_reference_id', 'nl-1');
    refresh(app);
    expect(campaigns(app)).toEqual(['spring_sale/newsletter', 'launch/google']);
    expect(groups(app)).toEqual({ 'spring_sale/newsletter/usd': [1, 90], 'launch/google/usd': [1, 10] });
    expect(app.summary('Attribution')).toMatch(/100\.00 USD of 100\.00 USD attributed \(100%\)/);
    sell(app, stripe, 'nl-1', 700);
    sell(app, stripe, 'g-3', 300);
    refresh(app);
    expect(campaigns(app)).toEqual(['spring_sale/newsletter', 'launch/google', '/', 'launch/google']);
    expect(groups(app)).toEqual({
      'spring_sale/newsletter/usd': [1, 90],
      'launch/google/usd': [2, 13],
      '(unattributed)//usd': [1, 7],
    });
    expect(app.summary('Attribution')).toMatch(
      /103\.00 USD of 110\.00 USD attributed \(93%\); not attributed: 1 session with a reference shared by rows with different UTM values/,
    );
    addsUp(app);
  });

  it('keeps the campaigns of sales whose link row was deleted; a new sale with its reference is unattributed', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'fb-2', 2500, 'eur');
    sell(app, stripe, 'nl-1', 1000);
    refresh(app);
    const sheet = app.workbook.sheet('Links');
    app.workbook.forgetCells(sheet.deleteRows(3, 1));
    sell(app, stripe, 'fb-2', 500, 'eur');
    refresh(app);
    expect(campaigns(app)).toEqual(['spring_sale/facebook', 'spring_sale/newsletter', '/']);
    expect(groups(app)).toEqual({
      'spring_sale/newsletter/usd': [1, 10],
      'spring_sale/facebook/eur': [1, 25],
      '(unattributed)//eur': [1, 5],
    });
    addsUp(app);
  });

  it('counts a sale on a link row only while that row carries its reference and the UTM values it kept', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1', 1000);
    sell(app, stripe, 'nl-1', 1000);
    refresh(app);
    expect(app.rows('Links').map((row) => row.paid_sessions)).toEqual([2, 0, 0]);
    // The reference pasted into a second row: the sales stay the first row's.
    edit(app, 3, 'client_reference_id', 'nl-1');
    refresh(app);
    expect(app.rows('Links').map((row) => row.paid_sessions)).toEqual([2, 0, 0]);
    edit(app, 3, 'client_reference_id', 'fb-2');
    // Renamed: the row now stands for another campaign; its past sales stay under the old one, in the Attribution tab.
    edit(app, 2, 'utm_campaign', 'spring_2025');
    sell(app, stripe, 'nl-1', 400);
    refresh(app);
    expect(app.rows('Links').map((row) => [row.paid_sessions, row.revenue])).toEqual([
      [1, '4.00 USD (test)'],
      [0, ''],
      [0, ''],
    ]);
    expect(groups(app)).toEqual({ 'spring_sale/newsletter/usd': [2, 20], 'spring_2025/newsletter/usd': [1, 4] });
  });

  it('keeps a campaign a person typed into a sale the add-on could not attribute', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nobody', 1200);
    refresh(app);
    expect(campaigns(app)).toEqual(['/']);
    const ledger = app.workbook.sheet('Reconciliation');
    app.workbook.writeInput(ledger, 2, columnOf(ledger, 'utm_campaign'), 'trade_show');
    app.workbook.writeInput(ledger, 2, columnOf(ledger, 'utm_source'), 'booth');
    refresh(app);
    expect(campaigns(app)).toEqual(['trade_show/booth']);
    expect(groups(app)).toEqual({ 'trade_show/booth/usd': [1, 12] });
  });
});
