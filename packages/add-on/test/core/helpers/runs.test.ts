import { consecutiveRuns } from '../../../src/core/helpers/runs';

describe('consecutiveRuns', () => {
  it.each([
    [[], []],
    [[5], [{ start: 5, end: 5 }]],
    [
      [2, 3, 4, 7, 9, 10],
      [
        { start: 2, end: 4 },
        { start: 7, end: 7 },
        { start: 9, end: 10 },
      ],
    ],
  ])('%j', (input, runs) => {
    expect(consecutiveRuns(input)).toEqual(runs);
  });
});
