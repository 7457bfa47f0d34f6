/**
 * Week by week (issue 16, item 3): ISO weeks from a day, an instant's day in a time zone through
 * its offset (checked against Node's Intl in zones with DST, half and quarter hours and ±14 h),
 * the current week first, and each week's cells adding up exactly to the Attribution report of
 * that week's sales and checkouts.
 */
import fc from 'fast-check';
import type { Attribution, Sale } from '../../../src/core/attribution/attribution';
import { buildReport, type ExpiredInGroup } from '../../../src/core/attribution/attribution-report';
import { buildWeekly, dayInZone, weekOf, weeksUpTo, type ZoneOffset } from '../../../src/core/attribution/weekly';
import {
  weeklyCells,
  weeklyFormats,
  weeklyHeaderNotes,
  weeklyHeaders,
  weeklySummary,
  weeklyWidthCalls,
  weeklyWidths,
} from '../../../src/core/attribution/weekly-sheet';
import { weeklyChartsPanel } from '../../../src/core/attribution/weekly-chart';
import type { SessionSettled } from '../../../src/core/attribution/settled-money';
import type { SessionMoney } from '../../../src/core/ledger/session-money';

/** What Utilities.formatDate's `Z` gives, from Node's Intl. */
function intlOffset(zone: string): ZoneOffset {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (seconds) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(seconds * 1000)).map((part) => [part.type, part.value]));
    const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
    return Math.round((wall - Math.floor(seconds / 60) * 60_000) / 60_000);
  };
}

/** The day Intl shows for an instant in a zone. */
function intlDay(zone: string, seconds: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(seconds * 1000),
  );
}

const at = (iso: string): number => Date.parse(iso) / 1000;

describe('weeks', () => {
  it('are ISO 8601 weeks, Monday to Sunday, in the year of their Thursday', () => {
    expect(weekOf('2026-12-06')).toEqual({ label: '2026-W49', short: 'W49', monday: '2026-11-30', sunday: '2026-12-06' });
    expect(weekOf('2026-12-07')?.label).toBe('2026-W50');
    expect(weekOf('2021-01-03')?.label).toBe('2020-W53');
    expect(weekOf('2024-12-30')?.label).toBe('2025-W01');
    expect(weekOf('2027-01-01')).toEqual({ label: '2026-W53', short: 'W53', monday: '2026-12-28', sunday: '2027-01-03' });
    expect(weekOf('2026-02-30')).toBeNull();
    expect(weekOf('')).toBeNull();
  });

  it('go back from the current one, the current first', () => {
    expect(weeksUpTo('2026-12-06', 3).map((week) => week.label)).toEqual(['2026-W49', '2026-W48', '2026-W47']);
    expect(weeksUpTo('2027-01-05', 2).map((week) => week.monday)).toEqual(['2027-01-04', '2026-12-28']);
  });
});

