import { buildTaggedLink, checkLink, missingLinkProblem, type PreparedLink } from '../../../src/core/links/payment-link';
import { describeProblem, type Problem } from '../../../src/core/links/problem';
import type { TrackingParameter } from '../../../src/core/links/stripe-rules';

const STRIPE_EXAMPLE = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

function prepared(link: string): PreparedLink {
  const check = checkLink(link);
  if (check.status !== 'valid') throw new Error(`expected a valid link, got ${JSON.stringify(check)}`);
  return check.link;
}

function linkProblem(link: unknown): Problem {
  const check = checkLink(link);
  if (check.status !== 'invalid') throw new Error(`expected an invalid link, got ${JSON.stringify(check)}`);
  return check.problem;
}

const PASTE_HINT = 'paste the Stripe Payment Link (https://buy.stripe.com/...)';

describe('checkLink: links that are fine', () => {
  it.each([
    STRIPE_EXAMPLE,
    `${STRIPE_EXAMPLE}?utm_medium=earned_email&utm_source=marketo&utm_campaign=campaign_a`,
    `${STRIPE_EXAMPLE}?`,
    `${STRIPE_EXAMPLE}?a=1&`,
    `${STRIPE_EXAMPLE}#frag?x=1`,
    'HTTPS://BUY.STRIPE.COM/x',
    'https://pay.example.co.uk:8443/path/to?x=%E9',
    'https://buy.stripe.com',
  ])('%s', (link) => {
    const check = checkLink(link);
    expect(check.status).toBe('valid');
    if (check.status === 'valid') expect(check.link.text).toBe(link);
  });

  it('treats an empty cell as no link', () => {
    expect(checkLink('')).toEqual({ status: 'empty' });
    expect(checkLink(null)).toEqual({ status: 'empty' });
    expect(checkLink(undefined)).toEqual({ status: 'empty' });
  });
});

describe('checkLink: links that are not https payment links', () => {
  it('suggests https:// for an http:// link', () => {
    const problem = linkProblem('http://buy.stripe.com/x?a=1');
    expect(problem).toEqual({
      parameter: 'payment_link',
      code: 'link_invalid',
      reason: '"http://buy.stripe.com/x?a=1" starts with http://, not https://. Try https://buy.stripe.com/x?a=1',
      suggestion: 'https://buy.stripe.com/x?a=1',
    });
  });

  it('suggests https:// for a link without a scheme', () => {
    const problem = linkProblem('buy.stripe.com/x');
    expect(describeProblem(problem)).toBe('payment_link: "buy.stripe.com/x" does not start with https://. Try https://buy.stripe.com/x');
    expect(problem.suggestion).toBe('https://buy.stripe.com/x');
  });

  it('suggests the trimmed link for one with spaces around it', () => {
    expect(linkProblem(' https://buy.stripe.com/x ')).toMatchObject({
      reason: '" https://buy.stripe.com/x " has spaces around it. Try https://buy.stripe.com/x',
      suggestion: 'https://buy.stripe.com/x',
    });
    expect(linkProblem('https://buy.stripe.com/x\n').reason).toMatch(/^"https:\/\/buy\.stripe\.com\/x⏎" has a trailing line break\./);
    expect(linkProblem('\thttps://buy.stripe.com/x').suggestion).toBe('https://buy.stripe.com/x');
  });

  it('combines the fixes: spaces around an http link', () => {
    expect(linkProblem(' http://buy.stripe.com/x')).toMatchObject({
      reason: '" http://buy.stripe.com/x" has a leading space and starts with http://, not https://. Try https://buy.stripe.com/x',
      suggestion: 'https://buy.stripe.com/x',
    });
  });

  it.each([
    ['javascript:alert(1)', 'starts with javascript:, not https://'],
    ['ftp://buy.stripe.com/x', 'starts with ftp:, not https://'],
    ['https://', 'has no domain after https://'],
    ['https:///x', 'has no domain after https://'],
    ['https://?utm_source=a', 'has no domain after https://'],
    ['https://user@buy.stripe.com/x', 'has a user name or "@" before the domain'],
    ['https://user:pass@buy.stripe.com', 'has a user name or "@" before the domain'],
    ['https://localhost/x', 'has an invalid domain "localhost"'],
    ['https://-bad-.com/x', 'has an invalid domain "-bad-.com"'],
    ['https:buy.stripe.com', 'is not a complete https:// link'],
    ['Spring Sale', 'has a space, which a link cannot contain'],
    ['hello', 'is not a link'],
    ['https://buy.stripe.com/a b', 'has a space, which a link cannot contain'],
    ['https://buy.stripe.com/a\tb', 'has a line break or tab, which a link cannot contain'],
    ['https://buy.stripe.com/a\u200Bb', 'has an invisible character, which a link cannot contain'],
    ['https://buy.stripe.com/é', 'has "é", which a link cannot contain'],
    ['https://buy.stripe.com/a"b<c>', 'has """, "<" and ">", which a link cannot contain'],
  ])('%j %s, and suggests nothing', (link, reason) => {
    const problem = linkProblem(link);
    expect(problem.parameter).toBe('payment_link');
    expect(problem.code).toBe('link_invalid');
    expect(problem.suggestion).toBeUndefined();
    expect(problem.reason).toContain(` ${reason}; ${PASTE_HINT}`);
  });

  it('flags a link cell that is not text', () => {
    expect(linkProblem(true).reason).toMatch(/^is TRUE /);
    expect(linkProblem(new Date()).reason).toMatch(/^is a date/);
    expect(linkProblem(42).reason).toBe(`"42" is not a link; ${PASTE_HINT}`);
  });

  it('has a problem for a missing link', () => {
    expect(missingLinkProblem()).toEqual({ parameter: 'payment_link', code: 'link_missing', reason: `is empty; ${PASTE_HINT}` });
  });
});

