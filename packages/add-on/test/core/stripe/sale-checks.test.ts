/** The bounds on checking earlier sales with Stripe, and how a sync says what it checked (core/stripe/sale-checks.ts). */
import {
  CHECKS_PER_DAY,
  CHECKS_PER_RUN,
  checksAllowed,
  chunksOf,
  describeSaleChecks,
  readCheckTally,
  utcDay,
} from '../../../src/core/stripe/sale-checks';

describe('the daily tally', () => {
  it("counts today's checks, and starts again on another day or from anything unreadable", () => {
    expect(readCheckTally('{"day":"2026-12-06","count":42}', '2026-12-06')).toEqual({ day: '2026-12-06', count: 42 });
    for (const text of [
      '{"day":"2026-12-05","count":42}',
      null,
      'not json',
      '{"day":"2026-12-06","count":-1}',
      '{"day":"2026-12-06","count":1.5}',
    ])
      expect(readCheckTally(text, '2026-12-06')).toEqual({ day: '2026-12-06', count: 0 });
    expect(utcDay(Date.UTC(2026, 11, 6, 23, 59))).toBe('2026-12-06');
  });

  it('allows a run at most its bound, and never more than what is left of the day', () => {
    expect(checksAllowed({ day: 'd', count: 0 })).toBe(CHECKS_PER_RUN);
    expect(checksAllowed({ day: 'd', count: CHECKS_PER_DAY - 7 })).toBe(7);
    expect(checksAllowed({ day: 'd', count: CHECKS_PER_DAY + 3 })).toBe(0);
  });

  it("keeps the day within a consumer account's UrlFetch quota of 20,000 calls, with room for deliveries", () => {
    expect(CHECKS_PER_DAY).toBeLessThanOrEqual(20_000 / 4);
  });
});

describe('chunksOf', () => {
  it('cuts in order, the last chunk shorter', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 25)).toEqual([]);
  });
});

describe('describeSaleChecks', () => {
  const report = { waiting: 0, asked: 0, confirmed: 0, flagged: 0, left: 0, stoppedBy: null };

  it('says nothing when nothing was waiting', () => {
    expect(describeSaleChecks(report)).toBe('');
  });

  it('says what was confirmed, flagged and left, and why', () => {
    expect(describeSaleChecks({ ...report, waiting: 3, asked: 3, confirmed: 2, flagged: 1 })).toBe(
      "Checked 3 sales recorded without Stripe's confirmation: 2 confirmed by Stripe, 1 not found in Stripe or not as recorded (left out of revenue, listed on the Attribution tab).",
    );
    expect(describeSaleChecks({ ...report, waiting: 600, asked: 500, confirmed: 500, left: 100 })).toMatch(
      /100 sales are left for the next sync \(at most 500 a sync, 5000 a day\)\.$/,
    );
    expect(describeSaleChecks({ ...report, waiting: 2, left: 2, stoppedBy: 'the time limit' })).toMatch(
      /2 sales are left for the next sync \(the time limit\)/,
    );
  });
});
