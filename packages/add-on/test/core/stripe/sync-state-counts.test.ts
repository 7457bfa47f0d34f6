/** The summary a sync shows: describeCounts names every bucket and why events were not recorded, and always adds up. */
import fc from 'fast-check';
import { describeCounts, eventsCounted, type SyncCounts } from '../../../src/core/stripe/sync-state';

describe('describeCounts', () => {
  const none: SyncCounts = { inserted: 0, updated: 0, money: 0, unchanged: 0, expired: 0, otherTypes: 0, unreadable: 0 };

  it('names every bucket, and why events were not recorded', () => {
    expect(describeCounts({ ...none, inserted: 5, updated: 1, unchanged: 2, expired: 2, otherTypes: 1, unreadable: 1 })).toBe(
      '12 events: 5 new sessions, 1 updated, 2 expired checkouts counted, 2 already up to date, 2 not recorded (1 of another type, 1 unreadable).',
    );
    expect(describeCounts({ ...none, inserted: 3 })).toBe('3 events: 3 new sessions, 0 updated, 0 already up to date, 0 not recorded.');
    expect(describeCounts({ ...none, inserted: 2, money: 3 })).toBe(
      '5 events: 2 new sessions, 0 updated, 3 refunds, disputes or invoices recorded, 0 already up to date, 0 not recorded.',
    );
    expect(describeCounts({ ...none, expired: 1 })).toBe(
      '1 event: 0 new sessions, 0 updated, 1 expired checkout counted, 0 already up to date, 0 not recorded.',
    );
  });

  it('counts in words that agree: 1 new session (issue 17)', () => {
    expect(describeCounts({ ...none, inserted: 1 })).toBe('1 event: 1 new session, 0 updated, 0 already up to date, 0 not recorded.');
  });

  it('always adds up: the events equal the sum of the buckets it names (property)', () => {
    const count = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(
        fc.record({
          inserted: count,
          updated: count,
          money: count,
          unchanged: count,
          expired: count,
          otherTypes: count,
          unreadable: count,
        }),
        (counts) => {
          const text = describeCounts(counts);
          const [total = 0, ...parts] = (text.match(/\d+/g) ?? []).map(Number);
          expect(total).toBe(eventsCounted(counts));
          // The money and expired parts are named only when there are some.
          const rest = [...parts];
          const [inserted = 0, updated = 0] = rest.splice(0, 2);
          const money = counts.money > 0 ? (rest.shift() ?? 0) : 0;
          const expired = counts.expired > 0 ? (rest.shift() ?? 0) : 0;
          const [unchanged = 0, notRecorded = 0, ...why] = rest;
          expect(inserted + updated + money + expired + unchanged + notRecorded).toBe(total);
          expect(why.reduce((a, b) => a + b, 0)).toBe(notRecorded);
        },
      ),
    );
  });
});
