/**
 * The property behind "a user's sheet is theirs": whatever a user does between deliveries and
 * refreshes (title rows above headers, renamed and moved tabs and columns, Plain text on part of a
 * tab, columns of their own with our names, look-alike tabs), a delivery or a refresh changes no
 * cell outside what the add-on marked as its own, and once the user puts their header rows back and
 * Stripe has retried, every session has exactly one row, in the one ledger.
 */
import fc from 'fast-check';
import { FakeStripeApi, type StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import type { SheetData } from '@stripe-utm-sheets/tools/services';
import { insertRowAbove } from './user-edits';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const LINK = 'https://buy.stripe.com/test_springA';

type Edit =
  | { kind: 'titleRow'; tab: 'ledger' | 'links' }
  | { kind: 'renameTab'; tab: 'ledger' | 'links'; name: number }
  | { kind: 'moveTab'; from: number; to: number }
  | { kind: 'moveColumn'; tab: 'ledger' | 'links'; from: number; to: number }
  | { kind: 'plainText'; row: number; rows: number; column: number; columns: number }
  | { kind: 'ownColumn'; name: number }
  | { kind: 'lookAlike'; which: number }
  | { kind: 'notes'; row: number; column: number };
type Step = { kind: 'deliver'; event: number } | { kind: 'refresh' } | Edit;

const TAB_NAMES = ['Sales 2026', 'reconciliation', 'Attribution', 'Links (old)', 'Webhook log', 'Campaign links'];
const OWN_COLUMN_NAMES = ['Revenue', 'paid_sessions', 'Paid Sessions', 'revenue', 'session_id'];
const LOOK_ALIKES: Array<[string, unknown[][]]> = [
  [
    'Attribution',
    [
      ['Channel', 'Budget'],
      ['email', 1000],
    ],
  ],
  [
    'Content calendar',
    [
      ['Date', 'Link', 'Content', 'utm_campaign'],
      ['2026-11-01', 'https://blog.example.com/a', 'teaser', 'spring_sale'],
    ],
  ],
  [
    'Ad spend',
    [
      ['Campaign', 'URL', 'utm_source', 'Spend', 'Revenue'],
      ['spring_sale', 'https://shop.example.com/', 'facebook', 120, 900],
    ],
  ],
  [
    'Reconciliation',
    [
      ['Month', 'Expected'],
      ['November', 5000],
    ],
  ],
];

/** The tab the user means, found as they see it (the ledger by what it holds, not by name). */
function tabOf(app: AddOn, tab: 'ledger' | 'links'): SheetData {
  const marks = app.workbook.developerMetadata();
  const ledger = marks.find((mark) => mark.value?.startsWith('reconciliation@'))?.location.sheet;
  const name = tab === 'ledger' ? ledger : app.workbook.sheets.find((sheet) => sheet.values().flat().includes(LINK))?.name;
  if (name === undefined) throw new Error(`No ${tab} tab`);
  return app.workbook.sheet(name);
}

/** A unique text per cell the user types, so that where it went is easy to check. */
function typeInto(app: AddOn, sheet: SheetData, row: number, column: number, typed: { next: number }): void {
  app.workbook.writeInput(sheet, row, column, `u${String(typed.next++)}`);
}

function apply(app: AddOn, edit: Edit, typed: { next: number }): void {
  const workbook = app.workbook;
  switch (edit.kind) {
    case 'titleRow': {
      const sheet = tabOf(app, edit.tab);
      insertRowAbove(sheet);
      typeInto(app, sheet, 1, 1, typed);
      return;
    }
    case 'renameTab': {
      const name = TAB_NAMES[edit.name % TAB_NAMES.length]!;
      const sheet = tabOf(app, edit.tab);
      if (workbook.sheets.some((other) => other !== sheet && other.name.toLowerCase() === name.toLowerCase())) return;
      sheet.name = name;
      return;
    }
    case 'moveTab': {
      const [moved] = workbook.sheets.splice(edit.from % workbook.sheets.length, 1);
      workbook.sheets.splice(edit.to % (workbook.sheets.length + 1), 0, moved!);
      return;
    }
    case 'moveColumn': {
      const sheet = tabOf(app, edit.tab);
      const width = Math.max(sheet.lastColumn(), 1);
      sheet.moveColumns((edit.from % width) + 1, 1, (edit.to % (width + 1)) + 1);
      return;
    }
    case 'plainText': {
      const sheet = tabOf(app, 'ledger');
      for (let r = 0; r < edit.rows; r++) {
        for (let c = 0; c < edit.columns; c++)
          sheet.cellForWrite(2 + ((edit.row + r) % 20), 1 + ((edit.column + c) % 20)).numberFormat = '@';
      }
      return;
    }
    case 'ownColumn': {
      const sheet = tabOf(app, 'links');
      const column = sheet.lastColumn() + 1;
      if (column > sheet.maxColumns) return;
      workbook.writeInput(sheet, 1, column, OWN_COLUMN_NAMES[edit.name % OWN_COLUMN_NAMES.length]);
      for (let row = 2; row <= sheet.lastRow(); row++) typeInto(app, sheet, row, column, typed);
      return;
    }
    case 'lookAlike': {
      const [name, rows] = LOOK_ALIKES[edit.which % LOOK_ALIKES.length]!;
      // Sheets compares tab names case aside: a user cannot add `Reconciliation` beside `reconciliation`.
      if (workbook.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) return;
      workbook.write(name, rows);
      return;
    }
    case 'notes': {
      const sheet = tabOf(app, 'links');
      const column = sheet.lastColumn() + 1 + (edit.column % 3);
      if (column > sheet.maxColumns) return;
      typeInto(app, sheet, 2 + (edit.row % 4), column, typed);
    }
  }
}

const MARGIN = 3;

function cellText(sheet: SheetData, row: number, column: number): string {
  const cell = sheet.cell(row, column);
  const value = cell?.value;
  return `${value instanceof Date ? value.toISOString() : String(value ?? '')}|${cell?.formula ?? ''}`;
}

/** Every cell of every tab's used range and a margin around it, by sheet id, as text. */
function snapshot(app: AddOn): Map<number, string[][]> {
  return new Map(
    app.workbook.sheets.map((sheet) => [
      sheet.sheetId,
      Array.from({ length: sheet.lastRow() + MARGIN }, (_, r) =>
        Array.from({ length: sheet.lastColumn() + MARGIN }, (_, c) => cellText(sheet, r + 1, c + 1)),
      ),
    ]),
  );
}

/** The cells a delivery or a refresh may change: its own tabs whole, and its marked columns of a user's tab. */
type Owned = (sheet: SheetData, column: number) => boolean;

function ownedBy(app: AddOn): Owned {
  const marks = app.workbook.developerMetadata().filter((mark) => mark.key.startsWith('stripe-utm-sheets.'));
  const ownTabs = new Set(marks.filter((mark) => mark.location.type === 'SHEET').map((mark) => mark.location.sheet));
  const ownColumns = new Set(
    marks.filter((mark) => mark.location.type === 'COLUMN').map((mark) => `${String(mark.location.sheet)}!${String(mark.location.column)}`),
  );
  return (sheet, column) => ownTabs.has(sheet.name) || ownColumns.has(`${sheet.name}!${String(column)}`);
}

/**
 * Fails on any cell of a user's tab that an action changed outside what the add-on owned before it,
 * or in a column it marked during the action that was not empty before (its new columns go into
 * empty ones). The add-on moves no row or column of a user's tab, so cells compare by position.
 */
function expectOnlyOwnCellsChanged(app: AddOn, before: Map<number, string[][]>, ownedBefore: Owned, what: string): void {
  const ownedAfter = ownedBy(app);
  for (const sheet of app.workbook.sheets) {
    const old = before.get(sheet.sheetId);
    if (old === undefined) continue;
    const rows = Math.max(old.length, sheet.lastRow() + MARGIN);
    const columns = Math.max(old[0]?.length ?? 0, sheet.lastColumn() + MARGIN);
    for (let c = 0; c < columns; c++) {
      if (ownedBefore(sheet, c + 1)) continue;
      const wasEmpty = old.every((row) => (row[c] ?? '|') === '|');
      if (ownedAfter(sheet, c + 1) && wasEmpty) continue;
      for (let r = 0; r < rows; r++) {
        const was = old[r]?.[c] ?? '|';
        const now = cellText(sheet, r + 1, c + 1);
        if (now !== was) throw new Error(`${what} changed ${sheet.name}!R${String(r + 1)}C${String(c + 1)} from ${was} to ${now}`);
      }
    }
  }
}

/** The user puts each header row back where it was: deletes every title row they typed above it. */
function removeTitleRows(app: AddOn): void {
  for (const tab of ['ledger', 'links'] as const) {
    const sheet = tabOf(app, tab);
    const firstData = tab === 'ledger' ? 'session_id' : 'Payment link';
    while (!(sheet.values()[0] ?? []).includes(firstData) && (sheet.values()[1] ?? []).includes(firstData))
      app.workbook.forgetCells(sheet.deleteRows(1, 1));
    while (
      !(sheet.values()[0] ?? []).includes(firstData) &&
      sheet
        .values()
        .slice(0, 5)
        .some((row) => row.includes(firstData))
    )
      app.workbook.forgetCells(sheet.deleteRows(1, 1));
  }
}

/** How many rows each session has, across every tab with a session_id header in row 1. */
function sessionRows(app: AddOn): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sheet of app.workbook.sheets) {
    const values = sheet.values();
    const column = (values[0] ?? []).indexOf('session_id');
    if (column === -1) continue;
    for (const row of values.slice(1)) {
      const id = String(row[column] ?? '').trim();
      if (id.startsWith('cs_')) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

describe('random user edits between random deliveries and refreshes', () => {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const scenarios = [
    stripe.scenario.paid({ currency: 'usd', clientReferenceId: 'nl-1' }),
    stripe.scenario.paid({ currency: 'eur', clientReferenceId: '-A2-1', email: '=1+1' }),
    stripe.scenario.asyncPayment({ outcome: 'succeeded', currency: 'usd', clientReferenceId: 'fb-2' }),
    stripe.scenario.asyncPayment({ outcome: 'failed', currency: 'usd' }),
  ];
  const events: StripeEvent[] = scenarios.flatMap((scenario) => scenario.events);
  const sessions = new Set(scenarios.map((scenario) => scenario.session.id));

  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('titleRow' as const), tab: fc.constantFrom('ledger' as const, 'links' as const) }),
    fc.record({ kind: fc.constant('renameTab' as const), tab: fc.constantFrom('ledger' as const, 'links' as const), name: fc.nat(10) }),
    fc.record({ kind: fc.constant('moveTab' as const), from: fc.nat(10), to: fc.nat(10) }),
    fc.record({
      kind: fc.constant('moveColumn' as const),
      tab: fc.constantFrom('ledger' as const, 'links' as const),
      from: fc.nat(30),
      to: fc.nat(30),
    }),
    fc.record({
      kind: fc.constant('plainText' as const),
      row: fc.nat(20),
      rows: fc.integer({ min: 1, max: 4 }),
      column: fc.nat(20),
      columns: fc.integer({ min: 1, max: 6 }),
    }),
    fc.record({ kind: fc.constant('ownColumn' as const), name: fc.nat(10) }),
    fc.record({ kind: fc.constant('lookAlike' as const), which: fc.nat(10) }),
    fc.record({ kind: fc.constant('notes' as const), row: fc.nat(10), column: fc.nat(10) }),
  );
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 3, arbitrary: fc.nat(events.length - 1).map((event) => ({ kind: 'deliver' as const, event })) },
    { weight: 2, arbitrary: fc.constant({ kind: 'refresh' as const }) },
    { weight: 3, arbitrary: edit },
  );

  it('change no cell the user owns, and leave one row per session in the one ledger', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const app = new AddOn(stripe);
        app.setUp();
        app.workbook.write('Links', [
          ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'client_reference_id'],
          [LINK, 'newsletter', 'email', 'spring_sale', 'nl-1'],
          [LINK, 'facebook', 'paid_social', 'spring_sale', 'fb-2'],
          [LINK, 'partner', 'referral', 'launch', '-A2-1'],
        ]);
        const typed = { next: 1 };
        const run = (what: string, action: () => void): void => {
          const before = snapshot(app);
          const owned = ownedBy(app);
          action();
          expectOnlyOwnCellsChanged(app, before, owned, what);
        };
        for (const s of steps) {
          if (s.kind === 'deliver') run('a delivery', () => void app.deliver(events[s.event]!));
          else if (s.kind === 'refresh') run('a refresh', () => void app.menu('refreshAttribution'));
          else apply(app, s, typed);
        }
        // The user puts the header rows back; Stripe goes on retrying until each event is in.
        removeTitleRows(app);
        for (const event of events) {
          run('a retried delivery', () => {
            expect(app.deliver(event)).toMatchObject({ ok: true });
          });
        }
        run('the last refresh', () => void app.menu('refreshAttribution'));
        const counts = sessionRows(app);
        expect([...counts.keys()].sort()).toEqual([...sessions].sort());
        expect([...counts.values()].every((count) => count === 1)).toBe(true);
        expect(app.workbook.developerMetadata().filter((mark) => mark.value?.startsWith('reconciliation@'))).toHaveLength(1);
        expect(
          tabOf(app, 'ledger')
            .formulas()
            .flat()
            .filter((formula) => formula !== ''),
        ).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});
