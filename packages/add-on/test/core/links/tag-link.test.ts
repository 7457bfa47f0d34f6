import { checkLink } from '../../../src/core/links/payment-link';
import { describeProblems } from '../../../src/core/links/problem';
import { parseQuery, splitLink } from '../../../src/core/links/query-string';
import { formFills, LinkChecker, tagLink, type TagInput, type TagOutcome } from '../../../src/core/links/tag-link';

const STRIPE_EXAMPLE = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

function urlOf(outcome: TagOutcome): string {
  if (outcome.status !== 'tagged') throw new Error(`expected a tagged link, got ${JSON.stringify(outcome)}`);
  return outcome.url;
}

function messageOf(outcome: TagOutcome): string {
  if (outcome.status !== 'invalid') throw new Error(`expected problems, got ${JSON.stringify(outcome)}`);
  return describeProblems(outcome.problems);
}

describe("tagLink: Stripe's documented example", () => {
  const input: TagInput = {
    payment_link: STRIPE_EXAMPLE,
    utm_medium: 'earned_email',
    utm_source: 'marketo',
    utm_campaign: 'campaign_a',
  };

  it('writes the parameters in canonical order', () => {
    expect(urlOf(tagLink(input))).toBe(`${STRIPE_EXAMPLE}?utm_source=marketo&utm_medium=earned_email&utm_campaign=campaign_a`);
  });

  it("parses back to exactly the values Stripe's docs show", () => {
    const parts = splitLink(urlOf(tagLink(input)));
    expect(parts.base).toBe(STRIPE_EXAMPLE);
    expect(parts.fragment).toBeNull();
    const parsed = parseQuery(parts.query ?? '');
    expect(Object.fromEntries(parsed.map((p) => [p.name, p.value]))).toEqual({
      utm_medium: 'earned_email',
      utm_source: 'marketo',
      utm_campaign: 'campaign_a',
    });
    expect(parsed).toHaveLength(3);
  });

  it("leaves the docs' own tagged link as it is when given no values", () => {
    const documented = `${STRIPE_EXAMPLE}?utm_medium=earned_email&utm_source=marketo&utm_campaign=campaign_a`;
    expect(urlOf(tagLink({ payment_link: documented }))).toBe(documented);
    expect(urlOf(tagLink({ payment_link: documented, utm_source: '', utm_term: null }))).toBe(documented);
  });
});

