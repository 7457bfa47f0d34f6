/**
 * Issue 13's findings, each as a user or an attacker met it, against the built add-on in the local
 * runtime: the add-on writes only what it owns (found by its mark, never by a name a person may also
 * use), a tab it cannot read safely is written by no path, and text stays literal whatever the formats.
 */
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { Workbook, type SheetData, type WorkbookJson } from '@stripe-utm-sheets/tools/services';
import { failureOf } from './bundle';
import { columnOf, deleteColumn, deleteHeaderRow, insertRowAbove } from './user-edits';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const LINK_A = 'https://buy.stripe.com/test_springA';
const LINKS = [
  ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'client_reference_id'],
  [LINK_A, 'newsletter', 'email', 'spring_sale', 'nl-1'],
  [LINK_A, 'facebook', 'paid_social', 'spring_sale', 'fb-2'],
];

function shop(links: unknown[][] = LINKS): { app: AddOn; stripe: FakeStripeApi } {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = new AddOn(stripe);
  app.setUp();
  app.workbook.write('Links', links);
  return { app, stripe };
}

/** Runs a global the way a trigger does: an execution without a Ui. Returns the toasts it showed. */
function runAsTrigger(app: AddOn, name: string): string[] {
  const run = app.execution('trigger');
  try {
    run.runtime.call(name);
  } finally {
    run.services.endExecution();
  }
  return run.services.spreadsheet.toasts.map((toast) => toast.message);
}

const refresh = (app: AddOn): string[] => runAsTrigger(app, 'refreshAttribution');

/** Every value and formula of a tab, to compare before and after. */
function cellsOf(sheet: SheetData): string {
  return JSON.stringify({ values: sheet.values(), formulas: sheet.formulas() }, (_, value: unknown) =>
    value instanceof Date ? value.toISOString() : value,
  );
}

function sell(app: AddOn, stripe: FakeStripeApi, reference: string, amount = 1999): string {
  const { session, events } = stripe.scenario.paid({ clientReferenceId: reference, amount, currency: 'usd' });
  for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true });
  return session.id;
}

/** Each Checkout Session's id, as many times as it has a row, in every tab that has a session_id header. */
function sessionRows(app: AddOn): string[] {
  return app.workbook.sheets.flatMap((sheet) => {
    const header = sheet.values()[0] ?? [];
    const column = header.indexOf('session_id');
    return column === -1
      ? []
      : sheet
          .values()
          .slice(1)
          .map((row) => String(row[column] ?? '').trim())
          .filter((id) => id !== '');
  });
}

describe('a title row or a deleted header row in Reconciliation', () => {
  it.each([
    [
      'a title row inserted above the header',
      (app: AddOn) => {
        insertRowAbove(app.workbook.sheet('Reconciliation'));
      },
    ],
    [
      'the header row deleted',
      (app: AddOn) => {
        deleteHeaderRow(app.workbook, app.workbook.sheet('Reconciliation'));
      },
    ],
  ])('%s: the refresh stops, changes no cell of any other tab, and says which tab and what to fix', (_, edit) => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1');
    sell(app, stripe, 'fb-2');
    refresh(app);
    edit(app);
    if (app.workbook.sheet('Reconciliation').cell(1, 1)?.value === undefined)
      app.workbook.writeInput(app.workbook.sheet('Reconciliation'), 1, 1, 'Sales, November');
    const before = app.workbook.sheets.filter((sheet) => sheet.name !== 'Attribution').map(cellsOf);
    const toasts = runAsTrigger(app, 'refreshAttribution');
    expect(app.workbook.sheets.filter((sheet) => sheet.name !== 'Attribution').map(cellsOf)).toEqual(before);
    expect(toasts.join('\n')).toMatch(/Reconciliation.*header row/);
    expect(toasts.join('\n')).toMatch(/row 1/);
    const status = app.workbook
      .sheet('Attribution')
      .values()
      .flat()
      .map(String)
      .find((cell) => cell.startsWith('Refresh stopped'));
    expect(status).toMatch(/Reconciliation/);
  });

  it('a delivery meanwhile is refused with retry and changes nothing but the Webhook log', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1');
    insertRowAbove(app.workbook.sheet('Reconciliation'));
    app.workbook.writeInput(app.workbook.sheet('Reconciliation'), 1, 1, 'Sales, November');
    const before = app.workbook.sheets.map(cellsOf);
    expect(app.deliver(stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 100, currency: 'usd' }).events[0] ?? {})).toMatchObject({
      ok: false,
      retry: true,
      error: expect.stringMatching(/header row is missing .*; nothing was written; Stripe will send this event again$/),
    });
    expect(app.workbook.sheets.filter((sheet) => sheet.name !== 'Webhook log').map(cellsOf)).toEqual(
      before.slice(0, app.workbook.sheets.length).filter((_, i) => app.workbook.sheets[i]?.name !== 'Webhook log'),
    );
  });
});

