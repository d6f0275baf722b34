import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/content/lessons/what-is-a-loss/problems';
import { answerDistance, answerNumbers, problemLookup, seeds } from './problemHelpers';

const byId = problemLookup(problems, 'what-is-a-loss');
const numbers = answerNumbers;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('what-is-a-loss problems', () => {
  it('has at least six problems: two easy, two medium and one hard, with unique ids under the lesson slug', () => {
    expect(problems.length).toBeGreaterThanOrEqual(6);
    const count = (d: string) => problems.filter((p) => p.difficulty === d).length;
    expect(count('easy')).toBeGreaterThanOrEqual(2);
    expect(count('medium')).toBeGreaterThanOrEqual(2);
    expect(count('hard')).toBeGreaterThanOrEqual(1);
    const ids = problems.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^what-is-a-loss\/[a-z0-9-]+$/);
  });

  for (const problem of problems) {
    describe(problem.id, () => {
      it('gives the same parameters for the same seed', () => {
        for (const seed of seeds) expect(problem.params(seed)).toEqual(problem.params(seed));
      });

      it('has a finite, well-formed answer, statement, hints and solution for seeds 0 to 20', () => {
        expect(problem.hints.length).toBeGreaterThanOrEqual(1);
        expect(problem.hints.length).toBeLessThanOrEqual(3);
        for (const seed of seeds) {
          const params = problem.params(seed);
          const answer = problem.answer(params);
          if (problem.format.kind === 'choice') {
            expect(problem.choices!(params)).toContain(answer);
          } else {
            for (const v of numbers(answer)) expect(Number.isFinite(v)).toBe(true);
          }
          expect(problem.statement(params)).not.toMatch(/NaN|undefined|Infinity/);
          const steps = problem.solution(params);
          expect(steps.length).toBeGreaterThanOrEqual(1);
          for (const step of steps) expect(step.text).not.toMatch(/NaN|undefined|Infinity/);
        }
      });

      it('has misconceptions the checker can tell apart from the answer for seeds 0 to 20', () => {
        expect(problem.misconceptions.length).toBeGreaterThanOrEqual(1);
        for (const seed of seeds) {
          const params = problem.params(seed);
          const answer = problem.answer(params);
          for (const misconception of problem.misconceptions) {
            const wrong = misconception.value(params);
            if (typeof wrong !== 'string') for (const v of numbers(wrong)) expect(Number.isFinite(v)).toBe(true);
            else expect(problem.choices!(params)).toContain(wrong);
            expect(answerDistance(wrong, answer, problem.tolerance), `${misconception.id} at seed ${seed}`).toBeGreaterThan(1);
          }
        }
      });

      it('has misconceptions the checker can tell apart from one another for seeds 0 to 20', () => {
        for (const seed of seeds) {
          const params = problem.params(seed);
          const wrong = problem.misconceptions.map((m) => ({ id: m.id, value: m.value(params) }));
          for (let i = 0; i < wrong.length; i++) {
            for (let j = i + 1; j < wrong.length; j++) {
              // Source 002's two points (seed 0 of half-mse-gradient): with n = 2, summing instead of
              // averaging doubles the gradient exactly as dropping the ½ does; the first feedback says so.
              if (problem.id === 'what-is-a-loss/half-mse-gradient' && seed === 0) continue;
              expect(answerDistance(wrong[i]!.value, wrong[j]!.value, problem.tolerance), `${wrong[i]!.id} vs ${wrong[j]!.id} at seed ${seed}`).toBeGreaterThan(10);
            }
          }
        }
      });

      it('gives different variants for seeds 0, 1 and 2', () => {
        const variants = [0, 1, 2].map((seed) => JSON.stringify(problem.params(seed)));
        expect(new Set(variants).size).toBe(3);
      });
    });
  }

  it('empirical-risk-squared: seed 0 is the mean of the squared residuals', () => {
    const problem = byId('empirical-risk-squared');
    const { targets, predictions } = problem.params(0) as { targets: number[]; predictions: number[] };
    const expected = mean(predictions.map((p, i) => (p - targets[i]!) ** 2));
    expect(problem.answer(problem.params(0))).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(5.25 / 4, 12);
  });

  it('empirical-risk-absolute: seed 0 is the mean of the absolute residuals', () => {
    const problem = byId('empirical-risk-absolute');
    const { targets, predictions } = problem.params(0) as { targets: number[]; predictions: number[] };
    expect(problem.answer(problem.params(0))).toBeCloseTo(mean(predictions.map((p, i) => Math.abs(p - targets[i]!))), 12);
  });

  it('minibatch-average: the average over all batches equals the full empirical risk (unbiased) for every seed', () => {
    const problem = byId('minibatch-average');
    for (const seed of seeds) {
      const { targets, predictions } = problem.params(seed) as { targets: number[]; predictions: number[] };
      const full = mean(predictions.map((p, i) => (p - targets[i]!) ** 2));
      expect(problem.answer(problem.params(seed))).toBeCloseTo(full, 10);
    }
  });

  it('half-mse-gradient: seed 0 is source 002\'s worked example, dR̂/dw = −1.5 at w = 1', () => {
    const problem = byId('half-mse-gradient');
    const params = problem.params(0) as { xs: number[]; ys: number[]; w: number };
    expect(params).toEqual({ xs: [1, 2], ys: [2, 3], w: 1 });
    const direct = mean(params.xs.map((x, i) => (params.w * x - params.ys[i]!) * x));
    expect(direct).toBe(-1.5);
    expect(problem.answer(params)).toBeCloseTo(direct, 12);
    const wrong = Object.fromEntries(problem.misconceptions.map((m) => [m.id, m.value(params)]));
    expect(wrong['no-half']).toBeCloseTo(-3, 12);
    expect(problem.misconceptions.find((m) => m.id === 'no-half')!.feedback).toMatch(/summing instead of averaging/);
    expect(wrong['sign-flipped']).toBeCloseTo(1.5, 12);
    expect(wrong['forgot-inner-derivative']).toBeCloseTo(-1, 12);
  });

  it('half-mse-gradient: the answer matches a finite difference of ½·mean squared error for every seed', () => {
    const problem = byId('half-mse-gradient');
    for (const seed of seeds) {
      const { xs, ys, w } = problem.params(seed) as { xs: number[]; ys: number[]; w: number };
      const risk = (v: number) => mean(xs.map((x, i) => 0.5 * (v * x - ys[i]!) ** 2));
      const h = 1e-6;
      expect(problem.answer(problem.params(seed))).toBeCloseTo((risk(w + h) - risk(w - h)) / (2 * h), 5);
    }
  });

  it('which-line: the answer is the line with the lowest risk, and the two price lists disagree', () => {
    const problem = byId('which-line');
    for (const seed of seeds) {
      const params = problem.params(seed) as { xs: number[]; ys: number[]; lines: [number, number][]; priceList: string };
      const risk = ([w, b]: [number, number], list: string) =>
        mean(params.xs.map((x, i) => (list === 'squared' ? (w * x + b - params.ys[i]!) ** 2 : Math.abs(w * x + b - params.ys[i]!))));
      const best = (list: string) => {
        const risks = params.lines.map((line) => risk(line, list));
        return risks.indexOf(Math.min(...risks));
      };
      expect(best('squared')).not.toBe(best('absolute'));
      const answer = problem.answer(params) as string;
      expect(answer.startsWith(`Line ${'ABC'[best(params.priceList)]}:`)).toBe(true);
    }
    // Labels read like lines: no "0x" for a flat line, no "+ 0" for a zero intercept.
    for (const seed of seeds) for (const label of problem.choices!(problem.params(seed))) expect(label).not.toMatch(/ 0x|[+−] 0$/);
    // Seed 0: squared loss prefers the line tilted toward the outlier (C); absolute keeps the trend (A).
    expect(problem.answer(problem.params(0))).toBe('Line C: ŷ = x + 1');
  });

  it('best-slope-through-origin: seed 0 is Σxy / Σx² = 8/5 for source 002\'s data, and every seed zeroes the gradient', () => {
    const problem = byId('best-slope-through-origin');
    expect(problem.answer(problem.params(0))).toBeCloseTo(8 / 5, 12);
    for (const seed of seeds) {
      const { xs, ys } = problem.params(seed) as { xs: number[]; ys: number[] };
      const sxy = xs.reduce((t, x, i) => t + x * ys[i]!, 0);
      const sxx = xs.reduce((t, x) => t + x * x, 0);
      expect(problem.answer(problem.params(seed))).toBeCloseTo(sxy / sxx, 10);
    }
  });
});

