/**
 * Reads what a learner typed into an answer box and turns it into numbers, or into a
 * message that says what to fix (contracts/practice.md, "The learner's answer").
 *
 * A hand-written recursive-descent parser over a small grammar: no `eval`, no `Function`,
 * nothing the learner types is ever run or inserted as HTML. Refusal messages are plain
 * text and may quote a few characters of the learner's input, so show them with
 * `textContent`, never `innerHTML`.
 *
 * Grammar (whitespace is allowed between any two tokens):
 *
 *     answer     := '[' list ']' | list
 *     list       := expression ((',' | ';' | whitespace) expression)*
 *     expression := term (('+' | '-') term)*
 *     term       := unary (('*' | '/') unary | implicit)*
 *     implicit   := power, right after a number with no space: 2pi, 3ln(2), 2(1+1)
 *     unary      := ('+' | '-') unary | power         so -2^2 = -(2^2) = -4
 *     power      := primary ('^' unary)?               right-associative: 2^3^2 = 2^9
 *     primary    := number | constant | function '(' expression ')' | '(' list ')'
 *     number     := 12 | 1.5 | .5 | 1. , optionally followed by e±digits (1e-3, 1E+3)
 *     constant   := pi | π | e
 *     function   := ln | log (natural) | log2 | log10 | exp | sqrt
 *
 * Characters read as their ASCII twins: the minus sign − (U+2212) and the dashes – — ‒
 * as '-'; × · ⋅ ∙ as '*'; ÷ as '/'; `**` as '^'. So `1.2×10^-3` is 1.2 · 10⁻³.
 * A parenthesised list of several entries, `(1 2 3)` or `(1, 2, 3)`, is a vector and
 * may only be the whole answer.
 *
 * Where commas and spaces are ambiguous:
 * - A comma written tight between two digits after a whole number (`2,17`) may be a
 *   decimal comma. In a scalar answer it is always refused ("use a dot for decimals").
 *   In a vector answer it is read as a separator when that gives exactly the expected
 *   number of entries (`0,1,0` for a 3-vector), and refused otherwise: a decimal-comma
 *   reading always gives fewer entries, so the two readings can never both fit.
 * - In a vector answer, a sign with a space before it and none after starts a new entry,
 *   as in MATLAB and NumPy printouts: `1 -2` is [1, −2] while `1 - 2` is −1. In a scalar
 *   answer, `1 -2` is the subtraction −1.
 *
 * @example parseAnswer('-ln(0.2689)') // => { ok: true, values: [1.31343...] }
 * @example parseAnswer('[1, 2, 3]', { length: 3 }) // => { ok: true, values: [1, 2, 3] }
 * @example parseAnswer('2,17') // => { ok: false, message: 'Use a dot for decimals: 2.17 (not 2,17).' }
 */

/** What the parser makes of an answer: the numbers, or a message saying what to fix. */
export type ParsedAnswer = { ok: true; values: number[] } | { ok: false; message: string };

export interface ParseAnswerOptions {
  /**
   * How many numbers the answer must hold. Omit it for a single number (a scalar answer);
   * give it for a vector answer (`format.length`), even when it is 1.
   */
  length?: number;
}

/** The names a learner may use, listed in the "unknown word" message. */
const knownNames = 'ln, log, log2, log10, exp, sqrt, pi (or π) and e';

type Token =
  | { kind: 'number'; value: number; text: string; isPlainInteger: boolean; spaceBefore: boolean; spaceAfter: boolean }
  | { kind: 'name'; text: string; spaceBefore: boolean; spaceAfter: boolean }
  | { kind: 'operator'; text: '+' | '-' | '*' | '/' | '^'; spaceBefore: boolean; spaceAfter: boolean }
  | { kind: 'open' | 'close' | 'openBracket' | 'closeBracket' | 'comma' | 'semicolon'; text: string; spaceBefore: boolean; spaceAfter: boolean }
  | { kind: 'end'; text: ''; spaceBefore: boolean; spaceAfter: boolean };

/** A value inside the parser: a number, or a parenthesised vector `(1, 2, 3)`. */
type Value = number | number[];

/** Thrown inside the parser and turned into `{ ok: false, message }` at the top. */
class Refusal extends Error {}

const functions: Record<string, (x: number) => number> = {
  ln: Math.log,
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  exp: Math.exp,
  sqrt: Math.sqrt,
};

const constants: Record<string, number> = { pi: Math.PI, e: Math.E };

/** Unicode look-alikes, each one character, so positions in the text do not move. */
const lookAlikes: Record<string, string> = {
  '\u2212': '-', // − minus sign
  '\u2013': '-', // – en dash
  '\u2014': '-', // — em dash
  '\u2012': '-', // ‒ figure dash
  '\u00d7': '*', // × multiplication sign
  '\u00b7': '*', // · middle dot
  '\u22c5': '*', // ⋅ dot operator
  '\u2219': '*', // ∙ bullet operator
  '\u00f7': '/', // ÷ division sign
};

