/** Where a report tab's parts go (core/attribution/report-rows.ts): the summary under the table, the charts under it. */
import { chartsRow, summaryBlock, summaryRow, summaryRows } from '../../../src/core/attribution/report-rows';

describe('report rows', () => {
  it('puts the summary after a blank row under the table, and the charts after a blank row under the summary', () => {
    // Header in row 1, 4 rows (2-5), blank row 6, summary from 7.
    expect(summaryRow(4)).toBe(7);
    expect(chartsRow(4, 3)).toBe(11);
    // An empty table: header, blank row, summary in row 3; a summary of no lines still keeps its row.
    expect(summaryRow(0)).toBe(3);
    expect(chartsRow(0, 0)).toBe(5);
  });

  it('splits lines that hold several at their breaks, and drops empty ones', () => {
    expect(summaryRows(['USD: 1 of 2 attributed.', '2 sales are left out:\n- cs_1 (row 4)\n- cs_2 (row 5)', ''])).toEqual([
      'USD: 1 of 2 attributed.',
      '2 sales are left out:',
      '- cs_1 (row 4)',
      '- cs_2 (row 5)',
    ]);
  });

  it('finds the summary of a tab written so: the row after the first blank row, down to the last row read', () => {
    const values = [
      ['utm_campaign', 'currency'],
      ['', 'usd'], // a row with an empty campaign is still the table's
      ['spring', 'usd'],
      ['', ''],
      ['USD: ...', ''],
      ['EUR: ...', ''],
    ];
    expect(summaryBlock(values, 'utm_campaign')).toEqual({ row: 5, rows: 2 });
    // A table with no blank row read yet: the summary's place is after the next one.
    expect(summaryBlock(values.slice(0, 3), 'utm_campaign')).toEqual({ row: 5, rows: 0 });
    // No header (a tab that never got a table): row 1.
    expect(summaryBlock([], 'utm_campaign')).toEqual({ row: 1, rows: 0 });
  });
});
