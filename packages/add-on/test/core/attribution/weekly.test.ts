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
import { weeklyCells, weeklyHeaders, weeklySummary } from '../../../src/core/attribution/weekly-sheet';
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
    expect(weekOf('2026-12-06')).toEqual({ label: '2026-W49', monday: '2026-11-30', sunday: '2026-12-06' });
    expect(weekOf('2026-12-07')?.label).toBe('2026-W50');
    expect(weekOf('2021-01-03')?.label).toBe('2020-W53');
    expect(weekOf('2024-12-30')?.label).toBe('2025-W01');
    expect(weekOf('2027-01-01')).toEqual({ label: '2026-W53', monday: '2026-12-28', sunday: '2027-01-03' });
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
    expect(weeklyHeaders(table.weeks).slice(0, 11)).toEqual([
      'utm_campaign',
      'utm_source',
      'utm_medium',
      'currency',
      'livemode',
      '2026-W49 checkouts',
      '2026-W49 paid',
      '2026-W49 net',
      '2026-W48 checkouts',
      '2026-W48 paid',
      '2026-W48 net',
    ]);
    expect(weeklyCells(table).map((row) => row.slice(0, 11))).toEqual([
      ['spring', 'newsletter', 'email', 'usd', false, 6, 1, 10, 1, 1, 20],
      ['never_paid', 'facebook', 'email', 'usd', false, 0, 0, 0, 6, 0, 0],
    ]);
    expect(table.earlier).toEqual({ sales: 1, checkouts: 9 });
    const summary = weeklySummary(table, 'Etc/UTC').join('\n');
    expect(summary).toContain('2026-W49: Mon 30 Nov 2026 to Sun 6 Dec 2026 (this week)');
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
