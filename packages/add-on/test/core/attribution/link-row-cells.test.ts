import fc from 'fast-check';
import { attributeSales, type Sale } from '../../../src/core/attribution/attribution';
import { buildReport, totalsByRow, UNATTRIBUTED_CAMPAIGN } from '../../../src/core/attribution/attribution-report';
import { linkTabCells, linkTabColumns } from '../../../src/core/attribution/link-row-cells';
import { linkColumnHeader, netRevenueColumn, netRevenueOfMark } from '../../../src/core/ledger/declaration';
import type { SessionMoney } from '../../../src/core/ledger/session-money';
import { readLinkRows } from '../../../src/core/link-tabs/link-rows';

const HEADER = ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'client_reference_id'];
const LINK = 'https://buy.stripe.com/test_aaa';
const ROWS = readLinkRows('Links', [
  HEADER,
  [LINK, 'newsletter', 'email', 'spring_sale', 'nl-1'],
  ['not a link row', '', '', '', ''],
  [LINK, 'facebook', 'paid_social', 'spring_sale', 'fb-2'],
]).filter((row) => row.fields.payment_link === LINK);

function sale(overrides: Partial<Sale>): Sale {
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

const money = (net: number): SessionMoney => ({ refunded: 0, disputed: 0, renewals: 0, renewal_revenue: 0, net });

describe('the net revenue column of a currency and mode', () => {
  it('is marked by a stable name, headed as a person reads it, in the currency’s format', () => {
    expect(netRevenueColumn('usd', true)).toEqual({
      name: 'net_revenue:usd:live',
      header: 'net_revenue USD',
      merge: 'refresh',
      format: '#,##0.00 "USD"',
    });
    expect(netRevenueColumn('JPY', false)).toMatchObject({
      name: 'net_revenue:jpy:test',
      header: 'net_revenue JPY (test)',
      format: '#,##0 "JPY"',
    });
    expect(netRevenueColumn('kwd', false).format).toBe('#,##0.000 "KWD"');
    expect(netRevenueOfMark('net_revenue:kwd:test')).toEqual({ currency: 'kwd', livemode: false });
    expect(netRevenueOfMark('revenue')).toBeNull();
    expect(linkColumnHeader('net_revenue:eur:live')).toBe('net_revenue EUR');
    expect(linkColumnHeader('paid_sessions')).toBe('paid_sessions');
  });
});

describe('a links tab’s own columns and cells', () => {
  const sales = [
    sale({ client_reference_id: 'nl-1', amount_minor: 10000 }),
    sale({ client_reference_id: 'nl-1', amount_minor: 5000, currency: 'jpy', livemode: true }),
    sale({ client_reference_id: 'fb-2', amount_minor: 4000, currency: 'eur' }),
    sale({ client_reference_id: 'fb-2', payment_status: 'unpaid', amount_minor: 700 }),
  ];
  const totals = totalsByRow(sales, attributeSales(sales, ROWS, new Map()), [money(7500), money(5000), money(0), money(0)]);

  it('has a column per currency and mode that counts, live before test and by code, and keeps a marked one that no longer counts', () => {
    const columns = linkTabColumns(ROWS, totals, ['paid_sessions', 'checkouts', 'revenue', 'net_revenue:aud:test', 'something:else']);
    expect(columns.map((c) => c.header ?? c.name)).toEqual([
      'paid_sessions',
      'checkouts',
      'revenue',
      'net_revenue JPY',
      'net_revenue AUD (test)',
      'net_revenue EUR (test)',
      'net_revenue USD (test)',
    ]);
  });

  it('writes numbers in major units, 0 where the sales netted nothing, blank where the row has no sale of that currency', () => {
    const columns = linkTabColumns(ROWS, totals, []);
    expect(linkTabCells(3, ROWS, totals, columns)).toEqual([
      [2, 2, '5,000 JPY; 100.00 USD (test)', 5000, '', 75],
      ['', '', '', '', '', ''],
      [1, 2, '40.00 EUR (test)', '', 0, ''],
    ]);
  });
});

describe("a row's net adds up to the Attribution tab's (property)", () => {
  const arbitrarySale = fc.record({
    client_reference_id: fc.constantFrom('', 'nl-1', 'fb-2', 'nobody'),
    payment_status: fc.constantFrom('paid', 'paid', 'unpaid', 'failed'),
    amount_minor: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    currency: fc.constantFrom('usd', 'eur', 'jpy', 'kwd'),
    livemode: fc.boolean(),
    net: fc.integer({ min: -1000, max: 2_000_000 }),
  });

  it('per currency and mode, the net revenue cells sum to the net of the attributed groups', () => {
    fc.assert(
      fc.property(fc.array(arbitrarySale, { maxLength: 40 }), (drafts) => {
        const sales = drafts.map((draft) => sale(draft));
        const after = drafts.map((draft) => money(draft.net));
        const attributions = attributeSales(sales, ROWS, new Map());
        const totals = totalsByRow(sales, attributions, after);
        const columns = linkTabColumns(ROWS, totals, []);
        const cells = linkTabCells(3, ROWS, totals, columns);
        const expected = new Map<string, number>();
        for (const group of buildReport(sales, attributions, after)) {
          if (group.utm_campaign === UNATTRIBUTED_CAMPAIGN) continue;
          const name = netRevenueColumn(group.currency, group.livemode).name;
          expected.set(name, (expected.get(name) ?? 0) + group.net_minor);
        }
        const summed = new Map<string, number>();
        columns.forEach((column, c) => {
          const mode = netRevenueOfMark(column.name);
          if (mode === null) return;
          const scale = Math.pow(10, mode.currency === 'jpy' ? 0 : mode.currency === 'kwd' ? 3 : 2);
          summed.set(
            column.name,
            cells.reduce((sum, row) => sum + Math.round(Number(row[c] || 0) * scale), 0),
          );
        });
        for (const [name, minor] of expected) expect(summed.get(name) ?? 0).toBe(minor);
        for (const [name, minor] of summed) expect(expected.get(name) ?? 0).toBe(minor);
      }),
      { numRuns: 300 },
    );
  });
});
