import { runInNewContext } from 'node:vm';
import { isBlank, isDate, readCell } from '../../../src/core/helpers/cell-value';

describe('readCell', () => {
  it('reads empty cells as empty', () => {
    expect(readCell('')).toEqual({ kind: 'empty' });
    expect(readCell(null)).toEqual({ kind: 'empty' });
    expect(readCell(undefined)).toEqual({ kind: 'empty' });
  });

  it('keeps text exactly as typed, spaces included', () => {
    expect(readCell(' Spring Sale\t')).toEqual({ kind: 'text', text: ' Spring Sale\t' });
    expect(readCell(' ')).toEqual({ kind: 'text', text: ' ' });
  });

  it('writes numbers as text', () => {
    expect(readCell(2024)).toEqual({ kind: 'text', text: '2024' });
    expect(readCell(3.5)).toEqual({ kind: 'text', text: '3.5' });
    expect(readCell(-7)).toEqual({ kind: 'text', text: '-7' });
    expect(readCell(0)).toEqual({ kind: 'text', text: '0' });
    expect(readCell(Number.MAX_SAFE_INTEGER)).toEqual({ kind: 'text', text: '9007199254740991' });
  });

  it('flags numbers too large for Sheets to have kept every digit', () => {
    for (const big of [2 ** 53, 2 ** 53 + 2, 1.2345678901234567e19, -(2 ** 60), 1e21]) {
      const cell = readCell(big);
      expect(cell.kind).toBe('not_text');
      if (cell.kind === 'not_text') {
        expect(cell.reason).toContain(String(big));
        expect(cell.reason).toContain('Plain text');
      }
    }
  });

  it('flags numbers that are not finite', () => {
    expect(readCell(Number.NaN)).toEqual({ kind: 'not_text', reason: 'is NaN, not text' });
    expect(readCell(Infinity)).toEqual({ kind: 'not_text', reason: 'is Infinity, not text' });
  });

  it('flags booleans instead of writing "true"', () => {
    expect(readCell(true)).toEqual({
      kind: 'not_text',
      reason: 'is TRUE (a checkbox or TRUE/FALSE value), not text; type the value as text',
    });
    const no = readCell(false);
    expect(no.kind).toBe('not_text');
    if (no.kind === 'not_text') expect(no.reason).toMatch(/^is FALSE /);
  });

  it('flags dates instead of writing "Fri Mar 01 2024 ..."', () => {
    const cell = readCell(new Date(2024, 2, 1));
    expect(cell.kind).toBe('not_text');
    if (cell.kind === 'not_text') {
      expect(cell.reason).toMatch(/^is a date, not text/);
      expect(cell.reason).not.toContain('2024');
    }
  });

  it('flags dates made in another realm (as Sheets or a vm context hands them over)', () => {
    const foreign: unknown = runInNewContext('new Date(0)');
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(readCell(foreign).kind).toBe('not_text');
  });

  it('flags ranges and other objects as not a single value', () => {
    expect(readCell([['a']])).toEqual({ kind: 'not_text', reason: 'is not a single value; give one cell or one column' });
    expect(readCell({}).kind).toBe('not_text');
  });
});

describe('isBlank', () => {
  it('is true only for "", null and undefined', () => {
    expect(isBlank('')).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank(' ')).toBe(false);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });
});

describe('isDate', () => {
  it('is false for things that only look like dates', () => {
    expect(isDate('2024-03-01')).toBe(false);
    expect(isDate(1709251200000)).toBe(false);
    expect(isDate({ getTime: () => 0 })).toBe(false);
  });
});
