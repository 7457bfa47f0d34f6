/**
 * Reading back what a sync saved and what the user typed: parseSyncState starts fresh from anything
 * damaged, clampDays and parseFirstRunDays keep the history asked for within the 30 days Stripe keeps.
 */
import fc from 'fast-check';
import { eventsPagePath } from '../../../src/core/stripe/stripe-api';
import {
  afterPage,
  clampDays,
  MAX_HISTORY_DAYS,
  nextRun,
  parseFirstRunDays,
  parseSyncState,
  seenOnPage,
  type SyncState,
} from '../../../src/core/stripe/sync-state';
import { DAY, FRESH, NOW } from './simulated-sync';

describe('parseSyncState', () => {
  it('starts fresh with nothing saved', () => {
    expect(parseSyncState(null)).toEqual(FRESH);
    expect(parseSyncState('')).toEqual(FRESH);
  });

  it('reads back what was saved', () => {
    const states: SyncState[] = [
      { cursor: NOW - DAY, run: null },
      { cursor: null, run: { since: NOW - 7 * DAY, startingAfter: null, newest: null, pages: 0, events: 0 } },
      {
        cursor: NOW - DAY,
        run: { since: NOW - DAY, startingAfter: 'evt_1Pgc76B7WZ01zgkWwyRHS12y', newest: NOW - 60, pages: 3, events: 300 },
      },
    ];
    for (const state of states) expect(parseSyncState(JSON.stringify(state))).toEqual(state);
  });

  it.each([
    ['text', 'not json'],
    ['cut-off JSON', '{"cursor": 17500'],
    ['null', 'null'],
    ['a number', '1750000000'],
    ['a string', '"1750000000"'],
    ['an array', '[1750000000]'],
    ['true', 'true'],
    ['an empty object', '{}'],
    ['a cursor as text', '{"cursor":"1750000000","run":null}'],
    ['an infinite cursor', '{"cursor":1e999,"run":null}'],
    ['a run without a start', '{"cursor":null,"run":{"startingAfter":null}}'],
    ['a run whose start is text', '{"cursor":null,"run":{"since":"1750000000","startingAfter":null,"newest":null,"pages":0,"events":0}}'],
    ['a run that is not an object', '{"cursor":null,"run":"evt_1"}'],
    ['a run with only a start', '{"cursor":null,"run":{"since":1750000000}}'],
    [
      'a run whose starting point is not an event id',
      '{"cursor":null,"run":{"since":1750000000,"startingAfter":"=HYPERLINK(1)","newest":null,"pages":1,"events":1}}',
    ],
    [
      'a run whose starting point is a number',
      '{"cursor":null,"run":{"since":1750000000,"startingAfter":42,"newest":null,"pages":1,"events":1}}',
    ],
    ['a run whose counts are text', '{"cursor":null,"run":{"since":1750000000,"startingAfter":null,"newest":"x","pages":"1","events":0}}'],
  ])('starts fresh from %s', (_, text) => {
    expect(parseSyncState(text)).toEqual(FRESH);
  });

  it('keeps a good cursor when only the run is damaged', () => {
    expect(parseSyncState(`{"cursor":${String(NOW - DAY)},"run":{"since":"x"}}`)).toEqual({ cursor: NOW - DAY, run: null });
  });

  it('always gives a state a sync can run from', () => {
    // Saved states with every field of a run possibly missing or of any JSON type.
    const field = fc.oneof(fc.integer({ min: 0, max: NOW }), fc.constant(null), fc.constantFrom('evt_1', 'x', ''), fc.jsonValue());
    const runLike = fc
      .record({ since: field, startingAfter: field, newest: field, pages: field, events: field }, { requiredKeys: [] })
      .map((run) => JSON.stringify({ cursor: null, run }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify({ cursor: NOW, run: value })),
          runLike,
        ),
        (text) => {
          const state = parseSyncState(text);
          const run = nextRun(state, NOW, 7);
          expect(run).not.toBeNull();
          expect(() => eventsPagePath(run!.since, run!.startingAfter)).not.toThrow();
          expect(Number.isFinite(run!.since)).toBe(true);
          expect(() => afterPage(state, run!, seenOnPage([], NOW), false, NOW)).not.toThrow();
        },
      ),
    );
  });
});

describe('clampDays', () => {
  it.each([
    [1, 1],
    [7, 7],
    [30, 30],
    [31, 30],
    [365, 30],
    [0, 1],
    [-5, 1],
    [0.4, 1],
    [2.4, 2],
    [2.6, 3],
    [Number.NaN, MAX_HISTORY_DAYS],
    [Infinity, MAX_HISTORY_DAYS],
  ])('%d days -> %d', (days, clamped) => {
    expect(clampDays(days)).toBe(clamped);
  });
});

describe('parseFirstRunDays', () => {
  it.each([
    ['1', 1],
    ['7', 7],
    [' 30 ', 30],
    ['07', 7],
  ])('takes %j as %d days', (text, days) => {
    expect(parseFirstRunDays(text)).toEqual({ ok: true, days });
  });

  it.each(['45', '31', '0', '-3', 'abc', '2.5', '1e1', '7 days', '', '   ', '0x10', '+5', '١٠', '1000000000000000000000'])(
    'refuses %j, saying what is allowed',
    (text) => {
      const result = parseFirstRunDays(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatch(/whole number of days from 1 to 30/);
        expect(result.error).toMatch(/nothing was synced/);
      }
    },
  );

  it('names what was typed, cut short', () => {
    const result = parseFirstRunDays('45');
    expect(!result.ok && result.error).toContain('"45" is not one');
    const long = parseFirstRunDays('x'.repeat(500));
    expect(!long.ok && long.error.length).toBeLessThan(200);
  });
});
