import fc from 'fast-check';
import { eventsPagePath } from '../../../src/core/stripe/stripe-api';
import {
  afterPage,
  clampDays,
  describeCounts,
  eventsCounted,
  MAX_HISTORY_DAYS,
  nextRun,
  parseFirstRunDays,
  parseSyncState,
  restartRun,
  seenOnPage,
  type SyncCounts,
  type SyncRun,
  type SyncState,
} from '../../../src/core/stripe/sync-state';

const DAY = 86_400;
const NOW = 1_750_000_000;
const FRESH: SyncState = { cursor: null, run: null };

interface FakeEvent {
  id: string;
  created: number;
}

/**
 * Stripe's GET /v1/events for the path the add-on builds: newest first (ties by id, newest id
 * first), `created[gte]`, `starting_after`, `limit`. Reading the path keeps eventsPagePath honest.
 */
function listEvents(all: readonly FakeEvent[], path: string): { data: FakeEvent[]; has_more: boolean } {
  const params = new Map<string, string>();
  for (const pair of (path.split('?')[1] ?? '').split('&')) {
    const [name = '', value = ''] = pair.split('=');
    params.set(decodeURIComponent(name), decodeURIComponent(value));
  }
  const since = Number(params.get('created[gte]'));
  const limit = Number(params.get('limit'));
  const sorted = all
    .filter((event) => event.created >= since)
    .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const after = params.get('starting_after');
  const start = after === undefined ? 0 : sorted.findIndex((event) => event.id === after) + 1;
  if (after !== undefined && start === 0) throw new Error(`no such event ${after}`);
  const data = sorted.slice(start, start + limit);
  return { data, has_more: start + limit < sorted.length };
}

/** One sync execution as src/gas/sync.ts runs it: state read from text, saved as text after every page. */
function execute(
  stateText: string | null,
  events: readonly FakeEvent[],
  options: { now: number; firstRunDays: number | null; pageSize: number; stopAfterPages?: number },
): { stateText: string | null; seen: FakeEvent[]; paths: string[]; complete: boolean } {
  let state = parseSyncState(stateText);
  let run = nextRun(state, options.now, options.firstRunDays);
  const seen: FakeEvent[] = [];
  const paths: string[] = [];
  if (run === null) return { stateText, seen, paths, complete: false };
  for (let pages = 0; ; pages++) {
    if (pages === options.stopAfterPages) return { stateText, seen, paths, complete: false };
    const path = eventsPagePath(run.since, run.startingAfter, options.pageSize);
    paths.push(path);
    const page = listEvents(events, path);
    seen.push(...page.data);
    state = afterPage(state, run, seenOnPage(page.data, options.now), page.has_more, options.now);
    stateText = JSON.stringify(state);
    if (state.run === null) return { stateText, seen, paths, complete: true };
    run = state.run;
  }
}

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

