import { describe, expect, it } from 'vitest';
import { answerHelp, logarithmHelp } from '../../../src/components/problem/answerText';
import { parseAnswer } from '../../../src/lib/practice/parseAnswer';

/** [what the learner types, expected length (undefined: one number), the values it means] */
const accepted: [string, number | undefined, number[]][] = [
  ['2', undefined, [2]],
  ['-0.5', undefined, [-0.5]],
  ['.5', undefined, [0.5]],
  ['+3', undefined, [3]],
  ['  4  ', undefined, [4]],
  ['1.', undefined, [1]],
  ['−0.7311', undefined, [-0.7311]], // U+2212 minus sign
  ['–0.7311', undefined, [-0.7311]], // U+2013 en dash
  ['1e-3', undefined, [1e-3]],
  ['1E-3', undefined, [1e-3]],
  ['2.5e+2', undefined, [250]],
  ['1.2×10^-3', undefined, [1.2e-3]],
  ['1.2*10^-3', undefined, [1.2e-3]],
  ['1.2·10^-3', undefined, [1.2e-3]],
  ['1.2 × 10^−3', undefined, [1.2e-3]],
  ['3/4', undefined, [0.75]],
  ['-ln(0.2689)', undefined, [-Math.log(0.2689)]],
  ['1/(1+exp(1))', undefined, [1 / (1 + Math.E)]],
  ['log(e)', undefined, [1]],
  ['log2(8)', undefined, [3]],
  ['log10(1000)', undefined, [3]],
  ['sqrt(2)', undefined, [Math.SQRT2]],
  ['ln (2)', undefined, [Math.LN2]],
  ['2pi', undefined, [2 * Math.PI]],
  ['2π', undefined, [2 * Math.PI]],
  ['3ln(2)', undefined, [3 * Math.LN2]],
  ['π', undefined, [Math.PI]],
  ['pi/2', undefined, [Math.PI / 2]],
  ['e', undefined, [Math.E]],
  ['e^2', undefined, [Math.E ** 2]],
  ['2^3^2', undefined, [512]],
  ['2**3', undefined, [8]],
  ['-2^2', undefined, [-4]],
  ['2^-1', undefined, [0.5]],
  ['(-2)^2', undefined, [4]],
  ['1 - 2', undefined, [-1]],
  ['1 -2', undefined, [-1]],
  ['2*-3', undefined, [-6]],
  ['[2]', undefined, [2]],
  ['[1, 2, 3]', 3, [1, 2, 3]],
  ['(1 2 3)', 3, [1, 2, 3]],
  ['(1, 2, 3)', 3, [1, 2, 3]],
  ['1, 2, 3', 3, [1, 2, 3]],
  ['1 2 3', 3, [1, 2, 3]],
  ['1; 2; 3', 3, [1, 2, 3]],
  ['−1e-2, 3', 2, [-0.01, 3]],
  ['0.1,0.2,0.7', 3, [0.1, 0.2, 0.7]],
  ['0,1,0', 3, [0, 1, 0]],
  ['1 -2', 2, [1, -2]],
  ['1 - 2, 3', 2, [-1, 3]],
  ['[ln(2), -ln(0.5)]', 2, [Math.LN2, Math.LN2]],
  ['7', 1, [7]],
  // Division slashes other graders accept: U+2215 ∕ and U+2044 ⁄.
  ['1∕4', undefined, [0.25]],
  ['1⁄4', undefined, [0.25]],
  ['-ln(1∕2)', undefined, [Math.LN2]],
  // Full-width forms (U+FF01–U+FF5E) are their ASCII characters.
  ['（2+3）*4', undefined, [20]],
  ['［1, 2］', 2, [1, 2]],
  ['１２．５', undefined, [12.5]],
  ['ｌｎ（２）', undefined, [Math.LN2]],
  ['０．１，０．２，０．７', 3, [0.1, 0.2, 0.7]],
  // Exponents in superscript, as the course prints numbers (formatNumber: 3.2×10⁻⁷).
  ['3.2×10⁻⁷', undefined, [3.2e-7]],
  ['−3.2×10⁻⁷', undefined, [-3.2e-7]],
  ['1.25×10⁵', undefined, [125000]],
  ['2²', undefined, [4]],
  ['(1+2)²', undefined, [9]],
  ['10⁺³', undefined, [1000]],
  ['1.5×10⁻³, 2', 2, [1.5e-3, 2]],
  // Implicit multiplication right after a ')' or a number, written tight.
  ['(2+3)(4+5)', undefined, [45]],
  ['sqrt(4)(1+2)', undefined, [6]],
  ['2(3+1)', undefined, [8]],
  ['(1+2)pi', undefined, [3 * Math.PI]],
  ['(2)ln(e)', undefined, [2]],
  ['-(2)(3)', undefined, [-6]],
  ['2^(1)(3)', undefined, [6]], // the power binds first: 2^1 · 3
  ['（2+3）（4+5）', undefined, [45]],
  // … but with a space between them, two entries of a vector: a vector never changes meaning.
  ['(1) (2)', 2, [1, 2]],
  ['2 (3)', 2, [2, 3]],
  ['(1+1) (2)(3)', 2, [2, 6]],
  // Commas in vectors: separators, spaced or tight when that gives the expected length.
  ['0.1, 0.2, 0.7', 3, [0.1, 0.2, 0.7]],
  ['1000, 2', 2, [1000, 2]],
  ['1,000', 2, [1, 0]],
  ['1,000,2', 3, [1, 0, 2]],
];

