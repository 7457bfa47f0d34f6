/**
 * The grid's edits beyond a cell through the playground's API: paste many rows in one call (growing
 * the sheet), insert a title row above the header and still get links, delete rows, sort with the
 * header kept, add a tab; and Sheets' refusals said as they are.
 */
import { startTestPlayground, type TestPlayground } from './helpers';

let pg: TestPlayground;

beforeEach(async () => {
  pg = await startTestPlayground({ reset: true });
});

afterEach(async () => {
  await pg.stop();
});

/** The 1-based column whose header in `row` is `name`. */
function columnOf(values: string[][], name: string, row = 1): number {
  const index = (values[row - 1] ?? []).indexOf(name);
  if (index === -1) throw new Error(`no header ${name} in row ${String(row)}: ${JSON.stringify(values[row - 1])}`);
  return index + 1;
}

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

describe('paste', () => {
  it('writes 1,200 tab-separated rows from the active cell in one call, growing the sheet, and the links follow', async () => {
    const before = await pg.values('Links');
    const link = columnOf(before, 'UTM_LINK formula');
    const rows = Array.from({ length: 1200 }, (_, i) => [LINK, 'newsletter', 'email', `promo_${String(i)}`]);
    const response = await pg.post('/api/paste', { sheet: 'Links', cell: `A${String(before.length + 1)}`, rows });
    expect(response.status).toBe(200);
    const after = await pg.values('Links');
    expect(after).toHaveLength(before.length + 1200);
    const tab = (await pg.state('Links')).sheets?.find((sheet) => sheet.name === 'Links');
    expect(tab?.maxRows).toBe(before.length + 1200);
    expect(after[after.length - 1]?.[link - 1]).toBe(`${LINK}?utm_source=newsletter&utm_medium=email&utm_campaign=promo_1199`);
  });

  it('types each piece as input: =... a formula, numbers as numbers', async () => {
    await pg.post('/api/paste', { sheet: 'Links', cell: 'L2', rows: [['=1+1', '007'], ['="utm_"&"x"']] });
    const values = await pg.values('Links');
    expect([values[1]?.[11], values[1]?.[12], values[2]?.[11], values[2]?.[12]]).toEqual(['2', '7', 'utm_x', '']);
  });

  it('refuses what is not rows of text', async () => {
    const response = await pg.post('/api/paste', { sheet: 'Links', cell: 'A2', rows: 'a\tb' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: 'rows must be a non-empty array of rows of text' });
  });
});

describe('rows, columns, sort and tabs', () => {
  it("inserts a title row above the header: the add-on's formulas follow their rows and still give links", async () => {
    const before = await pg.values('Links');
    const link = columnOf(before, 'UTM_LINK formula');
    expect((await pg.post('/api/structure', { sheet: 'Links', action: 'insert-rows-before', at: 1 })).status).toBe(200);
    await pg.post('/api/cell', { sheet: 'Links', cell: 'A1', input: 'Spring campaigns' });
    const after = await pg.values('Links');
    expect(after[1]).toEqual(before[0]);
    expect(after[2]?.[link - 1]).toBe(before[1]?.[link - 1]);
  });

  it('deletes rows and columns, and says why when Sheets would refuse', async () => {
    const before = await pg.values('Links');
    await pg.post('/api/structure', { sheet: 'Links', action: 'delete-rows', at: 3, count: 2 });
    const after = await pg.values('Links');
    expect(after.map((row) => row[0])).toEqual(before.filter((_, i) => i !== 2 && i !== 3).map((row) => row[0]));
    const refused = await pg.post('/api/structure', { sheet: 'Links', action: 'delete-columns', at: 1, count: 26 });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ ok: false, error: 'Sorry, it is not possible to delete all non-frozen columns.' });
  });

  it('sorts by a column A→Z and Z→A, the header row staying on top', async () => {
    const before = await pg.values('Links');
    const source = columnOf(before, 'utm_source');
    await pg.post('/api/sort', { sheet: 'Links', column: source, ascending: true });
    let after = await pg.values('Links');
    expect(after[0]).toEqual(before[0]);
    const sources = after.slice(1).map((row) => row[source - 1] ?? '');
    const filled = sources.filter((value) => value !== '');
    expect(filled).toEqual([...filled].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    await pg.post('/api/sort', { sheet: 'Links', column: source, ascending: false });
    after = await pg.values('Links');
    expect(after[1]?.[source - 1]).toBe(filled[filled.length - 1]);
  });

  it('adds a tab named as Sheets names it, active at once', async () => {
    const response = await pg.post('/api/add-sheet', {});
    expect(await response.json()).toEqual(expect.objectContaining({ ok: true, sheet: expect.stringMatching(/^Sheet\d+$/) }));
    const state = await pg.state();
    expect(state.activeSheet).toMatch(/^Sheet\d+$/);
    expect(state.sheets?.map((sheet) => sheet.name)).toContain(state.activeSheet);
  });
});