function quote(text: string): string {
  const short = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return `“${short}”`;
}

/** A number as a message shows it: at most 6 significant digits. */
function show(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function showInParentheses(x: number): string {
  return x < 0 ? `(${show(x)})` : show(x);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z_π]$/.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /^\s$/.test(ch);
}

/** Splits the (look-alike-normalised) text into tokens, remembering the spaces around each. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (isSpace(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    const spaceBefore = start > 0 && isSpace(text[start - 1]);
    if (isDigit(ch) || (ch === '.' && isDigit(text[i + 1]))) {
      while (isDigit(text[i]) || text[i] === '.') i += 1;
      const mantissa = text.slice(start, i);
      if (mantissa.split('.').length > 2) {
        throw new Refusal(`${quote(mantissa)} is not a number: a number has at most one decimal point.`);
      }
      const next = text[i];
      if ((next === 'e' || next === 'E') && (isDigit(text[i + 1]) || ((text[i + 1] === '-' || text[i + 1] === '+') && isDigit(text[i + 2])))) {
        i += 2;
        while (isDigit(text[i])) i += 1;
      }
      const numberText = text.slice(start, i);
      const value = Number(numberText);
      if (!Number.isFinite(value)) {
        throw new Refusal(`${quote(numberText)} is too large to be a number here.`);
      }
      tokens.push({ kind: 'number', value, text: numberText, isPlainInteger: /^\d+$/.test(numberText), spaceBefore, spaceAfter: false });
    } else if (isLetter(ch)) {
      if (ch === 'π') {
        i += 1;
      } else {
        while (isLetter(text[i]) && text[i] !== 'π') i += 1;
        while (isDigit(text[i]) || (isLetter(text[i]) && text[i] !== 'π')) i += 1;
      }
      const word = text.slice(start, i);
      tokens.push({ kind: 'name', text: word === 'π' ? 'pi' : word, spaceBefore, spaceAfter: false });
    } else if (ch === '*' && text[i + 1] === '*') {
      i += 2;
      tokens.push({ kind: 'operator', text: '^', spaceBefore, spaceAfter: false });
    } else if (ch === '+' || ch === '-' || ch === '*' || ch === '/' || ch === '^') {
      i += 1;
      tokens.push({ kind: 'operator', text: ch, spaceBefore, spaceAfter: false });
    } else {
      const kinds: Record<string, 'open' | 'close' | 'openBracket' | 'closeBracket' | 'comma' | 'semicolon'> = {
        '(': 'open',
        ')': 'close',
        '[': 'openBracket',
        ']': 'closeBracket',
        ',': 'comma',
        ';': 'semicolon',
      };
      const kind = kinds[ch];
      if (kind === undefined) {
        throw new Refusal(
          `${quote(ch)} can't be part of an answer. Use numbers, + - * / ^, parentheses, and ${knownNames}.`,
        );
      }
      i += 1;
      tokens.push({ kind, text: ch, spaceBefore, spaceAfter: false });
    }
    const last = tokens[tokens.length - 1];
    if (last !== undefined) last.spaceAfter = isSpace(text[i]);
  }
  tokens.push({ kind: 'end', text: '', spaceBefore: true, spaceAfter: false });
  return tokens;
}

/** A comma written tight between a whole number and a digit: `2,17`. */
interface TightComma {
  left: string;
  right: string;
}

class Parser {
  private position = 0;
  /** Tight digit commas met so far, in order: possible decimal commas. */
  readonly tightCommas: TightComma[] = [];

  constructor(
    private readonly tokens: Token[],
    /** In a vector answer, `1 -2` is two entries; in a scalar answer it is 1 − 2. */
    private readonly signStartsEntry: boolean,
  ) {}

  private peek(): Token {
    return this.tokens[this.position] ?? this.tokens[this.tokens.length - 1]!;
  }

  private previous(): Token | undefined {
    return this.tokens[this.position - 1];
  }

  private advance(): Token {
    const token = this.peek();
    if (this.position < this.tokens.length - 1) this.position += 1;
    return token;
  }

  /** answer := '[' list ']' | list */
  parseAnswer(): Value[] {
    let entries: Value[];
    if (this.peek().kind === 'openBracket') {
      this.advance();
      entries = this.parseList('closeBracket');
      if (this.peek().kind !== 'closeBracket') throw new Refusal('A square bracket is not closed: add “]” at the end.');
      this.advance();
    } else {
      entries = this.parseList('end');
    }
    const rest = this.peek();
    if (rest.kind === 'close') throw new Refusal('There is a “)” without a matching “(”.');
    if (rest.kind === 'closeBracket') throw new Refusal('There is a “]” without a matching “[”.');
    if (rest.kind !== 'end') throw new Refusal(`Unexpected ${quote(rest.text)} after the end of the answer.`);
    return entries;
  }