describe("a user's own columns on a links tab", () => {
  it("keeps their Revenue targets (numbers and a formula) and Paid Sessions, and puts the add-on's own beside them", () => {
    const links = [
      [...(LINKS[0] ?? []), 'Revenue', 'Paid Sessions'],
      [...(LINKS[1] ?? []), 500, 3],
      [...(LINKS[2] ?? []), '', 4],
    ];
    const { app, stripe } = shop(links);
    const tab = app.workbook.sheet('Links');
    app.workbook.writeFormula(tab, 3, 6, '=F2*10');
    const before = cellsOf(tab);
    sell(app, stripe, 'nl-1');
    const toasts = refresh(app);
    const userPart = (json: string): unknown =>
      (JSON.parse(json) as { values: unknown[][]; formulas: unknown[][] }).values.map((row) => row.slice(0, 7));
    expect(userPart(cellsOf(tab))).toEqual(userPart(before));
    expect(tab.values()[1]?.slice(5, 7)).toEqual([500, 3]);
    expect(tab.formulas()[2]?.[5]).toBe('=F2*10');
    expect(tab.values()[0]?.slice(7, 10)).toEqual(['paid_sessions (add-on)', 'checkouts', 'revenue (add-on)']);
    expect(tab.values()[1]?.slice(7, 10)).toEqual([1, 1, '19.99 USD (test)']);
    const summary = app.workbook.sheet('Attribution').values().flat().map(String).join('\n');
    expect(`${summary}\n${toasts.join('\n')}`).toMatch(/already has a column called paid_sessions, and it is yours/);
  });

  it('puts its columns after the last used column, not over notes typed right of the table without a header', () => {
    const { app, stripe } = shop();
    const tab = app.workbook.sheet('Links');
    app.workbook.writeInput(tab, 2, 7, 'call Anna about this one');
    sell(app, stripe, 'nl-1');
    refresh(app);
    expect(tab.cell(2, 7)?.value).toBe('call Anna about this one');
    expect(tab.values()[0]?.slice(7, 10)).toEqual(['paid_sessions', 'checkouts', 'revenue']);
  });

  it('finds its columns again by their mark after the user moves them and renames their headers', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1');
    refresh(app);
    const tab = app.workbook.sheet('Links');
    // Drag the add-on's three columns to the far left, then type over their headers: the marks follow.
    tab.moveColumns(columnOf(tab, 'paid_sessions'), 3, 1);
    app.workbook.writeInput(tab, 1, 1, 'Sales (add-on)');
    app.workbook.writeInput(tab, 1, 2, 'Visits');
    app.workbook.writeInput(tab, 1, 3, 'Money in');
    sell(app, stripe, 'nl-1', 100);
    refresh(app);
    expect(tab.values()[0]).toEqual(['Sales (add-on)', 'Visits', 'Money in', ...(LINKS[0] ?? []), 'net_revenue USD (test)']);
    expect(tab.values()[1]).toEqual([2, 2, '20.99 USD (test)', ...(LINKS[1] ?? []), 20.99]);
  });

  // Issue 17: the header row's mark moves down with its row, and the header is found under the title row.
  it('keeps writing beside its header, never in the title row, when a title row is inserted above a links tab that holds its columns', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1');
    refresh(app);
    const tab = app.workbook.sheet('Links');
    insertRowAbove(tab);
    app.workbook.writeInput(tab, 1, 1, 'Spring campaign links');
    sell(app, stripe, 'fb-2');
    const toasts = refresh(app);
    expect(toasts.join('\n')).not.toMatch(/header row/);
    expect(tab.values()[0]?.filter((cell) => cell !== '')).toEqual(['Spring campaign links']);
    expect(tab.values()[1]?.slice(5, 8)).toEqual(['paid_sessions', 'checkouts', 'revenue']);
    expect(tab.values()[3]?.slice(5, 8)).toEqual([1, 1, '19.99 USD (test)']);
  });

  it.each([
    [
      'a content calendar',
      [
        ['Date', 'Link', 'Content', 'utm_campaign'],
        ['2026-11-01', 'https://blog.example.com/post', 'teaser', 'spring_sale'],
      ],
    ],
    [
      'an ad-spend sheet',
      [
        ['Campaign', 'URL', 'utm_source', 'Spend', 'Revenue'],
        ['spring_sale', 'https://shop.example.com/', 'facebook', 120, 900],
      ],
    ],
  ])('never writes %s that only looks like a links tab', (_, rows) => {
    const { app, stripe } = shop();
    const other = app.workbook.write('Other', rows);
    sell(app, stripe, 'nl-1');
    const before = cellsOf(other);
    refresh(app);
    expect(cellsOf(other)).toEqual(before);
    expect(app.workbook.developerMetadata().filter((mark) => mark.location.sheet === 'Other')).toEqual([]);
  });
});

