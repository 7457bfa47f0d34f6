/** The alert a sync ends with: every event it read is counted in exactly one bucket, and the buckets add up. */
import { connected, lastAlert, stripeWithHistory } from './connected-add-on';

describe('the sync summary', () => {
  /** The numbers of "Synced N events: a new sessions, b updated, c already up to date, d not recorded (...)". */
  function counts(message: string): { events: number; buckets: number[]; notRecorded: Record<string, number> } {
    const match =
      /Synced (\d+) events: (\d+) new sessions, (\d+) updated, (\d+) already up to date, (\d+) not recorded(?: \(([^)]*)\))?\./.exec(
        message,
      );
    if (!match) throw new Error(`not a sync summary: ${message}`);
    const notRecorded = Object.fromEntries(
      (match[6] ?? '')
        .split(', ')
        .filter((part) => part !== '')
        .map((part) => {
          const [count = '', ...what] = part.split(' ');
          return [what.join(' '), Number(count)];
        }),
    );
    return { events: Number(match[1]), buckets: [2, 3, 4, 5].map((i) => Number(match[i])), notRecorded };
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
    expect(Object.values(notRecorded).reduce((a, b) => a + b, 0)).toBe(buckets[3]);
    expect(message).toMatch(
      /Synced 10 events: 5 new sessions, 0 updated, 2 already up to date, 3 not recorded \(2 expired sessions, 1 unreadable\)\./,
    );
  });

  it('adds up when nothing was left out, too', () => {
    const app = connected(stripeWithHistory(3));
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toBe('Synced 3 events: 3 new sessions, 0 updated, 0 already up to date, 0 not recorded.');
  });
});
