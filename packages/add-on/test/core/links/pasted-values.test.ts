import { noteFor } from '../../../src/core/links/cell-check';
import { cleanValue } from '../../../src/core/links/clean';
import { pastedValue } from '../../../src/core/links/pasted-query';
import { checkValue } from '../../../src/core/links/validate';
import { checkLink } from '../../../src/core/links/payment-link';
import { utmClean } from '../../../src/core/custom-functions/formulas';

/** The suggestion a value gets in its column, or undefined when it gets none. */
function suggestionFor(parameter: Parameters<typeof checkValue>[0], value: unknown): string | undefined {
  const check = checkValue(parameter, value);
  if (check.status !== 'invalid') throw new Error(`expected ${String(value)} to be flagged`);
  return check.problem.suggestion;
}

describe('suggestions that keep the meaning (issue 17)', () => {
  it.each([
    ['utm_source', 'utm_source=facebook', 'facebook'],
    ['utm_source', '?utm_source=facebook', 'facebook'],
    ['utm_source', 'UTM_SOURCE=Face%20book', 'Face_book'],
    ['utm_medium', 'x&utm_medium=email', 'email'],
    ['utm_source', 'x&utm_medium=y', 'x'],
    ['utm_campaign', 'https://buy.stripe.com/x?utm_source=fb&utm_campaign=spring+sale', 'spring_sale'],
    ['client_reference_id', 'client_reference_id=row-7', 'row-7'],
  ] as const)('%s: %s → %s', (parameter, value, suggestion) => {
    expect(suggestionFor(parameter, value)).toBe(suggestion);
  });

  it('says a pasted name=value is part of a link, and offers nothing when it carries another parameter only', () => {
    const check = checkValue('utm_source', 'utm_medium=email');
    expect(check).toMatchObject({ status: 'invalid' });
    expect(check.status === 'invalid' && check.problem.reason).toBe(
      '"utm_medium=email" is part of a link (name=value pairs), not a value; Stripe would drop it. Type only the utm_source value',
    );
    expect(check.status === 'invalid' && check.problem.suggestion).toBeUndefined();
  });

  it('leaves other values with "=" to the usual cleaning', () => {
    expect(pastedValue('utm_campaign', 'a=b')).toBeUndefined();
    expect(suggestionFor('utm_campaign', 'a=b')).toBe('a_b');
  });

  it.each(['#ERROR!', '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'])(
    'a cell showing %s says it shows a formula error and offers no suggestion',
    (error) => {
      const check = checkValue('utm_campaign', error);
      expect(check).toEqual({
        status: 'invalid',
        problem: {
          parameter: 'utm_campaign',
          code: 'not_text',
          reason: `shows the formula error ${error}, not a value; fix the formula or type the value instead`,
        },
      });
      expect(checkLink(error)).toMatchObject({ status: 'invalid', problem: { reason: expect.stringMatching(/^shows the formula error/) } });
      expect(() => utmClean(error)).toThrow(/^value: shows the formula error/);
    },
  );

  it('keeps UTM_CLEAN as it was for a pasted pair: cleaning stays idempotent', () => {
    expect(utmClean('utm_source=facebook')).toBe('utm_source_facebook');
    expect(cleanValue(cleanValue('?utm_source=x&utm_medium=y'))).toBe(cleanValue('?utm_source=x&utm_medium=y'));
  });
});

describe('the Check selected cells note says each thing once (issue 17)', () => {
  it('names the mark once, then the problem with its fix, and no second "Suggested:" line', () => {
    const check = checkValue('utm_campaign', 'Spring Sale');
    if (check.status !== 'invalid') throw new Error('expected a problem');
    expect(noteFor(check.problem)).toBe(
      'Marked by Check selected cells:\nutm_campaign: "Spring Sale" has a space; Stripe would drop it. Try Spring_Sale',
    );
  });
});