describe('what-is-a-loss variants', () => {
  it('never repeats another problem\'s numbers for seeds 0 to 20', () => {
    for (const seed of seeds) {
      const variants = problems.map((p) => JSON.stringify(p.params(seed)));
      expect(new Set(variants).size, `seed ${seed}`).toBe(variants.length);
    }
  });
});

describe('what-is-a-loss/metric-disagrees', () => {
  it('has squared loss and the 0-1 count pick different models for every seed; seed 0: A on squared, B on 0-1', () => {
    const problem = byId('metric-disagrees');
    for (const seed of seeds) {
      const { targets, modelA, modelB, tolerance } = problem.params(seed) as {
        targets: number[];
        modelA: number[];
        modelB: number[];
        tolerance: number;
      };
      const squared = (p: number[]) => mean(p.map((v, i) => (v - targets[i]!) ** 2));
      const misses = (p: number[]) => mean(p.map((v, i) => (Math.abs(v - targets[i]!) > tolerance ? 1 : 0)));
      const squaredWinner = squared(modelA) < squared(modelB) ? 'A' : 'B';
      const countWinner = misses(modelA) < misses(modelB) ? 'A' : 'B';
      expect(squaredWinner).not.toBe(countWinner);
      expect(problem.answer(problem.params(seed))).toBe(
        squaredWinner === 'A'
          ? 'A has the lower squared-loss risk; B has the lower 0-1 risk'
          : 'B has the lower squared-loss risk; A has the lower 0-1 risk',
      );
    }
    expect(problem.answer(problem.params(0))).toBe('A has the lower squared-loss risk; B has the lower 0-1 risk');
  });
});
