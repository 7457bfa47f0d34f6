import { describeProblem, describeProblems, listInWords, quote, type Problem } from '../../../src/core/links/problem';

describe('describeProblem', () => {
  it('puts the parameter name before the reason', () => {
    const problem: Problem = {
      parameter: 'utm_campaign',
      code: 'invalid_characters',
      reason: '"Spring Sale" has a space; Stripe would drop it. Try Spring_Sale',
      suggestion: 'Spring_Sale',
    };
    expect(describeProblem(problem)).toBe('utm_campaign: "Spring Sale" has a space; Stripe would drop it. Try Spring_Sale');
  });

  it('describes several problems one per line', () => {
    const problems: Problem[] = [
      { parameter: 'utm_source', code: 'only_spaces', reason: 'one' },
      { parameter: 'utm_term', code: 'too_long', reason: 'two' },
    ];
    expect(describeProblems(problems)).toBe('utm_source: one\nutm_term: two');
    expect(describeProblems([])).toBe('');
  });
});

describe('quote', () => {
  it('quotes short text as it is', () => {
    expect(quote('Spring Sale')).toBe('"Spring Sale"');
    expect(quote('')).toBe('""');
  });

  it('shows line breaks and other control characters', () => {
    expect(quote('a\nb\r')).toBe('"a⏎b⏎"');
    expect(quote('a\tb')).toBe('"a⇥b"');
    expect(quote('a\u0007b')).toBe('"a\uFFFDb"');
  });

  it('shortens long text to 40 characters, counting emoji as one', () => {
    const shown = quote('x'.repeat(100));
    expect(shown).toBe(`"${'x'.repeat(39)}…"`);
    expect(quote('🔥'.repeat(40))).toBe(`"${'🔥'.repeat(40)}"`);
    expect(quote('🔥'.repeat(41))).toBe(`"${'🔥'.repeat(39)}…"`);
  });
});

describe('listInWords', () => {
  it('joins with commas and "and"', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b'])).toBe('a and b');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