describe('nextRun', () => {
  it('goes back the first-run days on the very first sync', () => {
    expect(nextRun(FRESH, NOW, 7)).toEqual({ since: NOW - 7 * DAY, startingAfter: null, newest: null, pages: 0, events: 0 });
  });

  it.each([
    [0, 1],
    [-3, 1],
    [45, 30],
    [2.6, 3],
    [Number.NaN, 30],
  ])('clamps %d first-run days to %d', (days, clamped) => {
    expect(nextRun(FRESH, NOW, days)?.since).toBe(NOW - clamped * DAY);
  });

  it('does not start a first sync without its days', () => {
    expect(nextRun(FRESH, NOW, null)).toBeNull();
  });

  it('starts from the cursor, and ignores first-run days once there is one', () => {
    expect(nextRun({ cursor: NOW - 3600, run: null }, NOW, 30)).toEqual({
      since: NOW - 3600,
      startingAfter: null,
      newest: null,
      pages: 0,
      events: 0,
    });
    expect(nextRun({ cursor: NOW - 3600, run: null }, NOW, null)?.since).toBe(NOW - 3600);
  });

  it('never asks for more than the 30 days Stripe keeps', () => {
    expect(nextRun({ cursor: NOW - 90 * DAY, run: null }, NOW, null)?.since).toBe(NOW - 30 * DAY);
  });

  it('resumes a run in progress as it was', () => {
    const run: SyncRun = { since: NOW - 5 * DAY, startingAfter: 'evt_2', newest: NOW - 10, pages: 2, events: 200 };
    expect(nextRun({ cursor: NOW - DAY, run }, NOW + 3600, 30)).toEqual(run);
  });

  it('does not trust a cursor ahead of the clock (an earlier version saved one): it reads from the 30 days Stripe keeps', () => {
    expect(nextRun({ cursor: NOW + DAY, run: null }, NOW, null)?.since).toBe(NOW - 30 * DAY);
    expect(nextRun({ cursor: NOW + 1, run: null }, NOW, null)?.since).toBe(NOW - 30 * DAY);
    expect(nextRun({ cursor: NOW, run: null }, NOW, null)?.since).toBe(NOW);
  });

  it('starts a run in progress again from the 30 days Stripe keeps when its window starts ahead of the clock', () => {
    const run: SyncRun = { since: NOW + DAY, startingAfter: 'evt_2', newest: null, pages: 1, events: 100 };
    expect(nextRun({ cursor: NOW + DAY, run }, NOW, null)).toEqual({ ...run, since: NOW - 30 * DAY, startingAfter: null });
  });
});

describe('seenOnPage', () => {
  it('takes the last id and the newest time of a page', () => {
    const page = [
      { id: 'evt_c', created: 300, object: 'event' },
      { id: 'evt_b', created: 200 },
      { id: 'evt_a', created: 100 },
    ];
    expect(seenOnPage(page, NOW)).toEqual({ lastId: 'evt_a', newest: 300, count: 3 });
  });

  it('takes the newest time wherever it is on the page', () => {
    expect(
      seenOnPage(
        [
          { id: 'evt_b', created: 200 },
          { id: 'evt_c', created: 300 },
          { id: 'evt_a', created: 100 },
        ],
        NOW,
      ).newest,
    ).toBe(300);
  });

  it('counts an event dated ahead of the clock and continues from it, but does not take its time', () => {
    const page = [
      { id: 'evt_f', created: NOW + 2 * DAY },
      { id: 'evt_b', created: NOW - 200 },
      { id: 'evt_a', created: NOW - 300 },
    ];
    expect(seenOnPage(page, NOW)).toEqual({ lastId: 'evt_a', newest: NOW - 200, count: 3 });
    expect(seenOnPage([{ id: 'evt_f', created: NOW + 1 }], NOW)).toEqual({ lastId: 'evt_f', newest: null, count: 1 });
    expect(seenOnPage([{ id: 'evt_n', created: NOW }], NOW).newest).toBe(NOW);
  });

  it('sees nothing on an empty page', () => {
    expect(seenOnPage([], NOW)).toEqual({ lastId: null, newest: null, count: 0 });
  });

  it('tolerates items that are not events, counting them', () => {
    expect(seenOnPage([{ id: 'evt_b', created: 200 }, null, 42, 'evt_x', { id: 7, created: '999' }, { created: 150 }], NOW)).toEqual({
      lastId: 'evt_b',
      newest: 200,
      count: 6,
    });
  });
});

