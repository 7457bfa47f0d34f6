import { checkStripeKey, maskKey } from '../../../src/core/stripe/stripe-key';

const BODY = '51HqLyjWDarjtT1zdp7dcXyZabc4Yz9';

describe('checkStripeKey', () => {
  it.each([
    [`rk_test_${BODY}`, 'test'],
    [`rk_live_${BODY}`, 'live'],
    [`  rk_live_${BODY}\n`, 'live'],
    ['rk_test_0123456789', 'test'],
  ])('accepts the restricted key %j', (key, mode) => {
    expect(checkStripeKey(key)).toEqual({ ok: true, mode });
  });

  it.each([`sk_test_${BODY}`, `sk_live_${BODY}`, ` sk_live_${BODY} `])('refuses the secret key %j, saying it can move money', (key) => {
    const check = checkStripeKey(key);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.error).toMatch(/secret key/);
      expect(check.error).toMatch(/move money/);
      expect(check.error).toMatch(/restricted key \(rk_/);
    }
  });

  it.each([`pk_test_${BODY}`, `pk_live_${BODY}`])('refuses the publishable key %j', (key) => {
    const check = checkStripeKey(key);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(/publishable key/);
  });

  it.each([
    '',
    '   ',
    'rk_test_',
    'rk_test_012345678',
    `rk_prod_${BODY}`,
    `RK_LIVE_${BODY}`,
    `rk_live_${BODY.slice(0, 10)} ${BODY.slice(10)}`,
    `rk_live_${BODY}=1`,
    `whsec_${BODY}`,
    `rk_live_${BODY}\nsk_live_${BODY}`,
  ])('refuses %j as not a restricted key', (key) => {
    const check = checkStripeKey(key);
    expect(check).toEqual({
      ok: false,
      error: 'That does not look like a Stripe restricted key (it should start with rk_live_ or rk_test_).',
    });
  });
});

describe('maskKey', () => {
  it('keeps the prefix and the last four characters only', () => {
    expect(maskKey(`rk_live_${BODY}`)).toBe('rk_live_…4Yz9');
    expect(maskKey(`rk_test_${BODY}`)).toBe('rk_test_…4Yz9');
  });

  it('never shows the middle of the key', () => {
    const masked = maskKey(`rk_live_${BODY}`);
    expect(masked).not.toContain(BODY.slice(0, 8));
    expect(masked.length).toBeLessThan(`rk_live_${BODY}`.length / 2);
  });
});
