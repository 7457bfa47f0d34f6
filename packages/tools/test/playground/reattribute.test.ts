/**
 * Re-attribute past sales in the playground, where an alert with Yes and No cannot be answered in
 * the middle of a run: the first run stops at the question and changes nothing, the page asks, and
 * the run starts again with the answer (editor-runs.ts). On the demo: sales synced, then a link
 * row's campaign renamed; the past sales keep the old name until the user answers Yes.
 */
import { DEMO_LINK_HEADERS } from '../../src/demo-links';
import { PLAYGROUND_STRIPE_KEY } from '../../src/playground/playground-stripe';
import { startTestPlayground, type TestPlayground } from './helpers';

let pg: TestPlayground;

beforeAll(async () => {
  pg = await startTestPlayground();
});

afterAll(async () => {
  await pg.stop();
});

/** `campaign source` of each paid session in the Attribution tab, with its count. */
async function campaigns(): Promise<string[]> {
  const [header = [], ...under] = await pg.values('Attribution');
  const at = (name: string) => header.indexOf(name);
  // The table ends at its first blank row: its summary is under it.
  return under
    .slice(
      0,
      under.findIndex((row) => row.every((cell) => cell === '')),
    )
    .filter((row) => row[at('utm_campaign')] !== '')
    .map(
      (row) =>
        `${row[at('utm_campaign')] ?? ''} ${row[at('utm_source')] ?? ''} ${row[at('currency')] ?? ''} ${row[at('paid_sessions')] ?? ''}`,
    )
    .sort();
}

it('keeps past sales under a renamed campaign, asks before moving them, and moves them on Yes', async () => {
  await pg.menu('connectStripeKey', [{ button: 'OK', text: PLAYGROUND_STRIPE_KEY }]);
  await pg.menu('syncNow', [{ button: 'OK', text: '30' }]);
  expect(await campaigns()).toContain('spring_sale newsletter usd 4');

  // Row 2 of Links is the newsletter's spring_sale row (nl-0001): renamed, as a marketer would.
  const column = String.fromCharCode(65 + DEMO_LINK_HEADERS.indexOf('utm_campaign'));
  const edited = await pg.post('/api/cell', { sheet: 'Links', cell: `${column}2`, input: 'spring_2025' });
  expect(edited.ok).toBe(true);
  expect((await pg.menu('refreshAttribution')).ok).toBe(true);
  expect(await campaigns()).toContain('spring_sale newsletter usd 4');
  expect((await campaigns()).some((line) => line.startsWith('spring_2025'))).toBe(false);

  const ledger = await pg.values('Reconciliation');
  const [header = [], ...sales] = ledger;
  const newsletter = sales.filter(
    (row) => row[header.indexOf('utm_campaign')] === 'spring_sale' && row[header.indexOf('utm_source')] === 'newsletter',
  ).length;
  expect(newsletter).toBeGreaterThan(0);
  // The demo's abandoned checkouts through that row keep their campaign too, and move with the sales.
  const [bucketHeader = [], ...buckets] = await pg.values('Checkouts');
  const checkouts = buckets
    .filter(
      (row) => row[bucketHeader.indexOf('utm_campaign')] === 'spring_sale' && row[bucketHeader.indexOf('utm_source')] === 'newsletter',
    )
    .reduce((sum, row) => sum + Number(row[bucketHeader.indexOf('checkouts')]), 0);
  expect(checkouts).toBeGreaterThan(0);
  const asked = await pg.menu('reattributePastSales');
  expect(asked.needsAnswer).toMatchObject({ kind: 'alert', title: 'Re-attribute past sales', buttons: ['YES', 'NO'] });
  expect(asked.needsAnswer?.prompt).toBe(
    `${String(newsletter)} sales would move:\n` +
      `${String(newsletter)} from spring_sale / newsletter / email (content hero_button) to spring_2025 / newsletter / email (content hero_button)\n` +
      `${String(checkouts)} expired checkouts would move with them.\n\n` +
      "Move them? Their utm_* cells in Reconciliation are rewritten from today's link rows, and the Attribution tab and the links tabs' counts " +
      'follow. No leaves every sale where it is.',
  );
  expect(await pg.values('Reconciliation')).toEqual(ledger);

  const declined = await pg.menu('reattributePastSales', [{ button: 'NO' }]);
  expect(declined.ok).toBe(true);
  expect(await pg.values('Reconciliation')).toEqual(ledger);

  const moved = await pg.menu('reattributePastSales', [{ button: 'YES' }]);
  expect(moved.ok).toBe(true);
  expect(moved.alerts[0]?.prompt).toMatch(new RegExp(`^${String(newsletter)} sales moved`));
  expect(await campaigns()).toContain('spring_2025 newsletter usd 4');
  expect((await campaigns()).some((line) => line.startsWith('spring_sale newsletter'))).toBe(false);
});
