/**
 * Whole syncs through a fake of Stripe's event list, cut into executions: an interrupted run resumes
 * where it stopped, events dated ahead of the clock stop nothing, and no event is ever lost (property).
 */
import fc from 'fast-check';
import { eventsPagePath } from '../../../src/core/stripe/stripe-api';
import { nextRun, parseSyncState } from '../../../src/core/stripe/sync-state';
import { DAY, execute, NOW, type FakeEvent } from './simulated-sync';

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
