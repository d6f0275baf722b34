import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/content/lessons/noise-models/problems';
import type { Answer } from '../../../src/lib/practice/types';
import { problemLookup, seeds } from './problemHelpers';
import { withinTolerance } from '../../../src/lib/tolerance';

const byId = problemLookup(problems, 'noise-models');

function asNumbers(answer: Answer): number[] {
  if (typeof answer === 'number') return [answer];
  if (Array.isArray(answer)) return answer;
  throw new Error(`expected a number or vector, got ${answer}`);
}

function sameAnswer(a: Answer, b: Answer, tolerance = {}): boolean {
  const x = asNumbers(a);
  const y = asNumbers(b);
  return x.length === y.length && x.every((v, i) => withinTolerance(v, y[i]!, tolerance));
}

describe('noise-models problems', () => {
  it('has at least six problems: two easy, two medium, one hard, with unique ids under the lesson slug', () => {
    const count = (d: string) => problems.filter((p) => p.difficulty === d).length;
    expect(problems.length).toBeGreaterThanOrEqual(6);
    expect(count('easy')).toBeGreaterThanOrEqual(2);
    expect(count('medium')).toBeGreaterThanOrEqual(2);
    expect(count('hard')).toBeGreaterThanOrEqual(1);
    expect(new Set(problems.map((p) => p.id)).size).toBe(problems.length);
    for (const p of problems) expect(p.id.startsWith('noise-models/')).toBe(true);
  });

  for (const problem of problems) {
    describe(problem.id, () => {
      it('gives the same params for the same seed', () => {
        for (const seed of seeds) expect(problem.params(seed)).toEqual(problem.params(seed));
      });

      it('has finite, well-formed answers, a statement, hints and solution steps for seeds 0–20', () => {
        for (const seed of seeds) {
          const params = problem.params(seed);
          const answer = problem.answer(params);
          const numbers = asNumbers(answer);
          if (problem.format.kind === 'vector') expect(numbers).toHaveLength(problem.format.length);
          else expect(typeof answer).toBe('number');
          for (const v of numbers) expect(Number.isFinite(v)).toBe(true);
          expect(problem.statement(params)).not.toMatch(/NaN|undefined|Infinity/);
          const steps = problem.solution(params);
          expect(steps.length).toBeGreaterThan(0);
          for (const step of steps) expect(step.text).not.toMatch(/NaN|undefined|Infinity/);
          expect(problem.hints.length).toBeGreaterThanOrEqual(1);
          expect(problem.hints.length).toBeLessThanOrEqual(3);
        }
      });

      it('has no control characters in its text (a TeX command like \\frac written with one backslash)', () => {
        const params = problem.params(0);
        const texts = [
          problem.statement(params),
          ...problem.hints,
          ...problem.solution(params).map((step) => step.text),
          ...problem.misconceptions.map((mistake) => mistake.feedback),
        ];
        for (const text of texts) expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      });

      it('has math that KaTeX renders in strict mode', () => {
        for (const seed of [0, 1, 2]) {
          const params = problem.params(seed);
          const texts = [problem.statement(params), ...problem.hints, ...problem.solution(params).map((step) => step.text), ...problem.misconceptions.map((m) => m.feedback)];
          for (const text of texts) {
            for (const [, tex] of text.matchAll(/\$([^$]+)\$/g)) {
              expect(() => katex.renderToString(tex!, { throwOnError: true, strict: 'error' }), tex).not.toThrow();
            }
          }
        }
      });

      it('has misconceptions that differ from the right answer by more than the tolerance', () => {
        expect(problem.misconceptions.length).toBeGreaterThan(0);
        for (const seed of seeds) {
          const params = problem.params(seed);
          const answer = problem.answer(params);
          for (const mistake of problem.misconceptions) {
            const wrong = mistake.value(params);
            for (const v of asNumbers(wrong)) expect(Number.isFinite(v)).toBe(true);
            expect(sameAnswer(wrong, answer, problem.tolerance), `${mistake.id} at seed ${seed}`).toBe(false);
          }
        }
      });

      it('gives different variants for seeds 0, 1 and 2', () => {
        const variants = [0, 1, 2].map((seed) => JSON.stringify(problem.params(seed)));
        expect(new Set(variants).size).toBe(3);
      });
    });
  }

  it('huber-constant-fit: every variant has targets inside the band, so the equation in the solution is well posed', () => {
    const p = byId('huber-constant-fit');
    for (let seed = 0; seed <= 200; seed++) {
      const params = p.params(seed);
      const c = p.answer(params) as number;
      expect(params.values.some((y: number) => Math.abs(c - y) <= params.delta)).toBe(true);
      expect(p.solution(params).map((step) => step.text).join(' ')).not.toContain('()');
    }
  });

  it('huber-batch-bias-gradient: residuals 0.5, −2, 3, 0.2 with δ = 1.5 give (0.5 − 1.5 + 1.5 + 0.2) / 4', () => {
    const p = byId('huber-batch-bias-gradient');
    expect(p.answer(p.params(0))).toBeCloseTo((0.5 - 1.5 + 1.5 + 0.2) / 4, 12);
  });

  describe('seed 0 is the canonical variant, checked with Math.* alone', () => {
    it('mse-mae-derivatives: y = 2, ŷ = 3.5 gives [2(ŷ − y), sign(ŷ − y)] = [3, 1]', () => {
      const p = byId('mse-mae-derivatives');
      const { target, prediction } = p.params(0);
      expect([target, prediction]).toEqual([2, 3.5]);
      expect(p.answer(p.params(0))).toEqual([2 * (3.5 - 2), Math.sign(3.5 - 2)]);
    });

    it('huber-at-residual: r = 3, δ = 2 gives δ(|r| − δ/2) = 4', () => {
      const p = byId('huber-at-residual');
      expect(p.answer(p.params(0))).toBeCloseTo(2 * (3 - 1), 12);
    });

    it('outlier-weight: one error of 10 weighs the same as 100 errors of 1 (source 003 says "outweighs")', () => {
      const p = byId('outlier-weight');
      expect(p.params(0)).toEqual({ big: 10, small: 1 });
      expect(p.answer(p.params(0))).toBe(10 ** 2 / 1 ** 2);
    });

    it('mle-constant: the mean and median of 1, 2, 3, 4, 20', () => {
      const p = byId('mle-constant');
      const [mean, median] = p.answer(p.params(0)) as number[];
      expect(mean).toBeCloseTo((1 + 2 + 3 + 4 + 20) / 5, 9);
      expect(median).toBeCloseTo(3, 9);
    });

    it('gaussian-nll: μ = 1, y = 3, σ² = 4 gives ½(ln 4 + 1)', () => {
      const p = byId('gaussian-nll');
      expect(p.answer(p.params(0))).toBeCloseTo(0.5 * (Math.log(4) + 4 / 4), 12);
    });

    it('poisson-nll: z = 0.5, k = 3 gives [e^0.5 − 1.5, e^0.5 − 3]', () => {
      const p = byId('poisson-nll');
      const [loss, grad] = p.answer(p.params(0)) as number[];
      expect(loss).toBeCloseTo(Math.exp(0.5) - 3 * 0.5, 12);
      expect(grad).toBeCloseTo(Math.exp(0.5) - 3, 12);
    });

    it('huber-constant-fit: targets 0, 1, 1.5, 3, 12 with δ = 1 give c = 1.75', () => {
      const p = byId('huber-constant-fit');
      const c = p.answer(p.params(0)) as number;
      // Inside the band: 1 and 1.5; 0 is far below (+1), 3 and 12 far above (−1 each).
      expect(c).toBeCloseTo((1 + 1.5 - 1 + 1 + 1) / 2, 9);
      const psi = (r: number) => Math.max(-1, Math.min(1, r));
      expect([0, 1, 1.5, 3, 12].reduce((s, y) => s + psi(c - y), 0)).toBeCloseTo(0, 9);
    });
  });
});
