/**
 * What Stripe kept, per sale and per campaign, in the account's currency: the refresh after a sync
 * gives Reconciliation settlement_currency, fees and net_settled from the Settled tab's balance
 * transactions (payments converted at Stripe's exchange_rate, refunds, disputes with their fee,
 * renewals), and the Attribution (settled) tab one row per campaign, source, medium, mode and
 * settlement currency, adding up exactly to Reconciliation; on IC+ pricing, fees are blank and
 * the tab says why.
 */
import { DEFAULT_USD_RATES } from '@stripe-utm-sheets/tools/fake-stripe';
import { now } from './connected-add-on';
import { minor, settledOf, settledShop, settledTotals, sync } from './settled-shop';

const DAY = 86_400;
const LIVE_KEY = 'rk_live_51LocalRestrictedKey0002';

/** A week of sales in four currencies, a partial refund, a dispute lost and one won, a weekly plan renewed and partly refunded. */
function busyWeek(options: Parameters<typeof settledShop>[0] = {}) {
  const shop = settledShop(options);
  const { stripe, clock } = shop;
  const usd = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10000 });
  const eur = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 5000, currency: 'eur' });
  const gbp = stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 2000, currency: 'gbp' });
  const jpy = stripe.scenario.paid({ clientReferenceId: 'g-3', amount: 3000, currency: 'jpy' });
  const lost = stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 4000 });
  const won = stripe.scenario.paid({ clientReferenceId: 'g-3', amount: 6000 });
  const plan = stripe.scenario.subscription({ clientReferenceId: 'g-3', amount: 1500, interval: 'week' });
  clock.tick(DAY);
  stripe.afterSale.refund(usd.session.id, { amount: 2500 });
  const lostDispute = stripe.afterSale.dispute(lost.session.id);
  const wonDispute = stripe.afterSale.dispute(won.session.id);
  clock.tick(2 * DAY);
  stripe.afterSale.closeDispute(String(lostDispute.object.id), 'lost');
  stripe.afterSale.closeDispute(String(wonDispute.object.id), 'won');
  clock.tick(4 * DAY);
  const renewal = stripe.afterSale.renew(plan.subscription);
  stripe.afterSale.refund(String(renewal.object.id), { amount: 500 });
  clock.at(now());
  sync(shop.app);
  return { ...shop, usd, eur, gbp, jpy, lost, won, plan };
}

