/**
 * The demo's sales, as the playground's fake Stripe API holds them at start (Sync now brings them
 * into Reconciliation, and the refresh that follows into Attribution). They come through the demo
 * Links tab's payment links and carry its good rows' client_reference_id: several sales per
 * campaign, in usd and eur, a delayed (SEPA) payment still pending and an ACH one that failed, a
 * weekly plan renewed twice; and two that cannot be attributed, on purpose: one with no reference,
 * through a link several rows use (so the payment link cannot tell either), and one with a
 * reference no row has, through a link no row has (its row, and its link's, were deleted).
 *
 * Then money moves after the sale (DEMO_MONEY), so gross and net revenue differ per campaign: a
 * partial refund (whose card reference arrives days later), a full refund, a dispute won and one
 * lost. And most visits to the links never pay (DEMO_ABANDONED): each opened a Checkout Session that
 * expired a day later, so conversion differs per campaign: 40 checkouts and 2 sales for the
 * facebook carousel, a third of the newsletter's, a quarter of the launch offer's, none of the
 * google ads'. Everything happens within the last 17 days, inside the 30 days Stripe keeps events.
 *
 * The account settles in USD: a EUR sale's balance transaction is in USD at its exchange rate, less
 * a fee for the card from abroad and the conversion, so the launch offer's net in USD differs from
 * its gross in EUR (the fake's illustrative prices: fake-stripe/settlement.ts).
 *
 * The account was on API version 2024-06-20 until API_UPGRADE_DAYS_AGO, so its older events have
 * that version's shapes and /v1/events mixes both, as a real account's does after an upgrade.
 */
import { DEMO_LAUNCH_LINK, DEMO_SPRING_LINK } from '../demo-links';
import { CURRENT_API_VERSION, OLD_API_VERSION, type FakeStripeApi } from '../fake-stripe';

const DAY = 86_400;

type Outcome = 'paid' | 'pending' | 'succeeded' | 'failed' | 'weekly_plan';

export interface DemoSale {
  /** The session's client_reference_id (null: the buyer came through the bare link). */
  reference: string | null;
  /** The Payment Link the buyer came through: one of the Links tab's, or one no row has. */
  link: typeof DEMO_SPRING_LINK | typeof DEMO_LAUNCH_LINK | typeof RETIRED_LINK;
  currency: 'usd' | 'eur';
  /** amount_total, in cents. */
  amount: number;
  outcome: Outcome;
  /** When the buyer completed checkout, in days before the playground started. */
  daysAgo: number;
  name: string;
}

/** A reference that no row of the Links tab has (a row someone deleted, say)... */
export const UNKNOWN_REFERENCE = 'tw-0007';
/** ...and the link that row had, still live in Stripe. */
export const RETIRED_LINK = 'retired';

export const DEMO_SALES: readonly DemoSale[] = [
  { reference: 'nl-0001', link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, outcome: 'paid', daysAgo: 18, name: 'Ava Martin' },
  { reference: 'fb-0002', link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, outcome: 'paid', daysAgo: 16, name: 'Noah Smith' },
  { reference: 'li-0006', link: DEMO_LAUNCH_LINK, currency: 'eur', amount: 2900, outcome: 'paid', daysAgo: 14, name: 'Lena Fischer' },
  { reference: 'nl-0001', link: DEMO_SPRING_LINK, currency: 'usd', amount: 9800, outcome: 'paid', daysAgo: 12, name: 'Mia Johnson' },
  { reference: null, link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, outcome: 'paid', daysAgo: 11, name: 'Liam Brown' },
  { reference: 'li-0006', link: DEMO_LAUNCH_LINK, currency: 'eur', amount: 2900, outcome: 'succeeded', daysAgo: 10, name: 'Jonas Weber' },
  { reference: 'fb-0002', link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, outcome: 'paid', daysAgo: 9, name: 'Emma Davis' },
  { reference: 'fb-0002', link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, outcome: 'failed', daysAgo: 8, name: 'Oliver Wilson' },
  { reference: 'li-0006', link: DEMO_LAUNCH_LINK, currency: 'eur', amount: 5800, outcome: 'paid', daysAgo: 7, name: 'Sophie Wagner' },
  { reference: 'nl-0001', link: DEMO_SPRING_LINK, currency: 'eur', amount: 4500, outcome: 'paid', daysAgo: 6, name: 'Clara Becker' },
  { reference: 'nl-0001', link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, outcome: 'paid', daysAgo: 5, name: 'Ethan Miller' },
  { reference: UNKNOWN_REFERENCE, link: RETIRED_LINK, currency: 'eur', amount: 2900, outcome: 'paid', daysAgo: 4, name: 'Paul Schulz' },
  { reference: 'nl-0001', link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, outcome: 'paid', daysAgo: 2, name: 'Grace Taylor' },
  { reference: 'li-0006', link: DEMO_LAUNCH_LINK, currency: 'eur', amount: 2900, outcome: 'pending', daysAgo: 1, name: 'Felix Hoffmann' },
  // The fake's links carry no prices, so here one link sells both; in Stripe a plan has a link of its own.
  {
    reference: 'li-0006',
    link: DEMO_LAUNCH_LINK,
    currency: 'eur',
    amount: 1500,
    outcome: 'weekly_plan',
    daysAgo: 15,
    name: 'Marie Dubois',
  },
];

