/**
 * POST /api/column-width: what dragging a column's edge in the page does. The width is the tab's,
 * sent with its cells and kept across a restart; a column or width that is not one is refused.
 */
import { startTestPlayground, tempStateFile, type TestPlayground } from './helpers';

describe('POST /api/column-width', () => {
  const { stateFile } = tempStateFile();
  let pg: TestPlayground;

  beforeAll(async () => {
    pg = await startTestPlayground({ stateFile });
  });

  afterAll(async () => {
    await pg.stop();
  });

  const widths = async (on: TestPlayground, sheet: string) =>
    (await on.state(sheet)).sheets?.find((tab) => tab.name === sheet)?.columnWidths;

  it("sets the column's width, which the page gets with the tab and the state file keeps", async () => {
    const response = await pg.post('/api/column-width', { sheet: 'Links', column: 9, width: 240 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
    expect((await widths(pg, 'Links'))?.['9']).toBe(240);
    await pg.stop(true);
    pg = await startTestPlayground({ stateFile });
    expect((await widths(pg, 'Links'))?.['9']).toBe(240);
  });

  it.each([
    [{ sheet: 'Links', column: 0, width: 100 }, /column must be a column number/],
    [{ sheet: 'Links', column: 1.5, width: 100 }, /column must be a column number/],
    [{ sheet: 'Links', column: 2, width: -4 }, /width must be a whole number of pixels/],
    [{ sheet: 'Links', column: 2, width: '200' }, /width must be a whole number of pixels/],
    [{ sheet: 'No such tab', column: 2, width: 200 }, /No such tab|no tab/i],
  ])('refuses %j', async (body, message) => {
    const response = await pg.post('/api/column-width', body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });
});
