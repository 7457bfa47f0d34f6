/**
 * How many decimals a currency's minor unit has, as Stripe counts them: none for zero-decimal
 * currencies (JPY, KRW, ...), three for KWD, BHD, JOD, OMR and TND, two for the rest. Shared by the
 * invoice line's text and the conversions of balance transactions.
 */

const ZERO_DECIMAL = ['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'];
const THREE_DECIMAL = ['bhd', 'jod', 'kwd', 'omr', 'tnd'];

export function decimalsOf(currency: string): number {
  const code = currency.toLowerCase();
  return ZERO_DECIMAL.includes(code) ? 0 : THREE_DECIMAL.includes(code) ? 3 : 2;
}
