/**
 * The demo's sales, as the playground's fake Stripe API holds them at start (Sync now brings them
 * into Reconciliation, and the refresh that follows into Attribution). They come through the demo
 * Links tab's payment links and carry its good rows' client_reference_id: several sales per
 * campaign, in usd and eur, a delayed (SEPA) payment still pending and an ACH one that failed; and
 * two that cannot be attributed, on purpose: one with no reference, through a link several rows use
 * (so the payment link cannot tell either), and one with a reference no row has, through a link no
 * row has (its row, and its link's, were deleted).
 */
import { DEMO_LAUNCH_LINK, DEMO_SPRING_LINK } from '../demo-links';
import type { FakeStripeApi } from '../fake-stripe';

const DAY = 86_400;

type Outcome = 'paid' | 'pending' | 'succeeded' | 'failed';

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
];

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

/** Adds the demo's sales, with their events, to the fake. */
export function seedDemoSales(stripe: FakeStripeApi): void {
  const links = addDemoPaymentLinks(stripe);
  const now = stripe.now();
  DEMO_SALES.forEach((sale, index) => {
    const completed = now - Math.round(sale.daysAgo * DAY) + index * 60;
    const email = `${sale.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
    const options = {
      currency: sale.currency,
      amount: sale.amount,
      name: sale.name,
      email,
      clientReferenceId: sale.reference,
      paymentLink: links.get(sale.link) ?? null,
      created: completed - 90,
    };
    if (sale.outcome === 'paid') stripe.scenario.paid(options);
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
}
