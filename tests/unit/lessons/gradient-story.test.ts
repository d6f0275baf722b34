import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/content/lessons/gradient-story/problems';
import { answerDistance, problemLookup, seeds } from './problemHelpers';

const byId = problemLookup(problems, 'gradient-story');

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('gradient-story problems', () => {
  it('has at least six problems: two easy, two medium, one hard, ids prefixed by the slug', () => {
    expect(problems.length).toBeGreaterThanOrEqual(6);
    const count = (d: string) => problems.filter((p) => p.difficulty === d).length;
    expect(count('easy')).toBeGreaterThanOrEqual(2);
    expect(count('medium')).toBeGreaterThanOrEqual(2);
    expect(count('hard')).toBeGreaterThanOrEqual(1);
    for (const p of problems) expect(p.id).toMatch(/^gradient-story\/[a-z0-9-]+$/);
    expect(new Set(problems.map((p) => p.id)).size).toBe(problems.length);
  });

  for (const problem of problems) {
    describe(problem.id, () => {
      it('gives the same params for the same seed', () => {
        for (const seed of seeds) expect(problem.params(seed)).toEqual(problem.params(seed));
      });

      it('has a finite, well-formed answer, statement, hints and solution for seeds 0..20', () => {
        for (const seed of seeds) {
          const params = problem.params(seed);
          const answer = problem.answer(params);
          if (problem.format.kind === 'number') {
            expect(typeof answer).toBe('number');
            expect(Number.isFinite(answer)).toBe(true);
          } else if (problem.format.kind === 'vector') {
            expect(Array.isArray(answer)).toBe(true);
            expect((answer as number[]).length).toBe(problem.format.length);
            for (const v of answer as number[]) expect(Number.isFinite(v)).toBe(true);
          }
          expect(problem.statement(params)).not.toMatch(/NaN|undefined|Infinity/);
          const steps = problem.solution(params);
          expect(steps.length).toBeGreaterThan(0);
          for (const step of steps) expect(step.text).not.toMatch(/NaN|undefined|Infinity/);
          expect(problem.hints.length).toBeGreaterThanOrEqual(1);
          expect(problem.hints.length).toBeLessThanOrEqual(3);
        }
      });

      it('has misconceptions that differ from the answer by more than the tolerance (seeds 0..20)', () => {
        expect(problem.misconceptions.length).toBeGreaterThan(0);
        for (const seed of seeds) {
          const params = problem.params(seed);
          const answer = problem.answer(params);
          for (const misconception of problem.misconceptions) {
            const value = misconception.value(params);
            expect(answerDistance(value, answer, problem.tolerance), `${misconception.id} at seed ${seed}`).toBeGreaterThan(10);
          }
        }
      });

      it('has misconceptions that differ from one another (seeds 0..20), so each feedback names the mistake made', () => {
        for (const seed of seeds) {
          const params = problem.params(seed);
          const values = problem.misconceptions.map((m) => ({ id: m.id, value: m.value(params) }));
          for (let i = 0; i < values.length; i++) {
            for (let j = i + 1; j < values.length; j++) {
              expect(answerDistance(values[i]!.value, values[j]!.value, problem.tolerance), `${values[i]!.id} vs ${values[j]!.id} at seed ${seed}`).toBeGreaterThan(10);
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

  describe('seed 0 reproduces the source numbers (computed here with Math.*)', () => {
    it('BCE at z = −1, y = 1 (source 002): σ(−1) − 1', () => {
      const p = byId('bce-logit-gradient');
      expect(p.params(0)).toEqual({ z: -1, y: 1 });
      expect(p.answer(p.params(0)) as number).toBeCloseTo(1 / (1 + Math.E) - 1, 12);
      expect(p.answer(p.params(0)) as number).toBeCloseTo(-0.7311, 4);
    });

    it('mseLoss gradient is 2(ŷ − y)/n', () => {
      const p = byId('mse-output-gradient');
      const { predictions, targets } = p.params(0);
      const expected = predictions.map((v: number, i: number) => (2 * (v - targets[i])) / 3);
      (p.answer(p.params(0)) as number[]).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    });

    it('chain rule at x = 3, y = 4, w = 1, b = 0: 2(3 − 4)·3 (not x = 2, where two mistakes coincide)', () => {
      const p = byId('linear-model-chain-rule');
      expect(p.params(0)).toEqual({ x: 3, y: 4, w: 1, b: 0 });
      expect(p.answer(p.params(0)) as number).toBeCloseTo(2 * (3 - 4) * 3, 12);
    });

    it('gd-step variants take calm steps: two different inputs and η·R̂\'\' ≤ 0.8', () => {
      const p = byId('gd-step');
      for (const seed of seeds.slice(1)) {
        const { xs, eta } = p.params(seed) as { xs: number[]; eta: number };
        expect(xs[0]).not.toBe(xs[1]);
        const curvature = (2 / xs.length) * xs.reduce((t, x) => t + x * x, 0);
        expect(eta * curvature).toBeLessThanOrEqual(0.8);
      }
    });

    it('central difference at z = −1, y = 1, h = 1: (ln 2 − ln(1 + e²)) / 2, visibly off the exact σ(−1) − 1', () => {
      const p = byId('central-difference');
      expect(p.params(0)).toEqual({ z: -1, y: 1, h: 1 });
      const estimate = (Math.log(2) - Math.log(1 + Math.E ** 2)) / 2;
      expect(p.answer(p.params(0)) as number).toBeCloseTo(estimate, 12);
      for (const seed of seeds) {
        const { z, y, h } = p.params(seed) as { z: number; y: number; h: number };
        const loss = (t: number) => (y === 1 ? Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));
        expect(p.answer(p.params(seed)) as number).toBeCloseTo((loss(z + h) - loss(z - h)) / (2 * h), 12);
      }
    });

    it('gradient step on source 002 data: dR̂/dw = −3 without the ½ (twice the source −1.5)', () => {
      const p = byId('gd-step');
      const xs = [1, 2];
      const ys = [2, 3];
      const slope = ((2 * (1 - ys[0]!) * xs[0]! + 2 * (2 - ys[1]!) * xs[1]!) / 2);
      expect(slope).toBe(-3);
      expect(p.answer(p.params(0)) as number).toBeCloseTo(1 - 0.1 * slope, 12);
      const half = p.misconceptions.find((m) => m.id === 'half-added')!;
      expect(half.value(p.params(0)) as number).toBeCloseTo(1 - 0.1 * -1.5, 12);
    });

    it('softmax CE gradient for logits (2, 0, −1), class 1: softmax − one-hot', () => {
      const p = byId('softmax-ce-gradient');
      const e = [Math.exp(2), Math.exp(0), Math.exp(-1)];
      const total = e[0]! + e[1]! + e[2]!;
      const expected = [e[0]! / total - 1, e[1]! / total, e[2]! / total];
      (p.answer(p.params(0)) as number[]).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    });

    it('saturation ratio is 1 / (2p(1 − p))', () => {
      const p = byId('saturation-ratio');
      const prob = sigma(-4);
      expect(p.answer(p.params(0)) as number).toBeCloseTo(1 / (2 * prob * (1 - prob)), 8);
      for (const seed of seeds) {
        const { z } = p.params(seed);
        const q = sigma(z);
        expect(p.answer(p.params(seed)) as number).toBeCloseTo(1 / (2 * q * (1 - q)), 6);
      }
    });

    it('largest stable rate for x = (1, 2): 2 / ((2/n) Σx²) = 0.4', () => {
      const p = byId('stable-learning-rate');
      expect(p.answer(p.params(0)) as number).toBeCloseTo(2 / ((2 / 2) * 5), 12);
    });
  });
});

describe('the lesson\'s computed claims (examples.ts)', () => {
  it('the landscape prose: 0.06 is below the raw inputs\' 2/λmax and 0.07 above it; 0.5 is below the standardised one', async () => {
    const { conditioning } = await import('../../../src/content/lessons/gradient-story/examples');
    expect(conditioning.raw.maxRate).toBeGreaterThan(0.06);
    expect(conditioning.raw.maxRate).toBeLessThan(0.07);
    expect(conditioning.standardised.maxRate).toBeGreaterThan(0.5);
    expect(conditioning.zigzagRisk).toBeLessThan(conditioning.slowRisk);
  });

  it('the gradient check: the central error falls about 10⁴-fold from h = 0.1 to 10⁻³, the forward error about 100-fold', async () => {
    const { gradientCheck } = await import('../../../src/content/lessons/gradient-story/examples');
    const [a, b] = gradientCheck.rows;
    expect(a!.forwardError / b!.forwardError).toBeGreaterThan(50);
    expect(a!.forwardError / b!.forwardError).toBeLessThan(200);
    expect(a!.centralError / b!.centralError).toBeGreaterThan(5000);
    expect(a!.centralError / b!.centralError).toBeLessThan(20000);
    expect(gradientCheck.relativeError).toBeLessThan(1e-7);
  });

  it('softmax saturation: the true class gets the weakest push under MSE on the probabilities', async () => {
    const { softmaxSaturation } = await import('../../../src/content/lessons/gradient-story/examples');
    const magnitudes = softmaxSaturation.mseGrad.map(Math.abs);
    expect(magnitudes[softmaxSaturation.label]).toBe(Math.min(...magnitudes));
  });
});
