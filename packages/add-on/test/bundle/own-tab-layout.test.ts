/**
 * Layout that reads (issue 17): a tab the add-on makes gets a bold header row that stays in view,
 * columns as wide as their ids, dates and reasons need, and its reasons wrapped; the headers it
 * appends to a user's tab are headed like the user's own (bold beside bold) and as wide as they
 * need. Nothing of the user's is reformatted, and nothing is laid out again once the tab exists.
 */
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import type { Workbook } from '@stripe-utm-sheets/tools/services';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const LINK = 'https://buy.stripe.com/test_springA';

type Sheet = ReturnType<Workbook['sheet']>;

/** Each header's width (null: Sheets' default, never set), by header text. */
function widthsByHeader(sheet: Sheet): Record<string, number | null> {
  const header = sheet.values()[0] ?? [];
  return Object.fromEntries(header.map((name, i) => [String(name), sheet.columnWidths.get(i + 1) ?? null]));
}

function columnOf(sheet: Sheet, name: string): number {
  return (sheet.values()[0] ?? []).indexOf(name) + 1;
}

function headerIsBoldAndFrozen(sheet: Sheet): void {
  const header = sheet.values()[0] ?? [];
  expect(header.length).toBeGreaterThan(0);
  expect(header.map((_, i) => sheet.cell(1, i + 1)?.fontWeight)).toEqual(header.map(() => 'bold'));
  expect(sheet.frozenRows).toBe(1);
}

describe("the add-on's own tabs, as it makes them", () => {
  it('Reconciliation: ids, emails and dates whole, a bold frozen header', () => {
    const app = new AddOn(new FakeStripeApi({ now: () => NOW }));
    app.setUp();
    const sheet = app.workbook.sheet('Reconciliation');
    headerIsBoldAndFrozen(sheet);
    const widths = widthsByHeader(sheet);
    // cs_test_ and 58 characters; an event id; a date-time as yyyy-mm-dd hh:mm:ss.
    expect(widths.session_id).toBe(520);
    expect(widths.last_event).toBe(250);
    expect(widths.customer_email).toBe(220);
    expect(widths.created).toBeGreaterThanOrEqual(150);
    // Every column at least Sheets' default: none is set narrower.
    expect(Object.values(widths).every((width) => width === null || width >= 100)).toBe(true);
  });

  it('Webhook log: its reasons and details wrap in wide columns, and counting a refusal changes no layout', () => {
    const app = new AddOn(new FakeStripeApi({ now: () => NOW }));
    app.setUp();
    expect(app.deliver({ id: 'evt_1' }, 'x'.repeat(64))).toMatchObject({ ok: false });
    const sheet = app.workbook.sheet('Webhook log');
    headerIsBoldAndFrozen(sheet);
    expect(widthsByHeader(sheet)).toMatchObject({ reason: 300, last_detail: 420 });
    expect(widthsByHeader(sheet).last_seen).toBeGreaterThanOrEqual(150);
    const [reason, detail, count] = [columnOf(sheet, 'reason'), columnOf(sheet, 'last_detail'), columnOf(sheet, 'count')];
    expect([sheet.cell(2, reason)?.wrap, sheet.cell(2, detail)?.wrap, sheet.cell(2, count)?.wrap]).toEqual([true, true, undefined]);
    // A person narrows a column: the next refusal leaves it as they set it.
    sheet.columnWidths.set(reason, 120);
    app.deliver({ id: 'evt_2' }, 'y'.repeat(64));
    expect(sheet.columnWidths.get(reason)).toBe(120);
  });

  it('Checkouts and Money after sale: ids whole, why a row counts wrapped, the ids of a bucket never wrapped', () => {
    const stripe = new FakeStripeApi({ now: () => NOW });
    const app = new AddOn(stripe);
    app.setUp();
    for (const event of stripe.scenario.expired({ clientReferenceId: 'nl-1', created: NOW - 3600 }).events) app.deliver(event);
    const checkouts = app.workbook.sheet('Checkouts');
    headerIsBoldAndFrozen(checkouts);
    expect(widthsByHeader(checkouts)).toMatchObject({ session_ids: 520, payment_link: 250, bucket: 420 });
    expect(checkouts.cell(2, columnOf(checkouts, 'session_ids'))?.wrap).toBeUndefined();

    const sale = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 4900 });
    for (const event of sale.events) app.deliver(event);
    for (const event of stripe.afterSale.refund(sale.session.id, { amount: 1000 }).events) app.deliver(event);
    const money = app.workbook.sheet('Money after sale');
    headerIsBoldAndFrozen(money);
    expect(widthsByHeader(money)).toMatchObject({ object_id: 250, session_id: 520, counted: 320 });
    expect(money.cell(2, columnOf(money, 'counted'))?.wrap).toBe(true);
  });
});

describe("the add-on's columns appended to a user's links tab", () => {
  function linksTab(boldHeader: boolean): AddOn {
    const app = new AddOn(new FakeStripeApi({ now: () => NOW }));
    app.setUp();
    app.workbook.write('Links', [
      ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign'],
      [LINK, 'newsletter', 'email', 'spring_sale'],
    ]);
    const sheet = app.workbook.sheet('Links');
    if (boldHeader) for (let column = 1; column <= 4; column++) sheet.cellForWrite(1, column).fontWeight = 'bold';
    sheet.columnWidths.set(2, 90);
    return app;
  }

  it('are bold beside bold headers and as wide as their header, and the user’s own cells keep their look', () => {
    const app = linksTab(true);
    app.menu('addReferences');
    const sheet = app.workbook.sheet('Links');
    const reference = columnOf(sheet, 'client_reference_id');
    expect(reference).toBe(5);
    expect(sheet.cell(1, reference)?.fontWeight).toBe('bold');
    expect(sheet.columnWidths.get(reference)).toBeGreaterThan(100);
    // The user's column width and cells are as they were.
    expect(sheet.columnWidths.get(2)).toBe(90);
    expect(sheet.cell(2, 2)?.fontWeight ?? 'normal').toBe('normal');

    app.menu('refreshAttribution');
    const header = sheet.values()[0] ?? [];
    expect(header).toEqual(expect.arrayContaining(['paid_sessions', 'checkouts', 'revenue']));
    expect(header.map((_, i) => sheet.cell(1, i + 1)?.fontWeight)).toEqual(header.map(() => 'bold'));
  });

  it('follow a header row the user keeps plain', () => {
    const app = linksTab(false);
    app.menu('addReferences');
    const sheet = app.workbook.sheet('Links');
    expect(sheet.cell(1, columnOf(sheet, 'client_reference_id'))?.fontWeight ?? 'normal').toBe('normal');
  });
});