describe('tagLink', () => {
  it('appends every parameter, client_reference_id last', () => {
    expect(
      urlOf(
        tagLink({
          payment_link: STRIPE_EXAMPLE,
          client_reference_id: 'order-42',
          utm_content: 'banner',
          utm_term: 'shoes',
          utm_campaign: 'spring',
          utm_medium: 'email',
          utm_source: 'news',
        }),
      ),
    ).toBe(
      `${STRIPE_EXAMPLE}?utm_source=news&utm_medium=email&utm_campaign=spring&utm_term=shoes&utm_content=banner&client_reference_id=order-42`,
    );
  });

  it('writes numbers as text', () => {
    expect(urlOf(tagLink({ payment_link: STRIPE_EXAMPLE, utm_source: 1, utm_medium: 2, utm_campaign: 2024, client_reference_id: 7 }))).toBe(
      `${STRIPE_EXAMPLE}?utm_source=1&utm_medium=2&utm_campaign=2024&client_reference_id=7`,
    );
  });

  it('is empty for an empty row', () => {
    expect(tagLink({ payment_link: '' })).toEqual({ status: 'empty' });
    expect(tagLink({ payment_link: null, utm_source: '', utm_medium: undefined })).toEqual({ status: 'empty' });
  });

  it('says the link is missing on a row that has values', () => {
    expect(tagLink({ payment_link: '', utm_source: 'news' })).toEqual({
      status: 'invalid',
      problems: [
        { parameter: 'payment_link', code: 'link_missing', reason: 'is empty; paste the Stripe Payment Link (https://buy.stripe.com/...)' },
      ],
    });
  });

  it('names every problem of a row, the link first, and gives no URL', () => {
    const outcome = tagLink({ payment_link: 'http://buy.stripe.com/x', utm_source: 'face book', utm_medium: 'ok', utm_term: true });
    expect(messageOf(outcome)).toBe(
      [
        'payment_link: "http://buy.stripe.com/x" starts with http://, not https://. Try https://buy.stripe.com/x',
        'utm_source: "face book" has a space; Stripe would drop it. Try face_book',
        'utm_term: is TRUE (a checkbox or TRUE/FALSE value), not text; type the value as text',
      ].join('\n'),
    );
  });

  it('puts link_missing before the value problems', () => {
    const outcome = tagLink({ payment_link: '', utm_campaign: 'Spring Sale' });
    expect(outcome.status === 'invalid' && outcome.problems.map((p) => p.code)).toEqual(['link_missing', 'invalid_characters']);
  });

  it('never passes on a value Stripe would drop', () => {
    for (const bad of ['Spring Sale', 'Été', '🔥', ' ', 'a'.repeat(151), 3.5, new Date(0)]) {
      const outcome = tagLink({ payment_link: STRIPE_EXAMPLE, utm_source: 'news', utm_medium: 'email', utm_campaign: bad });
      expect(outcome.status).toBe('invalid');
      expect(messageOf(outcome)).toMatch(/^utm_campaign: /);
    }
  });

  it('checks the tracking values the link already has, when they are kept', () => {
    const link = `${STRIPE_EXAMPLE}?utm_campaign=Spring+Sale&utm_source=a&utm_source=b`;
    expect(messageOf(tagLink({ payment_link: link, utm_medium: 'email' }))).toBe(
      [
        'utm_source: appears 2 times in the link and Stripe keeps only one; remove the repeats from the link or give a value for it here to replace it',
        'utm_campaign: in the link, "Spring Sale" has a space; Stripe would drop it. Try Spring_Sale',
      ].join('\n'),
    );
  });

  it('replaces bad tracking values in the link with the ones given', () => {
    const link = `${STRIPE_EXAMPLE}?utm_campaign=Spring+Sale&x=%E9&utm_source=a&utm_source=b#f`;
    expect(urlOf(tagLink({ payment_link: link, utm_campaign: 'Spring_Sale', utm_source: 'news', utm_medium: 'email' }))).toBe(
      `${STRIPE_EXAMPLE}?utm_campaign=Spring_Sale&x=%E9&utm_source=news&utm_medium=email#f`,
    );
  });

  it('flags a malformed %E9 in a tracking value of the link', () => {
    const required = { utm_source: 'news', utm_medium: 'email', utm_campaign: 'spring' };
    expect(messageOf(tagLink({ payment_link: `${STRIPE_EXAMPLE}?utm_term=%E9`, ...required }))).toBe(
      'utm_term: in the link, its value is not valid URL encoding; Stripe would drop it. Fix the link or give a value for it here to replace it',
    );
    expect(urlOf(tagLink({ payment_link: `${STRIPE_EXAMPLE}?utm_term=%E9`, ...required, utm_term: 'x' }))).toBe(
      `${STRIPE_EXAMPLE}?utm_term=x&utm_source=news&utm_medium=email&utm_campaign=spring`,
    );
  });

  it('tags each row against a shared LinkChecker without mixing rows up', () => {
    const links = new LinkChecker();
    const link = `${STRIPE_EXAMPLE}?utm_source=old&utm_campaign=c`;
    expect(urlOf(tagLink({ payment_link: link, utm_source: 'a', utm_medium: 'm' }, links))).toBe(
      `${STRIPE_EXAMPLE}?utm_source=a&utm_campaign=c&utm_medium=m`,
    );
    expect(urlOf(tagLink({ payment_link: link, utm_medium: 'b' }, links))).toBe(
      `${STRIPE_EXAMPLE}?utm_source=old&utm_campaign=c&utm_medium=b`,
    );
    expect(messageOf(tagLink({ payment_link: link }, links))).toMatch(/^utm_medium: is empty/);
  });
});

describe('LinkChecker', () => {
  it('answers like checkLink, for text and for other cells', () => {
    const links = new LinkChecker();
    for (const value of [STRIPE_EXAMPLE, 'http://x.com', '', null, 5, true]) {
      expect(links.check(value)).toEqual(checkLink(value));
      expect(links.check(value)).toEqual(checkLink(value));
    }
  });

  it('checks a repeated link once', () => {
    const links = new LinkChecker();
    expect(links.check(STRIPE_EXAMPLE)).toBe(links.check(STRIPE_EXAMPLE));
  });
});

describe('formFills: what the typed values fill in a row', () => {
  it('fills only the empty cells (and missing columns), never a filled one', () => {
    const own = { payment_link: STRIPE_EXAMPLE, utm_source: 'google', utm_medium: '', utm_campaign: null, utm_content: 0 };
    expect(
      formFills(own, { utm_source: 'bing', utm_medium: 'cpc', utm_campaign: 'winter', utm_term: 'shoes', utm_content: 'hero' }),
    ).toEqual({
      utm_medium: 'cpc',
      utm_campaign: 'winter',
      utm_term: 'shoes',
    });
  });

  it('an empty typed value fills nothing', () => {
    expect(formFills({ payment_link: '' }, { payment_link: '', utm_source: '' })).toEqual({});
  });
});
