/**
 * What is particular to the noise-models lesson. The generic contract of every problem (KaTeX,
 * answers of the right shape, mistakes clearly apart, pinned seeds) is checked once for the
 * whole course in problems.contract.test.ts; here: seed 0 against the numbers worked out with
 * Math.* alone, the corrections the lesson makes, and the variants reaching every case.
 */
import { describe, expect, it } from 'vitest';
import { learnedVariance, huberOutside, huberVsSmooth, maeKink, outlierVsMany, poisson } from '../../../src/content/lessons/noise-models/examples';
import { problems } from '../../../src/content/lessons/noise-models/problems';
import { fitConstant } from '../../../src/lib/fits/fitConstant';
import type { ProblemDefinition } from '../../../src/lib/practice/types';

function byId(name: string): ProblemDefinition<any> {
  const problem = problems.find((p) => p.id === `noise-models/${name}`);
  if (!problem) throw new Error(`no problem noise-models/${name}`);
  return problem;
}
const seeds = Array.from({ length: 300 }, (_, seed) => seed);
/** Huber's slope ψ(r), written out with Math.* alone. */
const psi = (r: number, delta: number) => Math.max(-delta, Math.min(delta, r));

describe('seed 0 is the canonical variant, checked with Math.* alone', () => {
  it('mse-mae-derivatives: y = 2, ŷ = 3.5 gives [2(ŷ − y), sign(ŷ − y)] = [3, 1]', () => {
    const p = byId('mse-mae-derivatives');
    expect(p.params(0)).toEqual({ target: 2, prediction: 3.5 });
    expect(p.answer(p.params(0))).toEqual([2 * (3.5 - 2), Math.sign(3.5 - 2)]);
  });

  it('huber-at-residual: r = 3, δ = 2 gives δ(|r| − δ/2) = 4', () => {
    const p = byId('huber-at-residual');
    expect(p.answer(p.params(0))).toBeCloseTo(2 * (3 - 1), 12);
  });

  it('outlier-weight: one error of 7 weighs as much as 7² = 49 errors of 1', () => {
    const p = byId('outlier-weight');
    expect(p.params(0)).toEqual({ big: 7, small: 1 });
    expect(p.answer(p.params(0))).toBeCloseTo(7 ** 2 / 1 ** 2, 12);
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

  it('huber-batch-bias-gradient: residuals 0.5, −2, 3, 0.2 with δ = 1.5 give (0.5 − 1.5 + 1.5 + 0.2) / 4', () => {
    const p = byId('huber-batch-bias-gradient');
    expect(p.answer(p.params(0))).toBeCloseTo((0.5 - 1.5 + 1.5 + 0.2) / 4, 12);
  });

  it('huber-constant-fit: targets 0, 0, 1, 1, 5 with δ = 1 give c = 0.75, below the median 1 and the mean 1.4', () => {
    const p = byId('huber-constant-fit');
    const values = [0, 0, 1, 1, 5];
    expect(p.params(0)).toEqual({ values, delta: 1 });
    const c = p.answer(p.params(0)) as number;
    // 0, 0, 1, 1 inside the band, 5 far above (−1): 4c − 2 − 1 = 0.
    expect(c).toBeCloseTo((0 + 0 + 1 + 1 + 1) / 4, 9);
    expect(values.reduce((s, y) => s + psi(c - y, 1), 0)).toBeCloseTo(0, 9);
    expect(c).toBeLessThan(Math.min(1, (0 + 0 + 1 + 1 + 5) / 5));
  });

  it('smooth-l1-to-huber-learning-rate: η = 0.02, δ = 5 gives η/δ for SGD and η for Adam', () => {
    const p = byId('smooth-l1-to-huber-learning-rate');
    const [sgd, adam] = p.answer(p.params(0)) as number[];
    expect(sgd).toBeCloseTo(0.02 / 5, 12);
    expect(adam).toBeCloseTo(0.02, 12);
  });
});

describe('the corrections the lesson makes, checked independently', () => {
  it("Huber's constant fit is not always between the mean and the median: the library and a hand-solved ψ-equation agree", () => {
    expect(fitConstant('huber', [0, 0, 1, 1, 5], 1)).toBeCloseTo(0.75, 9);
    const { targets, delta, huber, mean, median } = huberOutside;
    // Both 1s lie far below (+1 each), the 3s inside, 12 far above (−1): 2 + 3(c − 3) − 1 = 0.
    expect(huber).toBeCloseTo(8 / 3, 9);
    expect(targets.reduce((s, y) => s + psi(huber - y, delta), 0)).toBeCloseTo(0, 9);
    expect(mean).toBeCloseTo(23 / 6, 12);
    expect(median).toBeCloseTo(3, 9);
    expect(huber).toBeLessThan(Math.min(mean, median));
  });

  it('one error of 10 weighs exactly as much as a hundred errors of 1 under squared error (source 003 says "outweighs")', () => {
    expect(outlierVsMany.one).toBe(10 ** 2);
    expect(outlierVsMany.hundred).toBe(100 * 1 ** 2);
    expect(outlierVsMany.one).toBe(outlierVsMany.hundred);
  });

  it('Huber is δ times smooth L1, so plain SGD sees a learning rate δ times larger, while Adam (ε = 0) takes identical steps', () => {
    const { huberGrad, smoothGrad, delta } = huberVsSmooth;
    huberGrad.forEach((g, i) => expect(g).toBeCloseTo(delta * smoothGrad[i]!, 12));
    // Adam written out: m and v over a few steps of gradients g and δ·g give the same update.
    const adam = (grads: number[], lr: number) => {
      let [m, v, theta] = [0, 0, 0];
      grads.forEach((g, t) => {
        m = 0.9 * m + 0.1 * g;
        v = 0.999 * v + 0.001 * g * g;
        theta -= (lr * (m / (1 - 0.9 ** (t + 1)))) / Math.sqrt(v / (1 - 0.999 ** (t + 1)));
      });
      return theta;
    };
    expect(adam(huberGrad, 0.01)).toBeCloseTo(adam(smoothGrad, 0.01), 12);
    expect(adam(huberGrad, 0.01)).not.toBeCloseTo(adam(smoothGrad, 0.01 * delta), 6);
  });

  it("MAE's minimiser sits on a kink: the slope jumps from −1 to +1 there", () => {
    expect([maeKink.left, maeKink.right]).toEqual([-1, 1]);
  });

  it('a Gaussian NLL can be negative even with its constant: the density exceeds 1 when σ² is small', () => {
    const { residual, variance, nll, full, density } = learnedVariance.negative;
    expect(nll).toBeCloseTo(0.5 * (Math.log(variance) + residual ** 2 / variance), 12);
    expect(full).toBeCloseTo(nll + 0.5 * Math.log(2 * Math.PI), 12);
    expect(full).toBeLessThan(0);
    expect(density).toBeCloseTo(Math.exp(-(residual ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance), 12);
    expect(density).toBeGreaterThan(1);
  });

  it('the Poisson example shows negative losses that ln k! would make non-negative', () => {
    const lnFactorial = (k: number) => Array.from({ length: k }, (_, i) => Math.log(i + 1)).reduce((s, x) => s + x, 0);
    expect(poisson.perExample.some((x) => x < 0)).toBe(true);
    poisson.counts.forEach((k, i) => {
      expect(poisson.perExample[i]).toBeCloseTo(Math.exp(poisson.logRate) - k * poisson.logRate, 12);
      expect(poisson.perExample[i]! + lnFactorial(k)).toBeGreaterThanOrEqual(0);
    });
  });

  it('the best variance in the learned-variance table is the squared residual', () => {
    const best = learnedVariance.rows.reduce((a, b) => (b.nll < a.nll ? b : a));
    expect(best.variance).toBe(learnedVariance.residual ** 2);
  });
});

describe('variants reach every case that matters', () => {
  it('huber-at-residual: both branches, |r| ≤ δ and |r| > δ', () => {
    const p = byId('huber-at-residual');
    const inside = seeds.map((seed) => p.params(seed)).map(({ residual, delta }) => Math.abs(residual) <= delta);
    expect(inside.filter(Boolean).length).toBeGreaterThan(50);
    expect(inside.filter((x) => !x).length).toBeGreaterThan(50);
  });

  it('gaussian-nll and poisson-nll: some variants have a negative loss, and their solution then says why', () => {
    for (const [name, loss] of [['gaussian-nll', (a: any) => a as number], ['poisson-nll', (a: any) => (a as number[])[0]!]] as const) {
      const p = byId(name);
      const negative = seeds.map((seed) => p.params(seed)).filter((params) => loss(p.answer(params)) < 0);
      expect(negative.length, name).toBeGreaterThan(0);
      for (const params of negative) expect(p.solution(params).map((s) => s.text).join(' '), name).toMatch(/negative/);
    }
  });

  it('huber-constant-fit: every variant has targets inside the band, so the equation in the solution is well posed', () => {
    const p = byId('huber-constant-fit');
    for (const seed of seeds) {
      const params = p.params(seed);
      const c = p.answer(params) as number;
      expect(params.values.some((y: number) => Math.abs(c - y) <= params.delta)).toBe(true);
    }
  });

  it('problem statements write \\ln, never \\log, for the natural log', () => {
    for (const p of problems) for (const seed of [0, 1, 2]) expect(p.statement(p.params(seed)), p.id).not.toMatch(/\\log\b/);
  });
});