/** [what the learner types, expected length, a piece of the message that says what to fix] */
const refused: [string, number | undefined, string][] = [
  ['', undefined, 'Type an answer first'],
  ['   ', undefined, 'Type an answer first'],
  ['', 3, 'Type an answer first'],
  ['abc', undefined, '“abc” is not a number'],
  ['x', undefined, 'To multiply, use * or ×'],
  ['1.2x10^-3', undefined, 'To multiply, use * or ×'],
  ['2,17', undefined, 'use a dot for decimals: 2.17'],
  ['−0,7311', undefined, 'use a dot for decimals: 0.7311'],
  ['0,5, 1,5', 2, 'use a dot for decimals'],
  ['1/0', undefined, 'Division by zero'],
  ['1e999', undefined, 'too large'],
  ['exp(1000)', undefined, 'too large'],
  ['10^400', undefined, 'too large'],
  ['ln(0)', undefined, 'ln needs a positive number'],
  ['log10(-1)', undefined, 'log10 needs a positive number'],
  ['sqrt(-1)', undefined, 'not a real number'],
  ['(-8)^(1/3)', undefined, 'not a real number'],
  ['<img src=x onerror=alert(1)>', undefined, '“<” can\'t be part of an answer'],
  ['2 +', undefined, 'ends too early: something is missing after “+”'],
  ['(1', undefined, 'parenthesis is not closed'],
  ['1)', undefined, '“)” without a matching “(”'],
  ['[1, 2', 2, 'square bracket is not closed'],
  ['1..2', undefined, 'at most one decimal point'],
  ['1.2.3', undefined, 'at most one decimal point'],
  ['ln 2', undefined, 'Put the argument of ln in parentheses'],
  ['1,', undefined, 'Nothing follows the last “,”'],
  ['2 3', undefined, 'Expected one number, got 2'],
  ['1, 2', undefined, 'Expected one number, got 2'],
  ['1 2', 3, 'Expected 3 numbers, got 2'],
  ['[1, 2, 3, 4]', 3, 'Expected 3 numbers, got 4'],
  ['(1, 2) + 1', 2, 'vector in parentheses can only be the whole answer'],
  ['ln(1, 2)', undefined, 'ln takes one number'],
  ['2 * [3]', undefined, 'Square brackets can only go around the whole vector'],
  ['()', undefined, 'nothing inside the parentheses'],
  ['$1', undefined, '“$” can\'t be part of an answer'],
  ['(1+2)3', undefined, 'Something is missing between “)” and “3”'],
  ['1、2', 2, '“、” can\'t be part of an answer'],
  ['1。5', undefined, '“。” can\'t be part of an answer'],
  ['10⁻', undefined, '“⁻” is not an exponent'],
];

/**
 * [what the learner types, expected length, the whole message]: commas between digits, where
 * the guidance must say exactly what to type instead.
 */
