import { FormulaError } from '../../../src/core/custom-functions/formula-grid';
import { utmClean, utmIssues, utmLink } from '../../../src/core/custom-functions/formulas';
import { LINK_FIELDS as LINK_ARGUMENTS } from '../../../src/core/link-tabs/link-columns';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
const PASTE_HINT = 'paste the Stripe Payment Link (https://buy.stripe.com/...)';

/** A one-column range, as Sheets passes it. */
const column = (...cells: unknown[]): unknown[][] => cells.map((cell) => [cell]);

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}

describe('utmLink', () => {
  it('takes its arguments in the documented order', () => {
    expect(LINK_ARGUMENTS).toEqual([
      'payment_link',
      'utm_source',
      'utm_medium',
      'utm_campaign',
      'utm_term',
      'utm_content',
      'client_reference_id',
    ]);
  });

  it('tags a single link with single values', () => {
    expect(utmLink([LINK, 'marketo', 'earned_email', 'campaign_a'])).toBe(
      `${LINK}?utm_source=marketo&utm_medium=earned_email&utm_campaign=campaign_a`,
    );
    expect(utmLink([LINK, 'news', 'email', 'spring', '', '', 'ref_1'])).toBe(
      `${LINK}?utm_source=news&utm_medium=email&utm_campaign=spring&client_reference_id=ref_1`,
    );
  });

  it('returns the link byte for byte when every value is empty and the link carries the required ones', () => {
    const link = `${LINK}?a=1&&b=%E9&utm_source=news&utm_medium=email&utm_campaign=spring#x?y`;
    expect(utmLink([link])).toBe(link);
    expect(utmLink([link, '', null, undefined])).toBe(link);
  });

  it('returns "" for a single empty call', () => {
    expect(utmLink([])).toBe('');
    expect(utmLink(['', '', ''])).toBe('');
  });

  it("raises a single value's problem as a FormulaError with the message", () => {
    const error = thrown(() => utmLink([LINK, 'news', 'email', 'Spring Sale']));
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe('utm_campaign: "Spring Sale" has a space; Stripe would drop it. Try Spring_Sale');
  });

  it('raises every problem of a single row, one per line', () => {
    const error = thrown(() => utmLink(['http://buy.stripe.com/x', 'face book', 3.5]));
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe(
      [
        'payment_link: "http://buy.stripe.com/x" starts with http://, not https://. Try https://buy.stripe.com/x',
        'utm_source: "face book" has a space; Stripe would drop it. Try face_book',
        'utm_medium: "3.5" has "."; Stripe would drop it. Try 3_5',
      ].join('\n'),
    );
  });

  it('answers ranges row by row: blank rows "", a bad row its message, its neighbours their URLs', () => {
    const result = utmLink([
      column(LINK, LINK, '', LINK, '', `${LINK}?utm_source=old#f`),
      column('news', 'face book', '', 2024, 'mail', 'ads'),
      'email',
      column('spring', 'spring', '', 'summer', '', 'fall'),
    ]);
    expect(result).toEqual([
      [`${LINK}?utm_source=news&utm_medium=email&utm_campaign=spring`],
      ['utm_source: "face book" has a space; Stripe would drop it. Try face_book'],
      [''],
      [`${LINK}?utm_source=2024&utm_medium=email&utm_campaign=summer`],
      [`payment_link: is empty; ${PASTE_HINT}`],
      [`${LINK}?utm_source=ads&utm_medium=email&utm_campaign=fall#f`],
    ]);
  });

  it('broadcasts a single link against columns of values', () => {
    expect(utmLink([LINK, column('a', '', 'c'), column('x', '', 'z'), 'spring'])).toEqual([
      [`${LINK}?utm_source=a&utm_medium=x&utm_campaign=spring`],
      [''],
      [`${LINK}?utm_source=c&utm_medium=z&utm_campaign=spring`],
    ]);
  });

  it('flags dates and booleans in a range without spoiling the other rows', () => {
    expect(utmLink([column(LINK, LINK, LINK), column(new Date(0), true, 'ok'), 'email', 'spring'])).toEqual([
      [expect.stringMatching(/^utm_source: is a date, not text/) as unknown],
      ['utm_source: is TRUE (a checkbox or TRUE/FALSE value), not text; type the value as text'],
      [`${LINK}?utm_source=ok&utm_medium=email&utm_campaign=spring`],
    ]);
  });

  it('rejects ranges of different heights, naming both arguments', () => {
    const error = thrown(() => utmLink([column(LINK, LINK), 'a', column('x', 'y', 'z')]));
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe(
      'utm_medium has 3 rows but payment_link has 2 rows; give ranges that cover the same rows, like A2:A and B2:B',
    );
  });

  it('rejects a range more than one column wide for one parameter', () => {
    const error = thrown(() => utmLink([LINK, [['a', 'b']]]));
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe('utm_source: give one column (like B2:B), not a range 2 columns wide');
  });

  it('rejects too many arguments', () => {
    const error = thrown(() => utmLink([LINK, 'a', 'b', 'c', 'd', 'e', 'f', 'g']));
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toMatch(/^expected at most 7 arguments \(payment_link, utm_source, .*\), got 8$/);
  });
});

