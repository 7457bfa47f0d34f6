/** The arithmetic of the refresh after deliveries: delay and backoff, the marker's text, when it is stale. */
import {
  isPendingLive,
  MAX_REFRESH_DELAY_MS,
  PENDING_STALE_AFTER_MS,
  pendingRefreshAt,
  pendingRefreshText,
  readPendingRefresh,
  REFRESH_DELAY_MS,
  refreshDelay,
} from '../../../src/core/attribution/refresh-schedule';

const MINUTE = 60_000;

describe('refreshDelay', () => {
  it('is two minutes, doubling after each failed run, never more than an hour', () => {
    expect(REFRESH_DELAY_MS).toBe(2 * MINUTE);
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((failures) => refreshDelay(failures) / MINUTE)).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    expect(refreshDelay(Number.MAX_SAFE_INTEGER)).toBe(MAX_REFRESH_DELAY_MS);
    expect(refreshDelay(-3)).toBe(REFRESH_DELAY_MS);
  });
});

describe('the pending marker', () => {
  it('reads back what was written', () => {
    const pending = pendingRefreshAt(1_000_000, 2);
    expect(pending).toEqual({ due: 1_000_000 + 8 * MINUTE, failures: 2 });
    expect(readPendingRefresh(pendingRefreshText(pending))).toEqual(pending);
  });

  it('is absent as null, and text that is not a marker reads as long overdue', () => {
    expect(readPendingRefresh(null)).toBeNull();
    for (const text of ['', 'soon', '[]', 'null', '{"due":"tomorrow","failures":-1}', '{"due":1e999}']) {
      const read = readPendingRefresh(text);
      expect(read).toEqual({ due: 0, failures: 0 });
      expect(isPendingLive(read, Date.now())).toBe(false);
    }
  });

  it('is live until well past its due time, so a late trigger is not doubled', () => {
    const pending = { due: 10 * MINUTE, failures: 0 };
    expect(isPendingLive(pending, 0)).toBe(true);
    expect(isPendingLive(pending, pending.due + PENDING_STALE_AFTER_MS - 1)).toBe(true);
    expect(isPendingLive(pending, pending.due + PENDING_STALE_AFTER_MS)).toBe(false);
    expect(isPendingLive(null, 0)).toBe(false);
  });
});
