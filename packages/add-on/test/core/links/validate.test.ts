import { describeProblem } from '../../../src/core/links/problem';
import { TRACKING_PARAMETERS, isAcceptedValue, maxLengthOf } from '../../../src/core/links/stripe-rules';
import { checkText, checkValue, suggestValue } from '../../../src/core/links/validate';

/** The problem of a check that must be invalid. */
function problemOf(check: ReturnType<typeof checkValue>) {
  if (check.status !== 'invalid') throw new Error(`expected an invalid value, got ${JSON.stringify(check)}`);
  return check.problem;
}

describe('checkValue: the canonical case', () => {
  it('says what is wrong with "Spring Sale", why it matters and what would work', () => {
    const problem = problemOf(checkValue('utm_campaign', 'Spring Sale'));
    expect(describeProblem(problem)).toBe('utm_campaign: "Spring Sale" has a space; Stripe would drop it. Try Spring_Sale');
    expect(problem).toEqual({
      parameter: 'utm_campaign',
      code: 'invalid_characters',
      reason: '"Spring Sale" has a space; Stripe would drop it. Try Spring_Sale',
      suggestion: 'Spring_Sale',
    });
  });

  it('accepts valid values as they are', () => {
    expect(checkValue('utm_source', 'facebook')).toEqual({ status: 'valid', text: 'facebook' });
    expect(checkValue('utm_medium', 'paid-social_2')).toEqual({ status: 'valid', text: 'paid-social_2' });
  });

  it('treats empty cells as no value', () => {
    expect(checkValue('utm_term', '')).toEqual({ status: 'empty' });
    expect(checkValue('utm_term', null)).toEqual({ status: 'empty' });
    expect(checkValue('utm_term', undefined)).toEqual({ status: 'empty' });
  });
});

describe.each(TRACKING_PARAMETERS.map((parameter) => [parameter, maxLengthOf(parameter)] as const))(
  'length limit of %s (%i)',
  (parameter, limit) => {
    it('accepts a value exactly at the limit', () => {
      const text = 'a'.repeat(limit);
      expect(checkValue(parameter, text)).toEqual({ status: 'valid', text });
    });

    it('rejects a value one over the limit, saying its length and the limit, and suggests a cut one', () => {
      const problem = problemOf(checkValue(parameter, 'b'.repeat(limit + 1)));
      expect(problem.parameter).toBe(parameter);
      expect(problem.code).toBe('too_long');
      expect(problem.reason).toBe(
        `is ${limit + 1} characters long (Stripe's limit is ${limit}); Stripe would drop it. Try ${'b'.repeat(limit)}`,
      );
      expect(problem.suggestion).toBe('b'.repeat(limit));
    });

    it('names both the bad characters and the length when a value has both', () => {
      const problem = problemOf(checkValue(parameter, `Spring Sale ${'x'.repeat(limit)}`));
      expect(problem.code).toBe('invalid_characters');
      expect(problem.reason).toContain(`has a space and is ${limit + 12} characters long (Stripe's limit is ${limit})`);
      expect(problem.suggestion).toHaveLength(limit);
      expect(isAcceptedValue(parameter, problem.suggestion!)).toBe(true);
    });
  },
);

