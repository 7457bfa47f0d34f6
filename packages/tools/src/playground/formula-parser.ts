/**
 * The little formula language the playground computes: `=NAME(arg, ...)` calls (nested calls too),
 * A1 references of the formula's own sheet or of another (`Links!A2:A`, `'My tab'!B3`), string
 * literals with `""` escaping, numbers, TRUE/FALSE, empty arguments (`,,`), parentheses, and Sheets'
 * operators with its precedence, lowest first: comparisons (`= <> < > <= >=`), `&`, `+ -`, `* /`,
 * `^` (left to right, as Sheets: 2^3^2 is 64), unary `-`/`+` (so -2^2 is 4), then `%`. A malformed
 * formula is a parse error (the cell shows #ERROR!); syntax Sheets has and the playground does not
 * (array literals `{...}`) throws FormulaUnsupported, which the cell says in words.
 */

export type BinaryOperator = '=' | '<>' | '<' | '>' | '<=' | '>=' | '&' | '+' | '-' | '*' | '/' | '^';

export type FormulaNode =
  | { kind: 'call'; name: string; args: FormulaNode[] }
  | { kind: 'ref'; sheet: string | null; a1: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'empty' }
  | { kind: 'binary'; op: BinaryOperator; left: FormulaNode; right: FormulaNode }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'percent'; operand: FormulaNode }
  /** `#REF!` where a reference was, after its rows or columns were deleted. */
  | { kind: 'error'; code: '#REF!' };

/** Where a reference stands in the formula's text (for rewriting it when rows or columns move). */
export interface ReferenceSpan {
  start: number;
  end: number;
  sheet: string | null;
  a1: string;
}

export class FormulaParseError extends Error {
  constructor(message: string) {
    super(`Formula parse error: ${message}`);
    this.name = 'FormulaParseError';
  }
}

/** Something Sheets computes and the playground does not: the cell says so in words. */
export class FormulaUnsupported extends Error {
  constructor(readonly what: string) {
    super(`Not supported in the playground: ${what}`);
    this.name = 'FormulaUnsupported';
  }
}

const CORNER = /^\$?[A-Za-z]{0,3}\$?\d*$/;
const WORD = /[A-Za-z0-9_.$]/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const COMPARISONS = ['<=', '>=', '<>', '=', '<', '>'] as const;

/** True when `text` is one corner of an A1 reference: `A1`, `$B$2`, `C` (a column), `7` (a row). */
function isCorner(text: string): boolean {
  return text !== '' && text !== '$' && CORNER.test(text);
}

class Parser {
  private at = 0;
  /** Every reference read, in order, with where it stands. */
  readonly refs: ReferenceSpan[] = [];

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

  /** The operator at the cursor, if it is one of `ops` (longest first); consumed. */
  private operator<T extends string>(ops: readonly T[]): T | null {
    this.skipSpaces();
    const op = ops.find((candidate) => this.text.startsWith(candidate, this.at));
    if (op === undefined) return null;
    this.at += op.length;
    return op;
  }

  /** One level of left-to-right binary operators over `next`. */
  private binary(ops: readonly BinaryOperator[], next: () => FormulaNode): FormulaNode {
    let left = next();
    for (let op = this.operator(ops); op !== null; op = this.operator(ops)) left = { kind: 'binary', op, left, right: next() };
    return left;
  }

  private expression(): FormulaNode {
    return this.binary(COMPARISONS, () => this.concatenation());
  }

  private concatenation(): FormulaNode {
    return this.binary(['&'], () => this.additive());
  }

  private additive(): FormulaNode {
    return this.binary(['+', '-'], () => this.multiplicative());
  }

  private multiplicative(): FormulaNode {
    return this.binary(['*', '/'], () => this.power());
  }

  private power(): FormulaNode {
    return this.binary(['^'], () => this.unary());
  }

  private unary(): FormulaNode {
    const sign = this.operator(['-', '+']);
    if (sign === null) return this.postfix();
    const operand = this.unary();
    if (sign === '+') return operand;
    // A negative literal stays a number, as the formula reads it.
    return operand.kind === 'number' ? { kind: 'number', value: -operand.value } : { kind: 'negate', operand };
  }

  private postfix(): FormulaNode {
    let node = this.primary();
    while (this.operator(['%']) !== null) node = { kind: 'percent', operand: node };
    return node;
  }

  private primary(): FormulaNode {
    this.skipSpaces();
    const c = this.peek();
    if (c === '') throw new FormulaParseError('the formula ends too soon');
    if (c === '"') return this.stringLiteral();
    if (c === "'") return this.reference(this.quotedSheetName());
    if (c === '(') {
      this.at += 1;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (c === '{') throw new FormulaUnsupported('array literals such as {1, 2}');
    if (this.text.startsWith('#REF!', this.at)) {
      this.at += '#REF!'.length;
      return { kind: 'error', code: '#REF!' };
    }
    const number = NUMBER.exec(this.text.slice(this.at));
    if (number && !/[A-Za-z:]/.test(this.text.charAt(this.at + number[0].length))) {
      this.at += number[0].length;
      return { kind: 'number', value: Number(number[0]) };
    }
    if (WORD.test(c)) {
      const start = this.at;
      const word = this.word();
      this.skipSpaces();
      const next = this.peek();
      if (next === '(' && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(word)) return this.call(word);
      if (next === '!') return this.reference(word);
      if (/^(TRUE|FALSE)$/i.test(word) && next !== ':') return { kind: 'boolean', value: word.toUpperCase() === 'TRUE' };
      this.at = start + word.length;
      return this.rangeFrom(null, word, start);
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
    const start = this.at;
    return this.rangeFrom(sheet, this.word(), start);
  }

  /** A cell or range whose first corner, `first`, starts at `start`; recorded in `refs`. */
  private rangeFrom(sheet: string | null, first: string, start: number): FormulaNode {
    if (!isCorner(first)) throw new FormulaParseError(`unknown name "${first}"`);
    let end = this.at;
    this.skipSpaces();
    let a1 = first;
    if (this.peek() === ':') {
      this.at += 1;
      this.skipSpaces();
      const second = this.word();
      if (!isCorner(second)) throw new FormulaParseError(`"${first}:${second}" is not a range`);
      end = this.at;
      a1 = `${first}:${second}`;
    } else {
      if (!/[A-Za-z]/.test(first) || !/\d/.test(first)) throw new FormulaParseError(`"${first}" is not a cell reference`);
      this.at = end;
    }
    this.refs.push({ start, end, sheet, a1: a1.toUpperCase() });
    return { kind: 'ref', sheet, a1: a1.toUpperCase() };
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

/** The formula's syntax tree; throws FormulaParseError (malformed) or FormulaUnsupported. */
export function parseFormula(formula: string): FormulaNode {
  return new Parser(formula).parseFormula();
}

/** The formula's tree and where each of its references stands; throws as parseFormula does. */
export function parseWithReferences(formula: string): { node: FormulaNode; refs: ReferenceSpan[] } {
  const parser = new Parser(formula);
  const node = parser.parseFormula();
  return { node, refs: parser.refs };
}