const commaRefusals: [string, number | undefined, string][] = [
  // One comma and a 3-digit group after a 1–3-digit one: a thousands separator or a decimal comma.
  ['1,000', undefined, 'Don’t use thousands separators: type 1000. If the comma is a decimal comma, use a dot for decimals: 1.000.'],
  ['10,000', undefined, 'Don’t use thousands separators: type 10000. If the comma is a decimal comma, use a dot for decimals: 10.000.'],
  ['-1,000', undefined, 'Don’t use thousands separators: type 1000. If the comma is a decimal comma, use a dot for decimals: 1.000.'],
  ['１，０００', undefined, 'Don’t use thousands separators: type 1000. If the comma is a decimal comma, use a dot for decimals: 1.000.'],
  // Only thousands: several 3-digit groups, or a decimal point after the comma.
  ['12,345,678', undefined, 'Don’t use thousands separators: type 12345678 (not 12,345,678).'],
  ['1,234.5', undefined, 'Don’t use thousands separators: type 1234.5 (not 1,234.5).'],
  // Only a decimal comma: a group that is not 3 digits, a leading 0, or 4 digits before the comma.
  ['2,17', undefined, 'Use a dot for decimals: 2.17 (not 2,17).'],
  ['1,5', undefined, 'Use a dot for decimals: 1.5 (not 1,5).'],
  ['0,500', undefined, 'Use a dot for decimals: 0.500 (not 0,500).'],
  ['1234,567', undefined, 'Use a dot for decimals: 1234.567 (not 1234,567).'],
  ['2,5e-3', undefined, 'Use a dot for decimals: 2.5e-3 (not 2,5e-3).'],
  ['ln(2,5)', undefined, 'Use a dot for decimals: 2.5 (not 2,5).'],
  // Neither: a list of numbers where one is expected.
  ['1,2,3', undefined, 'Expected one number, got 3. Write a single number or expression.'],
  ['2 (3)', undefined, 'Expected one number, got 2. Write a single number or expression. To multiply, put * between the factors.'],
  // In a vector, tight commas that do not give the expected length get the same guidance.
  [
    '1,000, 2',
    2,
    'Don’t use thousands separators: type 1000. If the comma is a decimal comma, use a dot for decimals: 1.000. Put a comma and a space between entries: this answer needs 2 numbers, like 0.5, 1.5.',
  ],
  [
    '1,000 2',
    2,
    'Don’t use thousands separators: type 1000. If the comma is a decimal comma, use a dot for decimals: 1.000. Put a comma and a space between entries: this answer needs 2 numbers, like 0.5, 1.5.',
  ],
  [
    '12,345,678, 1',
    2,
    'Don’t use thousands separators: type 12345678 (not 12,345,678). Put a comma and a space between entries: this answer needs 2 numbers, like 0.5, 1.5.',
  ],
  ['0,5, 1,5', 2, 'Use a dot for decimals: 0.5 (not 0,5). Put a comma and a space between entries: this answer needs 2 numbers, like 0.5, 1.5.'],
  ['1,2,3', 2, 'Expected 2 numbers, got 3.'],
  ['(1)(2)', 2, 'Expected 2 numbers, got 1.'],
];

describe('parseAnswer', () => {
  it.each(accepted)('reads %j (length %s) as %j', (text, length, values) => {
    const result = parseAnswer(text, length === undefined ? {} : { length });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.values).toHaveLength(values.length);
    result.values.forEach((value, i) => expect(value).toBeCloseTo(values[i]!, 12));
  });

  it.each(refused)('refuses %j (length %s) saying %j', (text, length, message) => {
    const result = parseAnswer(text, length === undefined ? {} : { length });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.toLowerCase()).toContain(message.toLowerCase());
  });

  it.each(commaRefusals)('refuses %j (length %s) saying exactly %j', (text, length, message) => {
    expect(parseAnswer(text, length === undefined ? {} : { length })).toEqual({ ok: false, message });
  });

  it('reads every example the help text gives, and means what it says about log', () => {
    for (const format of [{ kind: 'number' as const }, ...[1, 2, 3, 4, 5].map((length) => ({ kind: 'vector' as const, length }))]) {
      const help = answerHelp(format);
      expect(help).toContain(logarithmHelp);
      expect(help).toContain('Give 4 significant figures');
      const examples = format.kind === 'number' ? /such as (.+) or (.+)\. Both/.exec(help)!.slice(1).flatMap((list) => list.split(', ')) : [/such as (.+?)\. Both/.exec(help)![1]!];
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        expect(parseAnswer(example, format.kind === 'vector' ? { length: format.length } : {}), `${example} (${JSON.stringify(format)})`).toMatchObject({ ok: true });
      }
    }
    const value = (text: string) => {
      const result = parseAnswer(text);
      if (!result.ok) throw new Error(result.message);
      return result.values[0]!;
    };
    expect(value('log(7)')).toBe(Math.log(7));
    expect(value('ln(7)')).toBe(Math.log(7));
    expect(value('log2(8)')).toBe(3);
    expect(value('log10(1000)')).toBe(3);
  });

  it('reads a comma between whole numbers as a separator only when that gives the expected length', () => {
    expect(parseAnswer('2,17', { length: 2 })).toEqual({ ok: true, values: [2, 17] });
    expect(parseAnswer('2,17', { length: 1 }).ok).toBe(false);
    expect(parseAnswer('2,17').ok).toBe(false);
  });

  it('never quotes more than a few characters of the learner’s text in a message', () => {
    const result = parseAnswer('a'.repeat(500));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(200);
  });

  it('refuses, and never throws on, any string at all', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const result = parseAnswer(text);
        if (result.ok) expect(result.values.every(Number.isFinite)).toBe(true);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
    );
  });

  it('reads back any finite number JavaScript prints', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const result = parseAnswer(String(x));
        expect(result).toEqual({ ok: true, values: [x === 0 ? 0 : x] });
      }),
    );
  });
});
