/**
 * Tag selected rows, run from the built bundle: every tagged link carries exactly what its row
 * shows (the values the user typed fill the row's empty cells; nothing of one row reaches another),
 * filled cells are replaced only with consent, and new columns go after the tab's last used column.
 */
import { failureOf } from './bundle';
import type { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { parseQuery, splitLink } from '../../src/core/links/query-string';
import { TRACKING_PARAMETERS } from '../../src/core/links/stripe-rules';
import { textOfCell } from '../../src/core/helpers/literal-text';
import type { Conflict } from '../../src/core/contracts/sidebar-api';
import { context, FORM, insert, LINK, linkRow, snapshot, tag, workbook } from './link-workbook';

/** Row 8: a link row with only its link, source and medium filled. */
function withSparseRow(app: LocalAddOn): void {
  app.workbook.write('Links', [[LINK, 'google', 'cpc', '', '', '', '']], 'A8');
}

/** Each tracking parameter of the row's tagged link is the row's own cell, and each filled cell is in the link. */
function expectLinkMatchesRow(app: LocalAddOn, row: number): void {
  const cells = linkRow(app, row);
  const tagged = String(cells.tagged_link);
  const parts = splitLink(tagged);
  expect(parts.base).toBe(splitLink(String(cells.payment_link)).base);
  const query = new Map<string | null, string | null>(parseQuery(parts.query ?? '').map((pair) => [pair.name, pair.value]));
  for (const parameter of TRACKING_PARAMETERS)
    expect([parameter, query.get(parameter) ?? '']).toEqual([parameter, textOfCell(cells[parameter])]);
}

describe('Tag selected rows: each link is its row', () => {
  it("fills each row's empty cells with the values the user typed, and each link carries exactly its row", () => {
    const app = workbook();
    withSparseRow(app);
    app.workbook.setSelection('Links', 'A2:A3', 'A8');
    const result = tag(app, { typed: { utm_campaign: 'winter', utm_term: 'shoes' } });
    expect(result).toMatchObject({ status: 'written', tagged: 3, invalid: [] });
    // A filled cell is the row's own: the form does not replace it, so the link keeps it too.
    expect(linkRow(app, 2)).toMatchObject({ utm_campaign: 'spring_sale', utm_term: 'shoes', client_reference_id: 'nl-0001' });
    expect(linkRow(app, 3)).toMatchObject({ utm_campaign: 'spring_sale', utm_term: 'shoes', client_reference_id: 'fb-0002' });
    expect(linkRow(app, 8)).toMatchObject({
      utm_source: 'google',
      utm_campaign: 'winter',
      utm_term: 'shoes',
      utm_content: '',
      client_reference_id: 'winter-1',
    });
    for (const row of [2, 3, 8]) expectLinkMatchesRow(app, row);
    expect(linkRow(app, 8).tagged_link).toBe(
      `${LINK}?utm_source=google&utm_medium=cpc&utm_campaign=winter&utm_term=shoes&client_reference_id=winter-1`,
    );
  });

  it('never applies what the form took from the active row to the other selected rows', () => {
    const app = workbook();
    withSparseRow(app);
    // Its own campaign: one is required (issue 17), and row 3's must not reach it.
    app.workbook.write('Links', [['search']], 'D8');
    // The sidebar opens on row 3 and fills the form from it; the user types nothing.
    app.workbook.setSelection('Links', 'A3', 'A8');
    expect(context(app).row).toMatchObject({ utm_content: 'carousel', client_reference_id: 'fb-0002' });
    const result = tag(app, { typed: {} });
    expect(result).toMatchObject({ status: 'written', tagged: 2, invalid: [] });
    expect(linkRow(app, 8)).toMatchObject({ utm_campaign: 'search', utm_content: '', client_reference_id: 'search-1' });
    expect(String(linkRow(app, 8).tagged_link)).not.toMatch(/carousel|fb-0002|spring_sale/);
    for (const row of [3, 8]) expectLinkMatchesRow(app, row);
  });

  it('refuses a page that sends the form without saying what was typed (the old request), and writes nothing', () => {
    const app = workbook();
    withSparseRow(app);
    app.workbook.setSelection('Links', 'A3', 'A8');
    const before = snapshot(app);
    expect(failureOf(app, 'sidebarTagSelectedRows', { defaults: { ...FORM, utm_content: 'carousel' } })).toMatch(/sent no form values/);
    expect(snapshot(app)).toBe(before);
  });

  it('asks before filling a cell that holds a formula showing nothing, writes nothing until then, and writes with consent', () => {
    const app = workbook();
    withSparseRow(app);
    app.workbook.write('Links', [['search']], 'D8');
    const term = app.workbook.sheet('Links').cellForWrite(8, 5);
    term.value = '';
    term.formula = '=""';
    app.workbook.setSelection('Links', 'A8');
    const before = snapshot(app);
    const asked = tag(app, { typed: { utm_term: 'shoes' } });
    const conflicts: Conflict[] = asked.status === 'confirm' ? asked.conflicts : [];
    expect(conflicts).toEqual([{ row: 8, column: 'utm_term', header: 'utm_term', current: '=""', next: 'shoes' }]);
    expect(snapshot(app)).toBe(before);

    expect(tag(app, { typed: { utm_term: 'shoes' }, overwrite: conflicts })).toMatchObject({ status: 'written', tagged: 1 });
    expect(linkRow(app, 8)).toMatchObject({ utm_term: 'shoes' });
    expect(app.workbook.sheet('Links').cell(8, 5)?.formula).toBe('');
    expectLinkMatchesRow(app, 8);
  });

  it('fills nothing in a row it cannot tag', () => {
    const app = workbook();
    app.workbook.setSelection('Links', 'A4');
    const result = tag(app, { typed: { utm_term: 'shoes', utm_content: 'hero' } });
    expect(result).toMatchObject({ status: 'written', tagged: 0, invalid: [{ row: 4 }] });
    expect(linkRow(app, 4)).toMatchObject({ utm_term: '', utm_content: '', client_reference_id: '' });
  });

  it('adds the column a typed value needs, so the row shows what its link carries', () => {
    const app = workbook();
    app.workbook.write('Campaigns', [
      ['payment_link', 'utm_source', 'utm_medium', 'utm_campaign'],
      [LINK, 'google', 'cpc', 'winter'],
      [LINK, 'bing', 'cpc', 'winter'],
    ]);
    app.workbook.setSelection('Campaigns', 'A2:A3');
    expect(tag(app, { typed: { utm_term: 'shoes' } })).toMatchObject({ status: 'written', tagged: 2 });
    const values = app.workbook.sheet('Campaigns').values();
    expect(values[0]).toEqual([
      'payment_link',
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
      'client_reference_id',
      'tagged_link',
    ]);
    expect(values.slice(1)).toEqual([
      [
        LINK,
        'google',
        'cpc',
        'winter',
        'shoes',
        'winter-1',
        `${LINK}?utm_source=google&utm_medium=cpc&utm_campaign=winter&utm_term=shoes&client_reference_id=winter-1`,
      ],
      [
        LINK,
        'bing',
        'cpc',
        'winter',
        'shoes',
        'winter-2',
        `${LINK}?utm_source=bing&utm_medium=cpc&utm_campaign=winter&utm_term=shoes&client_reference_id=winter-2`,
      ],
    ]);
  });
});

describe('new columns go after the last used column', () => {
  /** Notes in column H, which has no header: right of the table, not part of it. */
  function withNotes(app: LocalAddOn): void {
    app.workbook.write('Links', [['call Dana'], ['budget?']], 'H2');
  }

  it('Tag selected rows puts tagged_link after a column of notes without a header, and leaves the notes alone', () => {
    const app = workbook();
    withNotes(app);
    app.workbook.setSelection('Links', 'A2:A3');
    expect(tag(app, { typed: {} })).toMatchObject({ status: 'written', tagged: 2 });
    const values = app.workbook.sheet('Links').values();
    expect(values.map((row) => row[7])).toEqual(['', 'call Dana', 'budget?', '', '', '', '']);
    expect(values[0]?.[8]).toBe('tagged_link');
    expect(String(values[1]?.[8])).toMatch(/utm_source=newsletter/);
    expect(String(values[2]?.[8])).toMatch(/utm_source=facebook/);
  });

  it('Insert into active row does the same', () => {
    const app = workbook();
    withNotes(app);
    app.workbook.setSelection('Links', 'C2');
    expect(insert(app, { fields: { ...FORM, utm_source: '', utm_medium: '', utm_campaign: '' } })).toMatchObject({
      status: 'written',
      row: 2,
    });
    const values = app.workbook.sheet('Links').values();
    expect(values.map((row) => row[7])).toEqual(['', 'call Dana', 'budget?', '', '', '', '']);
    expect(values[0]?.[8]).toBe('tagged_link');
    expect(String(values[1]?.[8])).toMatch(/utm_source=newsletter/);
  });

  it('grows the grid when the last used column is its last one', () => {
    const app = workbook();
    const sheet = app.workbook.sheet('Links');
    app.workbook.write('Links', [['far note']], `${String.fromCharCode(64 + sheet.maxColumns)}3`);
    const last = sheet.maxColumns;
    app.workbook.setSelection('Links', 'A2');
    expect(tag(app, { typed: {} })).toMatchObject({ status: 'written', tagged: 1 });
    expect(sheet.cell(3, last)?.value).toBe('far note');
    expect(sheet.cell(1, last + 1)?.value).toBe('tagged_link');
    expect(String(sheet.cell(2, last + 1)?.value)).toMatch(/^https:\/\/buy\.stripe\.com\//);
  });
});
