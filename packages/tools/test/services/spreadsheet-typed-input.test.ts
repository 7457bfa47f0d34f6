/** Strings written by setValue(s) are read like typed input, as Sheets does (USER_ENTERED). */
import { parseUserEntered } from '../../src/services/user-entered';
import { fakes } from './fixtures';

describe('typed input (USER_ENTERED)', () => {
  const formulas: [string, string][] = [
    ['=SUM(1,2)', '=SUM(1,2)'],
    ['=', '='],
    ["+cmd|' /C calc'!A0", "=+cmd|' /C calc'!A0"],
    ['-2+3', '=-2+3'],
    ['- item', '=- item'],
    ['@SUM(A1:A2)', '=@SUM(A1:A2)'],
    ['+1 555 0100', '=+1 555 0100'],
  ];
  it.each(formulas)('%j becomes the formula %j with no value until computed', (input, formula) => {
    const { SpreadsheetApp } = fakes();
    const cell = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1');
    cell.setValue(input);
    expect(cell.getFormulas()[0]?.[0]).toBe(formula);
    expect(cell.getValues()[0]?.[0]).toBe('');
  });

  const values: [string, unknown][] = [
    ["'=not a formula", '=not a formula'],
    ["'+cmd", '+cmd'],
    ["'00123", '00123'],
    ["'TRUE", 'TRUE'],
    ["''quoted", "'quoted"],
    ['-5', -5],
    ['+7', 7],
    ['00123', 123],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['-1.5E-2', -0.015],
    ['1,234,567', 1234567],
    ['12%', 0.12],
    [' 42 ', 42],
    ['TRUE', true],
    ['false', false],
    ['TrUe', true],
    ['-', '-'],
    ['+', '+'],
    ['@', '@'],
    ['Spring Sale', 'Spring Sale'],
    ['1,2', '1,2'],
    ['0x10', '0x10'],
    ['Infinity', 'Infinity'],
    ['2024-13-01', '2024-13-01'],
    ['2024-02-30', '2024-02-30'],
    ['2024-01-05T10:00:00Z', '2024-01-05T10:00:00Z'],
    ['', ''],
  ];
  it.each(values)('%j is stored as %j with no formula', (input, value) => {
    const { SpreadsheetApp } = fakes();
    const cell = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('B2');
    cell.setValue(input);
    expect(cell.getValues()[0]?.[0]).toEqual(value);
    expect(cell.getFormulas()[0]?.[0]).toBe('');
  });

  const dates: [string, string, string][] = [
    ['2024-01-05', 'Etc/UTC', '2024-01-05T00:00:00.000Z'],
    ['2024-01-05 13:45', 'Etc/UTC', '2024-01-05T13:45:00.000Z'],
    ['2024-01-05 13:45:30', 'Etc/UTC', '2024-01-05T13:45:30.000Z'],
    ['2024/1/5', 'Etc/UTC', '2024-01-05T00:00:00.000Z'],
    ['1/5/2024', 'Etc/UTC', '2024-01-05T00:00:00.000Z'],
    ['2024-01-05', 'America/New_York', '2024-01-05T05:00:00.000Z'],
    ['2024-07-05 09:00', 'America/New_York', '2024-07-05T13:00:00.000Z'],
    ['2024-02-29', 'Asia/Tokyo', '2024-02-28T15:00:00.000Z'],
  ];
  it.each(dates)('%j in a %s spreadsheet is the Date %s', (input, timeZone, iso) => {
    const parsed = parseUserEntered(input, timeZone);
    expect(parsed.value).toBeInstanceOf(Date);
    expect((parsed.value as Date).toISOString()).toBe(iso);
  });

  it('parses every cell of setValues, and keeps non-strings as they are', () => {
    const { SpreadsheetApp } = fakes();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const when = new Date(Date.UTC(2024, 0, 5, 12));
    sheet.getRange(1, 1, 1, 6).setValues([['=A2', '-5', 5, true, when, null]]);
    sheet.getRange(2, 1, 1, 6).setValues([['+cmd', "'+cmd", 'TRUE', undefined, 0, '']]);
    expect(sheet.getRange(1, 1, 2, 6).getValues()).toEqual([
      ['', -5, 5, true, when, ''],
      ['', '+cmd', true, '', 0, ''],
    ]);
    expect(sheet.getRange(1, 1, 2, 6).getFormulas()).toEqual([
      ['=A2', '', '', '', '', ''],
      ['=+cmd', '', '', '', '', ''],
    ]);
  });

  it('stores a string as it is in a cell formatted as plain text (@)', () => {
    const { SpreadsheetApp } = fakes();
    const cell = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1').setNumberFormat('@');
    cell.setValue('=1+1');
    expect([cell.getValues()[0]?.[0], cell.getFormulas()[0]?.[0]]).toEqual(['=1+1', '']);
    cell.setValue('00123');
    expect(cell.getValues()[0]?.[0]).toBe('00123');
  });

  it('refuses a string of more than 50,000 characters, writing nothing', () => {
    const { SpreadsheetApp } = fakes();
    const range = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1:B1');
    expect(() => range.setValues([['ok', 'x'.repeat(50001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(range.getValues()).toEqual([['', '']]);
    range.setValue('x'.repeat(50000));
    expect((range.getValues()[0]?.[0] as string).length).toBe(50000);
  });
});
