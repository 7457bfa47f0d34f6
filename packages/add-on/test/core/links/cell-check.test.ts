import fc from 'fast-check';
import { isOurNote, markCell, unmarkCell, type CellMark } from '../../../src/core/links/cell-check';

describe('marking a cell keeps what the user put there', () => {
  const problem = { parameter: 'utm_campaign', code: 'space', value: 'Spring Sale', suggestion: 'Spring_Sale' } as unknown as Parameters<
    typeof markCell
  >[1];

  it('gives back any note and fill of theirs once unmarked, however often it was marked', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(null, '#b7e1cd', '#ffff00'), fc.integer({ min: 1, max: 3 }), (note, background, times) => {
        const own = isOurNote(note) ? '' : note;
        let mark: CellMark = { note: own, background };
        for (let i = 0; i < times; i++) mark = markCell(mark, problem);
        expect(isOurNote(mark.note)).toBe(true);
        expect(unmarkCell(mark)).toEqual({ note: own, background });
      }),
    );
  });
});
