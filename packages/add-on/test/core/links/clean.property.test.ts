import fc from 'fast-check';
import { cleanValue } from '../../../src/core/links/clean';

const VALID = /^[A-Za-z0-9_-]*$/;

/** Text a marketer might paste: any Unicode, with the characters the cleaner treats specially mixed in. */
const tricky = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u00A0',
  '\u200B',
  '\uFEFF',
  '%',
  '%20',
  '%2',
  '%E9',
  '%C3%A9',
  '%25',
  '+',
  '/',
  '.',
  '&',
  '=',
  '#',
  '?',
  "'",
  '’',
  '´',
  '`',
  '＇',
  'É',
  'é',
  'ß',
  'ﬁ',
  'Ａ',
  'İ',
  'ı',
  'Ø',
  '½',
  '日',
  '🔥',
  '👩‍👩‍👧',
  '_',
  '-',
  'a',
  'Z',
  '7',
);
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 60 }),
  fc.string({ unit: tricky, maxLength: 60 }),
  fc.string({ unit: fc.oneof(tricky, fc.constantFrom('a', 'b', ' ')), minLength: 140, maxLength: 260 }),
);
const options = fc.record({
  maxLength: fc.option(fc.integer({ min: 1, max: 250 }), { nil: undefined }),
  lowercase: fc.option(fc.boolean(), { nil: undefined }),
});

describe('cleanValue (properties)', () => {
  it('always gives a value Stripe accepts, or "", never longer than maxLength', () => {
    fc.assert(
      fc.property(anyText, options, (text, opts) => {
        const cleaned = cleanValue(text, opts);
        expect(cleaned).toMatch(VALID);
        expect(cleaned.length).toBeLessThanOrEqual(opts.maxLength ?? 150);
        if (opts.lowercase === true) expect(cleaned).toBe(cleaned.toLowerCase());
      }),
    );
  });

  it('is idempotent, with and without lowercase', () => {
    fc.assert(
      fc.property(anyText, options, (text, opts) => {
        const once = cleanValue(text, opts);
        expect(cleanValue(once, opts)).toBe(once);
      }),
    );
  });

  it('leaves a value Stripe already accepts unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,150}$/), (text) => {
        expect(cleanValue(text)).toBe(text);
      }),
    );
  });

  it('cleans a value pasted from a URL as it cleans the value it encodes', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: tricky, maxLength: 40 }))
          .filter((text) => !text.includes('%')),
        (text) => {
          expect(cleanValue(encodeURIComponent(text))).toBe(cleanValue(text));
        },
      ),
    );
  });
});
