import { decodeQueryComponent, joinLink, parseQuery, splitLink } from '../../../src/core/links/query-string';

describe('splitLink / joinLink', () => {
  it.each([
    ['https://buy.stripe.com/x', { base: 'https://buy.stripe.com/x', query: null, fragment: null }],
    ['https://buy.stripe.com/x?a=1&b=2', { base: 'https://buy.stripe.com/x', query: 'a=1&b=2', fragment: null }],
    ['https://buy.stripe.com/x?', { base: 'https://buy.stripe.com/x', query: '', fragment: null }],
    ['https://buy.stripe.com/x#', { base: 'https://buy.stripe.com/x', query: null, fragment: '' }],
    ['https://buy.stripe.com/x?a=1#top', { base: 'https://buy.stripe.com/x', query: 'a=1', fragment: 'top' }],
    // A `?` after the `#` is part of the fragment, not a query.
    ['https://buy.stripe.com/x#frag?utm_source=a', { base: 'https://buy.stripe.com/x', query: null, fragment: 'frag?utm_source=a' }],
    ['https://buy.stripe.com/x?a=?b#c#d', { base: 'https://buy.stripe.com/x', query: 'a=?b', fragment: 'c#d' }],
  ])('%s', (link, parts) => {
    expect(splitLink(link)).toEqual(parts);
    expect(joinLink(splitLink(link))).toBe(link);
  });
});

describe('decodeQueryComponent', () => {
  it('decodes like a form decoder: + is a space, %XX are UTF-8 bytes', () => {
    expect(decodeQueryComponent('Spring+Sale')).toBe('Spring Sale');
    expect(decodeQueryComponent('a+b++c+')).toBe('a b  c ');
    expect(decodeQueryComponent('Spring%20Sale')).toBe('Spring Sale');
    expect(decodeQueryComponent('%C3%A9t%C3%A9')).toBe('été');
    expect(decodeQueryComponent('a%2Bb')).toBe('a+b');
    expect(decodeQueryComponent('utm%5Fsource')).toBe('utm_source');
    expect(decodeQueryComponent('plain')).toBe('plain');
    expect(decodeQueryComponent('')).toBe('');
  });

  it('is null for malformed escapes', () => {
    expect(decodeQueryComponent('%E9')).toBeNull();
    expect(decodeQueryComponent('%')).toBeNull();
    expect(decodeQueryComponent('100%')).toBeNull();
    expect(decodeQueryComponent('%zz')).toBeNull();
    expect(decodeQueryComponent('+%E9+')).toBeNull();
  });
});

describe('parseQuery', () => {
  it('has no parameters for an empty query', () => {
    expect(parseQuery('')).toEqual([]);
  });

  it('keeps every segment, raw and decoded, in order', () => {
    expect(parseQuery('a=1&b=x+y&a=2')).toEqual([
      { name: 'a', value: '1', raw: 'a=1' },
      { name: 'b', value: 'x y', raw: 'b=x+y' },
      { name: 'a', value: '2', raw: 'a=2' },
    ]);
  });

  it('handles segments without "=", with several "=", and empty ones', () => {
    expect(parseQuery('flag&a=b=c&&=v&')).toEqual([
      { name: 'flag', value: '', raw: 'flag' },
      { name: 'a', value: 'b=c', raw: 'a=b=c' },
      { name: '', value: '', raw: '' },
      { name: '', value: 'v', raw: '=v' },
      { name: '', value: '', raw: '' },
    ]);
  });

  it('marks a malformed name or value as null, keeping the raw segment', () => {
    expect(parseQuery('utm_source=%E9&%E9=x')).toEqual([
      { name: 'utm_source', value: null, raw: 'utm_source=%E9' },
      { name: null, value: 'x', raw: '%E9=x' },
    ]);
  });
});