describe("an instant's day in a time zone", () => {
  it('puts the same instant in two weeks in two zones, across a Sunday night', () => {
    const sundayNightUtc = at('2026-12-06T23:30:00Z');
    expect(dayInZone(intlOffset('America/New_York'))(sundayNightUtc)).toBe('2026-12-06');
    expect(dayInZone(intlOffset('Asia/Tokyo'))(sundayNightUtc)).toBe('2026-12-07');
    expect(weekOf(dayInZone(intlOffset('America/New_York'))(sundayNightUtc))?.label).toBe('2026-W49');
    expect(weekOf(dayInZone(intlOffset('Asia/Tokyo'))(sundayNightUtc))?.label).toBe('2026-W50');
  });

  it('follows daylight saving time: half past midnight on the Monday after clocks go forward is Monday', () => {
    // New York goes to UTC-4 at 07:00 UTC on Sunday 2026-03-08; at UTC-5 this instant would be Sunday 23:30.
    const day = dayInZone(intlOffset('America/New_York'));
    expect(day(at('2026-03-09T04:30:00Z'))).toBe('2026-03-09');
    expect(day(at('2026-03-08T06:30:00Z'))).toBe('2026-03-08');
    expect(day(at('2026-03-08T07:30:00Z'))).toBe('2026-03-08');
    // Sydney leaves daylight time on Sunday 2026-04-05 (UTC+11 to +10): 13:30 UTC is Sunday 23:30, not Monday 00:30.
    expect(dayInZone(intlOffset('Australia/Sydney'))(at('2026-04-05T13:30:00Z'))).toBe('2026-04-05');
    expect(dayInZone(intlOffset('Australia/Sydney'))(at('2026-04-04T13:30:00Z'))).toBe('2026-04-05');
  });

  it('is the day Intl shows, in zones with DST, half and quarter hours and ±14 h', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') }), { minLength: 1, maxLength: 40 }),
        (zone, instants) => {
          const day = dayInZone(intlOffset(zone));
          for (const seconds of instants) expect(day(seconds)).toBe(intlDay(zone, seconds));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('asks the zone twice per day of sales, not once per sale', () => {
    let asked = 0;
    const offset = intlOffset('Europe/Paris');
    const day = dayInZone((seconds) => {
      asked++;
      return offset(seconds);
    });
    const start = at('2026-11-01T00:00:00Z');
    for (let i = 0; i < 10_000; i++) day(start + ((i * 7919) % (10 * 86_400)));
    expect(asked).toBe(20);
  });
});

const campaign = (utm_campaign: string, utm_source = 'newsletter'): Attribution => ({
  kind: 'attributed',
  campaign: { utm_campaign, utm_source, utm_medium: 'email', utm_term: '', utm_content: '' },
  row: null,
  via: 'kept',
});

let ids = 0;
function sale(created: number | null, overrides: Partial<Sale> = {}): Sale {
  return {
    session_id: `cs_test_${String(++ids)}`,
    client_reference_id: '',
    payment_status: 'paid',
    amount_minor: 1000,
    currency: 'usd',
    livemode: false,
    payment_link: '',
    created,
    payment_intent: '',
    subscription: '',
    ...overrides,
  };
}

const money = (net: number): SessionMoney => ({ refunded: 0, disputed: 0, renewals: 0, renewal_revenue: 0, net });
const utcDay = dayInZone(() => 0);
const NOW = at('2026-12-06T12:00:00Z'); // a Sunday: 2026-W49

describe('the weekly table', () => {
  it('puts the current week first, a sale and checkouts of one campaign and week in one cell each, and leaves earlier weeks to Attribution', () => {
    const sales = [
      sale(at('2026-12-05T10:00:00Z')), // W49
      sale(at('2026-11-29T23:00:00Z'), { amount_minor: 2500 }), // Sunday of W48
      sale(at('2026-11-30T01:00:00Z'), { payment_status: 'unpaid', amount_minor: 500 }), // W49, not paid
      sale(at('2026-09-01T10:00:00Z')), // before the eight weeks
      sale(null),
    ];
    const attributions = [campaign('spring'), campaign('spring'), campaign('spring'), campaign('spring'), campaign('spring')];
    const expired: ExpiredInGroup[] = [
      { attribution: campaign('spring'), currency: 'usd', livemode: false, checkouts: 4, day: '2026-12-01' },
      { attribution: campaign('never_paid', 'facebook'), currency: 'usd', livemode: false, checkouts: 6, day: '2026-11-24' },
      { attribution: campaign('spring'), currency: 'usd', livemode: false, checkouts: 9, day: '2026-08-01' },
    ];
    const table = buildWeekly({
      sales,
      attributions,
      money: [money(1000), money(2000), money(0), money(1000), money(0)],
      expired,
      dayOf: utcDay,
      now: NOW,
    });
    expect(table.weeks.map((week) => week.label)).toEqual([
      '2026-W49',
      '2026-W48',
      '2026-W47',
      '2026-W46',
      '2026-W45',
      '2026-W44',
      '2026-W43',
      '2026-W42',
    ]);
    const headers = weeklyHeaders(table);
    expect(headers.slice(0, 9)).toEqual([
      'utm_campaign',
      'utm_source',
      'utm_medium',
      'W49 checkouts',
      'W49 paid',
      'W49 net',
      'W48 checkouts',
      'W48 paid',
      'W48 net',
    ]);
    // Eight weeks of three, then the row's currency and mode.
    expect(headers.slice(24)).toEqual(['W42 checkouts', 'W42 paid', 'W42 net', 'currency', 'livemode']);
    expect(weeklyCells(table).map((row) => [...row.slice(0, 9), ...row.slice(-2)])).toEqual([
      ['spring', 'newsletter', 'email', 6, 1, 10, 1, 1, 20, 'usd', false],
      ['never_paid', 'facebook', 'email', 0, 0, 0, 6, 0, 0, 'usd', false],
    ]);
    expect(table.earlier).toEqual({ sales: 1, checkouts: 9 });
    const lines = weeklySummary(table, 'Etc/UTC');
    const summary = lines.join('\n');
    // One line for the weeks, not one a week: the header's notes hold each week's days, and the chart comes up the screen.
    expect(lines.filter((line) => / to Sun /.test(line))).toEqual([
      'This week is 2026-W49: Mon 30 Nov 2026 to Sun 6 Dec 2026; the oldest shown is 2026-W42. Each week header has a note with its days.',
    ]);
    expect(summary).toContain('1 sale and 9 expired checkouts before 2026-W42 count in the Attribution tab only.');
  });

  it("files a sale under the week of the spreadsheet's zone", () => {
    const sunday = [sale(at('2026-11-29T20:00:00Z'))];
    const week = (zone: string) =>
      buildWeekly({ sales: sunday, attributions: [campaign('spring')], dayOf: dayInZone(intlOffset(zone)), now: NOW }).rows[0]?.weeks.map(
        (w) => w.paid_sessions,
      );
    expect(week('America/Los_Angeles')).toEqual([0, 1, 0, 0, 0, 0, 0, 0]); // Sunday noon: W48
    expect(week('Asia/Tokyo')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]); // Monday 05:00: W49
  });

  it('adds up, week by week and to the cent, to the Attribution report of that week’s sales and checkouts', () => {
    const currencies = ['usd', 'eur', 'jpy', 'kwd'] as const;
    const arbitrarySale = fc.record({
      created: fc.integer({ min: NOW - 70 * 86_400, max: NOW }),
      status: fc.constantFrom('paid', 'unpaid', 'failed'),
      amount: fc.integer({ min: 0, max: 10_000_000 }),
      net: fc.integer({ min: -1_000_000, max: 10_000_000 }),
      currency: fc.constantFrom(...currencies),
      livemode: fc.boolean(),
      campaign: fc.constantFrom('a', 'b', 'c', null),
    });
    const arbitraryBucket = fc.record({
      days: fc.integer({ min: 0, max: 70 }),
      checkouts: fc.integer({ min: 1, max: 700 }),
      currency: fc.constantFrom(...currencies),
      livemode: fc.boolean(),
      campaign: fc.constantFrom('a', 'b', 'd', null),
    });
    fc.assert(
      fc.property(
        fc.array(arbitrarySale, { maxLength: 60 }),
        fc.array(arbitraryBucket, { maxLength: 20 }),
        fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata'),
        (drawn, buckets, zone) => {
          const attributionOf = (name: string | null): Attribution =>
            name === null ? { kind: 'unattributed', reason: 'no_reference' } : campaign(name);
          const sales = drawn.map((s) =>
            sale(s.created, { payment_status: s.status, amount_minor: s.amount, currency: s.currency, livemode: s.livemode }),
          );
          const attributions = drawn.map((s) => attributionOf(s.campaign));
          const moneys = drawn.map((s) => money(s.net));
          const dayOf = dayInZone(intlOffset(zone));
          const expired: ExpiredInGroup[] = buckets.map((b) => ({
            attribution: attributionOf(b.campaign),
            currency: b.currency,
            livemode: b.livemode,
            checkouts: b.checkouts,
            day: new Date((NOW - b.days * 86_400) * 1000).toISOString().slice(0, 10),
          }));
          const table = buildWeekly({ sales, attributions, money: moneys, expired, dayOf, now: NOW });
          table.weeks.forEach((week, w) => {
            const inWeek = (day: string) => weekOf(day)?.monday === week.monday;
            const picked = sales.map((s, i) => i).filter((i) => inWeek(dayOf(sales[i]!.created!)));
            const report = buildReport(
              picked.map((i) => sales[i]!),
              picked.map((i) => attributions[i]!),
              picked.map((i) => moneys[i]!),
              expired.filter((b) => inWeek(b.day)),
            );
            const key = (r: { utm_campaign: string; utm_source: string; utm_medium: string; currency: string; livemode: boolean }) =>
              [r.utm_campaign, r.utm_source, r.utm_medium, r.currency, String(r.livemode)].join('/');
            const expected = Object.fromEntries(report.map((r) => [key(r), [r.checkouts, r.paid_sessions, r.net_minor]]));
            const shown = Object.fromEntries(
              table.rows
                .filter((r) => r.weeks[w]!.checkouts !== 0 || r.weeks[w]!.paid_sessions !== 0 || r.weeks[w]!.net_minor !== 0)
                .map((r) => [key(r), [r.weeks[w]!.checkouts, r.weeks[w]!.paid_sessions, r.weeks[w]!.net_minor]]),
            );
            const nonZero = Object.fromEntries(Object.entries(expected).filter(([, v]) => v.some((n) => n !== 0)));
            expect(shown).toEqual(nonZero);
          });
          // Each sale is in one shown week or earlier, each checkout too.
          const shownSales = table.rows.reduce((sum, r) => sum + r.weeks.reduce((s, w) => s + w.checkouts, 0), 0);
          const allCheckouts = sales.length + buckets.reduce((sum, b) => sum + b.checkouts, 0);
          expect(shownSales + table.earlier.sales + table.earlier.checkouts).toBe(allCheckouts);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("net_settled week by week, and the chart in the account's currency", () => {
  const settledOf = (currency: string, net: number, feesUnread = false): SessionSettled => ({
    currency,
    gross: net + 100,
    fees: 100,
    net,
    feesUnread,
    transactions: 1,
  });

  it("adds every campaign's sales in the currency Stripe pays the account in, week by week, leaving out what cannot be read", () => {
    const eur = sale(at('2026-12-02T10:00:00Z'), { currency: 'eur', amount_minor: 5000 }); // W49
    const usd = sale(at('2026-12-03T10:00:00Z')); // W49
    const usdEarlier = sale(at('2026-11-25T10:00:00Z')); // W48
    const icPlus = sale(at('2026-12-04T10:00:00Z')); // W49, fees unreadable
    const waiting = sale(at('2026-12-05T10:00:00Z')); // W49, no balance transaction yet
    const settled = new Map([
      [eur.session_id, settledOf('usd', 5123)],
      [usd.session_id, settledOf('usd', 941)],
      [usdEarlier.session_id, settledOf('usd', 912)],
      [icPlus.session_id, settledOf('usd', 1000, true)],
    ]);
    const sales = [eur, usd, usdEarlier, icPlus, waiting];
    const table = buildWeekly({
      sales,
      attributions: [campaign('launch', 'linkedin'), campaign('spring'), campaign('spring'), campaign('spring'), campaign('spring')],
      settled,
      dayOf: utcDay,
      now: NOW,
    });
    expect(weeklyHeaders(table).slice(3, 11)).toEqual([
      'W49 checkouts',
      'W49 paid',
      'W49 net',
      'W49 net_settled',
      'W48 checkouts',
      'W48 paid',
      'W48 net',
      'W48 net_settled',
    ]);
    expect(weeklyCells(table).map((row) => [row[0], row.at(-2), ...row.slice(3, 11)])).toEqual([
      // The Attribution tab's order: the currency with the most revenue first (50 EUR against 40 USD).
      ['launch', 'eur', 1, 1, 50, 51.23, 0, 0, 0, ''],
      ['spring', 'usd', 3, 3, 30, 9.41, 1, 1, 10, 9.12],
    ]);
    // net in the row's currency, net_settled in the account's.
    expect(weeklyFormats(table).map((row) => row.slice(5, 7))).toEqual([
      ['#,##0.00 "EUR"', '#,##0.00 "USD"'],
      ['#,##0.00 "USD"', '#,##0.00 "USD"'],
    ]);
    expect(table.settled).toEqual({
      totals: [{ currency: 'usd', livemode: false, weeks: [6064, 912, 0, 0, 0, 0, 0, 0] }],
      waiting: 1,
      feesUnread: 1,
    });
    const summary = weeklySummary(table, 'Etc/UTC').join('\n');
    expect(summary).toContain('1 paid sale of these weeks has no balance transaction read yet');
    expect(summary).toContain('1 sale of these weeks is in no net_settled: its fees cannot be read (IC+ pricing');
    expect(weeklyHeaderNotes(table)[3]).toBe('2026-W49: Mon 30 Nov 2026 to Sun 6 Dec 2026 (this week)');
    expect(weeklyHeaderNotes(table)[7]).toBe('2026-W48: Mon 23 Nov 2026 to Sun 29 Nov 2026');

    // One chart, every campaign together, a bar per week, the current week on top.
    const panel = weeklyChartsPanel(table, table.rows.length + 3);
    expect(panel.charts).toEqual([
      expect.objectContaining({
        title: 'Net settled per week, every campaign (USD, test mode)',
        caption: "W42 to W49: 69.76 USD after Stripe's fees, refunds and disputes",
        dataColumn: 0,
        dataRows: 9,
        row: 5,
        offsetX: 0,
      }),
    ]);
    expect(panel.cells.slice(0, 3)).toEqual([
      ['week (USD, test mode)', 'net_settled (USD, test mode)'],
      ['W49 (this week)', 60.64],
      ['W48', 9.12],
    ]);
    expect(panel.lastRow).toBeGreaterThan(panel.charts[0]!.row);
  });

  it('leaves a week blank where its sales settled in several currencies, and has no chart or column before any is read', () => {
    const a = sale(at('2026-12-02T10:00:00Z'));
    const b = sale(at('2026-12-03T10:00:00Z'));
    const mixed = buildWeekly({
      sales: [a, b],
      attributions: [campaign('spring'), campaign('spring')],
      settled: new Map([
        [a.session_id, settledOf('usd', 900)],
        [b.session_id, settledOf('eur', 800)],
      ]),
      dayOf: utcDay,
      now: NOW,
    });
    expect(weeklyCells(mixed)[0]?.[6]).toBe('');
    expect(weeklySummary(mixed, 'UTC').join('\n')).toContain('1 row has a week whose sales settled in several currencies');
    // Each settlement currency its own chart, side by side.
    expect(weeklyChartsPanel(mixed, 4).charts.map((chart) => [chart.title, chart.offsetX])).toEqual([
      ['Net settled per week, every campaign (USD, test mode)', 0],
      ['Net settled per week, every campaign (EUR, test mode)', 620],
    ]);

    const before = buildWeekly({ sales: [a], attributions: [campaign('spring')], settled: null, dayOf: utcDay, now: NOW });
    expect(weeklyHeaders(before).filter((header) => header.endsWith('net_settled'))).toEqual([]);
    expect(weeklyChartsPanel(before, 4)).toEqual({ cells: [], formats: [], widths: [], charts: [], lastRow: 0 });
  });
});

describe("the Weekly tab's widths", () => {
  it('show every header and amount whole, a week column as wide in every week, set in as many calls whatever the sales', () => {
    const few = buildWeekly({ sales: [sale(at('2026-12-02T10:00:00Z'))], attributions: [campaign('spring')], dayOf: utcDay, now: NOW });
    const many = buildWeekly({
      sales: Array.from({ length: 500 }, (_, i) => sale(at('2026-10-20T10:00:00Z') + i * 9000, { amount_minor: 123_456_789 })),
      attributions: Array.from({ length: 500 }, (_, i) => campaign(`a_rather_long_campaign_name_${String(i % 7)}`)),
      dayOf: utcDay,
      now: NOW,
    });
    for (const table of [few, many]) {
      const widths = weeklyWidths(table);
      const applied: number[] = [];
      for (const call of weeklyWidthCalls(table)) for (let i = 0; i < call.count; i++) applied[call.column - 1 + i] = call.width;
      expect(applied).toEqual(widths);
      // Each week's `net` as wide as the current week's.
      for (let c = 5; c < 27; c += 3) expect(widths[c]).toBe(widths[5]);
    }
    expect(weeklyWidthCalls(many)).toHaveLength(weeklyWidthCalls(few).length);
    // A net of 1,234,567.89 USD is wider than one of 10.00 USD.
    expect(weeklyWidths(many)[5]).toBeGreaterThan(weeklyWidths(few)[5]!);
    expect(weeklyWidths(many)[0]).toBeGreaterThan(weeklyWidths(few)[0]!);
  });
});