describe('checkValue: characters Stripe drops', () => {
  const cases: Array<[string, string, string | undefined]> = [
    // [value, phrase in the reason, suggestion]
    ['Été', 'accented letters "É" and "é"', 'Ete'],
    ['Straße', 'an accented letter "ß"', 'Strasse'],
    ['日本語', 'non-ASCII characters "日", "本" and "語"', undefined],
    ['🔥', 'an emoji "🔥"', undefined],
    ['hot🔥deal', 'an emoji "🔥"', 'hot_deal'],
    ['spring\u200Bsale', 'an invisible character (U+200B)', 'spring_sale'],
    ['spring\u00A0sale', 'a non-breaking space', 'spring_sale'],
    ['a+b', '"+"', 'a_b'],
    ['50%off', '"%"', '50_off'],
    ['Spring%20Sale', '"%"', 'Spring_Sale'],
    ['facebook/ads', '"/"', 'facebook_ads'],
    ['v1.2', '"."', 'v1_2'],
    ['a&b', '"&"', 'a_b'],
    ['a=b', '"="', 'a_b'],
    ['a#b', '"#"', 'a_b'],
    ['a?b', '"?"', 'a_b'],
    [' sale', 'a leading space', 'sale'],
    ['sale ', 'a trailing space', 'sale'],
    ['a\tb', 'a tab', 'a_b'],
    ['a\nb', 'a line break', 'a_b'],
    ['a\r\nb', 'a line break', 'a_b'],
  ];

  it.each(cases)('%j has %s', (value, phrase, suggestion) => {
    const problem = problemOf(checkValue('utm_content', value));
    expect(problem.parameter).toBe('utm_content');
    expect(problem.code).toBe('invalid_characters');
    expect(problem.reason).toContain(` has ${phrase}; Stripe would drop it. `);
    expect(problem.suggestion).toBe(suggestion);
    expect(problem.reason).toMatch(
      suggestion === undefined ? /Type it again with only letters, digits, - and _$/ : new RegExp(`Try ${suggestion}$`),
    );
  });

  it('quotes the value with line breaks made visible', () => {
    expect(problemOf(checkValue('utm_term', 'a\nb')).reason).toMatch(/^"a⏎b" has a line break;/);
  });

  it.each([' ', '   ', '\t', '\n', '\u00A0', ' \t\r\n '])('flags whitespace-only %j as only spaces, without a suggestion', (value) => {
    const problem = problemOf(checkValue('utm_source', value));
    expect(problem).toEqual({
      parameter: 'utm_source',
      code: 'only_spaces',
      reason: 'is only spaces; Stripe would drop it. Clear the cell or type a value',
    });
  });

  it('does not mistake an invisible character for a space', () => {
    const problem = problemOf(checkValue('utm_source', '\u200B'));
    expect(problem.code).toBe('invalid_characters');
    expect(problem.reason).toContain('an invisible character (U+200B)');
    expect(problem.suggestion).toBeUndefined();
  });
});

describe('checkValue: what is not text', () => {
  it('writes whole numbers as text', () => {
    expect(checkValue('utm_campaign', 2024)).toEqual({ status: 'valid', text: '2024' });
    expect(checkValue('client_reference_id', 0)).toEqual({ status: 'valid', text: '0' });
    expect(checkValue('utm_term', -5)).toEqual({ status: 'valid', text: '-5' });
  });

  it('flags a decimal number for its "." and suggests a valid value', () => {
    const problem = problemOf(checkValue('utm_campaign', 3.5));
    expect(describeProblem(problem)).toBe('utm_campaign: "3.5" has "."; Stripe would drop it. Try 3_5');
  });

  it('flags numbers above 2^53, whose digits Sheets has already rounded', () => {
    expect(checkValue('client_reference_id', 2 ** 53 - 1)).toEqual({ status: 'valid', text: '9007199254740991' });
    const problem = problemOf(checkValue('client_reference_id', 2 ** 53 + 2));
    expect(problem.code).toBe('not_text');
    expect(problem.reason).toContain('9007199254740994');
    expect(problem.suggestion).toBeUndefined();
  });

  it('flags dates and booleans rather than turning them into text', () => {
    const date = problemOf(checkValue('utm_campaign', new Date(2024, 2, 1)));
    expect(date.code).toBe('not_text');
    expect(describeProblem(date)).toMatch(/^utm_campaign: is a date, not text/);
    expect(date.suggestion).toBeUndefined();

    const yes = problemOf(checkValue('utm_source', true));
    expect(yes.code).toBe('not_text');
    expect(describeProblem(yes)).toBe('utm_source: is TRUE (a checkbox or TRUE/FALSE value), not text; type the value as text');
    expect(problemOf(checkValue('utm_source', false)).reason).toMatch(/^is FALSE/);
  });
});

describe('checkText', () => {
  it('counts characters, not UTF-16 code units, in the length it reports', () => {
    const problem = problemOf(checkText('utm_term', '🔥'.repeat(151)));
    expect(problem.reason).toContain('is 151 characters long');
  });
});

describe('suggestValue', () => {
  it('cleans to the parameter limit', () => {
    expect(suggestValue('utm_source', 'x'.repeat(300))).toBe('x'.repeat(150));
    expect(suggestValue('client_reference_id', 'x'.repeat(300))).toBe('x'.repeat(200));
  });

  it('gives nothing when nothing usable is left', () => {
    expect(suggestValue('utm_source', '🔥 / 🔥')).toBeUndefined();
  });
});
