/**
 * What a payment becomes in the account's balance: the currency the account settles in, the
 * conversion into it (Stripe's `exchange_rate`: the charge's amount in major units times the rate is
 * the settled amount in major units), and what Stripe keeps (a payment's processing fee, a
 * chargeback's dispute fee).
 *
 * The rates and prices are ILLUSTRATIVE, fixed so tests are deterministic: shaped like Stripe's
 * published standard pricing (in the US 2.9% + 30¢ for a domestic card, +1.5% for an international
 * card, +1% when the payment is converted; ACH Direct Debit 0.8% capped at $5), but Stripe's real
 * prices vary by country, payment method and contract and change over time, and accounts on IC+
 * (interchange plus) pricing are charged differently: see `Pricing`. Stripe converts at the
 * mid-market rate of the moment and, on newer accounts, charges the conversion apart from the rate
 * (support.stripe.com "Understanding your currency conversion fees"); the fake does the same, with
 * one rate per currency for ever.
 */

import { decimalsOf } from './currencies';

/**
 * `standard`: each charge's balance transaction carries its fee (`fee`, `fee_details`).
 * `ic_plus`: interchange plus pricing, where Stripe cannot know a payment's network costs when it
 * settles it: the charge's balance transaction has `fee: 0` and no `fee_details`, and the fees are
 * assessed later, per day, as balance transactions of their own with no source
 * (`reporting_category: fee`; support.stripe.com "Fee refunds and reassessment when backdating a
 * switch to IC+" names them "Card payments (YYYY-MM-DD): ..."). The fake makes one such transaction
 * per day; Stripe splits them further (per-authorization fees, volume fees, network costs).
 */
export type Pricing = 'standard' | 'ic_plus';

export interface SettlementSettings {
  /** The account's settlement currency (lowercase). */
  currency: string;
  pricing: Pricing;
  /** Seconds between a charge and its balance transaction (Stripe's asynchronous capture). */
  delay: number;
  /** Mid-market rates: how many US dollars one major unit of each currency is worth. */
  usdRates: Readonly<Record<string, number>>;
}

/** Illustrative mid-market rates (USD per major unit). */
export const DEFAULT_USD_RATES: Readonly<Record<string, number>> = {
  usd: 1,
  eur: 1.08,
  gbp: 1.27,
  jpy: 0.0067,
  krw: 0.00073,
  kwd: 3.25,
  bhd: 2.65,
  cad: 0.73,
  aud: 0.66,
  chf: 1.13,
};

interface PriceList {
  /** Card countries that count as domestic for the account. */
  domestic: readonly string[];
  /** A domestic card: a share of the amount plus a fixed fee in the settlement currency's minor unit. */
  card: number;
  fixed: number;
  /** Added for a card issued elsewhere. */
  international: number;
  /** Added when the payment's currency is not the settlement currency. */
  conversion: number;
  /** Bank debits (ACH, SEPA, Bacs, ...): a share of the amount, capped. */
  debit: number;
  debitCap: number;
  /** A chargeback's dispute fee, in the settlement currency's minor unit. */
  disputeFee: number;
}

const EEA = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']; // prettier-ignore

/** Illustrative standard prices per settlement currency (the account's country's). */
const PRICE_LISTS: Readonly<Record<string, PriceList>> = {
  usd: { domestic: ['US'], card: 0.029, fixed: 30, international: 0.015, conversion: 0.01, debit: 0.008, debitCap: 500, disputeFee: 1500 },
  eur: { domestic: EEA, card: 0.015, fixed: 25, international: 0.0175, conversion: 0.02, debit: 0.008, debitCap: 600, disputeFee: 2000 },
  gbp: { domestic: ['GB'], card: 0.015, fixed: 20, international: 0.0175, conversion: 0.02, debit: 0.01, debitCap: 200, disputeFee: 2000 },
  jpy: { domestic: ['JP'], card: 0.036, fixed: 0, international: 0, conversion: 0.02, debit: 0.036, debitCap: Infinity, disputeFee: 1500 },
};

/** IC+ costs for the day's fee transaction, as a share of the settled amount (plus the fixed fee). */
const IC_PLUS_SHARE = 0.022;

export interface FeeLine {
  amount: number;
  description: string;
}

/** A payment converted into the settlement currency. */
export interface Settled {
  amount: number;
  /** Null when no conversion took place (Stripe's `exchange_rate`). */
  exchangeRate: number | null;
}

export function priceListOf(currency: string): PriceList {
  const list = PRICE_LISTS[currency.toLowerCase()];
  if (!list) {
    throw new Error(
      `FakeStripeApi: no illustrative prices for settlement currency ${currency}; use one of ${Object.keys(PRICE_LISTS).join(', ')}`,
    );
  }
  return list;
}

/** The rate Stripe shows: so many units of `to` per unit of `from`, six decimals. */
export function exchangeRate(settings: SettlementSettings, from: string, to: string): number {
  const rate = (code: string): number => {
    const value = settings.usdRates[code.toLowerCase()];
    if (value === undefined) throw new Error(`FakeStripeApi: no exchange rate for ${code}; give one in the exchangeRates option`);
    return value;
  };
  return Math.round((rate(from) / rate(to)) * 1e6) / 1e6;
}

/** `amount` (minor units of `currency`) in the settlement currency, with the rate when converted. */
export function settle(settings: SettlementSettings, amount: number, currency: string): Settled {
  if (currency.toLowerCase() === settings.currency) return { amount, exchangeRate: null };
  const rate = exchangeRate(settings, currency, settings.currency);
  const major = amount / 10 ** decimalsOf(currency);
  return { amount: Math.round(major * rate * 10 ** decimalsOf(settings.currency)), exchangeRate: rate };
}

export interface PaymentTerms {
  /** The settled amount (settlement currency, minor units). */
  settled: number;
  /** The payment's own currency. */
  currency: string;
  /** `card`, or a debit (`sepa_debit`, `us_bank_account`, ...). */
  methodType: string;
  /** The card's country, if known. */
  country: string | null;
}

/** The fee lines of a payment on standard pricing: processing, and the conversion when there was one. */
export function paymentFees(settings: SettlementSettings, terms: PaymentTerms): FeeLine[] {
  if (settings.pricing === 'ic_plus') return [];
  const prices = priceListOf(settings.currency);
  let processing: number;
  if (terms.methodType === 'card') {
    const domestic = terms.country !== null && prices.domestic.includes(terms.country);
    processing = Math.round(terms.settled * (prices.card + (domestic ? 0 : prices.international))) + prices.fixed;
  } else {
    processing = Math.min(Math.round(terms.settled * prices.debit), prices.debitCap);
  }
  const lines = [{ amount: processing, description: 'Stripe processing fees' }];
  if (terms.currency.toLowerCase() !== settings.currency) {
    lines.push({ amount: Math.round(terms.settled * prices.conversion), description: 'Currency conversion fee' });
  }
  return lines;
}

/** A chargeback's dispute fee (charged at withdrawal, not given back: see disputes.ts). */
export function disputeFee(settings: SettlementSettings): FeeLine {
  return { amount: priceListOf(settings.currency).disputeFee, description: 'Dispute fee' };
}

/** What IC+ pricing costs for one settled payment, assessed in the day's fee transaction. */
export function icPlusCost(settings: SettlementSettings, settled: number): number {
  return Math.round(settled * IC_PLUS_SHARE) + priceListOf(settings.currency).fixed;
}
