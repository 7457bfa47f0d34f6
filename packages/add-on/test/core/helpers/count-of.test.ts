/** Counts in words that agree with their noun. */
import { countOf } from '../../../src/core/helpers/count-of';

describe('countOf', () => {
  it('says one thing, and many things', () => {
    expect(countOf(1, 'row')).toBe('1 row');
    expect(countOf(0, 'row')).toBe('0 rows');
    expect(countOf(3, 'balance transaction')).toBe('3 balance transactions');
    expect(countOf(1, 'cell is', 'cells are')).toBe('1 cell is');
    expect(countOf(2, 'cell is', 'cells are')).toBe('2 cells are');
  });
});
