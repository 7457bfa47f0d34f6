/** The tab's own spellings: offered as the fix of a value Stripe would drop, so a bulk fix keeps one name one spelling. */
import { spelledAs, suggestAsSpelled, tabSpellings, usedValues } from '../../../src/core/link-tabs/spellings';
import { checkValue } from '../../../src/core/links/validate';

const DATA = [
  ['utm_source', 'utm_campaign'],
  ['newsletter', 'spring_sale'],
  ['facebook', 'spring_sale'],
  ['google', 'Spring Sale'],
  ['google', 'launch'],
];

function problemOf(parameter: 'utm_campaign' | 'utm_source', value: string) {
  const check = checkValue(parameter, value);
  if (check.status !== 'invalid') throw new Error(`${value} is valid`);
  return check.problem;
}

describe("a links tab's spellings", () => {
  it('counts the values Stripe keeps, most used first, leaving out those it drops', () => {
    expect(usedValues(DATA, 'utm_campaign', 2)).toEqual([
      { value: 'spring_sale', rows: 2 },
      { value: 'launch', rows: 1 },
    ]);
    expect(tabSpellings(DATA, { utm_source: 1 }).utm_campaign).toEqual([]);
  });

  it('finds the name spelled otherwise, never the same spelling', () => {
    const used = usedValues(DATA, 'utm_campaign', 2);
    expect(spelledAs('utm_campaign', 'Spring Sale', used)?.value).toBe('spring_sale');
    expect(spelledAs('utm_campaign', 'SPRING-sale', used)).toBeUndefined();
    expect(spelledAs('utm_campaign', 'spring_sale', used)).toBeUndefined();
  });

  it("offers the tab's spelling as the fix of a value Stripe would drop", () => {
    const spellings = tabSpellings(DATA, { utm_source: 1, utm_campaign: 2 });
    const fixed = suggestAsSpelled(problemOf('utm_campaign', 'Spring Sale'), 'Spring Sale', spellings);
    expect(fixed.suggestion).toBe('spring_sale');
    expect(fixed.reason).toBe('"Spring Sale" has a space; Stripe would drop it. Try spring_sale, as 2 rows of this tab spell it');
    // No spelling of that name in the tab: the cleaned value, as before.
    expect(suggestAsSpelled(problemOf('utm_campaign', 'Summer Sale'), 'Summer Sale', spellings).suggestion).toBe('Summer_Sale');
    expect(suggestAsSpelled(problemOf('utm_campaign', 'Spring Sale'), 'Spring Sale', null).suggestion).toBe('Spring_Sale');
  });

  it("never offers another row's reference, and leaves a parameter with a list to its list", () => {
    const data = [
      ['client_reference_id', 'utm_campaign'],
      ['fb_2', 'spring_sale'],
    ];
    const spellings = tabSpellings(data, { client_reference_id: 1, utm_campaign: 2 });
    const reference = checkValue('client_reference_id', 'fb/2');
    expect(reference.status === 'invalid' && suggestAsSpelled(reference.problem, 'fb/2', spellings).suggestion).toBe('fb_2');
    expect(reference.status === 'invalid' && suggestAsSpelled(reference.problem, 'fb/2', spellings).reason).not.toMatch(/of this tab/);
    const listed = { allowed: { utm_campaign: ['summer'] }, domains: [], tabs: ['Rules'] };
    expect(suggestAsSpelled(problemOf('utm_campaign', 'Spring Sale'), 'Spring Sale', spellings, listed).suggestion).toBe('Spring_Sale');
  });
});
