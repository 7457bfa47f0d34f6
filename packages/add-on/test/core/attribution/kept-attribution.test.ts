import fc from 'fast-check';
import { attributeSales, type Campaign, type Sale } from '../../../src/core/attribution/attribution';
import { buildReport, totalsByRow } from '../../../src/core/attribution/attribution-report';
import { campaignLabel, describeMoves, keptAttributions, movesOf, storedCampaigns } from '../../../src/core/attribution/kept-attribution';
import { readLinkRows, type LinkRow } from '../../../src/core/link-tabs/link-rows';

const LINK_A = 'https://buy.stripe.com/test_aaa';
const LINK_B = 'https://buy.stripe.com/test_bbb';
const HEADER = ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'client_reference_id'];
const tab = (rows: unknown[][]): LinkRow[] => readLinkRows('Links', [HEADER, ...rows]);

function sale(overrides: Partial<Sale> = {}): Sale {
  return {
    session_id: 'cs_test_1',
    client_reference_id: '',
    payment_status: 'paid',
    amount_minor: 1000,
    currency: 'usd',
    livemode: false,
    payment_link: '',
    created: 1_700_000_000,
    payment_intent: '',
    subscription: '',
    ...overrides,
  };
}

const campaign = (utm_campaign: string, utm_source: string, utm_medium: string, utm_term = '', utm_content = ''): Campaign => ({
  utm_source,
  utm_medium,
  utm_campaign,
  utm_term,
  utm_content,
});

const SPRING = campaign('spring_sale', 'newsletter', 'email');
const ROWS = tab([
  [LINK_A, 'newsletter', 'email', 'spring_2025', '', '', 'nl-1'],
  [LINK_A, 'newsletter', 'email', 'spring_sale', '', '', 'nl-1b'],
  [LINK_B, 'google', 'cpc', 'launch', '', '', ''],
]);
const URLS = new Map([['plink_B', LINK_B]]);

describe('storedCampaigns', () => {
  const ledger = [
    ['session_id', 'Utm Campaign', 'utm_source', 'utm_medium', 'notes', 'utm_term', 'utm_content'],
    ['cs_1', 'spring_sale', 'newsletter', 'email', 'x', '', ''],
    ['cs_2', '', '', '', 'y', '', ''],
    ['cs_3', '', '', '', '', 2024, ''],
    ['cs_4', ' ', '', '', '', '', ''],
  ];

  it('reads the five columns by header, as the cells hold them; a sale with all five empty has none', () => {
    expect(storedCampaigns(ledger, [2, 3, 4, 5])).toEqual([SPRING, null, campaign('', '', '', '2024'), null]);
  });

  it('finds none on a ledger without the columns yet', () => {
    expect(storedCampaigns([['session_id'], ['cs_1']], [2])).toEqual([null]);
  });
});

