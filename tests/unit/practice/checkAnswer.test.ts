import { describe, expect, it } from 'vitest';
import { answerKey } from '../../../src/lib/practice/answerKey';
import { checkAnswer, type AnswerKey } from '../../../src/lib/practice/checkAnswer';
import { decimalPlacesFor, describeTolerance, significantFiguresFor } from '../../../src/lib/practice/describeTolerance';
import { feedbackMessage } from '../../../src/lib/practice/feedbackMessage';
import type { ProblemDefinition } from '../../../src/lib/practice/types';

const number = (expected: number, extra: Partial<AnswerKey> = {}): AnswerKey => ({ format: { kind: 'number' }, expected, ...extra });

describe('checkAnswer: tolerance (relative 1e-3 plus absolute 1e-9 by default)', () => {
  it('accepts an answer exactly at the relative boundary', () => {
    // 1000 · (1 + 1e-3) = 1001 is exactly representable and exactly at the allowance 1e-9 + 1.
    expect(checkAnswer(number(1000), '1001')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(1000), '999')).toEqual({ kind: 'correct' });
    // With no absolute part, 1001 is exactly at |actual − expected| = rel · |expected|.
    expect(checkAnswer(number(1000, { tolerance: { rel: 1e-3, abs: 0 } }), '1001')).toEqual({ kind: 'correct' });
  });

  it('calls an answer just outside the tolerance close', () => {
    expect(checkAnswer(number(1000), '1001.01')).toEqual({ kind: 'close' });
    expect(checkAnswer(number(0.26894142), '0.27')).toEqual({ kind: 'close' });
  });

  it('calls an answer within 10× the tolerance close, and one beyond it incorrect', () => {
    expect(checkAnswer(number(1000), '1010')).toEqual({ kind: 'close' });
    expect(checkAnswer(number(1000), '1010.5')).toEqual({ kind: 'incorrect' });
    expect(checkAnswer(number(1000), '-1000')).toEqual({ kind: 'incorrect' });
  });

  it('accepts any expression of the right value', () => {
    expect(checkAnswer(number(0.26894142), '1/(1+exp(1))')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(0.26894142), '0.2689')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(1.3134), '-ln(0.2689)')).toEqual({ kind: 'correct' });
  });

  it('uses the absolute tolerance when the expected value is zero', () => {
    expect(checkAnswer(number(0), '0')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(0), '1e-9')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(0), '5e-9')).toEqual({ kind: 'close' });
    expect(checkAnswer(number(0), '0.001')).toEqual({ kind: 'incorrect' });
  });

  it('honours a problem’s own tolerance', () => {
    const key = number(2, { tolerance: { rel: 0, abs: 0.01 } });
    expect(checkAnswer(key, '2.01')).toEqual({ kind: 'correct' });
    expect(checkAnswer(key, '2.05')).toEqual({ kind: 'close' });
    expect(checkAnswer(key, '2.2')).toEqual({ kind: 'incorrect' });
  });

  it('refuses what is not an answer, with the parser’s message', () => {
    expect(checkAnswer(number(2.17), '2,17')).toEqual({ kind: 'refused', message: expect.stringContaining('Use a dot for decimals') });
    expect(checkAnswer(number(1), '')).toEqual({ kind: 'refused', message: expect.stringContaining('Type an answer first') });
  });

  it('refuses 1,000 with both readings, never as the value 1.000, and never counts it as an attempt', () => {
    for (const expected of [1000, 1]) {
      expect(checkAnswer(number(expected), '1,000')).toEqual({
        kind: 'refused',
        message: 'Don’t use thousands separators: type 1000. If the comma is a decimal comma, use a dot for decimals: 1.000.',
      });
    }
    expect(checkAnswer(number(12345678), '12,345,678')).toEqual({ kind: 'refused', message: 'Don’t use thousands separators: type 12345678 (not 12,345,678).' });
  });

  it('accepts the other graders’ slashes, full-width brackets and implicit products', () => {
    expect(checkAnswer(number(0.25), '1∕4')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(0.25), '1⁄4')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(45), '(2+3)(4+5)')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(45), '（2+3）（4+5）')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(6), 'sqrt(4)(1+2)')).toEqual({ kind: 'correct' });
    expect(checkAnswer(number(3.2e-7), '3.2×10⁻⁷')).toEqual({ kind: 'correct' });
  });
});

