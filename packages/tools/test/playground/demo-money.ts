/**
 * The demo's money per campaign as the contract ("Money after the sale", docs/DESIGN.md) counts it,
 * read straight from the fake Stripe API's events: a sale's first payment, minus its refunds (the
 * newest `charge.refunded`'s running `amount_refunded` per payment), minus its disputes whose newest
 * status has the money gone, plus its subscription's later paid invoices. What the add-on's
 * Attribution tab should add up to after Sync now and Refresh attribution.
 */
import { DEMO_LINK_ROWS } from '../../src/demo-links';
import type { FakeStripeApi, JsonObject } from '../../src/fake-stripe';

export interface CampaignMoney {
  paid_sessions: number;
  revenue: number;
  refunded: number;
  disputed: number;
  renewal_revenue: number;
  net_revenue: number;
}

const MONEY_GONE = ['needs_response', 'under_review', 'lost'];

/** The newest object per key, by event time then by the order Stripe made them. */
function newest(api: FakeStripeApi, types: string[], key: (object: JsonObject) => string): Map<string, JsonObject> {
  const byKey = new Map<string, JsonObject>();
  const events = api.allEvents().filter((event) => types.includes(event.type));
  events.sort((a, b) => a.created - b.created);
  for (const event of events) byKey.set(key(event.data.object), event.data.object);
  return byKey;
}

function campaignOf(reference: unknown, currency: string): string {
  const row = DEMO_LINK_ROWS.find((candidate) => candidate[6] !== '' && candidate[6] === reference);
  return row === undefined ? `(unattributed) ${currency}` : `${String(row[3])} ${String(row[1])} ${currency}`;
}

export function netPerCampaign(api: FakeStripeApi): Record<string, CampaignMoney> {
  const sessions = newest(api, ['checkout.session.completed', 'checkout.session.async_payment_succeeded'], (session) =>
    String(session['id']),
  );
  const refunded = newest(api, ['charge.refunded'], (charge) => String(charge['payment_intent']));
  const disputes = newest(api, ['charge.dispute.created', 'charge.dispute.updated', 'charge.dispute.closed'], (dispute) =>
    String(dispute['id']),
  );
  const renewals = api
    .allEvents()
    .filter((event) => event.type === 'invoice.paid' && event.data.object['billing_reason'] === 'subscription_cycle')
    .map((event) => event.data.object);
  const subscriptionOf = (invoice: JsonObject): unknown =>
    (invoice['parent'] as { subscription_details?: JsonObject } | undefined)?.subscription_details?.['subscription'] ??
    invoice['subscription'];

  const result: Record<string, CampaignMoney> = {};
  for (const session of sessions.values()) {
    if (session['payment_status'] !== 'paid') continue;
    const currency = String(session['currency']);
    const key = campaignOf(session['client_reference_id'], currency);
    const money = (result[key] ??= { paid_sessions: 0, revenue: 0, refunded: 0, disputed: 0, renewal_revenue: 0, net_revenue: 0 });
    const intent = session['payment_intent'];
    const lost = [...disputes.values()].filter(
      (dispute) => dispute['payment_intent'] === intent && MONEY_GONE.includes(String(dispute['status'])),
    );
    const plan = renewals.filter((invoice) => subscriptionOf(invoice) === session['subscription'] && session['subscription'] !== null);
    money.paid_sessions += 1;
    money.revenue += Number(session['amount_total']) / 100;
    money.refunded += Number(refunded.get(String(intent))?.['amount_refunded'] ?? 0) / 100;
    money.disputed += lost.reduce((sum, dispute) => sum + Number(dispute['amount']), 0) / 100;
    money.renewal_revenue += plan.reduce((sum, invoice) => sum + Number(invoice['amount_paid']), 0) / 100;
    money.net_revenue = money.revenue + money.renewal_revenue - money.refunded - money.disputed;
  }
  return result;
}
