/**
 * The page's edits stay inside each sheet's grid, as in Sheets (a sheet has a size, and its UI cannot
 * type or select outside it): a cell or range past the last row or column, or one that is not A1
 * notation, is refused with a 400 that says what is allowed, and nothing is stored or saved.
 */
import { readFileSync } from 'node:fs';
import { startTestPlayground, type TestPlayground } from './helpers';

let pg: TestPlayground;

beforeAll(async () => {
  pg = await startTestPlayground();
});

afterAll(async () => {
  await pg.stop();
});

interface Refusal {
  status: number;
  body: { ok?: boolean; error?: string };
}

async function refusal(path: string, body: unknown): Promise<Refusal> {
  const response = await pg.post(path, body);
  return { status: response.status, body: (await response.json()) as Refusal['body'] };
}

const links = () => {
  const sheet = pg.app.workbook.getSheet('Links');
  if (!sheet) throw new Error('no Links tab');
  return sheet;
};

const GRID = /sheet "Links" has cells A1 to Z1000 \(1000 rows, 26 columns\)/;

describe('POST /api/cell outside the grid', () => {
  it.each(['A100000', 'A1001', 'AA1', 'ZZZZ99999999', 'A99999999999999999999'])(
    'refuses %s with what is allowed, storing and saving nothing',
    async (cell) => {
      pg.playground.flush();
      const before = await pg.state('Links');
      const savedBefore = readFileSync(pg.playground.info().stateFile, 'utf8');
      const started = Date.now();

      const answer = await refusal('/api/cell', { sheet: 'Links', cell, input: 'far away' });

      expect(Date.now() - started).toBeLessThan(2000);
      expect(answer.status).toBe(400);
      expect(answer.body.ok).toBe(false);
      expect(answer.body.error).toMatch(new RegExp(`^cell ${cell} is outside the grid: `));
      expect(answer.body.error).toMatch(GRID);
      const after = await pg.state('Links');
      expect(after.version).toBe(before.version);
      const tab = after.sheets?.find((sheet) => sheet.name === 'Links');
      expect(tab).toMatchObject({
        maxRows: 1000,
        maxColumns: 26,
        lastRow: before.sheets?.find((sheet) => sheet.name === 'Links')?.lastRow,
      });
      expect(tab?.cells?.some(([, , shown]) => shown === 'far away')).toBe(false);
      let stored = 0;
      links().forEachCell((_, row, column) => {
        if (row > 1000 || column > 26) stored++;
      });
      expect(stored).toBe(0);
      pg.playground.flush();
      expect(readFileSync(pg.playground.info().stateFile, 'utf8')).toBe(savedBefore);
    },
  );

  it("takes the grid's last cell, and follows the grid when it grows", async () => {
    expect((await pg.post('/api/cell', { sheet: 'Links', cell: 'Z1000', input: 'corner' })).status).toBe(200);
    expect(links().cell(1000, 26)?.value).toBe('corner');
    await pg.post('/api/clear', { sheet: 'Links', ranges: ['Z1000'] });

    const sheet = links();
    const { maxRows, maxColumns } = sheet;
    sheet.growTo(1500, 30);
    try {
      expect((await pg.post('/api/cell', { sheet: 'Links', cell: 'AD1500', input: 'grown' })).status).toBe(200);
      expect(sheet.cell(1500, 30)?.value).toBe('grown');
      await pg.post('/api/clear', { sheet: 'Links', ranges: ['AD1500'] });
      const answer = await refusal('/api/cell', { sheet: 'Links', cell: 'AE1', input: 'x' });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(/sheet "Links" has cells A1 to AD1500 \(1500 rows, 30 columns\)/);
    } finally {
      sheet.maxRows = maxRows;
      sheet.maxColumns = maxColumns;
    }
  });
});

describe('malformed cells', () => {
  it.each(['', 'B', '3', 'B3:', '1A', 'A0', 'B3 C4', 'B-3', 'Links!B3', "'Links'!B3", 'A1:B2', 'B'.repeat(5000) + '3'])(
    'refuses %p with a 400 that says what a cell is',
    async (cell) => {
      const answer = await refusal('/api/cell', { sheet: 'Links', cell, input: 'x' });
      expect(answer.status).toBe(400);
      expect(answer.body.ok).toBe(false);
      expect(answer.body.error).toMatch(/one cell in A1 notation, like B3/);
      expect(answer.body.error?.length).toBeLessThan(300);
    },
  );
});

describe('selections and clears', () => {
  it('refuse ranges that reach outside the grid or name a sheet, and take whole rows and columns', async () => {
    const refused: Array<[string[], RegExp]> = [
      [['A1:A1001'], /^range A1:A1001 is outside the grid: /],
      [['B2', 'AA1'], /^range AA1 is outside the grid: /],
      [['A1:ZZZZ99999999'], /^range A1:ZZZZ99999999 is outside the grid: /],
      [['Links!A1'], /^range "Links!A1" names a sheet: give an A1 range, like B3, B3:D7, B:B or 3:3/],
      [['B3:'], /^range "B3:" is not an A1 range, like B3, B3:D7, B:B or 3:3/],
    ];
    for (const [ranges, message] of refused) {
      for (const path of ['/api/select', '/api/clear']) {
        const answer = await refusal(path, { sheet: 'Links', ranges });
        expect(answer.status).toBe(400);
        expect(answer.body.error).toMatch(message);
        if (!ranges.includes('Links!A1')) expect(answer.body.error).toMatch(GRID);
      }
    }
    expect((await pg.post('/api/select', { sheet: 'Links', ranges: ['B:C', '3:4', 'A1:Z1000'] })).status).toBe(200);
    expect((await pg.state()).selection).toEqual({ sheet: 'Links', ranges: ['B:C', '3:4', 'A1:Z1000'] });
  });
});