describe('afterPage', () => {
  const run = (overrides: Partial<SyncRun> = {}): SyncRun => ({
    since: NOW - DAY,
    startingAfter: null,
    newest: null,
    pages: 0,
    events: 0,
    ...overrides,
  });

  it('keeps the cursor and moves the run on while there are more pages', () => {
    const state: SyncState = { cursor: NOW - DAY, run: null };
    expect(afterPage(state, run(), { lastId: 'evt_b', newest: NOW - 10, count: 100 }, true, NOW)).toEqual({
      cursor: NOW - DAY,
      run: { since: NOW - DAY, startingAfter: 'evt_b', newest: NOW - 10, pages: 1, events: 100 },
    });
  });

  it('keeps the newest time of the run across pages', () => {
    const after = afterPage(
      FRESH,
      run({ newest: NOW - 10, pages: 1, events: 100 }),
      { lastId: 'evt_c', newest: NOW - 500, count: 100 },
      true,
      NOW,
    );
    expect(after.run?.newest).toBe(NOW - 10);
  });

  it('moves the cursor up to the newest event of the run when it reaches the end', () => {
    expect(
      afterPage(
        { cursor: NOW - DAY, run: null },
        run({ newest: NOW - 10, pages: 2 }),
        { lastId: 'evt_a', newest: NOW - 900, count: 3 },
        false,
        NOW,
      ),
    ).toEqual({ cursor: NOW - 10, run: null });
  });

  it('never moves the cursor down', () => {
    expect(afterPage({ cursor: NOW - 5, run: null }, run(), { lastId: 'evt_a', newest: NOW - 900, count: 1 }, false, NOW).cursor).toBe(
      NOW - 5,
    );
  });

  it('never leaves the cursor ahead of the clock, whatever the run or the saved state held', () => {
    // A run an earlier version saved with a time ahead, and a cursor ahead: neither is kept.
    expect(
      afterPage({ cursor: NOW + DAY, run: null }, run({ newest: NOW + DAY }), { lastId: 'evt_a', newest: NOW - 900, count: 1 }, false, NOW),
    ).toEqual({ cursor: NOW - 900, run: null });
    expect(
      afterPage(
        { cursor: NOW + DAY, run: null },
        run({ since: NOW - 7 * DAY }),
        seenOnPage([{ id: 'evt_f', created: NOW + DAY }], NOW),
        false,
        NOW,
      ),
    ).toEqual({ cursor: NOW - 7 * DAY, run: null });
    expect(afterPage(FRESH, run({ newest: NOW + 60 }), { lastId: 'evt_b', newest: NOW - 10, count: 100 }, true, NOW).run?.newest).toBe(
      NOW - 10,
    );
  });

  it('ends a run with no events at its start, not at 0 or null', () => {
    expect(afterPage(FRESH, run({ since: NOW - 7 * DAY }), seenOnPage([], NOW), false, NOW)).toEqual({ cursor: NOW - 7 * DAY, run: null });
  });

  it('ends a run it cannot continue (more pages but no id to continue from) instead of reading the same page forever', () => {
    const after = afterPage(FRESH, run(), { lastId: null, newest: null, count: 0 }, true, NOW);
    expect(after.run).toBeNull();
  });
});

