/**
 * Revenue per campaign, end to end in the built add-on: link rows → tagged links → webhook
 * deliveries and sync → refreshAttribution as a trigger calls it → the tabs, read by header.
 */
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { fireTrigger } from '@stripe-utm-sheets/tools/services';
import { runInEditor } from './bundle';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const LINK_A = 'https://buy.stripe.com/test_springA';
const LINK_B = 'https://buy.stripe.com/test_launchB';
const HEADER = ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'client_reference_id', 'my notes'];
const LINKS = [
  HEADER,
  [LINK_A, 'newsletter', 'email', 'spring_sale', 'hero', 'nl-1', 'keep me'],
  [LINK_A, 'facebook', 'paid_social', 'spring_sale', 'carousel', 'fb-2', ''],
  [LINK_B, 'google', 'cpc', 'launch', '', 'g-3', ''],
  [LINK_B, 'partner', 'referral', 'blog', '', 'dup', ''],
  [LINK_B, 'partner', 'referral', 'other', '', 'dup', ''],
];

function shop(): { app: AddOn; stripe: FakeStripeApi } {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = new AddOn(stripe);
  app.setUp();
  app.workbook.write('Links', LINKS);
  return { app, stripe };
}

/** Runs refreshAttribution the way the hourly trigger runs a function: an execution without a Ui. */
function refreshAsTrigger(app: AddOn): void {
  const run = app.execution('trigger');
  try {
    run.runtime.call('refreshAttribution');
  } finally {
    run.services.endExecution();
  }
}

const byCampaign = (app: AddOn) =>
  Object.fromEntries(
    app.rows('Attribution').map((row) => [`${String(row.utm_campaign)}/${String(row.utm_source)}/${String(row.currency)}`, row]),
  );

function sell(app: AddOn, stripe: FakeStripeApi): void {
  const deliveries = [
    stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 1999, currency: 'usd' }),
    stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 2001, currency: 'usd' }),
    stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 2500, currency: 'eur' }),
    stripe.scenario.paid({ clientReferenceId: 'g-3', amount: 5000, currency: 'jpy' }),
    stripe.scenario.asyncPayment({ outcome: 'failed', clientReferenceId: 'g-3', currency: 'usd', amount: 700 }),
    stripe.scenario.paid({ clientReferenceId: 'dup', amount: 300, currency: 'usd' }),
    stripe.scenario.paid({ clientReferenceId: 'nobody', amount: 400, currency: 'usd' }),
    stripe.scenario.paid({ clientReferenceId: null, amount: 600, currency: 'usd' }),
  ];
  for (const { events } of deliveries) for (const event of events) expect(app.deliver(event)).toMatchObject({ ok: true });
}

