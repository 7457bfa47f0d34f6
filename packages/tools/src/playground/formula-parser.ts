/**
 * The little formula language the playground computes: `=NAME(arg, ...)` calls (nested calls too),
 * A1 references of the formula's own sheet or of another (`Links!A2:A`, `'My tab'!B3`), string
 * literals with `""` escaping, numbers, TRUE/FALSE and empty arguments (`,,`). A formula may also be
 * a single reference or literal (`=A1`, `=B2:C4`, `="text"`). Anything else is a parse error, which
 * the cell shows as #ERROR!.
 */

export type FormulaNode =
  | { kind: 'call'; name: string; args: FormulaNode[] }
  | { kind: 'ref'; sheet: string | null; a1: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'empty' };

export class FormulaParseError extends Error {
  constructor(message: string) {
    super(`Formula parse error: ${message}`);
    this.name = 'FormulaParseError';
  }
}

const CORNER = /^\$?[A-Za-z]{0,3}\$?\d*$/;
const WORD = /[A-Za-z0-9_.$]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

/** True when `text` is one corner of an A1 reference: `A1`, `$B$2`, `C` (a column), `7` (a row). */
function isCorner(text: string): boolean {
  return text !== '' && text !== '$' && CORNER.test(text);
}

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  parseFormula(): FormulaNode {
    if (!this.text.startsWith('=')) throw new FormulaParseError('a formula starts with "="');
    this.at = 1;
    const node = this.expression();
    this.skipSpaces();
    if (this.at < this.text.length) throw new FormulaParseError(`unexpected "${this.text.slice(this.at, this.at + 10)}"`);
    return node;
  }

  private peek(): string {
    return this.text.charAt(this.at);
  }

  private skipSpaces(): void {
    while (/\s/.test(this.peek()) && this.at < this.text.length) this.at += 1;
  }

  private expect(char: string): void {
    this.skipSpaces();
    if (this.peek() !== char) throw new FormulaParseError(`expected "${char}" at position ${String(this.at + 1)}`);
    this.at += 1;
  }

  private expression(): FormulaNode {
    this.skipSpaces();
    const c = this.peek();
    if (c === '') throw new FormulaParseError('the formula ends too soon');
    if (c === '"') return this.stringLiteral();
    if (c === "'") return this.reference(this.quotedSheetName());
    const number = NUMBER.exec(this.text.slice(this.at));
    if (number && !/[A-Za-z:]/.test(this.text.charAt(this.at + number[0].length))) {
      this.at += number[0].length;
      return { kind: 'number', value: Number(number[0]) };
    }
    if (WORD.test(c)) {
      const word = this.word();
      this.skipSpaces();
      const next = this.peek();
      if (next === '(' && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(word)) return this.call(word);
      if (next === '!') return this.reference(word);
      if (/^(TRUE|FALSE)$/i.test(word) && next !== ':') return { kind: 'boolean', value: word.toUpperCase() === 'TRUE' };
      return this.rangeFrom(null, word);
    }
    throw new FormulaParseError(`unexpected "${c}" at position ${String(this.at + 1)}`);
  }

  private word(): string {
    const start = this.at;
    while (this.at < this.text.length && WORD.test(this.peek())) this.at += 1;
    return this.text.slice(start, this.at);
  }

  private stringLiteral(): FormulaNode {
    this.at += 1; // opening quote
    let value = '';
    for (;;) {
      if (this.at >= this.text.length) throw new FormulaParseError('a string is not closed');
      const c = this.peek();
      this.at += 1;
      if (c === '"') {
        if (this.peek() !== '"') return { kind: 'string', value };
        this.at += 1;
      }
      value += c;
    }
  }

  private quotedSheetName(): string {
    this.at += 1; // opening quote
    let name = '';
    for (;;) {
      if (this.at >= this.text.length) throw new FormulaParseError('a quoted sheet name is not closed');
      const c = this.peek();
      this.at += 1;
      if (c === "'") {
        if (this.peek() !== "'") return name;
        this.at += 1;
      }
      name += c;
    }
  }

  /** `!` and the cells after a sheet name. */
  private reference(sheet: string): FormulaNode {
    this.expect('!');
    this.skipSpaces();
    return this.rangeFrom(sheet, this.word());
  }

  private rangeFrom(sheet: string | null, first: string): FormulaNode {
    if (!isCorner(first)) throw new FormulaParseError(`unknown name "${first}"`);
    this.skipSpaces();
    if (this.peek() !== ':') {
      if (!/[A-Za-z]/.test(first) || !/\d/.test(first)) throw new FormulaParseError(`"${first}" is not a cell reference`);
      return { kind: 'ref', sheet, a1: first.toUpperCase() };
    }
    this.at += 1;
    this.skipSpaces();
    const second = this.word();
    if (!isCorner(second)) throw new FormulaParseError(`"${first}:${second}" is not a range`);
    return { kind: 'ref', sheet, a1: `${first}:${second}`.toUpperCase() };
  }

  private call(name: string): FormulaNode {
    this.expect('(');
    const args: FormulaNode[] = [];
    this.skipSpaces();
    if (this.peek() === ')') {
      this.at += 1;
      return { kind: 'call', name, args };
    }
    for (;;) {
      this.skipSpaces();
      const c = this.peek();
      args.push(c === ',' || c === ')' ? { kind: 'empty' } : this.expression());
      this.skipSpaces();
      const separator = this.peek();
      this.at += 1;
      if (separator === ')') return { kind: 'call', name, args };
      if (separator !== ',') throw new FormulaParseError(`expected "," or ")" in the arguments of ${name}`);
    }
  }
}

/** The formula's syntax tree; throws FormulaParseError. */
export function parseFormula(formula: string): FormulaNode {
  return new Parser(formula).parseFormula();
}