describe('checkAnswer: vectors', () => {
  const key: AnswerKey = { format: { kind: 'vector', length: 3 }, expected: [0.09003057, 0.24472847, 0.66524096] };

  it('compares element by element', () => {
    expect(checkAnswer(key, '[0.09003, 0.2447, 0.6652]')).toEqual({ kind: 'correct' });
    expect(checkAnswer(key, '0.09003 0.2447 0.6652')).toEqual({ kind: 'correct' });
  });

  it('is close only when every element is close', () => {
    expect(checkAnswer(key, '0.09, 0.245, 0.665')).toEqual({ kind: 'close' });
    expect(checkAnswer(key, '0.09003, 0.2447, 0.7')).toEqual({ kind: 'incorrect' });
  });

  it('refuses a vector of the wrong length', () => {
    expect(checkAnswer(key, '0.09, 0.24')).toEqual({ kind: 'refused', message: 'Expected 3 numbers, got 2.' });
  });
});

describe('checkAnswer: choices', () => {
  const key: AnswerKey = {
    format: { kind: 'choice' },
    expected: 'Huber',
    choices: ['MSE', 'MAE', 'Huber'],
    misconceptions: [{ id: 'outliers-squared', value: 'MSE', feedback: 'Squaring makes outliers dominate.' }],
  };

  it('compares by label', () => {
    expect(checkAnswer(key, 'Huber')).toEqual({ kind: 'correct' });
    expect(checkAnswer(key, 'MAE')).toEqual({ kind: 'incorrect' });
  });

  it('names the mistake behind a wrong choice', () => {
    expect(checkAnswer(key, 'MSE')).toEqual({ kind: 'misconception', id: 'outliers-squared', feedback: 'Squaring makes outliers dominate.' });
  });

  it('refuses no choice, or a label that is not offered', () => {
    expect(checkAnswer(key, '')).toEqual({ kind: 'refused', message: 'Choose one of the options first.' });
    expect(checkAnswer(key, 'Hinge')).toEqual({ kind: 'refused', message: expect.stringContaining('MSE; MAE; Huber') });
  });
});

describe('checkAnswer: misconceptions', () => {
  // Mean squared error of residuals [1, 2, 3]: the right answer and what each mistake gives.
  const residuals = [1, 2, 3];
  const squares = residuals.map((r) => r * r);
  const mean = squares.reduce((a, b) => a + b, 0) / residuals.length; // 14/3
  const key = number(mean, {
    misconceptions: [
      { id: 'sum-instead-of-mean', value: squares.reduce((a, b) => a + b, 0), feedback: 'That is the sum; the loss is the mean.' },
      { id: 'half-added', value: mean / 2, feedback: 'That has an extra ½.' },
      { id: 'absolute-instead-of-squared', value: 2, feedback: 'That is the mean absolute error.' },
      { id: 'log10-instead-of-ln', value: Math.log10(mean), feedback: 'log10 is not ln.' },
    ],
  });

  it.each([
    ['14', 'sum-instead-of-mean'],
    ['7/3', 'half-added'],
    ['2', 'absolute-instead-of-squared'],
    ['0.669', 'log10-instead-of-ln'],
  ])('recognises %s as %s', (response, id) => {
    const result = checkAnswer(key, response);
    expect(result).toMatchObject({ kind: 'misconception', id });
  });

  it('matches a misconception with the same tolerance as the right answer', () => {
    expect(checkAnswer(key, '14.01')).toMatchObject({ kind: 'misconception', id: 'sum-instead-of-mean' });
    expect(checkAnswer(key, '14.1')).toEqual({ kind: 'incorrect' });
  });

  it('never lets a misconception that coincides with the right answer shadow “correct”', () => {
    // For residuals [0, 0] the sum and the mean are both 0.
    const coinciding = number(0, { misconceptions: [{ id: 'sum-instead-of-mean', value: 0, feedback: 'Sum, not mean.' }] });
    expect(checkAnswer(coinciding, '0')).toEqual({ kind: 'correct' });
  });

  it('does not blame a mistake that makes no difference for this variant', () => {
    // The mistake's value is within tolerance of the right answer: an answer near it but outside the
    // tolerance is "close", not that mistake.
    const nearlyEqual = number(1, { misconceptions: [{ id: 'half-forgotten', value: 1.0009, feedback: 'The ½.' }] });
    expect(checkAnswer(nearlyEqual, '1.0018')).toEqual({ kind: 'close' });
  });

  it('compares a vector misconception element by element', () => {
    const vector: AnswerKey = {
      format: { kind: 'vector', length: 2 },
      expected: [0.25, -0.25],
      misconceptions: [{ id: 'gradient-sign-flipped', value: [-0.25, 0.25], feedback: 'The gradient points uphill.' }],
    };
    expect(checkAnswer(vector, '-0.25, 0.25')).toMatchObject({ kind: 'misconception', id: 'gradient-sign-flipped' });
  });
});

