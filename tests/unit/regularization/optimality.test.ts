import { describe, expect, it } from 'vitest';
import { diabetes } from '../../../src/lib/data/diabetes.ts';
import {
  crossValidatedError,
  elasticNet,
  elasticNetPath,
  entryLambdas,
  kktViolation,
  lambdaGrid,
  lambdaMax,
  ridge,
} from '../../../src/lib/regularization/index.ts';
import { expectClose } from '../losses/helpers.ts';
import { correlationsWithResidual, form } from './fixtures.ts';

// These tests need no reference values: each checks a condition the exact answer must
// satisfy, computed from the data directly (xⱼᵀr / n from the residual, not the Gram form).
const tight = { tolerance: 1e-12 };
const alphas = [1, 0.5, 0.2];

describe('λ_max', () => {
  for (const alpha of alphas) {
    it(`alpha ${alpha}: zeroes every coefficient exactly, and just below it (λ_max (1 − 1e-6)) bmi is not zero`, () => {
      const top = lambdaMax(form, alpha);
      expect(Array.from(elasticNet(form, top, alpha, tight).weights)).toEqual(new Array(10).fill(0));
      const below = elasticNet(form, top * (1 - 1e-6), alpha, tight).weights;
      expect(below[2], 'bmi').toBeGreaterThan(0);
      expect(Array.from(below).filter((w) => w !== 0)).toHaveLength(1);
    });
  }

  it('is max |xⱼᵀy| / (n α), and Infinity for ridge', () => {
    const correlations = correlationsWithResidual(new Array(10).fill(0));
    const largest = Math.max(...correlations.map(Math.abs));
    expectClose(lambdaMax(form, 1), largest, { rel: 1e-12, abs: 0 });
    expectClose(lambdaMax(form, 0.2), largest / 0.2, { rel: 1e-12, abs: 0 });
    expect(lambdaMax(form, 0)).toBe(Infinity);
  });
});

describe('the KKT conditions hold at every point of the lasso path', () => {
  const lambdas = lambdaGrid(lambdaMax(form, 1), 60);
  const path = elasticNetPath(form, { alpha: 1, lambdas, ...tight });
  it('|xⱼᵀr|/n ≤ λ where wⱼ = 0, and xⱼᵀr/n = λ sign(wⱼ) where wⱼ ≠ 0 (to 1e-9)', () => {
    let zeros = 0;
    let nonzeros = 0;
    path.weights.forEach((weights, k) => {
      const lambda = lambdas[k]!;
      correlationsWithResidual(weights).forEach((rho, j) => {
        const label = `λ[${k}] = ${lambda}, ${diabetes.featureNames[j]}`;
        if (weights[j] === 0) {
          zeros++;
          expect(Math.abs(rho), label).toBeLessThanOrEqual(lambda + 1e-9);
        } else {
          nonzeros++;
          expect(Math.abs(rho - lambda * Math.sign(weights[j]!)), label).toBeLessThanOrEqual(1e-9);
        }
      });
    });
    // The path runs from all zero to all ten nonzero, so both kinds of condition are tested.
    expect(zeros).toBeGreaterThan(50);
    expect(nonzeros).toBeGreaterThan(50);
  });

  it('and the elastic net\'s at alpha 0.5: xⱼᵀr/n = λα sign(wⱼ) + λ(1 − α) wⱼ, |xⱼᵀr|/n ≤ λα at zero', () => {
    const alpha = 0.5;
    const grid = lambdaGrid(lambdaMax(form, alpha), 60);
    const enet = elasticNetPath(form, { alpha, lambdas: grid, ...tight });
    enet.weights.forEach((weights, k) => {
      const lambda = grid[k]!;
      correlationsWithResidual(weights).forEach((rho, j) => {
        const w = weights[j]!;
        if (w === 0) expect(Math.abs(rho)).toBeLessThanOrEqual(lambda * alpha + 1e-9);
        else expect(Math.abs(rho - lambda * alpha * Math.sign(w) - lambda * (1 - alpha) * w)).toBeLessThanOrEqual(1e-9);
      });
    });
  });
});

describe('ridge', () => {
  it('solves its normal equations: xⱼᵀr / n = λ wⱼ for every j', () => {
    for (const lambda of [1e-3, 0.1, 1, 10, 100]) {
      const weights = ridge(form, lambda);
      const rho = correlationsWithResidual(weights);
      expectClose(rho, Array.from(weights, (w) => lambda * w), { rel: 1e-9, abs: 1e-9 }, `λ = ${lambda}`);
    }
  });

  it('equals coordinate descent with alpha 0 (to 1e-8)', () => {
    for (const lambda of [0.01, 1, 50]) {
      expectClose(elasticNet(form, lambda, 0, tight).weights, ridge(form, lambda), { rel: 0, abs: 1e-8 }, `λ = ${lambda}`);
    }
  });
});