  /** list := expression ((',' | ';' | whitespace) expression)*, stopping before `closer`. */
  private parseList(closer: Token['kind']): Value[] {
    const entries: Value[] = [this.parseExpression()];
    for (;;) {
      const token = this.peek();
      // A closer that is not ours (a stray ')' or ']') is reported by whoever expects one.
      if (token.kind === closer || token.kind === 'end' || token.kind === 'close' || token.kind === 'closeBracket') return entries;
      if (token.kind === 'comma' || token.kind === 'semicolon') {
        const left = this.previous();
        this.advance();
        const right = this.peek();
        if (
          token.kind === 'comma' &&
          left?.kind === 'number' &&
          left.isPlainInteger &&
          !token.spaceBefore &&
          right.kind === 'number' &&
          !right.spaceBefore &&
          isDigit(right.text[0])
        ) {
          this.tightCommas.push({ left: left.text, right: right.text });
        }
        if (right.kind === closer || right.kind === 'end') {
          throw new Refusal(`Nothing follows the last ${quote(token.text)}: add a number or remove it.`);
        }
        entries.push(this.parseExpression());
      } else if (token.spaceBefore && this.startsEntry(token)) {
        entries.push(this.parseExpression());
      } else {
        const before = this.previous();
        throw new Refusal(
          `Something is missing between ${quote(before?.text ?? '')} and ${quote(token.text)}: add an operator such as *, or a space or comma between vector entries.`,
        );
      }
    }
  }

  private startsEntry(token: Token): boolean {
    return token.kind === 'number' || token.kind === 'name' || token.kind === 'open' || token.kind === 'operator';
  }

  /** expression := term (('+' | '-') term)* */
  private parseExpression(): Value {
    let value = this.parseTerm();
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator' || (token.text !== '+' && token.text !== '-')) return value;
      if (this.signStartsEntry && token.spaceBefore && !token.spaceAfter) return value;
      this.advance();
      const right = this.scalar(this.parseTerm());
      value = token.text === '+' ? this.scalar(value) + right : this.scalar(value) - right;
    }
  }

  /** term := unary (('*' | '/') unary | implicit)* */
  private parseTerm(): Value {
    let value = this.parseUnary();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'operator' && (token.text === '*' || token.text === '/')) {
        this.advance();
        const right = this.scalar(this.parseUnary());
        if (token.text === '*') {
          value = this.scalar(value) * right;
        } else {
          if (right === 0) throw new Refusal('Division by zero: the answer has no value.');
          value = this.scalar(value) / right;
        }
      } else if (this.previous()?.kind === 'number' && !token.spaceBefore && (token.kind === 'name' || token.kind === 'open')) {
        // Implicit multiplication right after a number: 2pi, 3ln(2), 2(1+1).
        value = this.scalar(value) * this.scalar(this.parsePower());
      } else {
        return value;
      }
    }
  }

  /** unary := ('+' | '-') unary | power */
  private parseUnary(): Value {
    const token = this.peek();
    if (token.kind === 'operator' && (token.text === '+' || token.text === '-')) {
      this.advance();
      const operand = this.scalar(this.parseUnary());
      return token.text === '-' ? -operand : operand;
    }
    return this.parsePower();
  }

  /** power := primary ('^' unary)? */
  private parsePower(): Value {
    const base = this.parsePrimary();
    const token = this.peek();
    if (token.kind !== 'operator' || token.text !== '^') return base;
    this.advance();
    const exponent = this.scalar(this.parseUnary());
    const result = this.scalar(base) ** exponent;
    const written = `${showInParentheses(this.scalar(base))}^${showInParentheses(exponent)}`;
    if (Number.isNaN(result)) {
      throw new Refusal(`${written} is not a real number: a negative number to a fractional power.`);
    }
    if (!Number.isFinite(result)) {
      throw new Refusal(`${written} is too large (or divides by zero): the answer has no finite value.`);
    }
    return result;
  }

  /** primary := number | constant | function '(' expression ')' | '(' list ')' */
  private parsePrimary(): Value {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
        return token.value;
      case 'name':
        return this.parseName(token.text);
      case 'open': {
        const entries = this.parseList('close');
        if (this.peek().kind !== 'close') throw new Refusal('A parenthesis is not closed: add “)”.');
        this.advance();
        if (entries.length === 1) return entries[0]!;
        return entries.map((entry) => this.scalar(entry));
      }
      case 'end': {
        const before = this.previous();
        const after = before !== undefined && before !== token ? ` after ${quote(before.text)}` : '';
        throw new Refusal(`The answer ends too early: something is missing${after}.`);
      }
      case 'close':
        throw new Refusal('There is a “)” without a matching “(”, or nothing inside the parentheses.');
      case 'openBracket':
      case 'closeBracket':
        throw new Refusal('Square brackets can only go around the whole vector: [1, 2, 3].');
      default:
        throw new Refusal(`Unexpected ${quote(token.text)}: a number or an expression should come here.`);
    }
  }

  private parseName(name: string): number {
    const constant = constants[name];
    if (constant !== undefined) return constant;
    const fn = functions[name];
    if (fn === undefined) {
      const hint = name.startsWith('x') || name.startsWith('X') ? ' To multiply, use * or ×.' : '';
      throw new Refusal(`${quote(name)} is not a number, nor one of the names this box knows: ${knownNames}.${hint}`);
    }
    if (this.peek().kind !== 'open') {
      throw new Refusal(`Put the argument of ${name} in parentheses: ${name}(…).`);
    }
    this.advance();
    const args = this.parseList('close');
    if (this.peek().kind !== 'close') throw new Refusal('A parenthesis is not closed: add “)”.');
    this.advance();
    if (args.length !== 1) throw new Refusal(`${name} takes one number, not ${args.length}.`);
    const x = this.scalar(args[0]!);
    if ((name === 'ln' || name === 'log' || name === 'log2' || name === 'log10') && x <= 0) {
      throw new Refusal(`${name}(${show(x)}) has no value: ${name} needs a positive number.`);
    }
    if (name === 'sqrt' && x < 0) {
      throw new Refusal(`sqrt(${show(x)}) is not a real number: sqrt needs a number ≥ 0.`);
    }
    const result = fn(x);
    if (!Number.isFinite(result)) throw new Refusal(`${name}(${show(x)}) is too large to be a number here.`);
    return result;
  }

  /** A vector in parentheses may only be the whole answer, never part of arithmetic. */
  private scalar(value: Value): number {
    if (typeof value === 'number') return value;
    throw new Refusal('A vector in parentheses can only be the whole answer, like (1, 2, 3).');
  }
}