describe('tabs named like the add-on', () => {
  it("leaves a user's own Attribution tab as it is and makes its own beside it, saying so once", () => {
    const { app, stripe } = shop();
    const mine = app.workbook.write('Attribution', [
      ['Channel', 'Budget'],
      ['email', 1000],
    ]);
    sell(app, stripe, 'nl-1');
    const before = cellsOf(mine);
    refresh(app);
    refresh(app);
    expect(cellsOf(mine)).toEqual(before);
    expect(app.rows('Attribution (add-on)')[0]).toMatchObject({ utm_campaign: 'spring_sale', revenue: 19.99 });
    expect(app.workbook.sheets.filter((sheet) => sheet.name.startsWith('Attribution'))).toHaveLength(2);
  });

  it.each(['Sales 2026', 'reconciliation', 'RECONCILIATION'])(
    'a Reconciliation renamed to %s is still the one ledger: a redelivered sale keeps its one row',
    (name) => {
      const { app, stripe } = shop();
      const { events } = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 1999, currency: 'usd' });
      for (const event of events) app.deliver(event);
      app.workbook.sheet('Reconciliation').name = name;
      for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true, result: 'unchanged' });
      sell(app, stripe, 'fb-2');
      refresh(app);
      expect(app.workbook.getSheet('Reconciliation')).toBeNull();
      expect(sessionRows(app)).toHaveLength(2);
      expect(new Set(sessionRows(app)).size).toBe(2);
      expect(app.rows(name).map((row) => row.utm_campaign)).toEqual(['spring_sale', 'spring_sale']);
    },
  );
});

