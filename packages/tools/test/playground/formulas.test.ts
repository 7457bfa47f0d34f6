/** The seeded spreadsheet, its formulas computed by the add-on's own functions, and edits that recalculate them. */
import { DEMO_LINK_ROWS } from '../../src/demo-links';
import { startTestPlayground, type TestPlayground } from './helpers';

let pg: TestPlayground;

beforeAll(async () => {
  pg = await startTestPlayground();
});

afterAll(async () => {
  await pg.stop();
});

describe('the seeded playground', () => {
  it('has the Links tab, the Reconciliation tab, the webhook token and the add-on menu', async () => {
    const state = await pg.state('Links');
    expect(state.sheets?.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Links', 'Reconciliation']));
    expect(state.activeSheet).toBe('Links');
    expect(state.info?.webhookUrl).toMatch(/^http:\/\/localhost:\d+\/webhook\?token=[0-9a-f]{16,}$/);
    const captions = state.menus?.flatMap((menu) => menu.items).flatMap((item) => (item.kind === 'item' ? [item.caption] : []));
    expect(captions).toEqual(expect.arrayContaining(['Set up reconciliation', 'Connect Stripe key…', 'Sync now']));
    const links = await pg.values('Links');
    expect(links[0]).toEqual([
      'payment_link',
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
      'utm_content',
      'client_reference_id',
      'UTM_ISSUES formula',
      'tagged_link',
      'UTM_LINK formula',
    ]);
    expect(links).toHaveLength(1 + DEMO_LINK_ROWS.length);
    const reconciliation = await pg.values('Reconciliation');
    expect(reconciliation[0]).toEqual(
      expect.arrayContaining(['session_id', 'client_reference_id', 'payment_status', 'amount', 'last_event']),
    );
  });

  it('computes UTM_LINK and UTM_ISSUES over whole columns: links for valid rows, problems for the others', async () => {
    const state = await pg.state('Links');
    const cells = state.sheets?.find((sheet) => sheet.name === 'Links')?.cells ?? [];
    // The issues right beside the inputs (column H), wrapped; the links after tagged_link (column J).
    const j2 = cells.find(([row, column]) => row === 2 && column === 10);
    expect(j2?.[3]?.f).toBe('=UTM_LINK(A2:A, B2:B, C2:C, D2:D, E2:E, F2:F, G2:G)');
    expect(cells.find(([row, column]) => row === 2 && column === 8)?.[3]?.f).toBe('=UTM_ISSUES(A2:A, B2:B, C2:C, D2:D, E2:E, F2:F, G2:G)');
    expect(cells.find(([row, column]) => row === 4 && column === 8)?.[3]?.w).toBe(1);

    const links = await pg.values('Links');
    const linkColumn = links.slice(1).map((row) => row[9]);
    const issueColumn = links.slice(1).map((row) => row[7]);
    // Row 2: valid.
    expect(linkColumn[0]).toBe(
      'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale&utm_content=hero_button&client_reference_id=nl-0001',
    );
    expect(issueColumn[0]).toBe('');
    // Row 4: spaces everywhere.
    expect(linkColumn[2]).toMatch(/utm_source: "Facebook Ads" has a space/);
    expect(issueColumn[2]).toMatch(/utm_campaign: "Spring Sale" has a space.*Try Spring_Sale/);
    // And no reference, on the Payment Link rows 2 and 3 use: its sales could not be told apart.
    expect(issueColumn[2]).toMatch(/\nclient_reference_id: empty, and 2 other rows of the range use this Payment Link/);
    // Row 6: http:// and a slash in client_reference_id; the number 2024 is written as text.
    expect(issueColumn[4]).toMatch(/payment_link: .*http:\/\//);
    expect(issueColumn[4]).toMatch(/client_reference_id: "pb\/0005"/);
    // Row 7: an existing query parameter is kept.
    expect(linkColumn[5]).toMatch(
      /^https:\/\/buy\.stripe\.com\/test_4gw5nPg1j1wmfXq3cd\?prefilled_email=jenny%40example\.com&utm_source=linkedin/,
    );
    // Spilled cells say so.
    expect(cells.find(([row, column]) => row === 3 && column === 10)?.[3]?.s).toBe(1);
  });

  it('recalculates the formulas when a cell they read is edited', async () => {
    let response = await pg.post('/api/cell', { sheet: 'Links', cell: 'D4', input: 'spring_sale' });
    expect(response.status).toBe(200);
    await pg.post('/api/cell', { sheet: 'Links', cell: 'B4', input: 'facebook' });
    await pg.post('/api/cell', { sheet: 'Links', cell: 'C4', input: 'paid_social' });
    let links = await pg.values('Links');
    // Stripe keeps every value now; the row still has no reference on a link two other rows use.
    expect(links[3]?.[7]).toBe(
      'client_reference_id: empty, and 2 other rows of the range use this Payment Link: their sales cannot be told apart. ' +
        'Give each row its own reference (Add references makes one per row)',
    );
    expect(links[3]?.[9]).toBe(
      'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring_sale',
    );

    // A new row below the data: the open-ended ranges grow and the arrays spill one row further.
    await pg.post('/api/cell', { sheet: 'Links', cell: 'A8', input: 'https://buy.stripe.com/test_new' });
    await pg.post('/api/cell', { sheet: 'Links', cell: 'B8', input: 'Tik Tok' });
    links = await pg.values('Links');
    expect(links[7]?.[7]).toMatch(/utm_source: "Tik Tok" has a space/);

    // Clearing the row shrinks them back.
    response = await pg.post('/api/clear', { sheet: 'Links', ranges: ['A8:B8'] });
    expect(response.status).toBe(200);
    links = await pg.values('Links');
    expect(links).toHaveLength(7);
  });

  it("holds sources and mediums to the demo's naming rules tab, pointing to the allowed spelling", async () => {
    const state = await pg.state('Links');
    expect(state.sheets?.map((sheet) => sheet.name)).toContain('UTM rules');
    expect((await pg.values('UTM rules'))[0]).toEqual(['utm_source', 'utm_medium']);
    await pg.post('/api/cell', { sheet: 'Links', cell: 'B3', input: 'Facebook_Ads' });
    const links = await pg.values('Links');
    expect(links[2]?.[7]).toMatch(/^utm_source: "Facebook_Ads" .*facebook/);
    // UTM_LINK gives the same words instead of a link.
    expect(links[2]?.[9]).toBe(links[2]?.[7]);
    await pg.post('/api/cell', { sheet: 'Links', cell: 'B3', input: 'facebook' });
    expect((await pg.values('Links'))[2]?.[7]).toBe('');
  });

  it('computes formulas typed in any cell, with #ERROR! and its message for what fails', async () => {
    await pg.post('/api/cell', { sheet: 'Links', cell: 'L2', input: '=utm_clean("Été 2024 / Promo", TRUE)' });
    await pg.post('/api/cell', { sheet: 'Links', cell: 'L3', input: '=UTM_LINK(A4, B4, C4, "Spring Sale")' });
    await pg.post('/api/cell', { sheet: 'Links', cell: 'L4', input: '=SUM(1, 2)' });
    await pg.post('/api/cell', { sheet: 'Links', cell: 'L5', input: '=UTM_CLEAN(Reconciliation!A1)' });
    const state = await pg.state('Links');
    const cell = (row: number): unknown =>
      state.sheets?.find((sheet) => sheet.name === 'Links')?.cells?.find(([r, c]) => r === row && c === 12);
    expect(cell(2)).toEqual([2, 12, 'ete_2024_promo', { f: '=utm_clean("Été 2024 / Promo", TRUE)' }]);
    expect(cell(3)).toEqual([
      3,
      12,
      '#ERROR!',
      expect.objectContaining({ t: 'e', e: expect.stringMatching(/utm_campaign: "Spring Sale" has a space/) }),
    ]);
    // What the playground does not compute says so in the cell (the add-on would read #N/A).
    expect(cell(4)).toEqual([
      4,
      12,
      'Not supported in the playground: SUM',
      { f: '=SUM(1, 2)', t: 'e', e: 'Not supported in the playground: SUM' },
    ]);
    expect(cell(5)).toEqual([5, 12, 'session_id', expect.objectContaining({ f: '=UTM_CLEAN(Reconciliation!A1)' })]);
    await pg.post('/api/clear', { sheet: 'Links', ranges: ['L2:L5'] });
  });

  it('computes arithmetic and & typed in a cell, around the add-on functions', async () => {
    await pg.post('/api/cell', { sheet: 'Links', cell: 'L2', input: '=1+1' });
    await pg.post('/api/cell', { sheet: 'Links', cell: 'L3', input: '="utm_"&UTM_CLEAN("Spring Sale")&"_"&(2+3)*2' });
    await pg.post('/api/cell', { sheet: 'Links', cell: 'L4', input: '=1/0' });
    const state = await pg.state('Links');
    const cell = (row: number): unknown =>
      state.sheets?.find((sheet) => sheet.name === 'Links')?.cells?.find(([r, c]) => r === row && c === 12);
    expect(cell(2)).toEqual([2, 12, '2', { f: '=1+1', t: 'n' }]);
    expect(cell(3)).toEqual([3, 12, 'utm_Spring_Sale_10', expect.objectContaining({ f: expect.any(String) })]);
    expect(cell(4)).toEqual([4, 12, '#DIV/0!', { f: '=1/0', t: 'e', e: 'Function DIVIDE parameter 2 cannot be zero.' }]);
    await pg.post('/api/clear', { sheet: 'Links', ranges: ['L2:L4'] });
  });

  it('types input as Sheets does and refuses what is not a cell', async () => {
    await pg.post('/api/cell', { sheet: 'Links', cell: 'M2', input: '007' });
    await pg.post('/api/cell', { sheet: 'Links', cell: 'M3', input: "'007" });
    const state = await pg.state('Links');
    const cells = state.sheets?.find((sheet) => sheet.name === 'Links')?.cells ?? [];
    expect(cells.find(([r, c]) => r === 2 && c === 13)).toEqual([2, 13, '7', { t: 'n' }]);
    expect(cells.find(([r, c]) => r === 3 && c === 13)).toEqual([3, 13, '007', { i: "'007" }]);
    await pg.post('/api/clear', { sheet: 'Links', ranges: ['M:M'] });

    expect((await pg.post('/api/cell', { sheet: 'Nope', cell: 'A1', input: 'x' })).status).toBe(400);
    expect((await pg.post('/api/cell', { sheet: 'Links', cell: 'A1:B2', input: 'x' })).status).toBe(400);
    expect((await pg.post('/api/cell', { sheet: 'Links', cell: 'ZZZ', input: 'x' })).status).toBe(400);
  });
});