describe('checkLink: tracking values already in the link', () => {
  const problemsOf = (link: string) => prepared(link).existingProblems;

  it('finds none in a clean link', () => {
    expect(problemsOf(`${STRIPE_EXAMPLE}?utm_medium=earned_email&utm_source=marketo&utm_campaign=campaign_a`)).toEqual({});
    expect(problemsOf(`${STRIPE_EXAMPLE}?utm_source=&a=Spring+Sale`)).toEqual({});
  });

  it('decodes + and %20 before checking a value', () => {
    for (const encoded of ['Spring+Sale', 'Spring%20Sale']) {
      const problem = problemsOf(`${STRIPE_EXAMPLE}?utm_campaign=${encoded}`).utm_campaign;
      expect(problem).toEqual({
        parameter: 'utm_campaign',
        code: 'invalid_characters',
        reason: 'in the link, "Spring Sale" has a space; Stripe would drop it. Try Spring_Sale',
        suggestion: 'Spring_Sale',
      });
    }
  });

  it('decodes encoded names: utm%5Fsource is utm_source', () => {
    const problem = problemsOf(`${STRIPE_EXAMPLE}?utm%5Fsource=a/b`).utm_source;
    expect(problem?.reason).toBe('in the link, "a/b" has "/"; Stripe would drop it. Try a_b');
  });

  it('flags a malformed escape in a tracking value, not in other parameters', () => {
    const problems = problemsOf(`${STRIPE_EXAMPLE}?utm_source=%E9&other=%E9`);
    expect(Object.keys(problems)).toEqual(['utm_source']);
    expect(problems.utm_source).toEqual({
      parameter: 'utm_source',
      code: 'invalid_characters',
      reason:
        'in the link, its value is not valid URL encoding; Stripe would drop it. Fix the link or give a value for it here to replace it',
    });
  });

  it('flags a tracking parameter repeated in the link', () => {
    const problems = problemsOf(`${STRIPE_EXAMPLE}?utm_source=a&x=1&utm%5Fsource=a`);
    expect(problems.utm_source).toEqual({
      parameter: 'utm_source',
      code: 'repeated_in_link',
      reason:
        'appears 2 times in the link and Stripe keeps only one; remove the repeats from the link or give a value for it here to replace it',
    });
  });

  it('flags a value in the link that is too long', () => {
    const problem = problemsOf(`${STRIPE_EXAMPLE}?client_reference_id=${'r'.repeat(201)}`).client_reference_id;
    expect(problem?.code).toBe('too_long');
    expect(problem?.reason).toContain("201 characters long (Stripe's limit is 200)");
    expect(problemsOf(`${STRIPE_EXAMPLE}?client_reference_id=${'r'.repeat(200)}`)).toEqual({});
  });

  it('ignores a tracking name inside the fragment', () => {
    expect(problemsOf(`${STRIPE_EXAMPLE}#utm_source=Spring+Sale`)).toEqual({});
  });
});

