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
 *     implicit   := power, with no space before it, right after a number or a ')':
 *                   2pi, 3ln(2), 2(1+1), (2+3)(4+5), sqrt(4)(1+2), (1+2)pi
 *     unary      := ('+' | '-') unary | power         so -2^2 = -(2^2) = -4
 *     power      := primary ('^' unary)?               right-associative: 2^3^2 = 2^9
 *     primary    := number | constant | function '(' expression ')' | '(' list ')'
 *     number     := 12 | 1.5 | .5 | 1. , optionally followed by e±digits (1e-3, 1E+3)
 *     constant   := pi | π | e
 *     function   := ln | log (natural) | log2 | log10 | exp | sqrt
 *
 * Implicit multiplication needs the two factors written tight: a space between them makes
 * two entries (`2 (3)` is the vector [2, 3], and in a scalar answer two numbers, refused),
 * so a space-separated vector never changes meaning. A number right after a ')' is refused
 * (`(1+2)3` is more likely a slip for `(1+2)^3` than a product): write `*`.
 *
 * Characters read as their ASCII twins: the minus sign − (U+2212) and the dashes – — ‒
 * as '-'; × · ⋅ ∙ as '*'; ÷ and the slashes ∕ (U+2215) and ⁄ (U+2044) as '/'; `**` as '^';
 * and every full-width form of an ASCII character (U+FF01–U+FF5E: （）［］，．０-９ＬＮ and
 * the rest), which Unicode itself defines as that character in another width. A full-width
 * comma is then a comma like any other, with the rules below. So `1.2×10^-3` is 1.2 · 10⁻³
 * and `（１∕４）` is 0.25. The ideographic comma and full stop (、。) are not read: they are
 * not the same characters, and 。 is never a decimal point.
 * An exponent may be written in superscript, as the course prints numbers: `3.2×10⁻⁷` is
 * 3.2 · 10^-7 and `2²` is 4 (a superscript run is '^' followed by its number).
 * A parenthesised list of several entries, `(1 2 3)` or `(1, 2, 3)`, is a vector and
 * may only be the whole answer.
 *
 * Where commas and spaces are ambiguous: numbers joined by commas with no space on either
 * side (`2,17`, `1,000`, `12,345,678`) may be a decimal comma or thousands separators.
 * - Thousands when the first group has 1–3 digits (not a leading 0) and every later group
 *   exactly 3 (the last may go on with decimals or an exponent): `12,345,678`, `1,234.5`.
 *   A decimal comma when there is one comma and no decimal point after it: `2,17`, `0,500`.
 *   `1,000` is both, and the message says both ("type 1000 … or 1.000").
 * - In a scalar answer any such number is refused with the message that fits: "use a dot
 *   for decimals", "don't use thousands separators", or both. Commas that are neither
 *   (`1,2,3`) are list separators and the answer is refused for holding several numbers.
 * - In a vector answer the commas are read as separators when that gives exactly the
 *   expected number of entries (`0,1,0` for a 3-vector, `1,000` for a 2-vector is [1, 0]),
 *   and the answer is refused otherwise with the same guidance: a decimal-comma or thousands
 *   reading always gives fewer entries, so it can never fit when the separator reading does.
 *   `1,000, 2` for a 2-vector is refused, as is `1,000 2`: write `1000, 2`.
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
  '\u2215': '/', // ∕ division slash
  '\u2044': '/', // ⁄ fraction slash
};

/** A character as the parser reads it: its ASCII twin if it has one, else itself. */
function asciiTwin(ch: string): string {
  const code = ch.charCodeAt(0);
  // Full-width forms U+FF01–U+FF5E are ASCII U+0021–U+007E in another width (（ ［ ， ０ …).
  if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return lookAlikes[ch] ?? ch;
}

const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscripts = `${superscriptDigits}⁻⁺`;

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
    } else if (superscripts.includes(ch)) {
      // An exponent written as the course prints it, 10⁻⁷ or 2²: '^' and that number.
      let sign = '';
      if (ch === '⁻' || ch === '⁺') {
        sign = ch === '⁻' ? '-' : '+';
        i += 1;
      }
      let digits = '';
      while (i < text.length && superscriptDigits.includes(text[i] as string)) {
        digits += String(superscriptDigits.indexOf(text[i] as string));
        i += 1;
      }
      if (digits === '') throw new Refusal(`${quote(text.slice(start, i))} is not an exponent: write powers with ^, like 10^-7 (or 10⁻⁷).`);
      tokens.push({ kind: 'operator', text: '^', spaceBefore, spaceAfter: false });
      if (sign !== '') tokens.push({ kind: 'operator', text: sign as '+' | '-', spaceBefore: false, spaceAfter: false });
      tokens.push({ kind: 'number', value: Number(digits), text: digits, isPlainInteger: false, spaceBefore: false, spaceAfter: false });
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

/**
 * Numbers joined by commas with no space on either side, `2,17` or `12,345,678`, as the
 * texts of the numbers (['12', '345', '678']): each a possible decimal comma or thousands
 * separators. A group starts at a whole number and takes every tight comma that follows.
 */
function tightCommaGroups(tokens: Token[]): string[][] {
  const groups: string[][] = [];
  let current: string[] | undefined;
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    const left = tokens[i]!;
    const comma = tokens[i + 1]!;
    const right = tokens[i + 2]!;
    const tight =
      left.kind === 'number' &&
      left.isPlainInteger &&
      comma.kind === 'comma' &&
      !comma.spaceBefore &&
      right.kind === 'number' &&
      !right.spaceBefore &&
      isDigit(right.text[0]);
    if (!tight) {
      current = undefined;
      continue;
    }
    if (current === undefined) {
      current = [left.text];
      groups.push(current);
    }
    current.push(right.text);
    i += 1; // the right number may be the left of the next tight comma
  }
  return groups;
}

