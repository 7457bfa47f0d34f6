/**
 * What the link-writing actions write is literal text for the cell it lands in, whatever the
 * formats around it: Sheets reads a string that starts with `=`, `+`, `-` or `@` as a formula
 * (and `-5` as a number) unless the cell is Plain text or the text is written as typed text.
 * Run from the built bundle: Insert into active row, Tag selected rows, Add references.
 */
import { failureOf } from './bundle';
import type { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { FORM, insert, LINK, snapshot, tag, workbook } from './link-workbook';

/** Values Stripe drops: refused before anything is written, so never a formula in the tab. */
const DROPPED = ['=1+1', '+cmd', '@home'];

const PLAIN_TEXT = '@';
const NORMAL = '';

/** Every cell of Links (rows 1-9, columns A-J) gets `around`; the `targets` (row, column) get `format`. */
function formats(app: LocalAddOn, format: string, targets: ReadonlyArray<readonly [number, number]>): void {
  const sheet = app.workbook.sheet('Links');
  const around = format === PLAIN_TEXT ? NORMAL : PLAIN_TEXT;
  for (let row = 1; row <= 9; row++) for (let column = 1; column <= 10; column++) sheet.cellForWrite(row, column).numberFormat = around;
  for (const [row, column] of targets) sheet.cellForWrite(row, column).numberFormat = format;
}

/** Value and formula of a cell of Links. */
function held(app: LocalAddOn, row: number, column: number): [unknown, string] {
  const cell = app.workbook.sheet('Links').cell(row, column);
  return [cell?.value ?? '', cell?.formula ?? ''];
}

/** Row 8: a link row whose campaign starts with `-` (typed as text), with no term, content or reference. */
function withDashRow(app: LocalAddOn): void {
  app.workbook.write('Links', [[LINK, 'google', 'cpc', "'-promo", '', '', '']], 'A8');
}

describe.each([
  ['a normal cell among Plain text ones', NORMAL],
  ['a Plain text cell among normal ones', PLAIN_TEXT],
])('literal text into %s', (_where, format) => {
  it('Insert into active row', () => {
    const app = workbook();
    // F8 utm_content, G8 client_reference_id, H8 the tagged_link column it adds.
    formats(app, format, [
      [8, 1],
      [8, 6],
      [8, 7],
      [8, 8],
    ]);
    app.workbook.setSelection('Links', 'A8');
    const result = insert(app, { fields: { ...FORM, utm_content: '-sale', client_reference_id: '-5' } });
    expect(result.status).toBe('written');
    expect(held(app, 8, 6)).toEqual(['-sale', '']);
    expect(held(app, 8, 7)).toEqual(['-5', '']);
    expect(held(app, 8, 8)).toEqual([
      `${LINK}?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring_sale&utm_content=-sale&client_reference_id=-5`,
      '',
    ]);

    const before = snapshot(app);
    for (const value of DROPPED) {
      expect(failureOf(app, 'sidebarInsertIntoActiveRow', { fields: { ...FORM, utm_content: value } })).toMatch(
        /^Nothing was written\. utm_content: /,
      );
    }
    expect(snapshot(app)).toBe(before);
  });

  it('Tag selected rows', () => {
    const app = workbook();
    withDashRow(app);
    // E2 utm_term; E8 utm_term, F8 utm_content, G8 client_reference_id, H2 and H8 tagged_link.
    formats(app, format, [
      [2, 5],
      [2, 8],
      [8, 5],
      [8, 6],
      [8, 7],
      [8, 8],
    ]);
    app.workbook.setSelection('Links', 'A2', 'A8');
    const before = snapshot(app);
    for (const value of DROPPED) {
      expect(tag(app, { typed: { utm_term: value } })).toMatchObject({ status: 'written', tagged: 0, filled: 0 });
    }
    expect(snapshot(app)).toBe(before);

    expect(tag(app, { typed: { utm_term: '-5', utm_content: '-sale' } })).toMatchObject({ status: 'written', tagged: 2, filled: 3 });
    expect(held(app, 2, 5)).toEqual(['-5', '']);
    expect(held(app, 2, 6)).toEqual(['hero_button', '']);
    expect(held(app, 8, 4)).toEqual(['-promo', '']);
    expect(held(app, 8, 5)).toEqual(['-5', '']);
    expect(held(app, 8, 6)).toEqual(['-sale', '']);
    // A reference made from a campaign that starts with `-` starts with `-` too.
    expect(held(app, 8, 7)).toEqual(['-promo-1', '']);
    expect(held(app, 8, 8)).toEqual([
      `${LINK}?utm_source=google&utm_medium=cpc&utm_campaign=-promo&utm_term=-5&utm_content=-sale&client_reference_id=-promo-1`,
      '',
    ]);
    expect(String(held(app, 2, 8)[0])).toMatch(/utm_term=-5&utm_content=hero_button/);
  });

  it('Add references', () => {
    const app = workbook();
    withDashRow(app);
    formats(app, format, [[8, 7]]);
    app.menu('addReferences');
    expect(held(app, 8, 7)).toEqual(['-promo-1', '']);
    expect(
      app.workbook
        .sheet('Links')
        .formulas()
        .flat()
        .filter((formula) => formula !== ''),
    ).toEqual([]);
  });
});
