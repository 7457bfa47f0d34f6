import fc from 'fast-check';
import { currencyNumberFormat, minorUnitExponent, toMajorUnits } from '../../../src/core/stripe/currency';

// Stripe's lists (docs.stripe.com/currencies), not ISO 4217's.
const ZERO_DECIMAL = ['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'];
const THREE_DECIMAL = ['bhd', 'jod', 'kwd', 'omr', 'tnd'];
// ISK, HUF and TWD are zero-decimal in ISO terms but Stripe's API represents them with two.
const TWO_DECIMAL = ['usd', 'eur', 'gbp', 'cad', 'aud', 'chf', 'sek', 'inr', 'mxn', 'brl', 'isk', 'huf', 'twd'];

/** The exact decimal Stripe's integer stands for, written out digit by digit, as a JS number. */
function exactDecimal(amountMinor: number, exponent: number): number {
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return Number(`${amountMinor < 0 ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`);
}

describe('minorUnitExponent', () => {
  it.each(ZERO_DECIMAL)('%s has no minor unit', (code) => {
    expect(minorUnitExponent(code)).toBe(0);
    expect(minorUnitExponent(code.toUpperCase())).toBe(0);
  });

  it.each(THREE_DECIMAL)('%s has three decimals', (code) => {
    expect(minorUnitExponent(code)).toBe(3);
    expect(minorUnitExponent(code.toUpperCase())).toBe(3);
  });

  it.each(TWO_DECIMAL)('%s has two decimals', (code) => {
    expect(minorUnitExponent(code)).toBe(2);
  });
});

describe('toMajorUnits', () => {
  it.each([
    [5000, 'jpy', 5000],
    [5000, 'JPY', 5000],
    [1, 'krw', 1],
    [1999, 'usd', 19.99],
    [1999, 'USD', 19.99],
    [100, 'eur', 1],
    [0, 'usd', 0],
    [12345, 'kwd', 12.345],
    [1, 'bhd', 0.001],
    [1000, 'tnd', 1],
    [12345, 'huf', 123.45],
    [12345, 'isk', 123.45],
    [12345, 'twd', 123.45],
    [1005, 'usd', 10.05],
    [1015, 'usd', 10.15],
    [110, 'usd', 1.1],
    [29, 'usd', 0.29],
    [57, 'usd', 0.57],
    [1001, 'kwd', 1.001],
    [99999999, 'usd', 999999.99],
  ])('%d %s is %d', (minor, currency, major) => {
    // toBe is Object.is: 10.05 must be the very number 10.05, not 10.049999999999999.
    expect(toMajorUnits(minor, currency)).toBe(major);
  });

  it('gives the exact decimal for any amount in any exponent (no binary noise)', () => {
    const currency = fc.constantFrom(...ZERO_DECIMAL, ...THREE_DECIMAL, ...TWO_DECIMAL);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), currency, (minor, code) => {
        const major = toMajorUnits(minor, code);
        expect(major).toBe(exactDecimal(minor, minorUnitExponent(code)));
        // And back: the major amount times the unit is the integer Stripe sent.
        expect(Math.round(major * 10 ** minorUnitExponent(code))).toBe(minor);
      }),
    );
  });
});

describe('currencyNumberFormat', () => {
  it.each([
    ['usd', '#,##0.00 "USD"'],
    ['jpy', '#,##0 "JPY"'],
    ['kwd', '#,##0.000 "KWD"'],
    ['HUF', '#,##0.00 "HUF"'],
  ])('%s -> %s', (currency, format) => {
    expect(currencyNumberFormat(currency)).toBe(format);
  });

  it('keeps anything but letters out of the quoted code, so the format cannot be broken out of', () => {
    expect(currencyNumberFormat('u"s;d')).toBe('#,##0.00 "USD"');
  });
});
