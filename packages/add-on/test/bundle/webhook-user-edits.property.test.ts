/**
 * The property behind exactly once: whatever a user does to the Reconciliation tab between
 * deliveries (sort, insert and delete their own columns, rename and re-case our headers, Plain
 * text, a full grid), and however often and in whatever order Stripe delivers, the tab ends with
 * one row per session, each showing its latest state, and the user's own cells as they were.
 */
import fc from 'fast-check';
import { headerKey } from '../../src/core/helpers/header-names';
import { RECONCILIATION_COLUMNS } from '../../src/core/ledger/reconciliation-columns';
import { FakeStripeApi, type StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import type { SheetData } from '@stripe-utm-sheets/tools/services';
import { deleteColumn, fillGrid, formatAsPlainText, insertColumn, sortBy } from './user-edits';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const OURS = new Map<string, string>(RECONCILIATION_COLUMNS.map((name) => [headerKey(name), name]));

type Edit =
  | { kind: 'sort'; column: number; descending: boolean }
  | { kind: 'insertColumn'; at: number }
  | { kind: 'deleteUserColumn'; which: number }
  | { kind: 'rename'; which: number; style: number }
  | { kind: 'plainText'; columns: number[] }
  | { kind: 'fillGrid' };
type Step = { kind: 'deliver'; event: number } | Edit;

/** A header written another way people write it: the same key, another look. */
function restyle(name: string, style: number): string {
  const words = name.split('_');
  switch (style % 4) {
    case 0:
      return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
    case 1:
      return name.toUpperCase();
    case 2:
      return ` ${words.join('-')} `;
    default:
      return name;
  }
}

/** Columns whose header is not one of ours: the user's. */
function userColumns(sheet: SheetData): number[] {
  const header = sheet.values()[0] ?? [];
  return header.flatMap((cell, i) => (cell !== '' && !OURS.has(headerKey(cell)) ? [i + 1] : []));
}

function apply(app: AddOn, edit: Edit, typed: { next: number }): void {
  const sheet = app.workbook.sheet('Reconciliation');
  const width = Math.max(sheet.lastColumn(), 1);
  switch (edit.kind) {
    case 'sort':
      sortBy(sheet, (edit.column % width) + 1, edit.descending);
      return;
    case 'insertColumn': {
      const at = (edit.at % (width + 1)) + 1;
      const label = `mine ${String(typed.next++)}`;
      insertColumn(app.workbook, sheet, at, label);
      // The user types into their new column, on every row the tab has.
      for (let row = 2; row <= sheet.lastRow(); row++) app.workbook.writeInput(sheet, row, at, `${label} r${String(row)}`);
      return;
    }
    case 'deleteUserColumn': {
      const mine = userColumns(sheet).filter((column) => !String(sheet.cell(1, column)?.value).startsWith('notes '));
      if (mine.length > 0) deleteColumn(app.workbook, sheet, mine[edit.which % mine.length]!);
      return;
    }
    case 'rename': {
      const header = sheet.values()[0] ?? [];
      const ours = header.flatMap((cell, i) => (OURS.has(headerKey(cell)) ? [i + 1] : []));
      const column = ours[edit.which % ours.length]!;
      app.workbook.writeInput(sheet, 1, column, restyle(OURS.get(headerKey(header[column - 1]))!, edit.style));
      return;
    }
    case 'plainText':
      formatAsPlainText(
        sheet,
        edit.columns.map((c) => (c % sheet.maxColumns) + 1),
      );
      return;
    case 'fillGrid':
      fillGrid(app.workbook, sheet);
  }
}

/** Our columns of each data row, keyed by our names, whatever the headers look like now. */
function ourRows(sheet: SheetData): Array<Record<string, unknown>> {
  const [header = [], ...rows] = sheet.values();
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => {
      const record: Record<string, unknown> = {};
      header.forEach((cell, i) => {
        const name = OURS.get(headerKey(cell));
        if (name !== undefined && !(name in record)) record[name] = row[i] instanceof Date ? row[i].getTime() : row[i];
      });
      return record;
    });
}

/** What the user typed: every cell of their own columns, as a sorted list per column header. */
function userCells(sheet: SheetData): Record<string, string[]> {
  const cells: Record<string, string[]> = {};
  for (const column of userColumns(sheet)) {
    const label = String(sheet.cell(1, column)?.value);
    const values: string[] = [];
    for (let row = 2; row <= sheet.lastRow(); row++) {
      const value = sheet.cell(row, column)?.value ?? '';
      if (value !== '') values.push(String(value));
    }
    cells[label] = values.sort();
  }
  return cells;
}

describe('random user edits between random deliveries', () => {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const scenarios = [
    stripe.scenario.paid({ currency: 'usd', clientReferenceId: '00123' }),
    stripe.scenario.paid({ currency: 'jpy', email: '=1+1' }),
    stripe.scenario.asyncPayment({ outcome: 'succeeded', currency: 'eur' }),
    stripe.scenario.asyncPayment({ outcome: 'failed', currency: 'usd' }),
    stripe.scenario.asyncPayment({ outcome: 'succeeded', currency: 'kwd' }),
    stripe.scenario.expired(),
  ];
  const events: StripeEvent[] = scenarios.flatMap((scenario) => scenario.events);

  const byId = (rows: Array<Record<string, unknown>>) => [...rows].sort((a, b) => String(a.session_id).localeCompare(String(b.session_id)));
  const reference = new AddOn(stripe);
  reference.setUp();
  for (const event of [...events].sort((a, b) => a.created - b.created)) reference.deliver(event);
  const expected = byId(ourRows(reference.workbook.sheet('Reconciliation')));

  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('sort' as const), column: fc.nat(40), descending: fc.boolean() }),
    fc.record({ kind: fc.constant('insertColumn' as const), at: fc.nat(40) }),
    fc.record({ kind: fc.constant('deleteUserColumn' as const), which: fc.nat(10) }),
    fc.record({ kind: fc.constant('rename' as const), which: fc.nat(20), style: fc.nat(3) }),
    fc.record({ kind: fc.constant('plainText' as const), columns: fc.array(fc.nat(40), { minLength: 1, maxLength: 4 }) }),
    fc.constant({ kind: 'fillGrid' as const }),
  );
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 3, arbitrary: fc.nat(events.length - 1).map((event) => ({ kind: 'deliver' as const, event })) },
    { weight: 2, arbitrary: edit },
  );

  it('leave one row per session, each with its latest state, and every cell the user typed', () => {
    expect(expected).toHaveLength(5);
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const app = new AddOn(stripe);
        app.setUp();
        const typed = { next: 1 };
        let userTyped: Record<string, string[]> = {};
        for (const s of steps) {
          if (s.kind === 'deliver') {
            expect(app.deliver(events[s.event]!)).toMatchObject({ ok: true });
          } else {
            apply(app, s, typed);
            userTyped = userCells(app.workbook.sheet('Reconciliation'));
          }
        }
        // Stripe goes on retrying until each event has been delivered.
        for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true });
        const sheet = app.workbook.sheet('Reconciliation');
        expect(byId(ourRows(sheet))).toEqual(expected);
        expect(app.formulas()).toEqual([]);
        // A user's column holds what they typed; our new rows leave it blank.
        const now = userCells(sheet);
        for (const [label, values] of Object.entries(userTyped)) expect(now[label]).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });
});
