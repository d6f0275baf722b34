import { describe, expect, it } from 'vitest';
import { answerDisplay, answerHelp, answerText } from '../../../src/components/problem/answerText';
import { allProblems } from '../../../src/lib/course/problems';
import { formatNumber, formatPlain } from '../../../src/lib/format';
import { answerKey } from '../../../src/lib/practice/answerKey';
import { checkAnswer } from '../../../src/lib/practice/checkAnswer';
import { parseAnswer } from '../../../src/lib/practice/parseAnswer';

describe('answerDisplay: the final answer line prints numbers as the solution steps do', () => {
  it('uses formatNumber: four significant figures, a true minus, powers of ten as ×10ⁿ', () => {
    expect(answerDisplay(3.2e-7)).toBe('3.2×10⁻⁷');
    expect(answerDisplay(-0.7310585786300049)).toBe('−0.7311');
    expect(answerDisplay(841234)).toBe('8.412×10⁵');
    expect(answerDisplay([0.25, -1, 3e-7])).toBe('(0.25, −1, 3×10⁻⁷)');
    expect(answerDisplay('Huber')).toBe('Huber');
  });

  it('is read back by the answer box, superscript exponents and all, within the tolerance', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }).filter((x) => Math.abs(x) > 1e-15), (x) => {
        expect(checkAnswer({ format: { kind: 'number' }, expected: x }, answerDisplay(x))).toEqual({ kind: 'correct' });
      }),
    );
  });
});

describe('answerText: the data-answer attribute', () => {
  it('writes ten significant figures in ASCII the parser reads back', () => {
    expect(answerText(-3.2e-7)).toBe('-3.2e-7');
    expect(answerText(1 / 3)).toBe('0.3333333333');
    expect(answerText([0.1, -2])).toBe('0.1, -2');
    expect(answerText(-3.2e-7)).toBe(formatPlain(-3.2e-7));
  });

  it('parses back to within 10 significant figures of any finite number', async () => {
    const fc = await import('fast-check');
    fc.assert(
      // Up to 1e300: within 10 figures of Number.MAX_VALUE (1.797693135e308) rounding overflows.
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), (x) => {
        const result = parseAnswer(answerText(x));
        expect(result.ok).toBe(true);
        if (result.ok) expect(Math.abs(result.values[0]! - x)).toBeLessThanOrEqual(5e-10 * Math.abs(x));
      }),
    );
  });

  it('is accepted as correct for every problem of every lesson, and shown with formatNumber, seeds 0–20', () => {
    for (const { definition } of allProblems()) {
      for (let seed = 0; seed <= 20; seed += 1) {
        const key = answerKey(definition, definition.params(seed));
        const where = `${definition.id} seed ${seed}`;
        if (definition.format.kind === 'choice') {
          expect(checkAnswer(key, answerText(key.expected)), where).toEqual({ kind: 'correct' });
          continue;
        }
        const numbers = typeof key.expected === 'number' ? [key.expected] : (key.expected as number[]);
        expect(checkAnswer(key, answerText(key.expected)), where).toEqual({ kind: 'correct' });
        const shown = numbers.map((x) => formatNumber(x)).join(', ');
        expect(answerDisplay(key.expected), where).toBe(typeof key.expected === 'number' ? shown : `(${shown})`);
      }
    }
  });
});

describe('answerHelp: the text beside the answer box', () => {
  it('says what to type, what log means, and how many figures to give', () => {
    expect(answerHelp({ kind: 'number' })).toBe(
      'Type a number or an expression, such as 0.25, 1/4, 2.5e-3 or -ln(0.2). Both log and ln mean the natural log; log2 and log10 also work. Give 4 significant figures: answers within 0.1% of the exact value are accepted.',
    );
    expect(answerHelp({ kind: 'vector', length: 3 })).toBe(
      'Type 3 numbers separated by commas or spaces, such as 0.1, 0.2, 0.7. Both log and ln mean the natural log; log2 and log10 also work. Give 4 significant figures: answers within 0.1% of the exact value are accepted.',
    );
    expect(answerHelp({ kind: 'choice' })).toBe('Choose one option.');
  });

  it('states the problem’s own tolerance', () => {
    expect(answerHelp({ kind: 'number' }, { rel: 0, abs: 0.01 })).toContain('Give 2 decimal places: answers within 0.01 of the exact value are accepted.');
  });
});
