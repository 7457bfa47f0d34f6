import fc from 'fast-check';
import { constantTimeEqual } from '../../../src/core/webhook/constant-time';

describe('constantTimeEqual', () => {
  const secret = 'kX9f2Qp7Lm3Zt8Rw1Yb6';

  it('accepts the secret itself', () => {
    expect(constantTimeEqual(secret, secret)).toBe(true);
    expect(constantTimeEqual(secret, secret.slice())).toBe(true);
  });

  it.each([
    ['the first character differs', `a${secret.slice(1)}`],
    ['the last character differs', `${secret.slice(0, -1)}a`],
    ['a prefix', secret.slice(0, -1)],
    ['one character more', `${secret}a`],
    ['a NUL more', `${secret}\u0000`],
    ['empty', ''],
    ['another case', secret.toLowerCase()],
    ['the secret twice', secret + secret],
  ])('refuses %s', (_, guess) => {
    expect(constantTimeEqual(secret, guess)).toBe(false);
  });

  it('never accepts anything when no secret is set', () => {
    expect(constantTimeEqual('', '')).toBe(false);
    expect(constantTimeEqual('', 'x')).toBe(false);
  });

  it('is string equality of a non-empty secret, for any strings', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', '\u0100'), maxLength: 6 }),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b && a.length > 0);
        expect(constantTimeEqual(a, a)).toBe(a.length > 0);
      }),
    );
  });
});
