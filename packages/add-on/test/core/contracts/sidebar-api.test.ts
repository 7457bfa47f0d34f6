import {
  describeConflict,
  isConsented,
  readConsent,
  typedFields,
  type Conflict,
  type LinkFields,
} from '../../../src/core/contracts/sidebar-api';
import { isLinkHeader } from '../../../src/core/link-tabs/link-columns';
import { cellShows, mergeFields, replacedText } from '../../../src/core/links/tag-link';

const CAMPAIGN: Conflict = { row: 3, column: 'utm_campaign', header: 'Campaign', current: 'spring_sale', next: 'summer_sale' };

describe('consent to overwrite', () => {
  it('is needed only when something would be replaced', () => {
    expect(isConsented([], undefined)).toBe(true);
    expect(isConsented([CAMPAIGN], undefined)).toBe(false);
    expect(isConsented([CAMPAIGN], [])).toBe(false);
  });

  it('covers exactly the cells, values and replacements the user was shown', () => {
    expect(isConsented([CAMPAIGN], [CAMPAIGN])).toBe(true);
    expect(isConsented([CAMPAIGN], [{ ...CAMPAIGN, row: 4 }])).toBe(false);
    expect(isConsented([CAMPAIGN], [{ ...CAMPAIGN, column: 'utm_source' }])).toBe(false);
    expect(isConsented([CAMPAIGN], [{ ...CAMPAIGN, current: 'spring' }])).toBe(false);
    expect(isConsented([CAMPAIGN], [{ ...CAMPAIGN, next: 'autumn_sale' }])).toBe(false);
    // A new conflict that appeared since the question is not agreed to.
    expect(isConsented([CAMPAIGN, { ...CAMPAIGN, column: 'tagged_link', current: 'a', next: 'b' }], [CAMPAIGN])).toBe(false);
  });

  it('reads only well-formed conflicts from what a page sent', () => {
    expect(readConsent(undefined)).toBeUndefined();
    expect(readConsent(true)).toBeUndefined();
    expect(readConsent([CAMPAIGN, null, 'x', { row: '3', column: 'utm_campaign', current: 'a', next: 'b' }])).toEqual([CAMPAIGN]);
  });

  it('is asked in words that name the column, with or without the row', () => {
    expect(describeConflict(CAMPAIGN, false)).toBe('Campaign: spring_sale → summer_sale');
    expect(describeConflict(CAMPAIGN, true)).toBe('Row 3, Campaign: spring_sale → summer_sale');
  });
});

describe('what a write would replace', () => {
  it('nothing in an empty cell, or one that already shows the text', () => {
    expect(replacedText('', '', 'x')).toBeNull();
    expect(replacedText(null, '', 'x')).toBeNull();
    expect(replacedText('x', '', 'x')).toBeNull();
    expect(replacedText(2024, '', '2024')).toBeNull();
  });

  it('a filled cell that shows something else, formulas included', () => {
    expect(replacedText('spring_sale', '', 'summer_sale')).toBe('spring_sale');
    expect(replacedText(2023, '', '2024')).toBe('2023');
    expect(replacedText(true, '', 'x')).toBe('TRUE');
    expect(replacedText('', '=UTM_LINK(A2)', 'x')).toBe('=UTM_LINK(A2)');
    // A Plain text cell holding a stray apostrophe does not show the text.
    expect(replacedText("'carousel", '', 'carousel')).toBe("'carousel");
  });

  it('a cell shows text only when it holds exactly that text (or that number)', () => {
    expect(cellShows('a', 'a')).toBe(true);
    expect(cellShows(7, '7')).toBe(true);
    expect(cellShows('a ', 'a')).toBe(false);
    expect(cellShows(true, 'TRUE')).toBe(false);
  });
});

describe('mergeFields', () => {
  it("keeps the fallback's value where the primary one is blank, never blanking it", () => {
    const form = {
      payment_link: 'https://buy.stripe.com/x',
      utm_source: 'facebook',
      utm_medium: '',
      utm_campaign: 'summer',
      utm_term: '',
      utm_content: '',
      client_reference_id: '',
    };
    const row = {
      payment_link: '',
      utm_source: 'fb',
      utm_medium: 'paid_social',
      utm_campaign: 'spring',
      utm_content: 'carousel',
      client_reference_id: 'fb-0002',
    };
    expect(mergeFields(form, row)).toEqual({
      payment_link: 'https://buy.stripe.com/x',
      utm_source: 'facebook',
      utm_medium: 'paid_social',
      utm_campaign: 'summer',
      utm_term: undefined,
      utm_content: 'carousel',
      client_reference_id: 'fb-0002',
    });
  });

  it('keeps a number from the row as the number it is', () => {
    expect(mergeFields({ utm_campaign: '' }, { utm_campaign: 2024 }).utm_campaign).toBe(2024);
  });
});

describe('isLinkHeader', () => {
  it('needs a payment-link column and a utm_ column', () => {
    expect(isLinkHeader(['Payment link', 'Source'])).toBe(true);
    expect(isLinkHeader(['payment_link', 'client_reference_id'])).toBe(false);
    expect(isLinkHeader(['session_id', 'client_reference_id', 'payment_link', 'utm_source'])).toBe(true);
    expect(isLinkHeader(['utm_source', 'utm_medium'])).toBe(false);
  });
});

describe('what the user typed, as Tag selected rows is told it', () => {
  const ROW: LinkFields = {
    payment_link: 'https://buy.stripe.com/x',
    utm_source: 'facebook',
    utm_medium: 'paid_social',
    utm_campaign: 'spring_sale',
    utm_term: '',
    utm_content: 'carousel',
    client_reference_id: 'fb-0002',
  };

  it('leaves out every value the form was filled with from the active row', () => {
    expect(typedFields(ROW, ROW)).toEqual({});
  });

  it('keeps what the user changed, and leaves out what they emptied', () => {
    expect(typedFields({ ...ROW, utm_campaign: 'summer_sale', utm_term: 'shoes', utm_content: '' }, ROW)).toEqual({
      utm_campaign: 'summer_sale',
      utm_term: 'shoes',
    });
  });

  it('keeps every filled field of a form that was not filled from a row', () => {
    expect(typedFields({ ...ROW, utm_term: '' }, null)).toEqual({ ...ROW, utm_term: undefined });
  });
});
