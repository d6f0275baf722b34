/**
 * What is particular to "Regularization: what a penalty prefers": every claim in the lesson that a
 * number can check (MAP equals the penalised loss, soft-thresholding minimises the 1-D lasso,
 * the zeroing threshold, ridge's closed form and shrinkage, the condition number and the
 * learning-rate bound, weight decay, dropout's averaged loss), and seed 0 of each problem
 * recomputed here with Math.*. The generic checks every problem keeps (shapes, mistakes apart,
 * KaTeX, pinned variants) are in problems.contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/content/lessons/regularization/problems';
import { convergence, decay, dropout, dropoutAsRidge, lasso1d, ridgeExample, ridgeHessian, ridgeObjective, standardised, tiny } from '../../../src/content/lessons/regularization/examples';
import { gaussianNllLoss, l1Penalty, l2Penalty, mseLoss } from '../../../src/lib/losses/index';

const byId = (name: string) => problems.find((p) => p.id === `regularization/${name}`)!;
const canonical = (name: string) => byId(name).answer(byId(name).params(0)) as number;
const seeds = Array.from({ length: 40 }, (_, seed) => seed);
const sum = (values: number[]) => values.reduce((t, v) => t + v, 0);
const dot = (a: number[], b: number[]) => sum(a.map((v, i) => v * b[i]!));
const grid = (lo: number, hi: number, steps: number) => Array.from({ length: steps + 1 }, (_, k) => lo + ((hi - lo) * k) / steps);
const argminOnGrid = (f: (w: number) => number, points: number[]) => points.reduce((best, w) => (f(w) < f(best) ? w : best), points[0]!);

describe('MAP estimation is the penalised loss', () => {
  const xs = [[1, 0.5], [-0.3, 2], [2.2, -1], [0.4, 0.9], [-1.5, -0.2]];
  const ys = [1.1, 2.3, -0.4, 0.8, -1.9];
  const n = xs.length;
  const predict = (w: number[]) => xs.map((x) => dot(x, w));

  it('with a Gaussian prior: (2s²/n)·(−log posterior) − (mseLoss + λ‖w‖²) is the same constant for every w, with λ = s²/(nτ²)', () => {
    const s = 1.5;
    const tau = 0.7;
    const lambda = byId('gaussian-prior-lambda').answer({ n, noise: s, prior: tau }) as number;
    expect(lambda).toBeCloseTo((s * s) / (n * tau * tau), 12);
    const negLogPosterior = (w: number[]) =>
      gaussianNllLoss(predict(w), ys, ys.map(() => s * s), { full: true, reduction: 'sum' }).value +
      gaussianNllLoss(w, w.map(() => 0), w.map(() => tau * tau), { full: true, reduction: 'sum' }).value;
    const penalised = (w: number[]) => mseLoss(predict(w), ys).value + l2Penalty(w, { lambda }).value;
    const gap = (w: number[]) => ((2 * s * s) / n) * negLogPosterior(w) - penalised(w);
    for (const w of [[0, 0], [1, -1], [0.3, 2.5], [-4, 0.1]]) expect(gap(w)).toBeCloseTo(gap([0, 0]), 10);
  });

  it('with a Laplace prior: the same holds with mseLoss + λ‖w‖₁ and λ = 2s²/(nb)', () => {
    const s = 0.8;
    const b = 0.4;
    const lambda = byId('laplace-prior-lambda').answer({ n, noise: s, scale: b }) as number;
    expect(lambda).toBeCloseTo((2 * s * s) / (n * b), 12);
    const negLogPosterior = (w: number[]) =>
      gaussianNllLoss(predict(w), ys, ys.map(() => s * s), { full: true, reduction: 'sum' }).value + sum(w.map((wj) => Math.log(2 * b) + Math.abs(wj) / b));
    const penalised = (w: number[]) => mseLoss(predict(w), ys).value + l1Penalty(w, { lambda }).value;
    const gap = (w: number[]) => ((2 * s * s) / n) * negLogPosterior(w) - penalised(w);
    for (const w of [[0, 0], [1, -1], [0.3, 2.5], [-4, 0.1]]) expect(gap(w)).toBeCloseTo(gap([0, 0]), 10);
  });
});

describe('the lasso', () => {
  it('soft-thresholding minimises the 1-D lasso objective mseLoss(w·x, y) + λ|w| of the worked example (checked on a grid)', () => {
    const points = grid(-3, 3, 60_000);
    for (const fit of [lasso1d.small, lasso1d.large]) {
      const best = argminOnGrid((w) => lasso1d.objective(w, fit.lambda), points);
      expect(Math.abs(best - fit.w)).toBeLessThanOrEqual(1e-4);
      expect(lasso1d.objective(fit.w, fit.lambda)).toBeLessThanOrEqual(lasso1d.objective(best, fit.lambda) + 1e-12);
    }
    expect(lasso1d.large.w).toBe(0);
    expect(lasso1d.small.w).toBeGreaterThan(0);
    expect(lasso1d.small.w).toBeLessThan(lasso1d.ols);
  });

  it('the worked example: the weight is exactly 0 from λ = |L_data\'(0)| = 2|c| on, and the L2 penalty at the same λ never zeroes it', () => {
    const x = Array.from(standardised.x[0]!);
    const y = Array.from(standardised.y);
    expect(lasso1d.c).toBeCloseTo(dot(x, y) / x.length, 12);
    expect(lasso1d.threshold).toBeCloseTo(2 * Math.abs(lasso1d.c), 12);
    expect(lasso1d.small.lambda).toBeLessThan(lasso1d.threshold);
    expect(lasso1d.large.lambda).toBeGreaterThan(lasso1d.threshold);
    expect(lasso1d.large.ridgeW).toBeGreaterThan(0);
    const points = grid(-2, 2, 40_000);
    expect(argminOnGrid((w) => mseLoss(x.map((xi) => w * xi), y).value + lasso1d.large.lambda * w * w, points)).toBeCloseTo(lasso1d.large.ridgeW, 4);
  });

  it('lasso-step is the minimiser of ½(w − z)² + ηλ|w| (the proximal step), for every seed', () => {
    const p = byId('lasso-step');
    for (const seed of seeds) {
      const { w, g, eta, lambda } = p.params(seed);
      const z = w - eta * g;
      const best = argminOnGrid((v) => 0.5 * (v - z) ** 2 + eta * lambda * Math.abs(v), grid(-2, 2, 40_000));
      expect(Math.abs((p.answer(p.params(seed)) as number) - best)).toBeLessThanOrEqual(1e-4);
    }
  });

  it('lasso-zero-threshold: just above the answer the minimiser is 0, just below it is not, for every seed', () => {
    const p = byId('lasso-zero-threshold');
    const points = grid(-3, 3, 60_000);
    for (const seed of seeds.slice(0, 15)) {
      const { xs, ys } = p.params(seed);
      const lambda = p.answer(p.params(seed)) as number;
      const objective = (l: number) => (w: number) => mseLoss(xs.map((x: number) => w * x), ys).value + l * Math.abs(w);
      expect(argminOnGrid(objective(lambda * 1.001), points)).toBe(0);
      expect(Math.abs(argminOnGrid(objective(lambda * 0.9), points))).toBeGreaterThan(1e-3);
    }
  });
});

describe('ridge on the tiny data set', () => {
  it('the features are standardised (mean 0, mean square 1) and nearly duplicates', () => {
    for (const column of standardised.x) {
      expect(sum(Array.from(column))).toBeCloseTo(0, 12);
      expect(dot(Array.from(column), Array.from(column)) / column.length).toBeCloseTo(1, 12);
    }
    expect(ridgeExample.correlation).toBeGreaterThan(0.95);
  });

  it('the library ridge solution is where the gradient of mseLoss + λ‖w‖² vanishes, and agrees with Cramer\'s rule on (G + λI)w = c', () => {
    const [c1, c2] = ridgeExample.c as [number, number];
    const r = ridgeExample.correlation;
    for (const fit of ridgeExample.fits) {
      expect(fit.gradNorm).toBeLessThan(1e-10);
      const det = (1 + fit.lambda) ** 2 - r * r;
      expect(fit.w[0]).toBeCloseTo(((1 + fit.lambda) * c1 - r * c2) / det, 10);
      expect(fit.w[1]).toBeCloseTo(((1 + fit.lambda) * c2 - r * c1) / det, 10);
    }
  });

  it('least squares gives large compensating weights of opposite signs; ridge shrinks the weights\' norm as λ grows', () => {
    expect(Math.sign(ridgeExample.ols.w[0]!)).toBe(-Math.sign(ridgeExample.ols.w[1]!));
    const norms = ridgeExample.fits.map((fit) => Math.hypot(...fit.w));
    expect(norms[1]).toBeLessThan(norms[0]!);
    expect(norms[2]).toBeLessThan(norms[1]!);
    expect(ridgeExample.light.w.every((w) => w > 0)).toBe(true);
  });

  it('the Hessian is 2(G + λI): eigenvalues 2(1 ± r) + 2λ, condition number (1 + r + λ)/(1 − r + λ)', () => {
    const r = ridgeExample.correlation;
    for (const lambda of [0, 0.1, 1, 3]) {
      const h = ridgeHessian(lambda);
      expect(h.a).toBeCloseTo(2 + 2 * lambda, 10);
      expect(h.c).toBeCloseTo(2 * r, 10);
      expect(h.large).toBeCloseTo(2 * (1 + r) + 2 * lambda, 10);
      expect(h.small).toBeCloseTo(2 * (1 - r) + 2 * lambda, 10);
      expect(h.condition).toBeCloseTo((1 + r + lambda) / (1 - r + lambda), 8);
    }
    expect(ridgeExample.conditionDrop).toBeGreaterThan(5);
  });

  it('gradient descent on mseLoss + λ‖w‖² converges just below η = 2/(L + 2λ) and diverges just above it', () => {
    const lambda = 0.1;
    const limit = ridgeHessian(lambda).maxRate;
    const run = (eta: number) => {
      let w = [0, 0];
      for (let step = 0; step < 3000; step++) w = w.map((wj, j) => wj - eta * ridgeObjective(w, lambda).grad[j]!);
      return Math.hypot(w[0]! - ridgeExample.light.w[0]!, w[1]! - ridgeExample.light.w[1]!);
    };
    expect(run(limit * 0.98)).toBeLessThan(1e-6);
    expect(run(limit * 1.02)).toBeGreaterThan(1);
    expect(ridgeHessian(0).maxRate).toBeGreaterThan(limit);
  });

  it('at one stable η the slow direction shrinks by 1 − ημ per step, far faster with the penalty', () => {
    expect(convergence.eta).toBeLessThan(ridgeHessian(0.1).maxRate);
    expect(convergence.factorBefore).toBeCloseTo(1 - convergence.eta * 2 * (1 - ridgeExample.correlation), 10);
    expect(convergence.stepsAfter).toBeLessThan(convergence.stepsBefore / 5);
  });

  it('ridge-condition-number agrees with the eigenvalues of a Hessian built from the library on data of correlation r, for every seed', () => {
    const p = byId('ridge-condition-number');
    for (const seed of seeds.slice(0, 15)) {
      const { r, lambda } = p.params(seed);
      // x₁ and z are orthogonal, mean 0, mean square 1; x₂ = r x₁ + √(1 − r²) z has correlation r with x₁.
      const x1 = [1, 1, -1, -1];
      const z = [1, -1, 1, -1];
      const x2 = x1.map((v, i) => r * v + Math.sqrt(1 - r * r) * z[i]!);
      const gradient = (w: number[], l: number) => {
        const g = mseLoss(x1.map((v, i) => w[0]! * v + w[1]! * x2[i]!), [0, 0, 0, 0]).grad;
        const pen = l2Penalty(w, { lambda: l }).grad;
        return [dot(Array.from(g), x1) + pen[0]!, dot(Array.from(g), x2) + pen[1]!];
      };
      const kappa = (l: number) => {
        const [a, c] = gradient([1, 0], l) as [number, number];
        const d = gradient([0, 1], l)[1]!;
        const spread = Math.sqrt(((a - d) / 2) ** 2 + c * c);
        return ((a + d) / 2 + spread) / ((a + d) / 2 - spread);
      };
      expect(p.answer(p.params(seed)) as number).toBeCloseTo(kappa(0) / kappa(lambda), 8);
    }
  });
});

describe('weight decay and dropout', () => {
  it('one gradient step on λ‖w‖² alone multiplies every weight by 1 − 2ηλ', () => {
    expect(decay.factor).toBeCloseTo(1 - 2 * decay.eta * decay.lambda, 12);
    expect(decay.step[1]! / decay.w[1]!).toBeCloseTo(decay.factor, 12);
  });

  it('inverted dropout keeps each unit\'s expected output: (1 − p) · 1/(1 − p) = 1', () => {
    expect(dropout.keep * dropout.scale).toBeCloseTo(1, 12);
  });

  it('input dropout on a linear model with squared error, averaged over the masks, is the loss plus p/(1 − p) Σⱼ wⱼ² xⱼ² (the worked numbers and random cases)', () => {
    expect(dropoutAsRidge.averaged).toBeCloseTo(dropoutAsRidge.plain + dropoutAsRidge.penalty, 12);
    // Random cases with three inputs, the average over all 8 masks computed independently.
    for (const [x, w, y, p] of [[[0.5, -1, 2], [1, 0.3, -0.7], 0.4, 0.1], [[2, 1, -1], [-0.5, 2, 1], -1, 0.5]] as [number[], number[], number, number][]) {
      let averaged = 0;
      for (let bits = 0; bits < 8; bits++) {
        const mask = [0, 1, 2].map((j) => (bits >> j) & 1);
        const probability = mask.reduce((t, m) => t * (m ? 1 - p : p), 1);
        const prediction = sum(x.map((xj, j) => (w[j]! * xj * mask[j]!) / (1 - p)));
        averaged += probability * (prediction - y) ** 2;
      }
      expect(averaged).toBeCloseTo((dot(w, x) - y) ** 2 + (p / (1 - p)) * sum(w.map((wj, j) => wj * wj * x[j]! * x[j]!)), 12);
    }
  });
});

describe('regularization problems: seed 0 recomputed with Math.*', () => {
  it('regularized-objective: 0.84 + 0.05·(1.5² + 2²), the intercept not penalised', () => {
    expect(canonical('regularized-objective')).toBeCloseTo(0.84 + 0.05 * (1.5 ** 2 + 2 ** 2), 12);
  });
  it('lasso-step: z = −0.4 − 0.1·1.5 = −0.55, shrunk towards 0 by 0.08', () => {
    expect(canonical('lasso-step')).toBeCloseTo(-0.47, 12);
  });
  it('inverted-dropout: kept units divided by 0.75', () => {
    const answer = byId('inverted-dropout').answer(byId('inverted-dropout').params(0)) as number[];
    [0.8 / 0.75, 0, -0.6 / 0.75].forEach((v, i) => expect(answer[i]).toBeCloseTo(v, 12));
  });
  it('ridge-one-weight: (29/3) / (14/3 + 0.5)', () => {
    expect(canonical('ridge-one-weight')).toBeCloseTo(29 / 3 / (14 / 3 + 0.5), 12);
  });
  it('gaussian-prior-lambda: 2² / (50 · 0.5²)', () => {
    expect(canonical('gaussian-prior-lambda')).toBeCloseTo(4 / (50 * 0.25), 12);
  });
  it('laplace-prior-lambda: 2 · 1.5² / (100 · 0.3)', () => {
    expect(canonical('laplace-prior-lambda')).toBeCloseTo((2 * 2.25) / 30, 12);
  });
  it('lasso-zero-threshold: (2/3)·|1 − 2 + 6|', () => {
    expect(canonical('lasso-zero-threshold')).toBeCloseTo(10 / 3, 12);
  });
  it('ridge-condition-number: 19 / ((2·1.9 + 0.2)/(2·0.1 + 0.2))', () => {
    expect(canonical('ridge-condition-number')).toBeCloseTo(19 / (4 / 0.4), 12);
  });
  it('the tiny data set is the one the lesson prints', () => {
    expect(tiny.x1).toHaveLength(6);
    expect(standardised.n).toBe(6);
  });
});
