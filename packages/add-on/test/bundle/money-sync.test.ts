/**
 * Money after the sale through the sync: Sync now reads refunds, disputes and invoices from
 * /v1/events, mixed shapes included, and leaves the tabs exactly as the same events delivered to
 * doPost would, in any mix with the webhook; a current-shape invoice is tied to its payment
 * through InvoicePayments.
 */
import { FakeStripeApi, OLD_API_VERSION, type StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { KEY, lastAlert, now } from './connected-add-on';

const LINKS = [
  ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'client_reference_id'],
  ['https://buy.stripe.com/test_springA', 'newsletter', 'email', 'spring_sale', 'nl-1'],
  ['https://buy.stripe.com/test_springA', 'facebook', 'paid_social', 'spring_sale', 'fb-2'],
];

/** A week of money after the sale at the real clock: refunds, a dispute lost, a subscription renewed, both API shapes. */
function history(): { stripe: FakeStripeApi; events: StripeEvent[] } {
  let clock = now() - 20 * 86_400;
  const stripe = new FakeStripeApi({ keys: [KEY], now: () => clock });
  const events: StripeEvent[] = [];
  const tick = (days: number) => (clock += days * 86_400);
  const take = (made: { events: StripeEvent[] }) => events.push(...made.events);
  const a = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10000, apiVersion: OLD_API_VERSION });
  take(a);
  tick(1);
  const b = stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 4000 });
  take(b);
  const sub = stripe.scenario.subscription({ clientReferenceId: 'nl-1', amount: 1500, interval: 'week' });
  take(sub);
  tick(1);
  take(stripe.afterSale.refund(a.session.id, { amount: 2500, apiVersion: OLD_API_VERSION }));
  tick(1);
  const dispute = stripe.afterSale.dispute(b.session.id);
  take(dispute);
  tick(2);
  take(stripe.afterSale.closeDispute(String(dispute.object.id), 'lost'));
  tick(7);
  const renewal = stripe.afterSale.renew(sub.subscription);
  take(renewal);
  tick(1);
  take(stripe.afterSale.refund(String(renewal.object.id), { amount: 500 }));
  clock = now();
  return { stripe, events };
}

function app(stripe: FakeStripeApi): AddOn {
  const addOn = new AddOn(stripe);
  addOn.setUp();
  addOn.workbook.write('Links', LINKS);
  addOn.menu('connectStripeKey', { text: KEY });
  return addOn;
}

/** What the tabs say once refreshed, without the columns that say when or through which event a row was written. */
function tabs(addOn: AddOn) {
  const refresh = addOn.execution('trigger');
  refresh.runtime.call('refreshAttribution');
  refresh.services.endExecution();
  // When, and through which event, a row was written differs between the paths; what it says must not.
  // What Stripe kept (settled) is read only by a sync, never from a delivery (settled-sync.test.ts).
  const differ = ['last_event', 'last_event_created', 'confirmed', 'settlement_currency', 'fees', 'net_settled'];
  const without = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([name]) => !differ.includes(name)));
  const byKey = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => String(a[key]).localeCompare(String(b[key]));
  return {
    reconciliation: addOn.rows().map(without).sort(byKey('session_id')),
    money: addOn.rows('Money after sale').map(without).sort(byKey('object_id')),
    attribution: addOn.rows('Attribution'),
  };
}

describe('money after the sale through Sync now', () => {
  it('leaves the tabs as the webhook would, ties the current-shape renewal, and says what it read', () => {
    const { stripe, events } = history();
    const delivered = app(stripe);
    for (const event of events) {
      const answer = delivered.deliver(event);
      expect(answer).toMatchObject(answer.result === 'ignored' ? { ok: true } : { ok: true, verified: true });
    }
    const synced = app(stripe);
    synced.menu('syncNow', { text: '30' });
    expect(lastAlert(synced)).toMatch(/3 new sessions, 0 updated, \d+ refunds, disputes or invoices recorded/);
    const viaWebhook = tabs(delivered);
    const viaSync = tabs(synced);
    expect(viaSync).toEqual(viaWebhook);
    expect(viaSync.money.map((row) => row.counted).sort()).toEqual(
      ['dispute: money gone', 'refund', 'refund', 'renewal', "the session's own payment"].sort(),
    );
    const spring = viaSync.attribution.filter((row) => row.utm_campaign === 'spring_sale');
    expect(spring.map((row) => [row.utm_source, row.revenue, row.renewal_revenue, row.refunded, row.disputed, row.net_revenue])).toEqual(
      expect.arrayContaining([
        ['newsletter', 115, 15, 30, 0, 100],
        ['facebook', 40, 0, 0, 40, 0],
      ]),
    );
  });

  it('changes nothing when the webhook already delivered half and the sync reads it all', () => {
    const { stripe, events } = history();
    const mixed = app(stripe);
    events.forEach((event, i) => {
      if (i % 2 === 0) expect(mixed.deliver(event)).toMatchObject({ ok: true });
    });
    mixed.menu('syncNow', { text: '30' });
    const all = app(stripe);
    for (const event of events) all.deliver(event);
    expect(tabs(mixed)).toEqual(tabs(all));
  });
});
