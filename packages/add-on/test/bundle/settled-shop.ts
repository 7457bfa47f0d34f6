/**
 * Shared by the settled suites: a shop whose Stripe account settles in one currency (the fake's
 * fees, conversions, refunds and disputes, as Stripe makes them), the add-on set up and connected
 * with a restricted key, sales made days ago at the real clock (the sync's windows are the real
 * clock's), and readers that hold the settled columns and tab to the Settled tab's minor units.
 */
import { FakeStripeApi, type FakeStripeApiOptions } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { KEY, now } from './connected-add-on';

const LINK = 'https://buy.stripe.com/test_springA';
export const LINKS = [
  ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'client_reference_id'],
  [LINK, 'newsletter', 'email', 'spring_sale', 'nl-1'],
  [LINK, 'facebook', 'paid_social', 'spring_sale', 'fb-2'],
  [LINK, 'google', 'cpc', 'launch', 'g-3'],
];

export interface SettledShop {
  app: AddOn;
  stripe: FakeStripeApi;
  /** The fake's clock, in Unix seconds; starts 10 days before the real now. */
  clock: { at(seconds: number): void; tick(seconds: number): void; now(): number };
}

export function settledShop(options: Omit<FakeStripeApiOptions, 'now' | 'keys'> = {}): SettledShop {
  let time = now() - 10 * 86_400;
  const stripe = new FakeStripeApi({ ...options, keys: [KEY], now: () => time });
  const app = new AddOn(stripe);
  app.setUp();
  app.workbook.write('Links', LINKS);
  app.menu('connectStripeKey', { text: KEY });
  return {
    app,
    stripe,
    clock: {
      at: (seconds) => (time = seconds),
      tick: (seconds) => (time += seconds),
      now: () => time,
    },
  };
}

/** Sync now (the first one 30 days back), then the refresh it runs. */
export function sync(app: AddOn): void {
  app.menu('syncNow', { text: '30' });
}

export const minor = (value: unknown, currency: unknown): number => {
  const exponent = currency === 'jpy' ? 0 : currency === 'kwd' ? 3 : 2;
  return value === '' || value === undefined ? 0 : Math.round(Number(value) * 10 ** exponent);
};

/** The Settled tab's transactions that count against `sessionId`, from the minor-unit columns Stripe's numbers went into. */
export function settledOf(app: AddOn, sessionId: string): Array<Record<string, unknown>> {
  return app.rows('Settled').filter((row) => row.session_id === sessionId && !String(row.counted).startsWith('not counted'));
}

/**
 * Per mode and settlement currency: the Attribution (settled) tab's columns, Reconciliation's, and
 * the Settled tab's, summed in minor units. They must be equal.
 */
export function settledTotals(app: AddOn): {
  tab: Record<string, number[]>;
  ledger: Record<string, number[]>;
  settled: Record<string, number[]>;
} {
  const key = (livemode: unknown, currency: unknown) => `${String(livemode)}/${String(currency)}`;
  const add = (totals: Record<string, number[]>, at: string, values: number[]) => {
    const sums = (totals[at] ??= values.map(() => 0));
    values.forEach((value, i) => (sums[i] = (sums[i] ?? 0) + value));
  };
  const tab: Record<string, number[]> = {};
  for (const row of app.rows('Attribution (settled)')) {
    const currency = row.settlement_currency;
    add(tab, key(row.livemode, currency), [
      Number(row.paid_sessions),
      minor(row.gross_settled, currency),
      minor(row.fees, currency),
      minor(row.net_settled, currency),
    ]);
  }
  const ledger: Record<string, number[]> = {};
  const settled: Record<string, number[]> = {};
  for (const row of app.rows()) {
    const currency = row.settlement_currency;
    if (currency === '' || currency === undefined) continue;
    const counted = settledOf(app, String(row.session_id));
    const fees = row.fees === '' ? 0 : minor(row.fees, currency);
    const net = row.net_settled === '' ? 0 : minor(row.net_settled, currency);
    const gross = counted.filter((txn) => txn.reporting_category === 'charge').reduce((sum, txn) => sum + Number(txn.amount_minor), 0);
    add(ledger, key(row.livemode, currency), [1, gross, fees, net]);
    // Fees and net blank where they cannot be read: then they count in no total.
    const readable = row.fees !== '';
    add(settled, key(row.livemode, currency), [
      1,
      gross,
      readable ? counted.reduce((sum, txn) => sum + Number(txn.fee_minor || 0), 0) : 0,
      readable ? counted.reduce((sum, txn) => sum + Number(txn.net_minor), 0) : 0,
    ]);
  }
  return { tab, ledger, settled };
}