/** What commas written tight between digits can mean. */
type CommaReading = 'decimal' | 'thousands' | 'either' | 'neither';

/**
 * Reads a group of tight-comma numbers (see the module's comment): thousands separators
 * (`12,345,678`, `1,234.5`), a decimal comma (`2,17`, `0,500`), either (`1,000`), or
 * neither (`1,2,3`: a plain list).
 */
function readTightCommas(parts: string[]): CommaReading {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const lastWhole = /^\d*/.exec(last)![0];
  const thousands =
    /^[1-9]\d{0,2}$/.test(first) && parts.slice(1, -1).every((part) => /^\d{3}$/.test(part)) && lastWhole.length === 3;
  const decimal = parts.length === 2 && !last.includes('.');
  if (thousands && decimal) return 'either';
  if (thousands) return 'thousands';
  return decimal ? 'decimal' : 'neither';
}

/** What to fix about commas tight between digits, or null when they are plain separators. */
function commaGuidance(parts: string[]): string | null {
  const written = parts.join(',');
  const withoutSeparators = parts.join('');
  const withDot = `${parts[0]}.${parts.slice(1).join('')}`;
  switch (readTightCommas(parts)) {
    case 'thousands':
      return `Don’t use thousands separators: type ${withoutSeparators} (not ${written}).`;
    case 'decimal':
      return `Use a dot for decimals: ${withDot} (not ${written}).`;
    case 'either':
      return `Don’t use thousands separators: type ${withoutSeparators}. If the comma is a decimal comma, use a dot for decimals: ${withDot}.`;
    case 'neither':
      return null;
  }
}

class Parser {
  private position = 0;

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
        this.advance();
        const right = this.peek();
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
      } else if (this.isImplicitProduct(token)) {
        // Implicit multiplication: 2pi, 3ln(2), 2(1+1), (2+3)(4+5), sqrt(4)(1+2).
        value = this.scalar(value) * this.scalar(this.parsePower());
      } else {
        return value;
      }
    }
  }

  /**
   * True when `token` starts a factor multiplied without a sign: a name or a '(' written
   * tight against a number or a ')' just before it. With a space before it, it is the next
   * entry of a vector (or, in a scalar answer, a second number), never a factor.
   */
  private isImplicitProduct(token: Token): boolean {
    const before = this.previous()?.kind;
    return (before === 'number' || before === 'close') && !token.spaceBefore && (token.kind === 'name' || token.kind === 'open');
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
  for (const ch of text) normalised += asciiTwin(ch);

  let tokens: Token[];
  let entries: Value[];
  try {
    tokens = tokenize(normalised);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
  // Commas tight between digits (`2,17`, `1,000`): what to fix, if they are not plain separators.
  const commaMessage = tightCommaGroups(tokens)
    .map(commaGuidance)
    .find((message) => message !== null);
  // A scalar answer never has them, whatever else it holds: ln(2,5) means ln(2.5).
  if (!isVector && commaMessage != null) return { ok: false, message: commaMessage };
  try {
    entries = new Parser(tokens, isVector).parseAnswer();
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

  // In a vector answer they are separators when reading them so gives the expected number of
  // entries; otherwise the guidance says how to write the number they may have meant.
  if (isVector && values.length !== expectedLength && commaMessage != null) {
    const example = Array.from({ length: expectedLength }, (_, i) => `${i}.5`).join(', ');
    return { ok: false, message: `${commaMessage} Put a comma and a space between entries: this answer needs ${expectedLength} numbers, like ${example}.` };
  }

  if (values.length !== expectedLength) {
    if (!isVector) {
      // Numbers apart with only spaces between them, `2 (3)`, are often a product meant.
      const multiply = /[,;]/.test(normalised) ? '' : ' To multiply, put * between the factors.';
      return { ok: false, message: `Expected one number, got ${values.length}. Write a single number or expression.${multiply}` };
    }
    const numbers = expectedLength === 1 ? '1 number' : `${expectedLength} numbers`;
    return { ok: false, message: `Expected ${numbers}, got ${values.length}.` };
  }
  return { ok: true, values };
}