describe('text stays literal whatever the formats around it', () => {
  it('a new sale below data rows a user formatted as Plain text (a selection, not whole columns) does not become a formula', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1');
    const tab = app.workbook.sheet('Reconciliation');
    for (let column = 1; column <= tab.maxColumns; column++) tab.cellForWrite(2, column).numberFormat = '@';
    const { events } = stripe.scenario.paid({ clientReferenceId: '-A2-1', amount: 500, currency: 'usd', email: '=1+1@example.com' });
    for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true });
    expect(app.formulas()).toEqual([]);
    const row = app.rows()[1];
    expect(row).toMatchObject({ client_reference_id: '-A2-1', customer_email: '=1+1@example.com' });
  });

  it('a session_id a person padded with spaces is still its session: a redelivery adds no second row', () => {
    const { app, stripe } = shop();
    const { session, events } = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 1999, currency: 'usd' });
    for (const event of events) app.deliver(event);
    const tab = app.workbook.sheet('Reconciliation');
    app.workbook.writeInput(tab, 2, columnOf(tab, 'session_id'), `  ${session.id}  `);
    for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true, result: 'unchanged' });
    expect(sessionRows(app)).toEqual([session.id]);
  });
});

/** The same spreadsheet as an earlier version would have left it: every tab and column, not a single mark. */
function withoutMarks(app: AddOn, stripe: FakeStripeApi): AddOn {
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => key !== 'developerMetadata')
              .map(([key, v]) => [key, strip(v)]),
          )
        : value;
  return new AddOn(stripe, undefined, {
    workbook: Workbook.fromJSON(strip(app.workbook.toJSON()) as WorkbookJson),
    properties: app.properties,
    triggers: app.triggers,
  });
}

describe('spreadsheets made by an earlier version (no marks)', () => {
  it('adopts its Reconciliation, Attribution and links-tab columns by their shape, and marks them', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1');
    refresh(app);
    // An earlier version wrote paid_sessions and revenue only, as the tab's last two columns.
    deleteColumn(app.workbook, app.workbook.sheet('Links'), columnOf(app.workbook.sheet('Links'), 'net_revenue USD (test)'));
    deleteColumn(app.workbook, app.workbook.sheet('Links'), columnOf(app.workbook.sheet('Links'), 'checkouts'));
    // Nor did it make a Weekly tab.
    app.workbook.deleteSheet(app.workbook.sheet('Weekly'));
    const earlier = withoutMarks(app, stripe);
    expect(earlier.workbook.developerMetadata()).toEqual([]);
    sell(earlier, stripe, 'fb-2');
    refresh(earlier);
    expect(earlier.workbook.sheets.map((sheet) => sheet.name).sort()).toEqual(
      // The Weekly tab is new in this version: made, not found.
      ['Attribution', 'Links', 'Reconciliation', 'Sheet1', 'Weekly'].filter((name) => earlier.workbook.getSheet(name) !== null).sort(),
    );
    expect(earlier.rows('Links').map((row) => [row.paid_sessions, row.revenue, row['net_revenue USD (test)']])).toEqual([
      [1, '19.99 USD (test)', 19.99],
      [1, '19.99 USD (test)', 19.99],
    ]);
    expect(
      earlier.workbook
        .sheet('Links')
        .values()[0]
        ?.filter((cell) => cell === 'paid_sessions'),
    ).toHaveLength(1);
    const marks = earlier.workbook
      .developerMetadata()
      .map((mark) => `${mark.location.type}:${String(mark.location.sheet)}:${String(mark.value)}`);
    expect(marks).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SHEET:Reconciliation:reconciliation@/),
        expect.stringMatching(/^SHEET:Attribution:attribution@/),
        'COLUMN:Links:paid_sessions',
        'COLUMN:Links:revenue',
        'COLUMN:Links:net_revenue:usd:test',
      ]),
    );
  });

  it("never takes the earlier version's ledger, which has payment_link and utm_ columns, for a links tab", () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1');
    refresh(app);
    const earlier = withoutMarks(app, stripe);
    earlier.workbook.setSelection('Attribution', 'B2');
    const message = failureOf(earlier, 'sidebarInsertIntoActiveRow', { fields: { payment_link: LINK_A } });
    expect(message).toContain('Your links are in "Links".');
  });
});