describe('keptAttributions', () => {
  it('keeps the stored campaign whatever the rows say, and joins only the sales without one', () => {
    const [kept, fresh] = keptAttributions(
      [sale({ client_reference_id: 'nl-1' }), sale({ client_reference_id: 'nl-1' })],
      [SPRING, null],
      ROWS,
      URLS,
    );
    expect(kept).toMatchObject({ kind: 'attributed', via: 'kept', campaign: SPRING, row: null });
    expect(fresh).toMatchObject({ kind: 'attributed', via: 'reference', campaign: campaign('spring_2025', 'newsletter', 'email') });
  });

  it('counts a kept sale for the row that carries its reference and its values, else its payment link and its values', () => {
    const rows = tab([
      [LINK_A, 'newsletter', 'email', 'spring_2025', '', '', 'nl-1'],
      [LINK_A, 'newsletter', 'email', 'spring_sale', '', '', 'nl-1'],
      [LINK_B, 'google', 'cpc', 'launch', '', '', 'g-3'],
    ]);
    const [byReference, byLink, none] = keptAttributions(
      [sale({ client_reference_id: 'nl-1' }), sale({ payment_link: 'plink_B' }), sale({ client_reference_id: 'nl-1' })],
      [SPRING, campaign('launch', 'google', 'cpc'), campaign('gone', 'x', 'y')],
      rows,
      URLS,
    );
    expect(byReference).toMatchObject({ via: 'kept', row: { row: 3 } });
    expect(byLink).toMatchObject({ via: 'kept', row: { row: 4 } });
    expect(none).toMatchObject({ via: 'kept', row: null });
  });

  it('asks for no Payment Link URL when the reference places the kept sale', () => {
    const asked: string[] = [];
    keptAttributions([sale({ client_reference_id: 'nl-1b', payment_link: 'plink_B' })], [SPRING], ROWS, {
      get: (id) => {
        asked.push(id);
        return URLS.get(id);
      },
    });
    expect(asked).toEqual([]);
  });

  it('is today’s join for every sale when none has a campaign stored, and groups the report by what is kept', () => {
    const references = ['nl-1', 'nl-1b', 'nobody', ''];
    fc.assert(
      fc.property(fc.array(fc.record({ reference: fc.constantFrom(...references), keep: fc.boolean() }), { maxLength: 12 }), (specs) => {
        const sales = specs.map(({ reference }, i) => sale({ session_id: `cs_${String(i)}`, client_reference_id: reference }));
        expect(
          keptAttributions(
            sales,
            sales.map(() => null),
            ROWS,
            URLS,
          ),
        ).toEqual(attributeSales(sales, ROWS, URLS));
        const stored = specs.map(({ keep }) => (keep ? SPRING : null));
        const report = buildReport(sales, keptAttributions(sales, stored, ROWS, URLS));
        const kept = stored.filter((c) => c !== null).length;
        const spring = report.find((row) => row.utm_campaign === 'spring_sale');
        const freshSpring = sales.filter((s, i) => stored[i] === null && s.client_reference_id === 'nl-1b').length;
        expect(spring?.paid_sessions ?? 0).toBe(kept + freshSpring);
        // Every sale counts once in the report, kept or not.
        expect(report.reduce((sum, row) => sum + row.sessions, 0)).toBe(sales.length);
      }),
    );
  });

  it('leaves a kept sale no row carries out of the links tabs’ counts, and in the report', () => {
    const sales = [sale({ client_reference_id: 'nl-1' })];
    const attributions = keptAttributions(sales, [campaign('renamed_away', 'newsletter', 'email')], ROWS, URLS);
    expect(totalsByRow(sales, attributions).size).toBe(0);
    expect(buildReport(sales, attributions)).toMatchObject([{ utm_campaign: 'renamed_away', paid_sessions: 1, revenue_minor: 1000 }]);
  });
});

describe('movesOf and describeMoves', () => {
  it('groups the sales whose campaign would change, the largest move first, the unattributed by name', () => {
    const sales = [
      sale({ client_reference_id: 'nl-1' }),
      sale({ client_reference_id: 'nl-1' }),
      sale({ client_reference_id: 'nobody' }),
      sale({ client_reference_id: 'nl-1b' }),
      sale({ client_reference_id: 'nl-1' }),
    ];
    const stored = [SPRING, SPRING, campaign('old', 'x', 'y', '', 'hero'), SPRING, null];
    const moves = movesOf(keptAttributions(sales, stored, ROWS, URLS), attributeSales(sales, ROWS, URLS));
    expect(moves).toEqual([
      { from: SPRING, to: campaign('spring_2025', 'newsletter', 'email'), sales: 2 },
      { from: campaign('old', 'x', 'y', '', 'hero'), to: null, sales: 1 },
    ]);
    expect(describeMoves(moves)).toEqual([
      '3 sales would move:',
      '2 from spring_sale / newsletter / email to spring_2025 / newsletter / email',
      '1 from old / x / y (content hero) to (unattributed)',
    ]);
  });

  it('is nothing when every sale keeps what today’s rows give it', () => {
    const sales = [sale({ client_reference_id: 'nl-1b' })];
    expect(movesOf(keptAttributions(sales, [SPRING], ROWS, URLS), attributeSales(sales, ROWS, URLS))).toEqual([]);
    expect(describeMoves([])).toEqual([]);
  });

  it('shows a few moves, then how many more', () => {
    const moves = Array.from({ length: 8 }, (_, i) => ({ from: null, to: campaign(`c${String(i)}`, 's', 'm'), sales: 8 - i }));
    const lines = describeMoves(moves, 5);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('36 sales would move:');
    expect(lines[1]).toBe('8 from (unattributed) to c0 / s / m');
    expect(lines[6]).toBe('and 6 more sales in 3 other moves');
  });

  it('names what a campaign lacks', () => {
    expect(campaignLabel(campaign('', '', '', 'shoes'))).toBe('(no campaign) / (no source) / (no medium) (term shoes)');
  });
});
