import { describe, expect, it } from 'vitest';
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
