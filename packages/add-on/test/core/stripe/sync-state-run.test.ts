/**
 * One sync run, step by step: where it starts (nextRun), what a page of events tells it
 * (seenOnPage), how its state moves on after each page (afterPage), and how it starts again when
 * Stripe refuses the cursor it saved (restartRun).
 */
import {
  afterPage,
  nextRun,
  parseSyncState,
  restartRun,
  seenOnPage,
  type SyncRun,
  type SyncState,
} from '../../../src/core/stripe/sync-state';
import { DAY, execute, FRESH, NOW, type FakeEvent } from './simulated-sync';

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
