import fc from 'fast-check';
import { attributeSales, type Sale } from '../../../src/core/attribution/attribution';
import {
  averageOrderOf,
  buildReport,
  formatAmount,
  formatRowRevenue,
  revenueOf,
  summarize,
  summaryLine,
  totalsByRow,
  UNATTRIBUTED_CAMPAIGN,
} from '../../../src/core/attribution/attribution-report';
import { sharedReferences } from '../../../src/core/link-tabs/link-checks';
import { readLinkRows, type LinkRow } from '../../../src/core/link-tabs/link-rows';
import { newReferences, referenceBase } from '../../../src/core/link-tabs/references';
import { isAcceptedValue } from '../../../src/core/links/stripe-rules';

const LINK_A = 'https://buy.stripe.com/test_aaa';
const LINK_B = 'https://buy.stripe.com/test_bbb';
const LINK_C = 'https://buy.stripe.com/test_ccc';
const HEADER = ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'client_reference_id'];

function tab(rows: unknown[][]): LinkRow[] {
  return readLinkRows('Links', [HEADER, ...rows]);
}

function sale(overrides: Partial<Sale> = {}): Sale {
  return {
    session_id: `cs_test_${Math.random().toString(36).slice(2)}`,
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

const ROWS = tab([
  [LINK_A, 'newsletter', 'email', 'spring_sale', '', 'hero', 'nl-1'],
  [`${LINK_A}?prefilled_email=x`, 'facebook', 'paid_social', 'spring_sale', '', 'carousel', 'fb-2'],
  [LINK_B, 'google', 'cpc', 'launch', 'shoes', '', 'g-3'],
  [LINK_B, 'google', 'cpc', 'launch', 'shoes', '', 'g-3'],
  [LINK_C, 'partner', 'referral', 'blog', '', '', 'dup'],
  [LINK_C, 'partner', 'referral', 'other', '', '', 'dup'],
  ['https://buy.stripe.com/test_only', 'x', 'y', 'solo', '', '', ''],
]);
const URLS = new Map([
  ['plink_A', LINK_A],
  ['plink_C', LINK_C],
  ['plink_only', 'https://buy.stripe.com/test_only'],
]);

describe('attributeSales', () => {
  it('joins on the reference first, the row it names', () => {
    const [a] = attributeSales([sale({ client_reference_id: 'fb-2', payment_link: 'plink_only' })], ROWS, URLS);
    expect(a).toMatchObject({ kind: 'attributed', via: 'reference', row: { row: 3 } });
  });

  it('takes rows that share a reference and all their UTM values as one campaign', () => {
    const [a] = attributeSales([sale({ client_reference_id: 'g-3' })], ROWS, URLS);
    expect(a).toMatchObject({ kind: 'attributed', via: 'reference', row: { row: 4 } });
  });

  it('leaves a reference shared by rows with different UTM values unattributed, with no fallback to the link', () => {
    const [a] = attributeSales([sale({ client_reference_id: 'dup', payment_link: 'plink_only' })], ROWS, URLS);
    expect(a).toEqual({ kind: 'unattributed', reason: 'shared_reference' });
  });

  it('falls back to the payment link when exactly one row uses it (query and case aside)', () => {
    const [noReference, unknownReference] = attributeSales(
      [sale({ payment_link: 'plink_only' }), sale({ client_reference_id: 'nobody', payment_link: 'plink_only' })],
      ROWS,
      new Map([['plink_only', 'HTTPS://BUY.STRIPE.COM/test_only/']]),
    );
    expect(noReference).toMatchObject({ kind: 'attributed', via: 'payment_link', row: { row: 8 } });
    expect(unknownReference).toMatchObject({ kind: 'attributed', via: 'payment_link' });
  });

  it('names why the rest are unattributed', () => {
    const results = attributeSales(
      [
        sale(),
        sale({ client_reference_id: 'nobody' }),
        sale({ payment_link: 'plink_A' }),
        sale({ payment_link: 'plink_unknown' }),
        sale({ client_reference_id: 'nobody', payment_link: 'plink_C' }),
      ],
      ROWS,
      URLS,
    );
    expect(results).toEqual([
      { kind: 'unattributed', reason: 'no_reference' },
      { kind: 'unattributed', reason: 'unknown_reference' },
      { kind: 'unattributed', reason: 'shared_link' },
      { kind: 'unattributed', reason: 'no_reference' },
      { kind: 'unattributed', reason: 'shared_link' },
    ]);
  });

  it('leaves unattributed exactly the references the mix-up check shows as shared, and attributes the rest to their first row (property)', () => {
    const cell = (values: string[]) => fc.constantFrom(...values);
    const row = fc.tuple(
      cell([LINK_A, LINK_B]),
      cell(['google', 'bing']),
      cell(['cpc']),
      cell(['launch', 'spring']),
      cell(['', 'shoes']),
      cell(['']),
      cell(['', 'r1', 'r2', 'r3']),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (cells) => {
        const rows = tab(cells);
        const shared = new Set(sharedReferences(rows).map((s) => s.reference));
        for (const reference of ['r1', 'r2', 'r3']) {
          const [result] = attributeSales([sale({ client_reference_id: reference })], rows, new Map());
          const first = rows.find((r) => r.fields.client_reference_id === reference);
          if (shared.has(reference)) expect(result).toEqual({ kind: 'unattributed', reason: 'shared_reference' });
          else if (first === undefined) expect(result).toEqual({ kind: 'unattributed', reason: 'unknown_reference' });
          else expect(result).toMatchObject({ kind: 'attributed', via: 'reference', row: { row: first.row } });
        }
      }),
    );
  });

  it('without payment link URLs (no key), attributes by reference only', () => {
    const results = attributeSales([sale({ payment_link: 'plink_only' }), sale({ client_reference_id: 'nl-1' })], ROWS, new Map());
    expect(results.map((r) => r.kind)).toEqual(['unattributed', 'attributed']);
  });
});

describe('buildReport', () => {
  it('one row per campaign, source, medium, currency and mode, with counts, revenue, average, first and last sale', () => {
    const sales = [
      sale({ client_reference_id: 'nl-1', amount_minor: 1999, created: 100 }),
      sale({ client_reference_id: 'nl-1', amount_minor: 2001, created: 300 }),
      sale({ client_reference_id: 'nl-1', payment_status: 'unpaid' }),
      sale({ client_reference_id: 'nl-1', payment_status: 'failed' }),
      sale({ client_reference_id: 'nl-1', amount_minor: 5000, currency: 'jpy', created: 200 }),
      sale({ client_reference_id: 'nl-1', amount_minor: 700, livemode: true }),
      sale({ amount_minor: 123 }),
    ];
    const report = buildReport(sales, attributeSales(sales, ROWS, URLS));
    expect(
      report.map((r) => [
        r.utm_campaign,
        r.utm_source,
        r.currency,
        r.livemode,
        r.sessions,
        r.paid_sessions,
        r.revenue_minor,
        r.pending_sessions,
        r.failed_sessions,
      ]),
    ).toEqual([
      ['spring_sale', 'newsletter', 'usd', true, 1, 1, 700, 0, 0],
      ['spring_sale', 'newsletter', 'jpy', false, 1, 1, 5000, 0, 0],
      ['spring_sale', 'newsletter', 'usd', false, 4, 2, 4000, 1, 1],
      [UNATTRIBUTED_CAMPAIGN, '', 'usd', false, 1, 1, 123, 0, 0],
    ]);
    const usd = report[2]!;
    expect(revenueOf(usd)).toBe(40);
    expect(averageOrderOf(usd)).toBe(20);
    expect([usd.first_sale, usd.last_sale]).toEqual([100, 300]);
    expect(revenueOf(report[1]!)).toBe(5000);
    expect(averageOrderOf({ revenue_minor: 0, currency: 'usd', paid_sessions: 0 })).toBeNull();
  });

  it('is the same report whatever the order of the sales', () => {
    const sales = [sale({ client_reference_id: 'nl-1' }), sale({ client_reference_id: 'g-3', currency: 'eur' }), sale()];
    const forward = buildReport(sales, attributeSales(sales, ROWS, URLS));
    const reversed = [...sales].reverse();
    expect(buildReport(reversed, attributeSales(reversed, ROWS, URLS))).toEqual(forward);
  });
});

describe('every paid amount lands in exactly one report row (property)', () => {
  const arbitrarySale = fc.record({
    session_id: fc.uuid(),
    client_reference_id: fc.constantFrom('', 'nl-1', 'fb-2', 'g-3', 'dup', 'nobody'),
    payment_status: fc.constantFrom('paid', 'paid', 'unpaid', 'failed', 'no_payment_required'),
    amount_minor: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
    currency: fc.constantFrom('usd', 'eur', 'jpy', 'kwd'),
    livemode: fc.boolean(),
    payment_intent: fc.constant(''),
    subscription: fc.constant(''),
    payment_link: fc.constantFrom('', 'plink_A', 'plink_C', 'plink_only', 'plink_unknown'),
    created: fc.option(fc.integer({ min: 1_600_000_000, max: 1_800_000_000 }), { nil: null }),
  });

  it('per currency and mode, the report adds up to the paid amounts; the summary and the rows agree', () => {
    fc.assert(
      fc.property(fc.array(arbitrarySale, { maxLength: 60 }), fc.boolean(), (sales, withKey) => {
        const attributions = attributeSales(sales, ROWS, withKey ? URLS : new Map());
        const report = buildReport(sales, attributions);
        const paid = new Map<string, number>();
        for (const s of sales)
          if (s.payment_status === 'paid')
            paid.set(`${s.currency}/${String(s.livemode)}`, (paid.get(`${s.currency}/${String(s.livemode)}`) ?? 0) + (s.amount_minor ?? 0));
        const reported = new Map<string, number>();
        for (const r of report)
          reported.set(`${r.currency}/${String(r.livemode)}`, (reported.get(`${r.currency}/${String(r.livemode)}`) ?? 0) + r.revenue_minor);
        for (const [key, value] of paid) expect(reported.get(key) ?? 0).toBe(value);
        expect(report.reduce((n, r) => n + r.sessions, 0)).toBe(sales.length);
        expect(report.reduce((n, r) => n + r.paid_sessions, 0)).toBe(sales.filter((s) => s.payment_status === 'paid').length);
        expect(new Set(report.map((r) => [r.utm_campaign, r.utm_source, r.utm_medium, r.currency, r.livemode].join('|'))).size).toBe(
          report.length,
        );
        for (const mode of summarize(sales, attributions)) {
          const unattributed = Object.values(mode.unattributed).reduce((n, entry) => n + entry.revenue_minor, 0);
          expect(mode.attributed_minor + unattributed).toBe(mode.paid_minor);
        }
        const byRow = totalsByRow(sales, attributions);
        const rowPaid = [...byRow.values()].reduce((n, totals) => n + totals.paid_sessions, 0);
        const attributedPaid = report.filter((r) => r.utm_campaign !== UNATTRIBUTED_CAMPAIGN).reduce((n, r) => n + r.paid_sessions, 0);
        expect(rowPaid).toBe(attributedPaid);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the words', () => {
  it('formats amounts in their currency, never mixing them', () => {
    expect(formatAmount(123450, 'usd')).toBe('1,234.50 USD');
    expect(formatAmount(5000, 'jpy')).toBe('5,000 JPY');
    expect(formatAmount(12345, 'kwd')).toBe('12.345 KWD');
    const sales = [
      sale({ client_reference_id: 'nl-1', amount_minor: 3998 }),
      sale({ client_reference_id: 'nl-1', amount_minor: 5000, currency: 'jpy', livemode: true }),
    ];
    const totals = totalsByRow(sales, attributeSales(sales, ROWS, URLS));
    expect(formatRowRevenue([...totals.values()][0])).toBe('5,000 JPY; 39.98 USD (test)');
  });

  it('says how much was attributed and why the rest was not', () => {
    const sales = [
      sale({ client_reference_id: 'nl-1', amount_minor: 8000 }),
      sale({ amount_minor: 1500 }),
      sale({ client_reference_id: 'dup', amount_minor: 500 }),
    ];
    const [mode] = summarize(sales, attributeSales(sales, ROWS, URLS));
    expect(summaryLine(mode!)).toBe(
      'USD, test mode: 80.00 USD of 100.00 USD attributed (80%); not attributed: 1 session without a client_reference_id (15.00 USD paid), ' +
        '1 session with a reference shared by rows with different UTM values (5.00 USD paid).',
    );
  });
});

describe('newReferences', () => {
  it('is readable, valid for Stripe and unique, after the references that exist', () => {
    const made = newReferences(
      [
        { campaign: 'Spring Sale', source: 'x' },
        { campaign: 'spring_sale', source: '' },
        { campaign: '', source: 'Été' },
        { campaign: '', source: '' },
      ],
      ['spring_sale-1', 'nl-0001'],
    );
    expect(made).toEqual(['spring_sale-2', 'spring_sale-3', 'ete-1', 'link-1']);
  });

  it('is unique, valid and the same on a re-run, whatever the rows (property)', () => {
    const row = fc.record({ campaign: fc.string({ maxLength: 60 }), source: fc.string({ maxLength: 20 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 20 }), (rows, existing) => {
        const made = newReferences(rows, existing);
        expect(new Set([...made, ...existing]).size).toBe(made.length + new Set(existing).size);
        for (const reference of made) {
          expect(isAcceptedValue('client_reference_id', reference)).toBe(true);
          expect(reference.length).toBeLessThanOrEqual(60);
        }
        expect(newReferences(rows, existing)).toEqual(made);
      }),
    );
  });

  it('keeps the campaign in the reference', () => {
    expect(referenceBase('Black Friday 2026', 'google')).toBe('black_friday_2026');
    expect(referenceBase('', 'Newsletter')).toBe('newsletter');
  });
});
