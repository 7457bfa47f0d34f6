import { describeInvalidCharacters } from '../../../src/core/links/describe-characters';

describe('describeInvalidCharacters', () => {
  it('is empty for a value Stripe accepts', () => {
    expect(describeInvalidCharacters('Spring_Sale-2024')).toEqual([]);
    expect(describeInvalidCharacters('')).toEqual([]);
  });

  it('names spaces by where they stand', () => {
    expect(describeInvalidCharacters('Spring Sale')).toEqual(['a space']);
    expect(describeInvalidCharacters(' Sale')).toEqual(['a leading space']);
    expect(describeInvalidCharacters('Sale ')).toEqual(['a trailing space']);
    expect(describeInvalidCharacters(' Spring Sale ')).toEqual(['a leading space', 'a space', 'a trailing space']);
  });

  it('names tabs, line breaks and non-breaking spaces', () => {
    expect(describeInvalidCharacters('a\tb')).toEqual(['a tab']);
    expect(describeInvalidCharacters('a\nb\r\nc')).toEqual(['a line break']);
    expect(describeInvalidCharacters('a\u00A0b')).toEqual(['a non-breaking space']);
    expect(describeInvalidCharacters('a\u2003b')).toEqual(['an unusual space (U+2003)']);
  });

  it('names invisible characters by code point', () => {
    expect(describeInvalidCharacters('a\u200Bb')).toEqual(['an invisible character (U+200B)']);
    expect(describeInvalidCharacters('\uFEFFa\u00ADb')).toEqual(['invisible characters (U+FEFF, U+00AD)']);
  });

  it('names punctuation one character at a time, in order of appearance', () => {
    expect(describeInvalidCharacters('facebook/ads')).toEqual(['"/"']);
    expect(describeInvalidCharacters('a+b%c.d&e=f')).toEqual(['"+"', '"%"', '"."', '"&"', '"="']);
    // More than six kinds: the first six and "other characters".
    expect(describeInvalidCharacters('a+b%c.d&e=f#g?h')).toEqual(['"+"', '"%"', '"."', '"&"', '"="', '"#"', 'other characters']);
    expect(describeInvalidCharacters('a.b.c')).toEqual(['"."']);
  });

  it('groups accented letters with examples', () => {
    expect(describeInvalidCharacters('Été')).toEqual(['accented letters "É" and "é"']);
    expect(describeInvalidCharacters('Straße')).toEqual(['an accented letter "ß"']);
    expect(describeInvalidCharacters('àéîõü')).toEqual(['accented letters "à", "é", "î", ...']);
  });

  it('groups emoji and other non-ASCII characters', () => {
    expect(describeInvalidCharacters('🔥sale')).toEqual(['an emoji "🔥"']);
    expect(describeInvalidCharacters('日本語')).toEqual(['non-ASCII characters "日", "本" and "語"']);
    // Characters whose ASCII form is not a letter are not "accented letters".
    // A group is named once, where its first example stands.
    expect(describeInvalidCharacters('½ €')).toEqual(['non-ASCII characters "½" and "€"', 'a space']);
    expect(describeInvalidCharacters('Éi ½')).toEqual(['an accented letter "É"', 'a space', 'a non-ASCII character "½"']);
    expect(describeInvalidCharacters('Été 🔥')).toEqual(['accented letters "É" and "é"', 'a space', 'an emoji "🔥"']);
  });
});