describe('refreshAttribution, as a trigger runs it', () => {
  it('writes revenue per campaign, source and medium, per currency, with the unattributed apart', () => {
    const { app, stripe } = shop();
    sell(app, stripe);
    refreshAsTrigger(app);
    const rows = byCampaign(app);
    expect(rows['spring_sale/newsletter/usd']).toMatchObject({ utm_medium: 'email', livemode: false, paid_sessions: 2, revenue: 40 });
    expect(rows['spring_sale/facebook/eur']).toMatchObject({ paid_sessions: 1, revenue: 25 });
    expect(rows['launch/google/jpy']).toMatchObject({ paid_sessions: 1, revenue: 5000 });
    expect(rows['launch/google/usd']).toMatchObject({ paid_sessions: 0, revenue: 0, failed_sessions: 1 });
    expect(rows['(unattributed)//usd']).toMatchObject({ utm_source: '', utm_medium: '', paid_sessions: 3, revenue: 13 });
    expect(app.rows('Attribution')).toHaveLength(5);
  });

  it('adds up, per currency and mode, exactly to the paid amounts of Reconciliation', () => {
    const { app, stripe } = shop();
    sell(app, stripe);
    refreshAsTrigger(app);
    const paid = new Map<string, number>();
    for (const row of app.rows())
      if (row.payment_status === 'paid') paid.set(String(row.currency), (paid.get(String(row.currency)) ?? 0) + Number(row.amount_minor));
    const reported = new Map<string, number>();
    for (const row of app.rows('Attribution'))
      reported.set(String(row.currency), (reported.get(String(row.currency)) ?? 0) + Number(row.revenue));
    expect(Object.fromEntries(reported)).toEqual({ usd: 53, eur: 25, jpy: 5000 });
    expect(paid.get('usd')).toBe(5300);
    expect(paid.get('eur')).toBe(2500);
    expect(paid.get('jpy')).toBe(5000);
  });

  it('gives each sale in Reconciliation its campaign, and each link row its paid sessions and revenue, in new columns only', () => {
    const { app, stripe } = shop();
    sell(app, stripe);
    const before = app.workbook
      .sheet('Links')
      .values()
      .map((row) => row.slice(0, HEADER.length));
    refreshAsTrigger(app);
    const sales = app.rows();
    expect(sales.find((row) => row.client_reference_id === 'fb-2')).toMatchObject({
      utm_source: 'facebook',
      utm_medium: 'paid_social',
      utm_campaign: 'spring_sale',
      utm_content: 'carousel',
    });
    expect(sales.find((row) => row.client_reference_id === 'nobody')).toMatchObject({ utm_source: '', utm_campaign: '' });
    const links = app.rows('Links');
    expect(links.map((row) => [row.paid_sessions, row.revenue])).toEqual([
      [2, '40.00 USD (test)'],
      [1, '25.00 EUR (test)'],
      [1, '5,000 JPY (test)'],
      [0, ''],
      [0, ''],
    ]);
    expect(
      app.workbook
        .sheet('Links')
        .values()
        .map((row) => row.slice(0, HEADER.length)),
    ).toEqual(before);
  });

  it('says how much was attributed and why the rest was not, naming the shared reference', () => {
    const { app, stripe } = shop();
    sell(app, stripe);
    refreshAsTrigger(app);
    const summary = app.summary('Attribution');
    expect(summary).toMatch(
      /USD, test mode: 40\.00 USD of 53\.00 USD attributed \(75%\); not attributed: 1 session without a client_reference_id \(6\.00 USD paid\), 1 session with a reference no link row has \(4\.00 USD paid\), 1 session with a reference shared by rows with different UTM values \(3\.00 USD paid\)\./,
    );
    expect(summary).toMatch(/client_reference_id "dup" is on 2 rows with different UTM values \(Links row 5, Links row 6\)/);
  });

  it('gives the same tab, and one chart per currency, when refreshed again', () => {
    const { app, stripe } = shop();
    sell(app, stripe);
    refreshAsTrigger(app);
    const first = app.workbook.sheet('Attribution').values();
    refreshAsTrigger(app);
    refreshAsTrigger(app);
    expect(app.workbook.sheet('Attribution').values()).toEqual(first);
    const charts = app.workbook.sheet('Attribution').charts;
    expect(charts.map((chart) => [chart.type, chart.options.title])).toEqual([
      ['BAR', 'Net revenue per campaign (USD, test mode)'],
      ['BAR', 'Net revenue per campaign (JPY, test mode)'],
      ['BAR', 'Net revenue per campaign (EUR, test mode)'],
    ]);
  });

  it('runs after every sync, by itself', () => {
    const stripe = new FakeStripeApi({ keys: ['rk_test_51LocalRestrictedKey0001'], now: () => Math.floor(Date.now() / 1000) });
    const app = new AddOn(stripe);
    app.setUp();
    app.workbook.write('Links', LINKS);
    stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 1000, currency: 'usd' });
    app.menu('connectStripeKey', { text: 'rk_test_51LocalRestrictedKey0001' });
    app.menu('syncNow', { text: '30' });
    expect(byCampaign(app)['spring_sale/newsletter/usd']).toMatchObject({ paid_sessions: 1, revenue: 10 });
    runInEditor(app, 'chooseScheduledSync', '60');
    stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 500, currency: 'usd' });
    const [trigger] = app.triggers.toJSON().triggers;
    const run = app.execution('trigger');
    fireTrigger(run, trigger!.uniqueId);
    expect(byCampaign(app)['spring_sale/facebook/usd']).toMatchObject({ paid_sessions: 1, revenue: 5 });
  });
});

