/** The alert a sync ends with: every event it read is counted in exactly one bucket, and the buckets add up. */
import { connected, lastAlert, stripeWithHistory } from './connected-add-on';

describe('the sync summary', () => {
  /** The numbers of "Synced N events: a new sessions, b updated, [e expired checkouts counted, ]c already up to date, d not recorded (...)". */
  function counts(message: string): { events: number; buckets: number[]; notRecorded: Record<string, number> } {
    const match =
      /Synced (\d+) events?: (\d+) new sessions?, (\d+) updated, (?:(\d+) expired checkouts? counted, )?(\d+) already up to date, (\d+) not recorded(?: \(([^)]*)\))?\./.exec(
        message,
      );
    if (!match) throw new Error(`not a sync summary: ${message}`);
    const notRecorded = Object.fromEntries(
      (match[7] ?? '')
        .split(', ')
        .filter((part) => part !== '')
        .map((part) => {
          const [count = '', ...what] = part.split(' ');
          return [what.join(' '), Number(count)];
        }),
    );
    return { events: Number(match[1]), buckets: [2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)), notRecorded };
  }

  it('puts every event it read in exactly one bucket', () => {
    const stripe = stripeWithHistory(5);
    stripe.scenario.expired({ clientReferenceId: 'abandoned-1' });
    stripe.scenario.expired({ clientReferenceId: 'abandoned-2' });
    // An async payment: completed (unpaid), then succeeded: the newer event wins, the older changes nothing.
    stripe.scenario.asyncPayment({ outcome: 'succeeded', clientReferenceId: 'sepa', daysLater: 1 });
    // An event whose session Stripe's schema would never produce.
    stripe.addEvent('checkout.session.completed', { object: 'checkout.session', id: 'not-a-session-id', livemode: false });
    const app = connected(stripe);
    app.deliver(stripe.allEvents()[0]!);
    app.menu('syncNow', { text: '30' });
    const message = lastAlert(app);
    const { events, buckets, notRecorded } = counts(message);
    expect(events).toBe(10);
    expect(buckets.reduce((a, b) => a + b, 0)).toBe(events);
    expect(Object.values(notRecorded).reduce((a, b) => a + b, 0)).toBe(buckets[4]);
    // Expired checkouts are recorded now (issue 16): counted once each in the Checkouts tab.
    expect(message).toMatch(
      /Synced 10 events: 5 new sessions, 0 updated, 2 expired checkouts counted, 2 already up to date, 1 not recorded \(1 unreadable\)\./,
    );
  });

  it('adds up when nothing was left out, too', () => {
    const app = connected(stripeWithHistory(3));
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toBe('Synced 3 events: 3 new sessions, 0 updated, 0 already up to date, 0 not recorded.');
  });
});
