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

export interface CampaignCheckouts {
  checkouts: number;
  paid_sessions: number;
}

/** Checkouts opened per campaign (every session an event names: paid, unpaid, failed, expired) and those paid. */
export function checkoutsPerCampaign(api: FakeStripeApi): Record<string, CampaignCheckouts> {
  const sessions = newest(
    api,
    [
      'checkout.session.completed',
      'checkout.session.async_payment_succeeded',
      'checkout.session.async_payment_failed',
      'checkout.session.expired',
    ],
    (session) => String(session['id']),
  );
  const result: Record<string, CampaignCheckouts> = {};
  for (const session of sessions.values()) {
    const counts = (result[campaignOf(session['client_reference_id'], String(session['currency']))] ??= { checkouts: 0, paid_sessions: 0 });
    counts.checkouts += 1;
    if (session['payment_status'] === 'paid') counts.paid_sessions += 1;
  }
  return result;
}

export interface CampaignSettled {
  paid_sessions: number;
  gross_settled: number;
  fees: number;
  net_settled: number;
}

/**
 * What Stripe kept per campaign, in the account's settlement currency (major units), read as the
 * add-on's sync reads it: GET /v1/balance_transactions pages with their sources expanded, each tied
 * to its sale by the payment intent its charge, refund or dispute names (a renewal's through its
 * invoice payment). `gross_settled` sums the charges' amounts, `fees` and `net_settled` every
 * transaction's fee and net.
 */
export function settledPerCampaign(api: FakeStripeApi, key: string): Record<string, CampaignSettled> {
  const transactions: JsonObject[] = [];
  let after: string | undefined;
  let more = true;
  while (more) {
    const cursor = after === undefined ? '' : `&starting_after=${after}`;
    const reply = api.handle({
      url: `https://api.stripe.com/v1/balance_transactions?limit=100&expand[]=data.source${cursor}`,
      method: 'get',
      headers: { Authorization: `Bearer ${key}` },
    });
    const page = JSON.parse(reply.body) as { data: JsonObject[]; has_more: boolean };
    transactions.push(...page.data);
    more = page.has_more;
    after = String(page.data[page.data.length - 1]?.['id']);
  }
  // The sale each payment intent paid: its session's own, or a renewal of its subscription.
  const saleOf = new Map<unknown, JsonObject>();
  const paid = api.allSessions().filter((session) => session.payment_status === 'paid');
  for (const session of paid) saleOf.set(session.payment_intent, session);
  const invoices = new Map(api.allObjects('invoice').map((invoice) => [invoice['id'], invoice]));
  for (const payment of api.allObjects('invoice_payment')) {
    const invoice = invoices.get(payment['invoice']);
    const parent = invoice?.['parent'] as { subscription_details?: JsonObject } | undefined;
    const session = paid.find((candidate) => candidate['subscription'] === parent?.subscription_details?.['subscription']);
    if (session) saleOf.set((payment['payment'] as JsonObject)['payment_intent'], session);
  }
  const result: Record<string, CampaignSettled> = {};
  const counted = new Set<unknown>();
  for (const transaction of transactions) {
    const source = transaction['source'] as JsonObject;
    const session = saleOf.get(source['payment_intent']);
    if (!session) throw new Error(`demo: no sale for ${String(transaction['id'])}`);
    const key = campaignOf(session.client_reference_id, String(transaction['currency']));
    const money = (result[key] ??= { paid_sessions: 0, gross_settled: 0, fees: 0, net_settled: 0 });
    if (!counted.has(session.id)) money.paid_sessions += 1;
    counted.add(session.id);
    if (source['object'] === 'charge') money.gross_settled += Number(transaction['amount']);
    money.fees += Number(transaction['fee']);
    money.net_settled += Number(transaction['net']);
  }
  for (const money of Object.values(result)) {
    money.gross_settled /= 100;
    money.fees /= 100;
    money.net_settled /= 100;
  }
  return result;
}
