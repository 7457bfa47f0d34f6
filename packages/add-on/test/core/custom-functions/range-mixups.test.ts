/**
 * UTM_ISSUES over ranges sees what no single row shows (issue 17: every link attributable): a row
 * without a reference on a Payment Link other rows use, and a reference rows with other UTM
 * values share. Warnings: UTM_LINK still gives each link.
 */
import { utmIssues, utmLink } from '../../../src/core/custom-functions/formulas';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
const OTHER = 'https://buy.stripe.com/test_4gw5nPg1j1wmfXq3cd';
const col = (...values: unknown[]): unknown[][] => values.map((value) => [value]);

function issues(rows: Array<[link: string, source: string, reference: string]>): string[] {
  const result = utmIssues([
    col(...rows.map((row) => row[0])),
    col(...rows.map((row) => row[1])),
    col(...rows.map(() => 'email')),
    col(...rows.map(() => 'spring_sale')),
    col(...rows.map(() => '')),
    col(...rows.map(() => '')),
    col(...rows.map((row) => row[2])),
  ]);
  return (result as string[][]).map((row) => row[0] ?? '');
}

describe('UTM_ISSUES across the rows of its ranges', () => {
  it('warns on a row without a reference whose Payment Link other rows use, and not on a link of its own', () => {
    expect(
      issues([
        [LINK, 'newsletter', 'nl-1'],
        [`${LINK}?prefilled_email=a%40b.c`, 'facebook', 'fb-2'],
        [LINK, 'instagram', ''],
        [OTHER, 'google', ''],
      ]),
    ).toEqual([
      '',
      '',
      'client_reference_id: empty, and 2 other rows of the range use this Payment Link: their sales cannot be told apart. ' +
        'Give each row its own reference (Add references makes one per row)',
      '',
    ]);
  });

  it('warns on each row of a reference that rows with other UTM values share, never on a repeat of the same row', () => {
    const [first, second, third] = issues([
      [LINK, 'newsletter', 'spring-1'],
      [LINK, 'facebook', 'spring-1'],
      [LINK, 'newsletter', 'spring-1'],
    ]);
    expect(first).toBe(
      'client_reference_id: "spring-1" is also on 1 other row of the range with other UTM values: their sales cannot be told apart. ' +
        'Keep it on one row, clear it on the others, then run Add references',
    );
    expect(second).toMatch(/"spring-1" is also on 2 other rows of the range with other UTM values/);
    expect(third).toBe(first);
  });

  it('leaves UTM_LINK giving each link, and a single row with nothing to compare', () => {
    const links = utmLink([col(LINK, LINK), col('a', 'b'), col('email', 'email'), col('spring', 'spring')]) as string[][];
    expect(links.every(([link]) => link?.startsWith('https://'))).toBe(true);
    expect(utmIssues([LINK, 'newsletter', 'email', 'spring_sale'])).toBe('');
  });
});
