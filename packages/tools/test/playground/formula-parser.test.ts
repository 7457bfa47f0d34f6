/** The formula language the playground computes: calls, references, literals, empty arguments, operators. */
import { parseFormula, parseWithReferences } from '../../src/playground/formula-parser';

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
    expect(() => parseFormula('=A1+')).toThrow(/Formula parse error: the formula ends too soon/);
    expect(() => parseFormula('=(1+2')).toThrow(/expected "\)"/);
    expect(() => parseFormula("=+cmd|' /C calc'!A0")).toThrow(/Formula parse error/);
    expect(() => parseFormula('=UTM_LINK(A1')).toThrow(/Formula parse error/);
    expect(() => parseFormula('=NOPE')).toThrow(/unknown name "NOPE"/);
    expect(() => parseFormula('="open')).toThrow(/not closed/);
  });
});

describe('operators', () => {
  const n = (value: number) => ({ kind: 'number', value });
  const ref = (a1: string) => ({ kind: 'ref', sheet: null, a1 });

  it('reads arithmetic with Sheets precedence: & lowest, then + -, then * /, then ^, then unary minus', () => {
    expect(parseFormula('=1+1')).toEqual({ kind: 'binary', op: '+', left: n(1), right: n(1) });
    expect(parseFormula('=1+2*3')).toEqual({
      kind: 'binary',
      op: '+',
      left: n(1),
      right: { kind: 'binary', op: '*', left: n(2), right: n(3) },
    });
    expect(parseFormula('=(B2-C2)/2')).toEqual({
      kind: 'binary',
      op: '/',
      left: { kind: 'binary', op: '-', left: ref('B2'), right: ref('C2') },
      right: n(2),
    });
    expect(parseFormula('="utm_"&A2+1')).toEqual({
      kind: 'binary',
      op: '&',
      left: { kind: 'string', value: 'utm_' },
      right: { kind: 'binary', op: '+', left: ref('A2'), right: n(1) },
    });
    // Left to right, as Sheets: 2^3^2 is (2^3)^2; -A1^2 is (-A1)^2.
    expect(parseFormula('=2^3^2')).toEqual({
      kind: 'binary',
      op: '^',
      left: { kind: 'binary', op: '^', left: n(2), right: n(3) },
      right: n(2),
    });
    expect(parseFormula('=-A1^2')).toEqual({ kind: 'binary', op: '^', left: { kind: 'negate', operand: ref('A1') }, right: n(2) });
    expect(parseFormula('=5%')).toEqual({ kind: 'percent', operand: n(5) });
  });

  it('reads comparisons below &', () => {
    expect(parseFormula('=A1&"x"<>"ax"')).toEqual({
      kind: 'binary',
      op: '<>',
      left: { kind: 'binary', op: '&', left: ref('A1'), right: { kind: 'string', value: 'x' } },
      right: { kind: 'string', value: 'ax' },
    });
    expect(parseFormula('=A1 <= 3')).toEqual({ kind: 'binary', op: '<=', left: ref('A1'), right: n(3) });
  });

  it('says what Sheets has and it does not', () => {
    expect(() => parseFormula('={1,2}')).toThrow('Not supported in the playground: array literals such as {1, 2}');
  });

  it('records where each reference stands, for rewriting it when rows move', () => {
    const formula = "=UTM_LINK(A2:A, 'My tab'!B3) & C$4";
    const { refs } = parseWithReferences(formula);
    expect(refs.map((r) => [formula.slice(r.start, r.end), r.sheet, r.a1])).toEqual([
      ['A2:A', null, 'A2:A'],
      ['B3', 'My tab', 'B3'],
      ['C$4', null, 'C$4'],
    ]);
  });
});
