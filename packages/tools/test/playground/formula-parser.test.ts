/** The formula language the playground computes: calls, references, literals, empty arguments. */
import { parseFormula } from '../../src/playground/formula-parser';

describe('parseFormula', () => {
  it('reads a call over whole columns, empty arguments included', () => {
    expect(parseFormula('=UTM_LINK(A2:A, B2:B, "email", , ,F2:F)')).toEqual({
      kind: 'call',
      name: 'UTM_LINK',
      args: [
        { kind: 'ref', sheet: null, a1: 'A2:A' },
        { kind: 'ref', sheet: null, a1: 'B2:B' },
        { kind: 'string', value: 'email' },
        { kind: 'empty' },
        { kind: 'empty' },
        { kind: 'ref', sheet: null, a1: 'F2:F' },
      ],
    });
  });

  it('reads strings with "" escapes, numbers, booleans and nested calls', () => {
    expect(parseFormula('=utm_clean("say ""hi""", TRUE, -1.5e2, UTM_CLEAN(b3))')).toEqual({
      kind: 'call',
      name: 'utm_clean',
      args: [
        { kind: 'string', value: 'say "hi"' },
        { kind: 'boolean', value: true },
        { kind: 'number', value: -150 },
        { kind: 'call', name: 'UTM_CLEAN', args: [{ kind: 'ref', sheet: null, a1: 'B3' }] },
      ],
    });
  });

  it('reads references to other sheets, quoted or not, and whole rows and columns', () => {
    expect(parseFormula("=F('My ''tab'''!$A$1:B, Links!C:C, 2:3)")).toEqual({
      kind: 'call',
      name: 'F',
      args: [
        { kind: 'ref', sheet: "My 'tab'", a1: '$A$1:B' },
        { kind: 'ref', sheet: 'Links', a1: 'C:C' },
        { kind: 'ref', sheet: null, a1: '2:3' },
      ],
    });
    expect(parseFormula('=Links!B2')).toEqual({ kind: 'ref', sheet: 'Links', a1: 'B2' });
    expect(parseFormula('=F()')).toEqual({ kind: 'call', name: 'F', args: [] });
  });

  it('refuses what it does not know, with a message for the tooltip', () => {
    expect(() => parseFormula('=A1+B1')).toThrow(/Formula parse error/);
    expect(() => parseFormula("=+cmd|' /C calc'!A0")).toThrow(/Formula parse error/);
    expect(() => parseFormula('=UTM_LINK(A1')).toThrow(/Formula parse error/);
    expect(() => parseFormula('=NOPE')).toThrow(/unknown name "NOPE"/);
    expect(() => parseFormula('="open')).toThrow(/not closed/);
  });
});
