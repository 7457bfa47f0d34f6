import { findLinkHeader, LINK_HEADER_ROWS, linkTableOf } from '../../../src/core/link-tabs/link-header';
import { readLinkRows } from '../../../src/core/link-tabs/link-rows';

const HEADER = ['Payment link', 'Source', 'Medium', 'Campaign'];
const LINK = 'https://buy.stripe.com/test_a';

describe('findLinkHeader', () => {
  it('finds the links header in row 1, or below a title, a subtitle and a blank row', () => {
    expect(findLinkHeader([HEADER, [LINK, 'a', 'b', 'c']])).toBe(1);
    expect(findLinkHeader([['Spring campaigns 2026'], ['owner: Dana'], [], HEADER, [LINK, 'a', 'b', 'c']])).toBe(4);
  });

  it('looks no further than the first rows, and needs a payment-link column and a utm_ column', () => {
    const titles = Array.from({ length: LINK_HEADER_ROWS }, (_, i) => [`title ${String(i)}`]);
    expect(findLinkHeader([...titles, HEADER])).toBeNull();
    expect(
      findLinkHeader([
        ['Payment link', 'Notes'],
        ['Date', 'Link', 'Notes'],
      ]),
    ).toBeNull();
  });

  it('gives the table from its header down, and link rows keep their row in the sheet', () => {
    const table = linkTableOf([['Spring campaigns 2026'], HEADER, ['', 'no link yet'], [LINK, 'a', 'b', 'c']]);
    expect(table).toEqual({ headerRow: 2, values: [HEADER, ['', 'no link yet'], [LINK, 'a', 'b', 'c']] });
    expect(readLinkRows('Links', table?.values ?? [], table?.headerRow).map((row) => row.row)).toEqual([4]);
    expect(linkTableOf([['just a title']])).toBeNull();
  });
});