describe('utmIssues', () => {
  it('is "" for a valid row and for an empty one', () => {
    expect(utmIssues([LINK, 'news', 'email', 'spring'])).toBe('');
    expect(utmIssues([])).toBe('');
    expect(utmIssues(['', '', ''])).toBe('');
  });

  it('returns every problem of a single row, one line each naming its parameter, without raising', () => {
    expect(utmIssues([LINK, 'news', ' ', 'Spring Sale', '', '', 'r'.repeat(201)])).toBe(
      [
        'utm_medium: is only spaces; Stripe would drop it. Clear the cell or type a value',
        'utm_campaign: "Spring Sale" has a space; Stripe would drop it. Try Spring_Sale',
        `client_reference_id: is 201 characters long (Stripe's limit is 200); Stripe would drop it. Try ${'r'.repeat(200)}`,
      ].join('\n'),
    );
  });

  it('answers ranges row by row', () => {
    expect(utmIssues([column(LINK, 'buy.stripe.com/x', '', ''), column('ok', 'ok', '', 'a/b'), 'email', 'spring'])).toEqual([
      [''],
      ['payment_link: "buy.stripe.com/x" does not start with https://. Try https://buy.stripe.com/x'],
      [''],
      [`payment_link: is empty; ${PASTE_HINT}\nutm_source: "a/b" has "/"; Stripe would drop it. Try a_b`],
    ]);
  });

  it('reports problems already in the link', () => {
    expect(utmIssues([`${LINK}?utm_source=a&utm_source=b`])).toMatch(/^utm_source: appears 2 times in the link/);
  });

  it('still rejects a call it cannot answer row by row', () => {
    expect(() => utmIssues([column(LINK), column('a', 'b')])).toThrow(FormulaError);
  });
});

describe('utmClean', () => {
  it('cleans a single value', () => {
    expect(utmClean('Été 2024 / Promo')).toBe('Ete_2024_Promo');
    expect(utmClean(2024)).toBe('2024');
    expect(utmClean(3.5)).toBe('3_5');
    expect(utmClean('')).toBe('');
  });

  it('lowercases with TRUE and not with FALSE or nothing', () => {
    expect(utmClean('Spring Sale', true)).toBe('spring_sale');
    expect(utmClean('Spring Sale', false)).toBe('Spring_Sale');
    expect(utmClean('Spring Sale', '')).toBe('Spring_Sale');
    expect(utmClean('Spring Sale', null)).toBe('Spring_Sale');
  });

  it.each([
    ['true', 'lowercase: use TRUE or FALSE, not "true"'],
    ['yes', 'lowercase: use TRUE or FALSE, not "yes"'],
    [1, 'lowercase: use TRUE or FALSE, not 1'],
    [[[true]], 'lowercase: use TRUE or FALSE, not that'],
  ])('rejects a lowercase argument that is not a boolean: %j', (lowercase, message) => {
    const error = thrown(() => utmClean('Spring Sale', lowercase));
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe(message);
  });

  it('raises for a single value with nothing usable, or that is not text', () => {
    const nothing = thrown(() => utmClean('🔥 / 🔥'));
    expect(nothing).toBeInstanceOf(FormulaError);
    expect(nothing.message).toBe(
      'value: "🔥 / 🔥" has no letters or digits Stripe accepts; type a value with only letters, digits, - and _',
    );
    const date = thrown(() => utmClean(new Date(0)));
    expect(date).toBeInstanceOf(FormulaError);
    expect(date.message).toMatch(/^value: is a date, not text/);
    expect(thrown(() => utmClean(false)).message).toMatch(/^value: is FALSE/);
  });

  it('cleans a 2D block of any shape, cell by cell', () => {
    expect(
      utmClean(
        [
          ['Spring Sale', '', 'Été'],
          [2024, '🔥', null],
          [true, ' x ', 'Mother’s Day'],
        ],
        true,
      ),
    ).toEqual([
      ['spring_sale', '', 'ete'],
      ['2024', 'value: "🔥" has no letters or digits Stripe accepts; type a value with only letters, digits, - and _', ''],
      ['value: is TRUE (a checkbox or TRUE/FALSE value), not text; type the value as text', 'x', 'mothers_day'],
    ]);
    expect(utmClean([['a b', 'c d']])).toEqual([['a_b', 'c_d']]);
    expect(utmClean(column('a b', 'c d'))).toEqual([['a_b'], ['c_d']]);
    expect(utmClean([])).toEqual([['']]);
  });

  it('cuts to 150 characters', () => {
    expect(utmClean('x'.repeat(300))).toBe('x'.repeat(150));
  });

  it('is idempotent through the formula', () => {
    const once = utmClean([['Été 2024 / Promo', "Mother's Day", ' a  b ']], true);
    expect(utmClean(once, true)).toEqual(once);
  });
});
