/**
 * Stripe amounts are integers in the currency's minor unit. How many decimals that unit has is
 * Stripe's rule, not ISO 4217's: see docs.stripe.com/currencies (zero-decimal, three-decimal and
 * the special cases).
 */

// Zero-decimal: 5000 JPY is ¥5,000.
const ZERO_DECIMAL = ['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'];
// Three-decimal: 12345 KWD is 12.345 KWD.
const THREE_DECIMAL = ['bhd', 'jod', 'kwd', 'omr', 'tnd'];
// ISK, HUF and TWD are special cases that Stripe's API still represents with two decimals,
// so they take the default.

/** Decimal places of a Stripe amount in `currency` (lowercase ISO code). */
export function minorUnitExponent(currency: string): number {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.indexOf(code) !== -1) return 0;
  if (THREE_DECIMAL.indexOf(code) !== -1) return 3;
  return 2;
}

/** 1999 usd -> 19.99; 5000 jpy -> 5000; 12345 kwd -> 12.345. Exact to the currency's decimals. */
export function toMajorUnits(amountMinor: number, currency: string): number {
  // Most money cells of a refresh are 0 (no refund, no dispute): no formatting needed.
  if (amountMinor === 0) return 0;
  const exponent = minorUnitExponent(currency);
  // Dividing then rounding to the exponent removes binary noise (e.g. 1.005 showing as 1.00499).
  return Number((amountMinor / Math.pow(10, exponent)).toFixed(exponent));
}

/** A Sheets number format that shows the amount with its currency's decimals and code: `#,##0.00 "USD"`. */
export function currencyNumberFormat(currency: string): string {
  const exponent = minorUnitExponent(currency);
  const decimals = exponent === 0 ? '' : `.${'0'.repeat(exponent)}`;
  return `#,##0${decimals} "${currency.toUpperCase().replace(/[^A-Z]/g, '')}"`;
}