/** What happens to a sale's money later, each so many days before the playground started. */
export type DemoMoney =
  | { buyer: string; action: 'refund'; amount?: number; daysAgo: number; referenceDaysAgo?: number }
  | { buyer: string; action: 'dispute'; outcome: 'won' | 'lost'; daysAgo: number; evidenceDaysAgo?: number; closedDaysAgo: number };

export const DEMO_MONEY: readonly DemoMoney[] = [
  // One of two items sent back; the card network's reference for the refund comes a week later.
  { buyer: 'Mia Johnson', action: 'refund', amount: 4900, daysAgo: 10, referenceDaysAgo: 3 },
  { buyer: 'Sophie Wagner', action: 'refund', daysAgo: 5 },
  { buyer: 'Noah Smith', action: 'dispute', outcome: 'won', daysAgo: 14, evidenceDaysAgo: 13, closedDaysAgo: 2 },
  { buyer: 'Emma Davis', action: 'dispute', outcome: 'lost', daysAgo: 8, closedDaysAgo: 1 },
];

/** Checkouts opened through a campaign's link and never paid (expired after 24 hours). */
export interface DemoAbandoned {
  reference: string | null;
  link: typeof DEMO_SPRING_LINK | typeof DEMO_LAUNCH_LINK;
  currency: 'usd' | 'eur';
  /** In cents: the link's price. */
  amount: number;
  expired: number;
}

export const DEMO_ABANDONED: readonly DemoAbandoned[] = [
  // Many clicks, few buyers: with its 2 sales and a failed debit, 40 checkouts.
  { reference: 'fb-0002', link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, expired: 37 },
  { reference: 'nl-0001', link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, expired: 9 },
  { reference: 'li-0006', link: DEMO_LAUNCH_LINK, currency: 'eur', amount: 2900, expired: 11 },
  // Checkouts and no sale at all.
  { reference: 'g-0004', link: DEMO_LAUNCH_LINK, currency: 'eur', amount: 2900, expired: 6 },
  // Through the bare link: nothing to attribute them to.
  { reference: null, link: DEMO_SPRING_LINK, currency: 'usd', amount: 4900, expired: 3 },
];

/** Abandoned checkouts open from this many days ago, spread over the 15 days after. */
const ABANDONED_FROM_DAYS_AGO = 17;
const ABANDONED_OVER_DAYS = 15;

/** Until then the account made its events at API version 2024-06-20; since, at the current one. */
export const API_UPGRADE_DAYS_AGO = 4;

/** Days between a delayed payment's checkout and its outcome. */
const SETTLEMENT_DAYS = 3;

/**
 * The demo's Payment Links in the fake (so GET /v1/payment_links knows their URLs), their `plink_`
 * ids by URL: the Links tab's two, and a retired one whose URL no row has.
 */
