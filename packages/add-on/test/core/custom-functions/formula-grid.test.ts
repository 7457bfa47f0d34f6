import { applyPerCell, applyPerRow, FormulaError, type RowResult } from '../../../src/core/custom-functions/formula-grid';

/** Joins a row's cells, failing on "bad" so errors can be placed. */
function joinRow(cells: unknown[]): RowResult {
  if (cells.includes('bad')) return { ok: false, message: 'bad row' };
  return { ok: true, value: cells.map((cell) => (typeof cell === 'string' || typeof cell === 'number' ? String(cell) : '-')).join('|') };
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}

describe('applyPerRow', () => {
  it('answers single values with a single value', () => {
    expect(
      applyPerRow(
        [
          { name: 'a', value: 'x' },
          { name: 'b', value: 1 },
        ],
        joinRow,
      ),
    ).toBe('x|1');
  });

  it('raises the message of a failed single-value row as a FormulaError', () => {
    const error = thrown(() => applyPerRow([{ name: 'a', value: 'bad' }], joinRow));
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.name).toBe('FormulaError');
    expect(error.message).toBe('bad row');
  });

  it('answers a range with a one-column range, broadcasting single values', () => {
    expect(
      applyPerRow(
        [
          { name: 'a', value: [['x'], ['y'], ['z']] },
          { name: 'b', value: 'k' },
          { name: 'c', value: [[1], [2], [3]] },
        ],
        joinRow,
      ),
    ).toEqual([['x|k|1'], ['y|k|2'], ['z|k|3']]);
  });

  it('gives "" for rows whose range cells are all blank, even when single values are not', () => {
    const seen: unknown[][] = [];
    const result = applyPerRow(
      [
        { name: 'a', value: [['x'], [''], [null], ['y']] },
        { name: 'b', value: 'k' },
        { name: 'c', value: [[''], [''], [undefined], ['']] },
      ],
      (cells) => {
        seen.push(cells.slice());
        return joinRow(cells);
      },
    );
    expect(result).toEqual([['x|k|'], [''], [''], ['y|k|']]);
    expect(seen).toHaveLength(2);
  });

  it("puts a failed row's message in its own cell and carries on", () => {
    expect(applyPerRow([{ name: 'a', value: [['x'], ['bad'], ['z']] }], joinRow)).toEqual([['x'], ['bad row'], ['z']]);
  });

  it('answers an empty range with one empty cell (Sheets rejects an empty array)', () => {
    expect(applyPerRow([{ name: 'a', value: [] }], joinRow)).toEqual([['']]);
  });

  it('rejects ranges of different heights, naming both arguments', () => {
    const error = thrown(() =>
      applyPerRow(
        [
          { name: 'payment_link', value: [['x'], ['y']] },
          { name: 'utm_source', value: 's' },
          { name: 'utm_medium', value: [['1'], ['2'], ['3']] },
        ],
        joinRow,
      ),
    );
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe(
      'utm_medium has 3 rows but payment_link has 2 rows; give ranges that cover the same rows, like A2:A and B2:B',
    );
    expect(
      thrown(() =>
        applyPerRow(
          [
            { name: 'a', value: [['x']] },
            { name: 'b', value: [] },
          ],
          joinRow,
        ),
      ).message,
    ).toBe('b has 0 rows but a has 1 row; give ranges that cover the same rows, like A2:A and B2:B');
  });

  it('rejects a range more than one column wide, naming the argument', () => {
    const error = thrown(() =>
      applyPerRow(
        [
          {
            name: 'utm_source',
            value: [
              ['a', 'b'],
              ['c', 'd'],
            ],
          },
        ],
        joinRow,
      ),
    );
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe('utm_source: give one column (like B2:B), not a range 2 columns wide');
    expect(thrown(() => applyPerRow([{ name: 'x', value: [['a'], []] }], joinRow)).message).toBe(
      'x: give one column (like B2:B), not a range 0 columns wide',
    );
  });

  it('rejects an array that is not a range', () => {
    const error = thrown(() => applyPerRow([{ name: 'utm_term', value: ['a', 'b'] }], joinRow));
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe('utm_term: expected a cell or a range of cells');
  });
});

describe('applyPerCell', () => {
  const upper = (value: unknown): RowResult =>
    value === 'bad' ? { ok: false, message: 'bad cell' } : { ok: true, value: String(value).toUpperCase() };

  it('answers a single value with a single value, and raises its error', () => {
    expect(applyPerCell('a', upper)).toBe('A');
    const error = thrown(() => applyPerCell('bad', upper));
    expect(error).toBeInstanceOf(FormulaError);
    expect(error.message).toBe('bad cell');
  });

  it('keeps the shape of a range of any size, blank cells blank, bad cells showing their message', () => {
    expect(
      applyPerCell(
        [
          ['a', '', 'b'],
          [null, 'bad', 'c'],
        ],
        upper,
      ),
    ).toEqual([
      ['A', '', 'B'],
      ['', 'bad cell', 'C'],
    ]);
  });

  it('answers an empty range with one empty cell', () => {
    expect(applyPerCell([], upper)).toEqual([['']]);
  });
});
