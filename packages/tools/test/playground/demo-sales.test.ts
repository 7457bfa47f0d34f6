/**
 * The demo tells the attribution story: the Links tab's good rows carry references, the fake
 * Stripe API's sales bring them back (several per campaign, usd and eur, one delayed payment still
 * pending, one failed, a weekly plan renewed twice, two unattributable on purpose), money moves
 * after the sale (a partial and a full refund, a dispute won and one lost), and after Sync now and
 * Refresh attribution the Attribution tab has revenue per campaign and its chart.
 */
import { DEMO_LINK_ROWS } from '../../src/demo-links';
import { DEMO_MONEY, DEMO_SALES, RETIRED_LINK, UNKNOWN_REFERENCE } from '../../src/playground/demo-sales';
import { createPlaygroundStripe, PLAYGROUND_STRIPE_KEY } from '../../src/playground/playground-stripe';
import { checkoutsPerCampaign, netPerCampaign, settledPerCampaign } from './demo-money';
import { startTestPlayground, type TestPlayground } from './helpers';

const REFERENCE = 6;
const references = new Set(DEMO_LINK_ROWS.map((row) => String(row[REFERENCE])).filter((reference) => reference !== ''));

describe('the demo data', () => {
  it('brings back the references of the Links tab, except two sales that cannot be attributed on purpose', () => {
    expect(references.has(UNKNOWN_REFERENCE)).toBe(false);
    const unmatched = DEMO_SALES.filter((sale) => sale.reference === null || !references.has(sale.reference));
    expect(unmatched.map((sale) => sale.reference)).toEqual([null, UNKNOWN_REFERENCE]);
    for (const sale of DEMO_SALES.filter((candidate) => !unmatched.includes(candidate))) {
      const row = DEMO_LINK_ROWS.find((candidate) => candidate[REFERENCE] === sale.reference);
      expect(String(row?.[0])).toContain(sale.link);
    }
    // The unknown reference came through a link no row has, so its payment link cannot tell either.
    expect(DEMO_SALES.find((sale) => sale.reference === UNKNOWN_REFERENCE)?.link).toBe(RETIRED_LINK);
    expect(new Set(DEMO_SALES.map((sale) => sale.currency))).toEqual(new Set(['usd', 'eur']));
    expect(DEMO_SALES.filter((sale) => sale.outcome === 'pending')).toHaveLength(1);
    expect(DEMO_SALES.filter((sale) => sale.outcome === 'failed')).toHaveLength(1);
    expect(DEMO_SALES.filter((sale) => sale.outcome === 'weekly_plan')).toHaveLength(1);
  });

  it('moves money after the sale on attributed sales: a partial and a full refund, a dispute won and one lost', () => {
    const sale = (buyer: string) => DEMO_SALES.find((candidate) => candidate.name === buyer);
    const kinds = DEMO_MONEY.map((money) => {
      const paid = sale(money.buyer);
      expect(paid?.outcome).toBe('paid');
      expect(references.has(paid?.reference ?? '')).toBe(true);
      expect(money.daysAgo).toBeLessThan(paid?.daysAgo ?? 0);
      if (money.action === 'dispute') return `dispute ${money.outcome}`;
      return money.amount === undefined || money.amount === paid?.amount ? 'full refund' : 'partial refund';
    });
    expect(kinds.sort()).toEqual(['dispute lost', 'dispute won', 'full refund', 'partial refund']);
  });
});

