/**
 * Conversion per campaign (issue 16): the Attribution tab's checkouts (every session of a group,
 * paid or not, and its expired ones) and conversion_rate, and a link row's checkouts; expired
 * checkouts keep the campaign they got, like sales, until Re-attribute past sales moves them.
 */
import type { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { edit, refresh, sell, shop } from './attribution-shop';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);

/** `times` checkouts through the reference's link that expire unpaid; opened a day before NOW unless `created` says when. */
function abandon(app: AddOn, stripe: FakeStripeApi, reference: string, times: number, created = NOW - 86_400): void {
  for (let i = 0; i < times; i++)
    expect(app.deliver(stripe.scenario.expired({ clientReferenceId: reference, created }).events[0]!)).toMatchObject({ ok: true });
}

const group = (app: AddOn, campaign: string, source: string, currency = 'usd') =>
  app.rows('Attribution').find((row) => row.utm_campaign === campaign && row.utm_source === source && row.currency === currency);

const linkRow = (app: AddOn, reference: string) => app.rows('Links').find((row) => row.client_reference_id === reference);

describe('conversion per campaign', () => {
  it('counts checkouts opened per group and per link row, and the share of them that paid', () => {
    const { app, stripe } = shop();
    sell(app, stripe, 'nl-1', 1000);
    abandon(app, stripe, 'nl-1', 3);
    abandon(app, stripe, 'fb-2', 5);
    abandon(app, stripe, 'nobody-has-this', 2);
    refresh(app);
    expect(group(app, 'spring_sale', 'newsletter')).toMatchObject({ paid_sessions: 1, checkouts: 4, conversion_rate: 0.25 });
    // A campaign whose visitors never paid still has its row.
    expect(group(app, 'spring_sale', 'facebook')).toMatchObject({ paid_sessions: 0, checkouts: 5, conversion_rate: 0, revenue: 0 });
    expect(group(app, '(unattributed)', '')).toMatchObject({ checkouts: 2, conversion_rate: 0 });
    expect(linkRow(app, 'nl-1')).toMatchObject({ paid_sessions: 1, checkouts: 4 });
    expect(linkRow(app, 'fb-2')).toMatchObject({ paid_sessions: 0, checkouts: 5 });
    expect(linkRow(app, 'g-3')).toMatchObject({ paid_sessions: 0, checkouts: 0 });
    // Shown as a percentage.
    const sheet = app.workbook.sheet('Attribution');
    const column = (sheet.values()[0] ?? []).indexOf('conversion_rate') + 1;
    expect(sheet.cell(2, column)?.numberFormat).toBe('0.0%');
    // Every expired session is counted once: Attribution's checkouts add up to the sessions plus the Checkouts tab.
    const expired = app.rows('Checkouts').reduce((sum, row) => sum + Number(row.checkouts), 0);
    const checkouts = app.rows('Attribution').reduce((sum, row) => sum + Number(row.checkouts), 0);
    expect(checkouts).toBe(app.rows().length + expired);
  });

  it('keeps the campaign an expired checkout got when the link row changes, and moves it only on Re-attribute past sales', () => {
    const { app, stripe } = shop();
    abandon(app, stripe, 'nl-1', 3);
    refresh(app);
    expect(app.rows('Checkouts')[0]).toMatchObject({ utm_campaign: 'spring_sale', utm_source: 'newsletter' });
    edit(app, 2, 'utm_campaign', 'spring_2027');
    // Checkouts of one day, reference and link share a bucket and its campaign: a rename counts from the next day's.
    abandon(app, stripe, 'nl-1', 1, NOW - 3600);
    refresh(app);
    expect(group(app, 'spring_sale', 'newsletter')).toMatchObject({ checkouts: 3 });
    expect(group(app, 'spring_2027', 'newsletter')).toMatchObject({ checkouts: 1 });
    app.menu('reattributePastSales', { button: 'YES' });
    expect(group(app, 'spring_sale', 'newsletter')).toBeUndefined();
    expect(group(app, 'spring_2027', 'newsletter')).toMatchObject({ checkouts: 4 });
  });
});
