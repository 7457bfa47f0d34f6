import {
  closestAllowed,
  domainWarning,
  locateRuleColumns,
  mergeRules,
  NO_RULES,
  readRulesTab,
  ruleProblem,
} from '../../../src/core/links/naming-rules';
import { describeProblem } from '../../../src/core/links/problem';
import { tagLink } from '../../../src/core/links/tag-link';
import { utmIssues, utmLink } from '../../../src/core/custom-functions/formulas';
import { checkCell } from '../../../src/core/links/cell-check';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
const RULES_TAB = [
  ['utm_source', 'UTM Medium', 'Campaign', 'utm_term', 'Payment link domain'],
  ['facebook', 'email', '', '', 'https://Pay.Example.com/'],
  ['instagram', 'paid_social', '', '', ''],
  ['newsletter', 'cpc', '', '', ''],
];
const rules = readRulesTab('Naming rules', RULES_TAB)!;

describe('recognising a rules tab by its header', () => {
  it('takes a header whose every cell names a UTM parameter or payment_link_domain, as people write them', () => {
    expect([...(locateRuleColumns(RULES_TAB[0]!) ?? new Map()).keys()]).toEqual([
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
      'payment_link_domain',
    ]);
    expect(locateRuleColumns(['', 'utm_source', ''])).not.toBeNull();
  });

  it('never takes a links tab, the add-on’s Attribution tab, or a tab of other data', () => {
    expect(locateRuleColumns(['payment_link', 'utm_source', 'utm_medium', 'utm_campaign'])).toBeNull();
    expect(locateRuleColumns(['utm_campaign', 'utm_source', 'utm_medium', 'currency', 'livemode', 'paid_sessions', 'revenue'])).toBeNull();
    expect(locateRuleColumns(['utm_source', 'Budget'])).toBeNull();
    expect(locateRuleColumns(['utm_source', 'client_reference_id'])).toBeNull();
    expect(locateRuleColumns(['utm_source', 'Source'])).toBeNull();
    expect(locateRuleColumns(['', ''])).toBeNull();
  });
});

describe('reading the lists', () => {
  it('lists each column’s values once, in order; an empty column takes anything; domains as hosts', () => {
    expect(rules).toEqual({
      allowed: { utm_source: ['facebook', 'instagram', 'newsletter'], utm_medium: ['email', 'paid_social', 'cpc'] },
      domains: ['pay.example.com'],
      tabs: ['Naming rules'],
    });
    expect(readRulesTab('Links', [['payment_link', 'utm_source']])).toBeNull();
  });

  it('adds two rules tabs together', () => {
    const other = readRulesTab('More rules', [
      ['utm_source', 'utm_content'],
      ['tiktok', 'hero'],
      ['facebook', ''],
    ])!;
    expect(mergeRules([rules, other])).toEqual({
      allowed: {
        utm_source: ['facebook', 'instagram', 'newsletter', 'tiktok'],
        utm_medium: ['email', 'paid_social', 'cpc'],
        utm_content: ['hero'],
      },
      domains: ['pay.example.com'],
      tabs: ['Naming rules', 'More rules'],
    });
  });
});

describe('the closest allowed value', () => {
  const allowed = ['facebook', 'instagram', 'newsletter', 'google_ads'];
  it.each([
    ['Facebook', 'facebook'],
    ['FACE-BOOK', 'facebook'],
    ['Facebook_Ads', 'facebook'],
    ['Instagram_Stories', 'instagram'],
    ['insta', 'instagram'],
    ['facebok', 'facebook'],
    ['newsleter', 'newsletter'],
    ['googleads', 'google_ads'],
  ])('%s → %s', (text, closest) => {
    expect(closestAllowed(text, allowed)).toBe(closest);
  });

  it('offers nothing when no allowed value is close', () => {
    expect(closestAllowed('tiktok', allowed)).toBeUndefined();
    expect(closestAllowed('fb', allowed)).toBeUndefined();
  });
});

describe('checking a value against the rules', () => {
  it('flags a value outside the list, naming the parameter, the tab and the closest allowed value', () => {
    expect(describeProblem(ruleProblem('utm_source', 'Facebook_Ads', rules)!)).toBe(
      'utm_source: "Facebook_Ads" is not in the list of the "Naming rules" tab; sales under two spellings are counted apart. Try facebook',
    );
    expect(ruleProblem('utm_source', 'Facebook_Ads', rules)?.suggestion).toBe('facebook');
  });

  it('counts a case difference as outside the list, suggesting the listed spelling', () => {
    const problem = ruleProblem('utm_source', 'Facebook', rules)!;
    expect(problem.reason).toMatch(/^"Facebook" is listed as facebook in the "Naming rules" tab/);
    expect(problem.suggestion).toBe('facebook');
  });

  it('lists the first few allowed values when none is close', () => {
    const many = readRulesTab('Rules', [['utm_source'], ...['a1', 'b2', 'c3', 'd4', 'e5', 'f6'].map((v) => [v])])!;
    expect(ruleProblem('utm_source', 'tiktok', many)?.reason).toMatch(/use one of a1, b2, c3, d4 and 2 more, or add it to the list$/);
  });

  it('lets anything through for a parameter without a list, and without rules', () => {
    expect(ruleProblem('utm_campaign', 'whatever', rules)).toBeUndefined();
    expect(ruleProblem('utm_source', 'whatever', NO_RULES)).toBeUndefined();
    expect(ruleProblem('utm_source', 'facebook', rules)).toBeUndefined();
  });
});