describe('a sync through Stripe’s event list', () => {
  const events: FakeEvent[] = [
    { id: 'evt_e1', created: NOW - 5000 },
    { id: 'evt_e2', created: NOW - 4000 },
    { id: 'evt_e3', created: NOW - 3000 },
    { id: 'evt_e4', created: NOW - 2000 },
    { id: 'evt_e5', created: NOW - 1000 },
  ];

  it('resumes a 3-page run interrupted after page 2 at page 3, then moves the cursor to the newest event', () => {
    const first = execute(null, events, { now: NOW, firstRunDays: 1, pageSize: 2, stopAfterPages: 2 });
    expect(first.complete).toBe(false);
    expect(first.seen.map((event) => event.id)).toEqual(['evt_e5', 'evt_e4', 'evt_e3', 'evt_e2']);
    // Nothing is final until the run reaches the end of its window.
    expect(JSON.parse(first.stateText!)).toEqual({
      cursor: null,
      run: { since: NOW - DAY, startingAfter: 'evt_e2', newest: NOW - 1000, pages: 2, events: 4 },
    });

    // The next execution, an hour later, carries on in the same window from after page 2.
    const second = execute(first.stateText, events, { now: NOW + 3600, firstRunDays: 1, pageSize: 2 });
    expect(second.complete).toBe(true);
    expect(second.paths).toEqual([eventsPagePath(NOW - DAY, 'evt_e2', 2)]);
    expect(second.seen.map((event) => event.id)).toEqual(['evt_e1']);
    expect(JSON.parse(second.stateText!)).toEqual({ cursor: NOW - 1000, run: null });

    // And the run after that starts at the newest event seen.
    expect(nextRun(parseSyncState(second.stateText), NOW + 7200, null)?.since).toBe(NOW - 1000);
  });

  it('writes an event dated in the future like any other, and the next sync still reads what came after it', () => {
    const ahead = { id: 'evt_ahead', created: NOW + 30 * DAY };
    const first = execute(null, [...events, ahead], { now: NOW, firstRunDays: 1, pageSize: 2 });
    expect(first.seen.map((event) => event.id)).toEqual(['evt_ahead', 'evt_e5', 'evt_e4', 'evt_e3', 'evt_e2', 'evt_e1']);
    expect(parseSyncState(first.stateText)).toEqual({ cursor: NOW - 1000, run: null });

    const later = [
      { id: 'evt_l1', created: NOW + 100 },
      { id: 'evt_l2', created: NOW + 200 },
    ];
    const second = execute(first.stateText, [...events, ahead, ...later], { now: NOW + 600, firstRunDays: null, pageSize: 2 });
    // The event dated ahead is read again (writing it again changes nothing) until the clock passes it.
    expect(second.seen.map((event) => event.id)).toEqual(['evt_ahead', 'evt_l2', 'evt_l1', 'evt_e5']);
    expect(parseSyncState(second.stateText)).toEqual({ cursor: NOW + 200, run: null });
  });

  it('keeps a sane cursor when a run finds no events', () => {
    const first = execute(null, [], { now: NOW, firstRunDays: 3, pageSize: 100 });
    expect(first.complete).toBe(true);
    expect(parseSyncState(first.stateText)).toEqual({ cursor: NOW - 3 * DAY, run: null });

    const second = execute(first.stateText, [], { now: NOW + 3600, firstRunDays: null, pageSize: 100 });
    expect(parseSyncState(second.stateText)).toEqual({ cursor: NOW - 3 * DAY, run: null });

    // An event that arrives later, at any time since, is still found.
    const third = execute(second.stateText, [{ id: 'evt_late', created: NOW - 2 * DAY }], {
      now: NOW + 7200,
      firstRunDays: null,
      pageSize: 100,
    });
    expect(third.seen.map((event) => event.id)).toEqual(['evt_late']);
    expect(parseSyncState(third.stateText).cursor).toBe(NOW - 2 * DAY);
  });

  it('never loses an event, however the runs are cut into pages and executions (property)', () => {
    const fakeEvents = fc.uniqueArray(
      fc.record({ id: fc.stringMatching(/^evt_[A-Za-z0-9]{1,6}$/), age: fc.integer({ min: 0, max: 6 * DAY }) }),
      { selector: (event) => event.id, maxLength: 25 },
    );
    fc.assert(
      fc.property(
        fakeEvents,
        fakeEvents,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        (before, after, pageSize, stops) => {
          // A first sync of 7 days, then new events (some in the same second as the newest), then a second sync.
          // An event of the first batch in three is dated ahead of the clock (up to a day): it must stop nothing.
          const old = before.map(({ id, age }, i) => ({ id, created: i % 3 === 2 ? NOW + 1 + (age % DAY) : NOW - age }));
          const all = [...old];
          let stateText: string | null = null;
          let stop = 0;
          const sync = (now: number, firstRunDays: number | null) => {
            const seen = new Set<string>();
            for (let executions = 0; ; executions++) {
              if (executions > 200) throw new Error('the sync never ends');
              const result = execute(stateText, all, { now, firstRunDays, pageSize, stopAfterPages: stops[stop++ % stops.length]! + 1 });
              result.seen.forEach((event) => seen.add(event.id));
              stateText = result.stateText;
              if (result.complete) return seen;
            }
          };

          const seenFirst = sync(NOW, 7);
          for (const event of old) expect(seenFirst.has(event.id)).toBe(true);
          const cursor = parseSyncState(stateText).cursor!;
          const notAhead = old.filter((event) => event.created <= NOW);
          expect(cursor).toBe(notAhead.length === 0 ? NOW - 7 * DAY : Math.max(...notAhead.map((event) => event.created)));

          const oldIds = new Set(old.map((event) => event.id));
          const newer = after
            .filter(({ id }) => !oldIds.has(id))
            .map(({ id, age }) => ({ id, created: Math.max(cursor, NOW + 600 - age) }));
          all.push(...newer);
          const seenSecond = sync(NOW + 600, null);
          for (const event of newer) expect(seenSecond.has(event.id)).toBe(true);
          expect(parseSyncState(stateText).cursor).toBeGreaterThanOrEqual(cursor);
        },
      ),
      { numRuns: 200 },
    );
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

describe('a cursor Stripe refuses', () => {
  it('restarts the run at the top of its window, keeping its start and what it saw', () => {
    const run: SyncRun = { since: NOW - 5 * DAY, startingAfter: 'evt_gone', newest: NOW - 60, pages: 3, events: 300 };
    expect(restartRun(run, NOW)).toEqual({ since: NOW - 5 * DAY, startingAfter: null, newest: NOW - 60, pages: 3, events: 300 });
  });

  it('restarts no further back than the 30 days Stripe keeps', () => {
    const run: SyncRun = { since: NOW - 45 * DAY, startingAfter: 'evt_gone', newest: null, pages: 1, events: 100 };
    expect(restartRun(run, NOW).since).toBe(NOW - 30 * DAY);
  });

  it('loses nothing Stripe still has: the restarted run reads every event in the window', () => {
    const events: FakeEvent[] = [1, 2, 3, 4, 5].map((i) => ({ id: `evt_r${String(i)}`, created: NOW - i * 1000 }));
    const refused: SyncState = { cursor: null, run: { since: NOW - DAY, startingAfter: 'evt_gone', newest: null, pages: 2, events: 4 } };
    expect(() => execute(JSON.stringify(refused), events, { now: NOW, firstRunDays: null, pageSize: 2 })).toThrow('no such event');
    const restarted: SyncState = { cursor: null, run: restartRun(refused.run!, NOW) };
    const result = execute(JSON.stringify(restarted), events, { now: NOW, firstRunDays: null, pageSize: 2 });
    expect(result.complete).toBe(true);
    expect(result.seen.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(parseSyncState(result.stateText)).toEqual({ cursor: NOW - 1000, run: null });
  });
});

describe('describeCounts', () => {
  const none: SyncCounts = { inserted: 0, updated: 0, unchanged: 0, expired: 0, otherTypes: 0, unreadable: 0 };

  it('names every bucket, and why events were not recorded', () => {
    expect(describeCounts({ inserted: 5, updated: 1, unchanged: 2, expired: 2, otherTypes: 1, unreadable: 1 })).toBe(
      '12 events: 5 new sessions, 1 updated, 2 already up to date, 4 not recorded (2 expired sessions, 1 of another type, 1 unreadable).',
    );
    expect(describeCounts({ ...none, inserted: 3 })).toBe('3 events: 3 new sessions, 0 updated, 0 already up to date, 0 not recorded.');
    expect(describeCounts({ ...none, expired: 1 })).toBe(
      '1 event: 0 new sessions, 0 updated, 0 already up to date, 1 not recorded (1 expired session).',
    );
  });

  it('always adds up: the events equal the sum of the buckets it names (property)', () => {
    const count = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(
        fc.record({ inserted: count, updated: count, unchanged: count, expired: count, otherTypes: count, unreadable: count }),
        (counts) => {
          const text = describeCounts(counts);
          const [total = 0, ...parts] = (text.match(/\d+/g) ?? []).map(Number);
          expect(total).toBe(eventsCounted(counts));
          const [inserted = 0, updated = 0, unchanged = 0, notRecorded = 0, ...why] = parts;
          expect(inserted + updated + unchanged + notRecorded).toBe(total);
          expect(why.reduce((a, b) => a + b, 0)).toBe(notRecorded);
        },
      ),
    );
  });
});
