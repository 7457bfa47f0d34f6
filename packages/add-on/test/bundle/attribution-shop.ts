/**
 * Shared by the suites on kept attribution and re-attribution: a shop with three link rows, sales
 * delivered through the webhook, the refresh as a trigger runs it, link rows edited as a person
 * edits them, and readers for what the tabs say.
 */
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { columnOf } from './user-edits';

const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const LINK = 'https://buy.stripe.com/test_springA';
const HEADER = ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'client_reference_id'];
const LINKS = [
  HEADER,
  [LINK, 'newsletter', 'email', 'spring_sale', 'hero', 'nl-1'],
  [LINK, 'facebook', 'paid_social', 'spring_sale', 'carousel', 'fb-2'],
  [LINK, 'google', 'cpc', 'launch', '', 'g-3'],
];

export function shop(): { app: AddOn; stripe: FakeStripeApi } {
  const stripe = new FakeStripeApi({ now: () => NOW });
  const app = new AddOn(stripe);
  app.setUp();
  app.workbook.write('Links', LINKS);
  return { app, stripe };
}

export function sell(app: AddOn, stripe: FakeStripeApi, reference: string | null, amount: number, currency = 'usd'): void {
  for (const event of stripe.scenario.paid({ clientReferenceId: reference, amount, currency }).events)
    expect(app.deliver(event)).toMatchObject({ ok: true });
}

/** Runs refreshAttribution the way a trigger runs a function: an execution without a Ui. */
export function refresh(app: AddOn): void {
  const run = app.execution('trigger');
  try {
    run.runtime.call('refreshAttribution');
  } finally {
    run.services.endExecution();
  }
}

/** Types a value into a links tab cell, as a person would. */
export function edit(app: AddOn, row: number, header: string, value: string): void {
  const sheet = app.workbook.sheet('Links');
  app.workbook.writeInput(sheet, row, columnOf(sheet, header), value);
}

/** The Attribution tab as `campaign/source/currency` → [paid_sessions, revenue]. */
export function groups(app: AddOn): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    app
      .rows('Attribution')
      .map((row) => [`${String(row.utm_campaign)}/${String(row.utm_source)}/${String(row.currency)}`, [row.paid_sessions, row.revenue]]),
  );
}

/** Each sale's stored campaign, in the ledger's order. */
export const campaigns = (app: AddOn) => app.rows().map((row) => `${String(row.utm_campaign)}/${String(row.utm_source)}`);

/** Per currency and mode, the Attribution tab's revenue against the paid amounts of Reconciliation (minor units both, two-decimal currencies). */
export function addsUp(app: AddOn): void {
  const mode = (row: Record<string, unknown>) => `${String(row.currency)} ${String(row.livemode)}`;
  const paid: Record<string, number> = {};
  for (const row of app.rows()) if (row.payment_status === 'paid') paid[mode(row)] = (paid[mode(row)] ?? 0) + Number(row.amount_minor);
  const reported: Record<string, number> = {};
  for (const row of app.rows('Attribution')) reported[mode(row)] = (reported[mode(row)] ?? 0) + Math.round(Number(row.revenue) * 100);
  expect(reported).toEqual(paid);
}