export function addDemoPaymentLinks(stripe: FakeStripeApi): Map<string, string> {
  const created = stripe.now() - 30 * DAY;
  const spring = stripe.addPaymentLink({ url: DEMO_SPRING_LINK, currency: 'usd', livemode: false, created });
  const launch = stripe.addPaymentLink({ url: DEMO_LAUNCH_LINK, currency: 'eur', livemode: false, created: created + 3600 });
  const retired = stripe.addPaymentLink({ currency: 'eur', livemode: false, created: created + 7200 });
  return new Map([
    [DEMO_SPRING_LINK, spring.id],
    [DEMO_LAUNCH_LINK, launch.id],
    [RETIRED_LINK, retired.id],
  ]);
}

/** Adds the demo's sales and what happened to their money, with their events, to the fake. */
export function seedDemoSales(stripe: FakeStripeApi): void {
  const links = addDemoPaymentLinks(stripe);
  const now = stripe.now();
  const at = (daysAgo: number) => now - Math.round(daysAgo * DAY);
  const apiVersion = (time: number) => (time < at(API_UPGRADE_DAYS_AGO) ? OLD_API_VERSION : CURRENT_API_VERSION);
  /** The session of each buyer's paid sale, for what happens to its money later. */
  const sales = new Map<string, string>();
  DEMO_SALES.forEach((sale, index) => {
    const completed = at(sale.daysAgo) + index * 60;
    const email = `${sale.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
    const options = {
      currency: sale.currency,
      amount: sale.amount,
      name: sale.name,
      email,
      clientReferenceId: sale.reference,
      paymentLink: links.get(sale.link) ?? null,
      created: completed - 90,
      apiVersion: apiVersion(completed),
    };
    if (sale.outcome === 'weekly_plan') {
      const plan = stripe.scenario.subscription({ ...options, interval: 'week' });
      // Renewed every week since, each renewal in the account's version of its day.
      for (let renewal = completed + 7 * DAY; renewal <= now; renewal += 7 * DAY) {
        stripe.afterSale.renew(plan.subscription, { created: renewal, apiVersion: apiVersion(renewal) });
      }
      sales.set(sale.name, plan.session.id);
      return;
    }
    if (sale.outcome === 'paid') sales.set(sale.name, stripe.scenario.paid(options).session.id);
    else if (sale.outcome === 'pending') {
      // Checkout completed, the SEPA debit not settled yet: one `completed` event, unpaid.
      stripe.scenario.paid({
        ...options,
        session: { payment_status: 'unpaid', payment_method_types: ['sepa_debit'], payment_method_options: {} },
      });
    } else {
      const daysLater = Math.min(SETTLEMENT_DAYS, sale.daysAgo - 0.5);
      stripe.scenario.asyncPayment({ ...options, outcome: sale.outcome, daysLater });
    }
  });
  for (const money of DEMO_MONEY) {
    const session = sales.get(money.buyer);
    if (session === undefined) throw new Error(`demo: no paid sale by ${money.buyer}`);
    const when = (daysAgo: number) => ({ created: at(daysAgo), apiVersion: apiVersion(at(daysAgo)) });
    if (money.action === 'refund') {
      const { object: refund } = stripe.afterSale.refund(session, { amount: money.amount, ...when(money.daysAgo) });
      if (money.referenceDaysAgo !== undefined) stripe.afterSale.updateRefund(String(refund['id']), when(money.referenceDaysAgo));
    } else {
      const { object: dispute } = stripe.afterSale.dispute(session, {
        reason: money.outcome === 'won' ? 'product_not_received' : 'fraudulent',
        ...when(money.daysAgo),
      });
      const id = String(dispute['id']);
      if (money.evidenceDaysAgo !== undefined) stripe.afterSale.submitEvidence(id, when(money.evidenceDaysAgo));
      stripe.afterSale.closeDispute(id, money.outcome, when(money.closedDaysAgo));
    }
  }
  // Made last, so the sales' ids stay those they were before there were abandoned checkouts.
  DEMO_ABANDONED.forEach((abandoned, index) => {
    stripe.scenario.expiredMany(abandoned.expired, {
      clientReferenceId: abandoned.reference,
      paymentLink: links.get(abandoned.link) ?? null,
      currency: abandoned.currency,
      amount: abandoned.amount,
      start: at(ABANDONED_FROM_DAYS_AGO) + index * 613,
      interval: Math.floor((ABANDONED_OVER_DAYS * DAY) / abandoned.expired),
      apiVersion,
    });
  });
}
