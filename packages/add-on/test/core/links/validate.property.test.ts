import fc from 'fast-check';
import { describeProblem } from '../../../src/core/links/problem';
import { TRACKING_PARAMETERS, isAcceptedValue, maxLengthOf } from '../../../src/core/links/stripe-rules';
import { checkText, checkValue } from '../../../src/core/links/validate';

const parameter = fc.constantFrom(...TRACKING_PARAMETERS);

/** Non-empty text, often valid or nearly so, sometimes at or just over a limit. */
const text = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{145,205}$/),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-', ' ', '.', '/', 'é', '🔥', '\u200B', '\t', '%'), minLength: 1, maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('a', '-', 'é', ' '), minLength: 140, maxLength: 210 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
);

describe('checkText (properties)', () => {
  it('accepts exactly the values made of 1 to N letters, digits, - and _', () => {
    fc.assert(
      fc.property(parameter, text, (name, value) => {
        const accepted = new RegExp(`^[A-Za-z0-9_-]{1,${maxLengthOf(name)}}$`).test(value);
        const check = checkText(name, value);
        expect(check.status).toBe(accepted ? 'valid' : 'invalid');
        if (check.status === 'valid') expect(check.text).toBe(value);
      }),
    );
  });

  it('explains a rejected value, naming its parameter, and suggests only values Stripe accepts', () => {
    fc.assert(
      fc.property(parameter, text, (name, value) => {
        const check = checkText(name, value);
        if (check.status !== 'invalid') return;
        const { problem } = check;
        expect(problem.parameter).toBe(name);
        expect(describeProblem(problem).startsWith(`${name}: `)).toBe(true);
        expect(problem.reason).toContain('Stripe would drop it');
        if (problem.suggestion !== undefined) {
          expect(isAcceptedValue(name, problem.suggestion)).toBe(true);
          expect(problem.reason.endsWith(`Try ${problem.suggestion}`)).toBe(true);
        }
        const length = Array.from(value).length;
        if (length > maxLengthOf(name) && value.trim() !== '') {
          expect(problem.reason).toContain(`${length} characters long (Stripe's limit is ${maxLengthOf(name)})`);
        }
      }),
    );
  });
});

describe('checkValue (properties)', () => {
  it('writes every safe integer as text that Stripe accepts', () => {
    fc.assert(
      fc.property(parameter, fc.maxSafeInteger(), (name, n) => {
        expect(checkValue(name, n)).toEqual({ status: 'valid', text: String(n) });
      }),
    );
  });

  it('flags every integer beyond 2^53', () => {
    fc.assert(
      fc.property(parameter, fc.double({ min: 2 ** 53, max: 1e300, noNaN: true }), fc.boolean(), (name, n, negative) => {
        const check = checkValue(name, negative ? -n : n);
        expect(check.status).toBe('invalid');
        if (check.status === 'invalid') expect(check.problem.code).toBe('not_text');
      }),
    );
  });
});