/**
 * Parses a learner's answer into numbers.
 *
 * @param text What the learner typed.
 * @param options `length`: how many numbers a vector answer must hold; omit for one number.
 * @returns `{ ok: true, values }` (one value for a scalar answer, `length` for a vector), or
 *   `{ ok: false, message }` saying what to fix. A refusal is never an attempt.
 * @example parseAnswer('1.2×10^-3') // => { ok: true, values: [0.0012] }
 * @example parseAnswer('1 2', { length: 3 }) // => { ok: false, message: 'Expected 3 numbers, got 2.' }
 */
export function parseAnswer(text: string, options: ParseAnswerOptions = {}): ParsedAnswer {
  const isVector = options.length !== undefined;
  const expectedLength = options.length ?? 1;
  if (text.trim() === '') {
    return { ok: false, message: isVector ? 'Type an answer first: the vector’s numbers, separated by commas.' : 'Type an answer first.' };
  }
  let normalised = '';
  for (const ch of text) normalised += lookAlikes[ch] ?? ch;

  let entries: Value[];
  let parser: Parser;
  try {
    parser = new Parser(tokenize(normalised), isVector);
    entries = parser.parseAnswer();
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }

  // A whole answer in parentheses, (1, 2, 3), is the vector itself.
  if (entries.length === 1 && Array.isArray(entries[0])) entries = entries[0];
  const values: number[] = [];
  for (const entry of entries) {
    if (Array.isArray(entry)) return { ok: false, message: 'A vector can’t contain another vector: list plain numbers, like 1, 2, 3.' };
    if (!Number.isFinite(entry)) return { ok: false, message: 'This answer has no finite value: check for a division by zero or a number that is too large.' };
    values.push(entry);
  }

  const firstTightComma = parser.tightCommas[0];
  if (firstTightComma !== undefined && (!isVector || values.length !== expectedLength)) {
    const { left, right } = firstTightComma;
    if (!isVector) return { ok: false, message: `Use a dot for decimals: ${left}.${right} (not ${left},${right}).` };
    return {
      ok: false,
      message: `Use a dot for decimals (${left}.${right}, not ${left},${right}), and a comma and a space between entries: this answer needs ${expectedLength} numbers, like ${Array.from({ length: expectedLength }, (_, i) => `${i}.5`).join(', ')}.`,
    };
  }

  if (values.length !== expectedLength) {
    if (!isVector) {
      return { ok: false, message: `Expected one number, got ${values.length}. Write a single number or expression.` };
    }
    const numbers = expectedLength === 1 ? '1 number' : `${expectedLength} numbers`;
    return { ok: false, message: `Expected ${numbers}, got ${values.length}.` };
  }
  return { ok: true, values };
}