describe('links that are not Stripe Payment Links', () => {
  it('warns about a link off buy.stripe.com and the listed domains, never about those', () => {
    expect(describeProblem(domainWarning('https://example.com/buy', NO_RULES)!)).toBe(
      "payment_link: example.com is not buy.stripe.com nor a domain listed in your naming rules; if it is your Payment Links' custom domain, list it in a naming rules tab, a tab whose header is payment_link_domain",
    );
    expect(domainWarning(LINK, NO_RULES)).toBeUndefined();
    expect(domainWarning('https://PAY.example.com/abc?x=1', rules)).toBeUndefined();
    expect(domainWarning('https://example.com/buy', rules)?.reason).toMatch(/column of the "Naming rules" tab$/);
  });

  it('is a warning: the link is still tagged, and UTM_ISSUES shows the line', () => {
    const outcome = tagLink({ payment_link: 'https://example.com/buy', utm_source: 'facebook', utm_medium: 'email', utm_campaign: 'x' });
    expect(outcome).toMatchObject({ status: 'tagged', warnings: [{ parameter: 'payment_link', code: 'not_payment_link_domain' }] });
    expect(utmLink(['https://example.com/buy', 'facebook', 'email', 'x'])).toBe(
      'https://example.com/buy?utm_source=facebook&utm_medium=email&utm_campaign=x',
    );
    expect(utmIssues(['https://example.com/buy', 'facebook', 'email', 'x'])).toMatch(
      /^payment_link: example\.com is not buy\.stripe\.com nor a domain listed in your naming rules/,
    );
    expect(utmIssues([LINK, 'facebook', 'email', 'x'])).toBe('');
  });
});

describe('UTM_LINK and UTM_ISSUES with rules', () => {
  it('flag a value outside the list instead of a URL, and list it with the other problems', () => {
    expect(() => utmLink([LINK, 'Facebook_Ads', 'email', 'spring'], rules)).toThrow(/^utm_source: "Facebook_Ads" is not in the list/);
    expect(utmIssues([LINK, 'facebook', 'Email', 'spring'], rules)).toMatch(/^utm_medium: "Email" is listed as email/);
    expect(utmLink([LINK, 'facebook', 'email', 'spring'], rules)).toBe(`${LINK}?utm_source=facebook&utm_medium=email&utm_campaign=spring`);
  });

  it('checks a value the link already carries', () => {
    expect(utmIssues([`${LINK}?utm_source=Facebook`, '', 'email', 'spring'], rules)).toMatch(
      /^utm_source: in the link, "Facebook" is listed as facebook/,
    );
  });
});

describe('a value Stripe would drop, on a parameter with a list', () => {
  it('is offered the allowed value closest to its cleaned form, so one fix satisfies Stripe and the rules', () => {
    const outcome = tagLink(
      { payment_link: LINK, utm_source: 'Facebook Ads', utm_medium: 'paid social', utm_campaign: 'Spring Sale' },
      undefined,
      rules,
    );
    expect(outcome.status).toBe('invalid');
    const problems = outcome.status === 'invalid' ? outcome.problems : [];
    expect(problems.map((problem) => [problem.parameter, problem.suggestion])).toEqual([
      ['utm_source', 'facebook'],
      ['utm_medium', 'paid_social'],
      // No list for campaigns: the cleaned value.
      ['utm_campaign', 'Spring_Sale'],
    ]);
    expect(describeProblem(problems[0]!)).toBe(
      'utm_source: "Facebook Ads" has a space; Stripe would drop it. Try facebook, as the "Naming rules" tab spells it',
    );
  });

  it('keeps the cleaned value when nothing on the list is close, and Check selected cells says the same', () => {
    const outcome = tagLink({ payment_link: LINK, utm_source: 'Tik Tok', utm_medium: 'email', utm_campaign: 'spring' }, undefined, rules);
    expect(outcome.status === 'invalid' ? outcome.problems[0]?.suggestion : null).toBe('Tik_Tok');
    const verdict = checkCell('utm_source', 'Facebook Ads', { rowLink: LINK, rules });
    expect(verdict.kind === 'invalid' ? verdict.problem.suggestion : null).toBe('facebook');
  });
});