describe("the demo's fake Stripe API", () => {
  const stripe = createPlaygroundStripe();
  const events = stripe.allEvents();

  it('holds every event within the 30 days Stripe keeps them, in both API versions', () => {
    expect(Math.min(...events.map((event) => event.created))).toBeGreaterThan(stripe.now() - 30 * 86_400);
    expect(new Set(events.map((event) => event.api_version))).toEqual(new Set(['2024-06-20', stripe.apiVersion]));
  });

  it('tells gross against net per campaign: refunds and disputes lost take, a won dispute gives back, renewals add', () => {
    // Major units per campaign (utm_campaign, utm_source, currency): what the add-on's Attribution tab should show.
    expect(netPerCampaign(stripe)).toEqual({
      'spring_sale newsletter usd': { paid_sessions: 4, revenue: 245, refunded: 49, disputed: 0, renewal_revenue: 0, net_revenue: 196 },
      'spring_sale newsletter eur': { paid_sessions: 1, revenue: 45, refunded: 0, disputed: 0, renewal_revenue: 0, net_revenue: 45 },
      'spring_sale facebook usd': { paid_sessions: 2, revenue: 98, refunded: 0, disputed: 49, renewal_revenue: 0, net_revenue: 49 },
      'launch_week linkedin eur': { paid_sessions: 4, revenue: 131, refunded: 58, disputed: 0, renewal_revenue: 30, net_revenue: 103 },
      '(unattributed) usd': { paid_sessions: 1, revenue: 49, refunded: 0, disputed: 0, renewal_revenue: 0, net_revenue: 49 },
      '(unattributed) eur': { paid_sessions: 1, revenue: 29, refunded: 0, disputed: 0, renewal_revenue: 0, net_revenue: 29 },
    });
  });

  it('opens many more checkouts than it sells: 40 and 2 for the facebook carousel, none sold for the google ads', () => {
    // Sessions per campaign (utm_campaign, utm_source, currency): paid, unpaid, failed and expired.
    expect(checkoutsPerCampaign(stripe)).toEqual({
      'spring_sale facebook usd': { checkouts: 40, paid_sessions: 2 },
      'spring_sale newsletter usd': { checkouts: 13, paid_sessions: 4 },
      'spring_sale newsletter eur': { checkouts: 1, paid_sessions: 1 },
      'launch_week linkedin eur': { checkouts: 16, paid_sessions: 4 },
      'Été 2024 / Promo google eur': { checkouts: 6, paid_sessions: 0 },
      '(unattributed) usd': { checkouts: 4, paid_sessions: 1 },
      '(unattributed) eur': { checkouts: 1, paid_sessions: 1 },
    });
    const expired = events.filter((event) => event.type === 'checkout.session.expired');
    expect(expired).toHaveLength(66);
    expect(expired.every((event) => event.data.object['payment_link'] !== null && event.data.object['status'] === 'expired')).toBe(true);
    expect(new Set(expired.map((event) => event.api_version))).toEqual(new Set(['2024-06-20', stripe.apiVersion]));
  });

  it('settles in USD: the EUR launch offer nets less in USD than it grossed, after fees, refunds and a dispute that cost its fee', () => {
    // Major units of USD per campaign (utm_campaign, utm_source, settlement currency), from the balance transactions.
    expect(stripe.settlementCurrency).toBe('usd');
    expect(settledPerCampaign(stripe, PLAYGROUND_STRIPE_KEY)).toEqual({
      // 29 + 29 + 58 EUR and three weekly 15 EUR at 1.08; fees: a card from abroad, a SEPA debit, the conversions; 58 EUR refunded.
      'launch_week linkedin usd': { paid_sessions: 4, gross_settled: 173.88, fees: 9.75, net_settled: 101.49 },
      'spring_sale newsletter usd': { paid_sessions: 5, gross_settled: 293.6, fees: 11.23, net_settled: 233.37 },
      // Two 49 USD sales, both disputed: the won one still cost its 15 USD dispute fee.
      'spring_sale facebook usd': { paid_sessions: 2, gross_settled: 98, fees: 33.44, net_settled: 15.56 },
      '(unattributed) usd': { paid_sessions: 2, gross_settled: 80.32, fees: 3.71, net_settled: 76.61 },
    });
  });
});

describe('Sync now, then Refresh attribution, on the demo', () => {
  let pg: TestPlayground;

  beforeAll(async () => {
    pg = await startTestPlayground();
  });

  afterAll(async () => {
    await pg.stop();
  });

  it('logs every demo sale and shows revenue per campaign, each currency apart, with its charts', async () => {
    await pg.menu('connectStripeKey', [{ button: 'OK', text: PLAYGROUND_STRIPE_KEY }]);
    const synced = await pg.menu('syncNow', [{ button: 'OK', text: '30' }]);
    expect(synced.alerts[0]?.prompt).toMatch(new RegExp(`\\b${String(DEMO_SALES.length)} new sessions`));
    const sales = await pg.values('Reconciliation');
    const status = sales[0]?.indexOf('payment_status') ?? -1;
    expect(
      sales
        .slice(1)
        .map((row) => row[status])
        .sort(),
    ).toEqual([...new Array<string>(13).fill('paid'), 'failed', 'unpaid'].sort());

    const refreshed = await pg.menu('refreshAttribution');
    expect(refreshed.ok).toBe(true);
    const [header = [], ...under] = await pg.values('Attribution');
    // The table ends at its first blank row: its summary is under it.
    const rows = under.slice(
      0,
      under.findIndex((row) => row.every((cell) => cell === '')),
    );
    const columns = ['utm_campaign', 'utm_source', 'utm_medium', 'currency', 'livemode', 'paid_sessions', 'revenue'].map((name) =>
      header.indexOf(name),
    );
    expect(columns.every((column) => column >= 0)).toBe(true);
    const report = rows.filter((row) => row[columns[0] ?? 0] !== '').map((row) => columns.map((column) => row[column]).join(' '));
    expect(report.sort()).toEqual([
      '(unattributed)   eur FALSE 1 29.00 EUR',
      '(unattributed)   usd FALSE 1 49.00 USD',
      'launch_week linkedin social eur FALSE 4 131.00 EUR',
      'spring_sale facebook paid_social usd FALSE 2 98.00 USD',
      'spring_sale newsletter email eur FALSE 1 45.00 EUR',
      'spring_sale newsletter email usd FALSE 4 245.00 USD',
      // Its visitors opened checkouts and none paid (issue 16).
      'Été 2024 / Promo google cpc eur FALSE 0 0.00 EUR',
    ]);

    // A chart of net revenue per campaign for each currency.
    const charts = (await pg.state('Attribution')).sheets?.find((tab) => tab.name === 'Attribution')?.charts ?? [];
    expect(charts.map((chart) => chart.title)).toEqual([
      'Net revenue per campaign (USD, test mode)',
      'Net revenue per campaign (EUR, test mode)',
    ]);
    expect(charts[1]?.bars.map((bar) => `${bar.label} ${bar.shown}`)).toEqual([
      'launch_week 103.00 EUR',
      'spring_sale 45.00 EUR',
      '(unattributed) 29.00 EUR',
    ]);
  });
});
