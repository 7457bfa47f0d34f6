/**
 * The custom functions as Sheets calls them: dist/Code.js in the local Apps Script runtime,
 * ranges as 2D arrays, blanks as "", numbers as numbers, dates as Date objects.
 */
import { ScriptError } from '@stripe-utm-sheets/tools/apps-script-runtime';
import { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';

/** Each call a fresh 'custom_function' execution over a spreadsheet, as Sheets runs them (they read the naming rules tabs). */
const app = new LocalAddOn();
const runtime = {
  call(name: string, ...args: unknown[]): unknown {
    const run = app.execution('custom_function');
    try {
      return run.runtime.call(name, ...args);
    } finally {
      run.services.endExecution();
    }
  },
};
const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

function callError(name: string, ...args: unknown[]): ScriptError {
  try {
    runtime.call(name, ...args);
  } catch (error) {
    if (error instanceof ScriptError) return error;
    throw error;
  }
  throw new Error(`${name} did not raise an error`);
}

describe('UTM_LINK', () => {
  it("tags Stripe's documented example link", () => {
    expect(runtime.call('UTM_LINK', LINK, 'marketo', 'earned_email', 'campaign_a')).toBe(
      `${LINK}?utm_source=marketo&utm_medium=earned_email&utm_campaign=campaign_a`,
    );
  });

  it('tags a whole column in one call, one result per row, blank rows blank', () => {
    const result = runtime.call(
      'UTM_LINK',
      column(LINK, `${LINK}?prefilled_email=a%40b.com#top`, '', LINK, ''),
      column('newsletter', 'facebook', '', 'Facebook Ads', ''),
      'email',
      column('spring_sale', 2024, '', 'spring_sale', ''),
      '',
      '',
      column('row-1', 'row-2', '', 'row-4', ''),
    );
    expect(result).toEqual([
      [`${LINK}?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale&client_reference_id=row-1`],
      [`${LINK}?prefilled_email=a%40b.com&utm_source=facebook&utm_medium=email&utm_campaign=2024&client_reference_id=row-2#top`],
      [''],
      ['utm_source: "Facebook Ads" has a space; Stripe would drop it. Try Facebook_Ads'],
      [''],
    ]);
  });

  it('names every bad value of a row and still tags its neighbours', () => {
    const result = runtime.call(
      'UTM_LINK',
      column('http://buy.stripe.com/x', LINK),
      column('Été', 'ok'),
      column(true, 'email'),
      column(new Date(Date.UTC(2024, 2, 1)), 'launch'),
    ) as string[][];
    const lines = result[0]![0]!.split('\n');
    expect(lines).toEqual([
      'payment_link: "http://buy.stripe.com/x" starts with http://, not https://. Try https://buy.stripe.com/x',
      expect.stringMatching(/^utm_source: "Été" has accented letters? .*Try Ete$/),
      expect.stringMatching(/^utm_medium: is TRUE /),
      expect.stringMatching(/^utm_campaign: is a date, not text/),
    ]);
    expect(result[1]).toEqual([`${LINK}?utm_source=ok&utm_medium=email&utm_campaign=launch`]);
  });

  it('raises the message, naming the parameter, for a single bad value', () => {
    const error = callError('UTM_LINK', LINK, 'newsletter', 'email', 'Spring Sale');
    expect(error.message).toBe('utm_campaign: "Spring Sale" has a space; Stripe would drop it. Try Spring_Sale');
  });

  it('replaces a parameter already in the link instead of repeating it', () => {
    expect(runtime.call('UTM_LINK', `${LINK}?utm_source=old&x=1&utm_source=older`, 'new', 'email', 'spring')).toBe(
      `${LINK}?utm_source=new&x=1&utm_medium=email&utm_campaign=spring`,
    );
  });

  it('rejects ranges of different heights, naming both', () => {
    expect(callError('UTM_LINK', column(LINK, LINK), column('a')).message).toMatch(/utm_source has 1 row but payment_link has 2/);
  });

  it('handles 50,000 rows in one call', () => {
    const rows = 50_000;
    const links = Array.from({ length: rows }, (_, i) => [i % 1000 === 7 ? 'not a link' : `${LINK}?n=${i % 50}`]);
    const campaigns = Array.from({ length: rows }, (_, i) => [`campaign_${i % 300}`]);
    const result = runtime.call('UTM_LINK', links, 'newsletter', 'email', campaigns) as string[][];
    expect(result).toHaveLength(rows);
    expect(result[0]).toEqual([`${LINK}?n=0&utm_source=newsletter&utm_medium=email&utm_campaign=campaign_0`]);
    expect(result[49_999]).toEqual([`${LINK}?n=49&utm_source=newsletter&utm_medium=email&utm_campaign=campaign_199`]);
    expect(result.filter(([cell]) => cell!.startsWith('payment_link:'))).toHaveLength(50);
  });
});

describe('UTM_ISSUES', () => {
  it('is empty for rows Stripe keeps whole and lists every problem otherwise', () => {
    const references = column('r-1', 'r-2', '');
    expect(
      runtime.call(
        'UTM_ISSUES',
        column(LINK, LINK, ''),
        column('ok', 'face book', ''),
        'email',
        column('x', 'a/b', ''),
        '',
        '',
        references,
      ),
    ).toEqual([
      [''],
      [
        'utm_source: "face book" has a space; Stripe would drop it. Try face_book\nutm_campaign: "a/b" has "/"; Stripe would drop it. Try a_b',
      ],
      [''],
    ]);
    // Without references, two rows on one Payment Link: their sales could never be told apart.
    expect(runtime.call('UTM_ISSUES', column(LINK, LINK), column('ok', 'newsletter'), 'email', 'x')).toEqual([
      [expect.stringMatching(/^client_reference_id: empty, and 1 other row of the range uses this Payment Link/)],
      [expect.stringMatching(/^client_reference_id: empty, and 1 other row/)],
    ]);
  });

  it('returns the problems for a single row instead of raising them', () => {
    expect(runtime.call('UTM_ISSUES', LINK, 'x'.repeat(151), 'email', 'spring')).toBe(
      `utm_source: is 151 characters long (Stripe's limit is 150); Stripe would drop it. Try ${'x'.repeat(150)}`,
    );
    expect(runtime.call('UTM_ISSUES', LINK, 'x'.repeat(150), 'email', 'spring')).toBe('');
  });
});

describe('UTM_CLEAN', () => {
  it('cleans single values and whole blocks', () => {
    expect(runtime.call('UTM_CLEAN', 'Été 2024 / Promo')).toBe('Ete_2024_Promo');
    expect(
      runtime.call(
        'UTM_CLEAN',
        [
          ['Spring Sale', ''],
          [2024, "Mother's Day"],
        ],
        true,
      ),
    ).toEqual([
      ['spring_sale', ''],
      ['2024', 'mothers_day'],
    ]);
  });

  it('raises an error when nothing Stripe accepts is left', () => {
    expect(callError('UTM_CLEAN', '日本語').message).toMatch(/^value: "日本語" has no letters or digits Stripe accepts/);
  });
});
