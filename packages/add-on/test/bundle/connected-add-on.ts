/**
 * Shared by the sync suites: a fake Stripe with a history of sales at the real clock, the add-on
 * set up and connected to it with a restricted key, and the last alert it showed.
 */
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';

export const KEY = 'rk_test_51LocalRestrictedKey0001';
// Sync windows are measured from the real clock, so the fake Stripe lives at the real now too.
export const now = (): number => Math.floor(Date.now() / 1000);

export function stripeWithHistory(sessions: number): FakeStripeApi {
  let clock = now() - 10 * 86_400;
  const stripe = new FakeStripeApi({ keys: [KEY], now: () => clock });
  for (let i = 0; i < sessions; i++) {
    clock += 600;
    stripe.scenario.paid({ currency: i % 3 === 0 ? 'jpy' : 'usd', clientReferenceId: `row-${String(i)}` });
  }
  return stripe;
}

export function connected(stripe: FakeStripeApi): AddOn {
  const app = new AddOn(stripe);
  app.setUp();
  app.menu('connectStripeKey', { text: KEY });
  return app;
}

export function lastAlert(app: AddOn): string {
  const entry = app.last?.services.ui.log.filter((e) => e.kind === 'alert').at(-1);
  return entry && 'prompt' in entry ? entry.prompt : '';
}