describe('buildTaggedLink', () => {
  const build = (link: string, values: ReadonlyArray<readonly [TrackingParameter, string]>) => buildTaggedLink(prepared(link), values);

  it("tags Stripe's example link", () => {
    expect(
      build(STRIPE_EXAMPLE, [
        ['utm_source', 'marketo'],
        ['utm_medium', 'earned_email'],
        ['utm_campaign', 'campaign_a'],
      ]),
    ).toBe(`${STRIPE_EXAMPLE}?utm_source=marketo&utm_medium=earned_email&utm_campaign=campaign_a`);
  });

  it.each([
    STRIPE_EXAMPLE,
    `${STRIPE_EXAMPLE}?`,
    `${STRIPE_EXAMPLE}?a=1&`,
    `${STRIPE_EXAMPLE}?a=1&&b=%E9#f?g`,
    `${STRIPE_EXAMPLE}#`,
    `${STRIPE_EXAMPLE}?utm_source=a&utm_source=b`,
  ])('adds nothing without values: %s comes back byte for byte', (link) => {
    expect(build(link, [])).toBe(link);
  });

  it.each([
    ['?a=1&b=2', '?a=1&b=2&utm_source=s&utm_medium=m'],
    ['?', '?utm_source=s&utm_medium=m'],
    ['?a=1&', '?a=1&utm_source=s&utm_medium=m'],
    ['?a=1&&', '?a=1&&utm_source=s&utm_medium=m'],
    ['?a=Spring+Sale&b=%E9&c', '?a=Spring+Sale&b=%E9&c&utm_source=s&utm_medium=m'],
    ['#frag', '?utm_source=s&utm_medium=m#frag'],
    ['#frag?x=1&y', '?utm_source=s&utm_medium=m#frag?x=1&y'],
    ['?a=1#frag?x=1', '?a=1&utm_source=s&utm_medium=m#frag?x=1'],
    ['?#', '?utm_source=s&utm_medium=m#'],
  ])('keeps the query and fragment: %s -> %s', (tail, expected) => {
    expect(
      build(STRIPE_EXAMPLE + tail, [
        ['utm_source', 's'],
        ['utm_medium', 'm'],
      ]),
    ).toBe(STRIPE_EXAMPLE + expected);
  });

  it('replaces an existing parameter where it stands and appends the new ones', () => {
    expect(
      build(`${STRIPE_EXAMPLE}?a=1&utm_source=old&b=2`, [
        ['utm_source', 'new'],
        ['utm_medium', 'm'],
      ]),
    ).toBe(`${STRIPE_EXAMPLE}?a=1&utm_source=new&b=2&utm_medium=m`);
  });

  it("replaces Stripe's own tagged example in place", () => {
    expect(
      build(`${STRIPE_EXAMPLE}?utm_medium=earned_email&utm_source=marketo&utm_campaign=campaign_a`, [
        ['utm_source', 'newsletter'],
        ['utm_term', 'shoes'],
      ]),
    ).toBe(`${STRIPE_EXAMPLE}?utm_medium=earned_email&utm_source=newsletter&utm_campaign=campaign_a&utm_term=shoes`);
  });

  it('collapses a repeated parameter to one, at its first place', () => {
    expect(build(`${STRIPE_EXAMPLE}?utm_source=a&x=1&utm_source=b&utm_source=c#f`, [['utm_source', 'new']])).toBe(
      `${STRIPE_EXAMPLE}?utm_source=new&x=1#f`,
    );
  });

  it('replaces an encoded name with the plain one', () => {
    expect(build(`${STRIPE_EXAMPLE}?utm%5Fsource=old&x=1`, [['utm_source', 'new']])).toBe(`${STRIPE_EXAMPLE}?utm_source=new&x=1`);
  });

  it('keeps tracking parameters it is not given, even invalid ones', () => {
    expect(build(`${STRIPE_EXAMPLE}?utm_campaign=Spring+Sale&utm_source=a`, [['utm_source', 'b']])).toBe(
      `${STRIPE_EXAMPLE}?utm_campaign=Spring+Sale&utm_source=b`,
    );
  });

  it('keeps a trailing & when it only replaces, and does not double it when it appends', () => {
    expect(build(`${STRIPE_EXAMPLE}?utm_source=a&`, [['utm_source', 'b']])).toBe(`${STRIPE_EXAMPLE}?utm_source=b&`);
    expect(
      build(`${STRIPE_EXAMPLE}?utm_source=a&`, [
        ['utm_source', 'b'],
        ['utm_medium', 'm'],
      ]),
    ).toBe(`${STRIPE_EXAMPLE}?utm_source=b&utm_medium=m`);
  });

  it('reuses a prepared link without changing it', () => {
    const link = prepared(`${STRIPE_EXAMPLE}?utm_source=a&x=1`);
    expect(buildTaggedLink(link, [['utm_source', 'b']])).toBe(`${STRIPE_EXAMPLE}?utm_source=b&x=1`);
    expect(buildTaggedLink(link, [['utm_medium', 'm']])).toBe(`${STRIPE_EXAMPLE}?utm_source=a&x=1&utm_medium=m`);
    expect(buildTaggedLink(link, [])).toBe(`${STRIPE_EXAMPLE}?utm_source=a&x=1`);
  });
});