describe('what Stripe kept, per sale and per campaign', () => {
  it("adds up exactly: each sale's fees and net to its balance transactions, the tab's rows to the sales, per mode and settlement currency", () => {
    const { app, stripe } = busyWeek();
    // Live sales, synced with a live key, are never added to test ones.
    stripe.addKey(LIVE_KEY);
    app.menu('connectStripeKey', { text: LIVE_KEY });
    stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 2000, currency: 'eur', livemode: true });
    stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 3000, livemode: true });
    sync(app);
    const { tab, ledger, settled } = settledTotals(app);
    expect(ledger).toEqual(settled);
    expect(tab).toEqual(ledger);
    // Every paid sale has its payment settled, in the account's USD: seven in test mode, two live.
    expect(Object.keys(tab).sort()).toEqual(['false/usd', 'true/usd']);
    expect([tab['false/usd']?.[0], tab['true/usd']?.[0]]).toEqual([7, 2]);
    expect(app.rows().every((row) => row.settlement_currency === 'usd')).toBe(true);
    expect(app.rows('Attribution (settled)').filter((row) => row.livemode === true)).toEqual([
      expect.objectContaining({ utm_source: 'newsletter', paid_sessions: 2, gross_settled: 51.6 }),
    ]);
  });

  it('takes off card fees, refunds, disputes and their fee, and counts a renewal and its refund against the sale that started the plan', () => {
    const { app, usd, lost, won, plan } = busyWeek();
    const row = (id: string) => app.rows().find((r) => r.session_id === id);
    // 100.00 USD at 2.9% + 0.30: 3.20 in fees; 25.00 refunded, the fee kept.
    expect(row(usd.session.id)).toMatchObject({ net_revenue: 75, settlement_currency: 'usd', fees: 3.2, net_settled: 71.8 });
    // Lost: 40.00 and a 15.00 dispute fee withdrawn, on top of the card fee of 1.46.
    expect(row(lost.session.id)).toMatchObject({ fees: 16.46, net_settled: -16.46 });
    // Won: the 60.00 comes back, the 15.00 dispute fee does not (card fee 2.04).
    expect(row(won.session.id)).toMatchObject({ fees: 17.04, net_settled: 42.96 });
    expect(
      settledOf(app, won.session.id)
        .map((txn) => txn.counted)
        .sort(),
    ).toEqual(['dispute won: amount back', 'dispute: amount and fee withdrawn', 'payment'].sort());
    // The weekly plan: its first payment and its renewal (each 15.00 at 0.74 in fees), 5.00 of the renewal refunded.
    expect(row(plan.session.id)).toMatchObject({ renewals: 1, fees: 1.48, net_settled: 23.52 });
    expect(
      settledOf(app, plan.session.id)
        .map((txn) => txn.counted)
        .sort(),
    ).toEqual(['payment', 'payment', 'refund']);
  });

  it("converts a EUR, GBP and JPY sale into the account's USD at Stripe's exchange_rate, with the conversion fee", () => {
    const { app, stripe, eur, jpy } = busyWeek();
    const [payment] = settledOf(app, eur.session.id);
    // Stripe's rate: units of the account's currency per unit of the sale's (the fake's fixed mid-market rate).
    expect(payment).toMatchObject({ type: 'charge', currency: 'usd', exchange_rate: DEFAULT_USD_RATES.eur });
    // 50.00 EUR is 54.00 USD; an international card (4.4% + 0.30) and the 1% conversion: 3.22.
    expect(payment).toMatchObject({ amount: 54, fee: 3.22, net: 50.78, amount_minor: 5400 });
    const row = app.rows().find((r) => r.session_id === eur.session.id);
    expect(row).toMatchObject({ currency: 'eur', amount: 50, settlement_currency: 'usd', fees: 3.22, net_settled: 50.78 });
    // A zero-decimal sale settles in cents all the same.
    const yen = app.rows().find((r) => r.session_id === jpy.session.id);
    expect(yen).toMatchObject({ currency: 'jpy', amount: 3000, settlement_currency: 'usd' });
    expect(minor(yen?.net_settled, 'usd')).toBe(
      stripe.balanceTransactions().find((txn) => txn.source === settledOf(app, jpy.session.id)[0]?.source)?.net,
    );
  });

  it("draws net settled per campaign in the account's currency, every campaign in one chart, and keeps one when refreshed again", () => {
    const { app } = busyWeek();
    const tab = app.workbook.sheet('Attribution (settled)');
    const titles = () => tab.charts.map((chart) => chart.options.title);
    expect(titles()).toEqual(['Net settled per campaign (USD, test mode)']);
    // Its bars are the tab's net_settled summed per campaign, in the account's currency.
    const byCampaign = new Map<string, number>();
    for (const row of app.rows('Attribution (settled)'))
      byCampaign.set(String(row.utm_campaign), (byCampaign.get(String(row.utm_campaign)) ?? 0) + minor(row.net_settled, 'usd'));
    const [header = [], ...data] = tab.values().map((row) => row.slice(-2));
    expect(header).toEqual(['chart: campaign', 'chart: net settled']);
    const bars = data.filter((row) => row[0] !== '');
    expect(new Map(bars.map(([campaign, net]) => [String(campaign), minor(net, 'usd')]))).toEqual(byCampaign);
    sync(app);
    expect(titles()).toEqual(['Net settled per campaign (USD, test mode)']);
  });

  it('has one row per campaign, source, medium, mode and settlement currency, in the currency of the account', () => {
    const { app } = busyWeek();
    const rows = app.rows('Attribution (settled)');
    expect(rows.map((row) => [row.utm_campaign, row.utm_source, row.settlement_currency, row.paid_sessions])).toEqual(
      expect.arrayContaining([
        ['spring_sale', 'newsletter', 'usd', 2],
        ['spring_sale', 'facebook', 'usd', 2],
        ['launch', 'google', 'usd', 3],
      ]),
    );
    expect(rows).toHaveLength(3);
    // gross_settled is what the payments brought in, converted: 100.00 + 54.00 for the newsletter.
    expect(rows.find((row) => row.utm_source === 'newsletter')).toMatchObject({ gross_settled: 154, fees: 6.42, net_settled: 122.58 });
    expect(app.summary('Attribution (settled)')).toMatch(
      /^USD, test mode: 7 paid sessions settled, [\d,.]+ USD charged; Stripe kept [\d,.]+ USD in fees/,
    );
    // Money in the account's currency's format; counts as whole numbers.
    const sheet = app.workbook.sheet('Attribution (settled)');
    expect([6, 7, 8, 9].map((column) => sheet.cell(2, column)?.numberFormat)).toEqual([
      '0',
      '#,##0.00 "USD"',
      '#,##0.00 "USD"',
      '#,##0.00 "USD"',
    ]);
  });

  it('settles in the currency of the account, whatever it is: a USD sale on a EUR account', () => {
    const { app, stripe, clock } = settledShop({ settlementCurrency: 'eur' });
    const sale = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10000 });
    clock.at(now());
    sync(app);
    const [payment] = settledOf(app, sale.session.id);
    expect(payment).toMatchObject({ currency: 'eur', exchange_rate: 0.925926 });
    expect(app.rows()[0]).toMatchObject({ currency: 'usd', amount: 100, settlement_currency: 'eur' });
    expect(app.rows('Attribution (settled)')[0]).toMatchObject({ settlement_currency: 'eur', gross_settled: payment?.amount });
    const { tab, ledger, settled } = settledTotals(app);
    expect(tab).toEqual(ledger);
    expect(ledger).toEqual(settled);
  });

  it('says plainly that fees cannot be read on IC+ pricing, leaves them blank, and still adds up', () => {
    const { app, stripe, clock } = settledShop({ pricing: 'ic_plus' });
    clock.at(now() - 3 * DAY);
    const a = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10000 });
    stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 4000 });
    stripe.afterSale.refund(a.session.id, { amount: 1000 });
    clock.at(now());
    sync(app);
    for (const row of app.rows()) expect(row).toMatchObject({ settlement_currency: 'usd', fees: '', net_settled: '' });
    const tab = app.rows('Attribution (settled)');
    expect(tab.find((row) => row.utm_source === 'newsletter')).toMatchObject({
      paid_sessions: 1,
      gross_settled: 100,
      fees: '',
      net_settled: '',
    });
    const summary = app.summary('Attribution (settled)');
    expect(summary).toContain('fees cannot be read (below)');
    expect(summary).toContain('Fees cannot be read for 2 sessions');
    expect(summary).toContain('IC+ (interchange plus) pricing');
    // Stripe's fees come the next morning as transactions of their own, for no one sale: recorded, counted for nothing.
    const apart = app.rows('Settled').filter((row) => row.type === 'stripe_fee');
    expect(apart.length).toBeGreaterThan(0);
    for (const row of apart)
      expect(row).toMatchObject({ source: '', counted: "not counted: Stripe's fees charged apart (IC+ pricing), for no one sale" });
    expect(summary).toMatch(/holds \d+ transactions? of fees charged apart \([\d,.-]+ USD\)/);
    expect(settledOf(app, a.session.id).find((txn) => txn.reporting_category === 'charge')).toMatchObject({
      fee: '',
      fee_minor: '',
      counted: 'payment (no fee shown: IC+ pricing)',
    });
    const totals = settledTotals(app);
    expect(totals.tab).toEqual(totals.ledger);
    expect(totals.ledger).toEqual(totals.settled);
  });

  it('stops the refresh, writing nothing, when the Settled tab has lost its header row', () => {
    const { app } = busyWeek();
    const sheet = app.workbook.sheet('Settled');
    const before = app.workbook.sheet('Reconciliation').values();
    app.workbook.write('Settled', [sheet.values()[0]!.map(() => '')], 'A1');
    app.menu('refreshAttribution');
    expect(app.workbook.sheet('Reconciliation').values()).toEqual(before);
    const status = app.workbook
      .sheet('Attribution')
      .values()
      .flat()
      .find((cell) => String(cell).startsWith('Refresh stopped'));
    expect(String(status)).toMatch(/Refresh stopped: .*Settled.*header row is missing/);
  });
});