describe('the solver', () => {
  it('stops only when the KKT violation is within its tolerance, warm start or not', () => {
    const lambda = 0.5;
    const cold = elasticNet(form, lambda, 1, tight);
    expect(cold.violation).toBeLessThanOrEqual(1e-12);
    expect(kktViolation(form, cold.weights, lambda, 1)).toBe(cold.violation);
    const warm = elasticNet(form, lambda, 1, { ...tight, start: elasticNet(form, 0.6, 1, tight).weights });
    expectClose(warm.weights, cold.weights, { rel: 0, abs: 1e-9 });
  });

  it('names the culprit for bad arguments and when it runs out of sweeps', () => {
    expect(() => elasticNet(form, -1, 1)).toThrow('elasticNet: lambda must be ≥ 0 and finite, received -1');
    expect(() => elasticNet(form, 1, 1.5)).toThrow('elasticNet: alpha must be in [0, 1], received 1.5');
    expect(() => elasticNet(form, 1, 1, { start: [0] })).toThrow('elasticNet: start has 1 values but there are 10 features');
    expect(() => elasticNet(form, 0.01, 1, { maxSweeps: 1 })).toThrow(/elasticNet: no convergence after 1 sweeps at lambda 0.01/);
    expect(() => ridge(form, NaN)).toThrow('ridge: lambda must be ≥ 0 and finite, received NaN');
  });
});

describe('entry λ of each coefficient', () => {
  it('alpha 0.5: zero just above its entry λ (× (1 + 1e-6)) and nonzero just below (× (1 − 1e-6))', () => {
    const alpha = 0.5;
    const path = elasticNetPath(form, { alpha, lambdas: lambdaGrid(lambdaMax(form, alpha), 60), ...tight });
    entryLambdas(form, path).forEach((entry, j) => {
      expect(entry).not.toBeNull();
      expect(elasticNet(form, entry! * (1 + 1e-6), alpha, tight).weights[j], `${diabetes.featureNames[j]} above`).toBe(0);
      expect(elasticNet(form, entry! * (1 - 1e-6), alpha, tight).weights[j], `${diabetes.featureNames[j]} below`).not.toBe(0);
    });
  });

  it('is Infinity for every ridge coefficient, and null for one that never leaves zero on the grid', () => {
    expect(entryLambdas(form, elasticNetPath(form, { alpha: 0, lambdas: [10, 1] }))).toEqual(new Array(10).fill(Infinity));
    const top = lambdaMax(form, 1);
    const short = entryLambdas(form, elasticNetPath(form, { alpha: 1, lambdas: [top, top * 0.99] }));
    expect(short.filter((entry) => entry === null)).toHaveLength(9);
    expectClose(short[2]!, top, { rel: 1e-6, abs: 0 });
  });
});

describe('cross-validated error', () => {
  const lambdas = lambdaGrid(lambdaMax(form, 1), 20);
  const cv = crossValidatedError(diabetes.columns, diabetes.target, { alpha: 1, lambdas, folds: 10 });
  it('averages one error per fold, each fold counted once, with the standard error of that mean', () => {
    expect(cv.foldErrors).toHaveLength(10);
    for (let k = 0; k < lambdas.length; k++) {
      const errors = cv.foldErrors.map((fold) => fold[k]!);
      const mean = errors.reduce((s, e) => s + e, 0) / 10;
      expectClose(cv.mean[k]!, mean, { rel: 1e-12, abs: 0 });
      const variance = errors.reduce((s, e) => s + (e - mean) ** 2, 0) / 9;
      expectClose(cv.standardError[k]!, Math.sqrt(variance / 10), { rel: 1e-12, abs: 0 });
    }
  });

  it('where λ zeroes every coefficient, predicts every held-out row by its training fold\'s mean target', () => {
    // Each training fold has its own λ_max, near the full data's: 10 λ_max is above them all.
    const zeroed = crossValidatedError(diabetes.columns, diabetes.target, { alpha: 1, lambdas: [10 * lambdaMax(form, 1)], folds: 10 });
    for (let f = 0; f < 10; f++) {
      const training = diabetes.target.filter((_, i) => i % 10 !== f);
      const heldOut = diabetes.target.filter((_, i) => i % 10 === f);
      const mean = training.reduce((s, v) => s + v, 0) / training.length;
      expectClose(zeroed.foldErrors[f]![0]!, heldOut.reduce((s, v) => s + (v - mean) ** 2, 0) / heldOut.length, { rel: 1e-12, abs: 0 });
    }
  });

  it('refuses a fold count it cannot use', () => {
    expect(() => crossValidatedError(diabetes.columns, diabetes.target, { alpha: 1, lambdas, folds: 1 })).toThrow('crossValidatedError: folds must be an integer from 2 to 442, received 1');
  });
});