describe('feedbackMessage', () => {
  it('begins with “Correct” when, and only when, the answer is right', () => {
    expect(feedbackMessage({ kind: 'correct' })).toMatch(/^Correct/);
    for (const result of [
      { kind: 'close' } as const,
      { kind: 'incorrect' } as const,
      { kind: 'misconception', id: 'x', feedback: 'Correct idea, wrong sign.' } as const,
      { kind: 'refused', message: 'Type an answer first.' } as const,
    ]) {
      expect(feedbackMessage(result)).not.toMatch(/^Correct/);
    }
  });

  it('says “close: give more significant figures”', () => {
    expect(feedbackMessage({ kind: 'close' }).toLowerCase()).toContain('close: give more significant figures');
  });

  it('names the mistake, and passes a refusal’s message through', () => {
    expect(feedbackMessage({ kind: 'misconception', id: 'sum', feedback: 'That is the sum.' })).toBe('Not quite. That is the sum.');
    expect(feedbackMessage({ kind: 'refused', message: 'Type an answer first.' })).toBe('Type an answer first.');
    expect(feedbackMessage(checkAnswer(number(1000), '1,000'))).toMatch(/^Don’t use thousands separators: type 1000\./);
  });

  it('does not reveal the answer when incorrect', () => {
    const key = number(0.123456);
    const text = feedbackMessage(checkAnswer(key, '5'));
    expect(text).not.toContain('0.123');
  });
});

describe('describeTolerance', () => {
  it('states the default as a percentage, and the significant figures that always fit in it', () => {
    expect(describeTolerance()).toBe('Give 4 significant figures: answers within 0.1% of the exact value are accepted.');
    expect(describeTolerance({ rel: 1e-2 })).toBe('Give 3 significant figures: answers within 1% of the exact value are accepted.');
  });
  it('states an absolute tolerance, and the decimal places that always fit in it', () => {
    expect(describeTolerance({ rel: 0, abs: 0.01 })).toBe('Give 2 decimal places: answers within 0.01 of the exact value are accepted.');
    expect(describeTolerance({ rel: 1e-3, abs: 0.01 })).toBe('Give 4 significant figures: answers within 0.1% of the exact value, or within 0.01 of it, are accepted.');
  });

  it('asks for 4 significant figures under the default 0.1%: every answer rounded to 4 is correct', async () => {
    expect(significantFiguresFor(1e-3)).toBe(4);
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((x) => x !== 0 && Math.abs(x) > 1e-12), (x) => {
        expect(checkAnswer(number(x), x.toPrecision(4))).toEqual({ kind: 'correct' });
      }),
    );
    // … and 3 would not be enough: 1.0049 rounded to 1.00 is 0.49% off.
    expect(checkAnswer(number(1.0049), (1.0049).toPrecision(3))).toEqual({ kind: 'close' });
  });

  it('asks for the decimal places that always fit a purely absolute tolerance', async () => {
    expect(decimalPlacesFor(0.01)).toBe(2);
    expect(decimalPlacesFor(0.5)).toBe(0);
    const fc = await import('fast-check');
    const key = (x: number) => number(x, { tolerance: { rel: 0, abs: 0.01 } });
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        // Math.round to 2 places, written as a decimal: at most 0.005 away from x.
        const rounded = (Math.round(x * 100) / 100).toString();
        expect(checkAnswer(key(x), rounded)).toEqual({ kind: 'correct' });
      }),
    );
    expect(checkAnswer(key(1.049), '1.0')).toEqual({ kind: 'close' });
  });
});

describe('answerKey', () => {
  const problem: ProblemDefinition<{ residual: number }> = {
    id: 'test/squared-residual',
    title: 'A squared residual',
    difficulty: 'easy',
    format: { kind: 'number' },
    params: (seed) => ({ residual: seed + 2 }),
    statement: ({ residual }) => `Square $${residual}$.`,
    answer: ({ residual }) => residual * residual,
    hints: ['Multiply it by itself.'],
    solution: ({ residual }) => [{ text: `$${residual}^2 = ${residual * residual}$` }],
    misconceptions: [{ id: 'half-added', value: ({ residual }) => (residual * residual) / 2, feedback: 'No ½ here.' }],
  };

  it('evaluates the answer and every misconception for one variant', () => {
    const key = answerKey(problem, problem.params(1));
    expect(key).toEqual({
      format: { kind: 'number' },
      expected: 9,
      misconceptions: [{ id: 'half-added', value: 4.5, feedback: 'No ½ here.' }],
    });
    expect(checkAnswer(key, '9')).toEqual({ kind: 'correct' });
    expect(checkAnswer(key, '4.5')).toMatchObject({ kind: 'misconception', id: 'half-added' });
  });
});
