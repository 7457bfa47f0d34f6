import { checkCell, noteFor } from '../../../src/core/links/cell-check';
import { NO_RULES, readRulesTab } from '../../../src/core/links/naming-rules';
import { describeProblems } from '../../../src/core/links/problem';
import { tagLink } from '../../../src/core/links/tag-link';
import { utmIssues, utmLink } from '../../../src/core/custom-functions/formulas';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';

describe('utm_source, utm_medium and utm_campaign are required (issue 17)', () => {
  it('flags each one a row with a link leaves empty, naming it, and gives no URL', () => {
    const outcome = tagLink({ payment_link: LINK, utm_medium: 'email', utm_term: '' });
    expect(outcome.status).toBe('invalid');
    expect(outcome.status === 'invalid' && outcome.problems.map((p) => [p.parameter, p.code])).toEqual([
      ['utm_source', 'missing_required'],
      ['utm_campaign', 'missing_required'],
    ]);
    expect(describeProblems(outcome.status === 'invalid' ? outcome.problems : [])).toBe(
      [
        "utm_source: is empty; without it this link's sales cannot be told apart in revenue per campaign. Type where the traffic comes from, like newsletter or facebook",
        "utm_campaign: is empty; without it this link's sales cannot be told apart in revenue per campaign. Type the campaign, like spring_sale",
      ].join('\n'),
    );
  });

  it('UTM_LINK raises it for a single row and shows it in the row of a range; UTM_ISSUES lists it', () => {
    expect(() => utmLink([LINK, 'news', '', 'spring'])).toThrow(/^utm_medium: is empty;/);
    expect(utmLink([[[LINK], [LINK]], [['news'], ['news']], [['email'], ['']], 'spring'])).toEqual([
      [`${LINK}?utm_source=news&utm_medium=email&utm_campaign=spring`],
      [expect.stringMatching(/^utm_medium: is empty;/)],
    ]);
    expect(utmIssues([LINK, '', 'email', 'spring'])).toMatch(/^utm_source: is empty;/);
  });

  it('takes a value the link already carries; the optional ones add nothing when empty', () => {
    expect(tagLink({ payment_link: `${LINK}?utm_source=news`, utm_medium: 'email', utm_campaign: 'spring' })).toEqual({
      status: 'tagged',
      url: `${LINK}?utm_source=news&utm_medium=email&utm_campaign=spring`,
    });
    expect(tagLink({ payment_link: `${LINK}?utm_source=`, utm_medium: 'email', utm_campaign: 'spring' })).toMatchObject({
      status: 'invalid',
      problems: [{ parameter: 'utm_source', code: 'missing_required' }],
    });
  });

  it('asks for nothing on a row without a link, nor on an empty row', () => {
    expect(tagLink({ payment_link: '' })).toEqual({ status: 'empty' });
    expect(tagLink({ payment_link: '', utm_source: 'news' })).toMatchObject({ problems: [{ code: 'link_missing' }] });
  });
});

describe('Check selected cells on an empty required cell', () => {
  const withLink = { rowLink: LINK, rules: NO_RULES };
  it('marks it on a row with a payment link, naming the parameter', () => {
    const verdict = checkCell('utm_campaign', '', withLink);
    expect(verdict).toMatchObject({ kind: 'invalid', problem: { parameter: 'utm_campaign', code: 'missing_required' } });
    expect(verdict.kind === 'invalid' && noteFor(verdict.problem)).toMatch(/^Marked by Check selected cells:\nutm_campaign: is empty;/);
  });

  it('leaves it on a row without a link, an optional one, and one the link carries', () => {
    expect(checkCell('utm_campaign', '', { rowLink: '', rules: NO_RULES })).toEqual({ kind: 'empty' });
    expect(checkCell('utm_term', '', withLink)).toEqual({ kind: 'empty' });
    expect(checkCell('utm_source', '', { rowLink: `${LINK}?utm_source=news`, rules: NO_RULES })).toEqual({ kind: 'empty' });
  });

  it('marks a value outside the naming rules, with the closest allowed one', () => {
    const rules = readRulesTab('Naming rules', [['utm_source'], ['facebook']])!;
    const verdict = checkCell('utm_source', 'Facebook_Ads', { rowLink: LINK, rules });
    expect(verdict).toMatchObject({ kind: 'invalid', problem: { code: 'not_allowed', suggestion: 'facebook' } });
    expect(checkCell('utm_source', 'facebook', { rowLink: LINK, rules })).toEqual({ kind: 'valid' });
  });
});
