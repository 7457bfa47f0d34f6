import { cleanValue, foldToAscii } from '../../../src/core/links/clean';

describe('cleanValue', () => {
  it.each([
    ['Spring Sale', 'Spring_Sale'],
    ['Été 2024 / Promo', 'Ete_2024_Promo'],
    ['Straße', 'Strasse'],
    ['Œuvre Ærø', 'OEuvre_AEro'],
    ['ﬁnal', 'final'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['Ｍother＇s Day', 'Mothers_Day'],
    ["Mother's Day", 'Mothers_Day'],
    ['Mother’s Day', 'Mothers_Day'],
    ['Mother´s Day', 'Mothers_Day'],
    ['facebook/ads', 'facebook_ads'],
    ['a + b', 'a_b'],
    ['a.b.c', 'a_b_c'],
    ['a&b=c#d?e', 'a_b_c_d_e'],
    ['  padded  ', 'padded'],
    ['\tspring\nsale\r\n', 'spring_sale'],
    ['spring\u00A0sale', 'spring_sale'],
    ['spring\u200Bsale', 'spring_sale'],
    ['🔥hot🔥deal🔥', 'hot_deal'],
    ['--already_valid--', '--already_valid--'],
    ['a -- b', 'a_--_b'],
  ])('%j -> %j', (input, expected) => {
    expect(cleanValue(input)).toBe(expected);
  });

  it('decodes percent escapes pasted from a URL', () => {
    expect(cleanValue('Spring%20Sale')).toBe('Spring_Sale');
    expect(cleanValue('%C3%89t%C3%A9')).toBe('Ete');
    expect(cleanValue('Mother%27s%20Day')).toBe('Mothers_Day');
  });

  it('keeps malformed escapes as typed, then cleans them like any other characters', () => {
    expect(cleanValue('100%')).toBe('100');
    expect(cleanValue('%E9t%E9')).toBe('E9t_E9');
    expect(cleanValue('50%off')).toBe('50_off');
  });

  it('gives "" when nothing Stripe accepts is left', () => {
    for (const nothing of ['', ' ', '\t\n', '日本語', '🔥', '\u200B', '///', "'"]) expect(cleanValue(nothing)).toBe('');
  });

  it('lowercases on request', () => {
    expect(cleanValue('Été Sale', { lowercase: true })).toBe('ete_sale');
    expect(cleanValue('Été Sale', { lowercase: false })).toBe('Ete_Sale');
  });

  it('cuts to 150 characters by default and to maxLength when given', () => {
    expect(cleanValue('x'.repeat(151))).toBe('x'.repeat(150));
    expect(cleanValue('x'.repeat(150))).toBe('x'.repeat(150));
    expect(cleanValue('x'.repeat(250), { maxLength: 200 })).toBe('x'.repeat(200));
    // The cut counts the cleaned value, not the input.
    expect(cleanValue('é'.repeat(150))).toBe('e'.repeat(150));
    expect(cleanValue(`${'a'.repeat(149)} b`)).toBe(`${'a'.repeat(149)}_`);
  });

  it('is idempotent on the examples', () => {
    for (const input of ['Spring Sale', 'Été 2024 / Promo', '%2541', 'x'.repeat(149) + ' y', ' a ', 'A%20B']) {
      const once = cleanValue(input);
      expect(cleanValue(once)).toBe(once);
      const lower = cleanValue(input, { lowercase: true });
      expect(cleanValue(lower, { lowercase: true })).toBe(lower);
    }
  });
});

describe('foldToAscii', () => {
  it('turns accented letters into their ASCII base', () => {
    expect(foldToAscii('Ça été Ångström Łódź Þór')).toBe('Ca ete Angstrom Lodz Thor');
  });

  it('leaves ASCII and characters without an ASCII form alone', () => {
    expect(foldToAscii('plain ASCII / 100%')).toBe('plain ASCII / 100%');
    expect(foldToAscii('日本語🔥')).toBe('日本語🔥');
  });
});