describe('Add references', () => {
  it('gives every link row without one its own, readable and unique, never replacing a typed one', () => {
    const { app } = shop();
    app.workbook.write(
      'Links',
      [
        [LINK_B, 'tiktok', 'paid_social', 'Black Friday', '', '', ''],
        [LINK_B, 'tiktok', 'paid_social', 'Black Friday', '', '', ''],
      ],
      'A7',
    );
    app.menu('addReferences');
    expect(app.rows('Links').map((row) => row.client_reference_id)).toEqual([
      'nl-1',
      'fb-2',
      'g-3',
      'dup',
      'dup',
      'black_friday-1',
      'black_friday-2',
    ]);
    app.menu('addReferences');
    expect(app.rows('Links').map((row) => row.client_reference_id)).toEqual([
      'nl-1',
      'fb-2',
      'g-3',
      'dup',
      'dup',
      'black_friday-1',
      'black_friday-2',
    ]);
    expect(app.last?.services.ui.log.at(-1)).toMatchObject({ kind: 'alert', prompt: 'Every link row already has a client_reference_id.' });
  });

  it('adds the column to a links tab that has none, after its last column', () => {
    const app = new AddOn();
    app.workbook.write('Campaigns', [
      ['Link', 'Source', 'Campaign', 'Owner'],
      [LINK_A, 'newsletter', 'Spring Sale', 'ana'],
    ]);
    app.menu('addReferences');
    expect(app.rows('Campaigns')).toEqual([
      { Link: LINK_A, Source: 'newsletter', Campaign: 'Spring Sale', Owner: 'ana', client_reference_id: 'spring_sale-1' },
    ]);
  });
});

describe('through the payment link, when the sale carries no reference a row has', () => {
  const KEY = 'rk_test_51LocalRestrictedKey0001';
  const SOLO = 'https://buy.stripe.com/test_soloLinkC';

  function soloShop(connect: boolean): { app: AddOn; stripe: FakeStripeApi } {
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => NOW });
    const app = new AddOn(stripe);
    app.setUp();
    app.workbook.write('Links', [...LINKS, [SOLO, 'podcast', 'audio', 'launch', '', '', '']]);
    if (connect) app.menu('connectStripeKey', { text: KEY });
    const solo = stripe.addPaymentLink({ url: SOLO });
    for (const { events } of [
      stripe.scenario.paid({ clientReferenceId: null, paymentLink: solo.id, amount: 900, currency: 'usd' }),
      stripe.scenario.paid({ clientReferenceId: 'nobody', paymentLink: solo.id, amount: 100, currency: 'usd' }),
      // LINK_A is on two rows: its link cannot say which.
      stripe.scenario.paid({
        clientReferenceId: null,
        paymentLink: stripe.addPaymentLink({ url: LINK_A }).id,
        amount: 50,
        currency: 'usd',
      }),
    ])
      for (const event of events) app.deliver(event);
    return { app, stripe };
  }

  it('attributes to the one row that uses the link, and fills the link URL next to the plink_ id', () => {
    const { app } = soloShop(true);
    refreshAsTrigger(app);
    expect(byCampaign(app)['launch/podcast/usd']).toMatchObject({ utm_medium: 'audio', paid_sessions: 2, revenue: 10 });
    expect(byCampaign(app)['(unattributed)//usd']).toMatchObject({ paid_sessions: 1, revenue: 0.5 });
    expect(app.summary('Attribution')).toMatch(/1 session through a payment link several rows use \(0\.50 USD paid\)/);
    const sale = app.rows().find((row) => row.amount_minor === 900);
    expect(sale).toMatchObject({ utm_source: 'podcast', payment_link_url: SOLO });
    const header = app.workbook.sheet('Reconciliation').values()[0] ?? [];
    expect(header.indexOf('payment_link_url')).toBe(header.indexOf('payment_link') + 1);
  });

  it('without a key, leaves them unattributed and says how to fix it', () => {
    const { app } = soloShop(false);
    refreshAsTrigger(app);
    expect(byCampaign(app)['launch/podcast/usd']).toBeUndefined();
    expect(app.summary('Attribution')).toMatch(
      /could not be attributed through their payment link: no Stripe key is connected\. Connect a restricted key with read access to Payment Links/,
    );
  });
});
