import { describe, expect, it } from 'vitest';
import { diabetes } from '../../../src/lib/data/diabetes.ts';
import {
  crossValidatedError,
  elasticNetPath,
  entryLambdas,
  lambdaGrid,
  lambdaMax,
  ridge,
} from '../../../src/lib/regularization/index.ts';
import { expectClose } from '../losses/helpers.ts';
import { form, reference } from './fixtures.ts';

// Reference coefficients from scikit-learn on the same standardised data and λ grid
// (tests/reference/sklearn/paths.py). The script certifies each stored solution to within
// 1e-8 of the exact minimiser (KKT violation / strong convexity), so a 1e-6 disagreement
// would be ours. Our solver runs with tolerance 1e-12 (KKT violation), which bounds its own
// error by √10 · 1e-12 / 0.0086 ≈ 4e-10.
const tight = { tolerance: 1e-12 };
const absolute = (abs: number) => ({ rel: 0, abs });

describe(`the elastic-net path agrees with scikit-learn (${reference.generator})`, () => {
  for (const expected of reference.enet) {
    describe(`alpha ${expected.alpha} (${expected.sklearn})`, () => {
      it('λ_max and the 60-point grid are the same numbers', () => {
        expectClose(lambdaMax(form, expected.alpha), expected.lambdaMax, { rel: 1e-12, abs: 0 });
        expectClose(lambdaGrid(lambdaMax(form, expected.alpha), 60), expected.lambdas, { rel: 1e-12, abs: 0 });
      });

      it('every coefficient at every λ matches to 1e-6 (absolute, standardised features)', () => {
        expect(expected.maxErrorBound).toBeLessThan(1e-8);
        const path = elasticNetPath(form, { alpha: expected.alpha, lambdas: expected.lambdas, ...tight });
        expect(path.weights).toHaveLength(60);
        path.weights.forEach((weights, k) => expectClose(weights, expected.coefficients[k]!, absolute(1e-6), `λ[${k}] = ${expected.lambdas[k]}`));
      });
    });
  }
});

describe('ridge matches the closed form (X\'X + nλI) w = X\'y from numpy', () => {
  it('at 29 λ from 1e-4 to 1e3, to 1e-6 (absolute)', () => {
    reference.ridge.lambdas.forEach((lambda, k) => expectClose(ridge(form, lambda), reference.ridge.coefficients[k]!, absolute(1e-6), `λ = ${lambda}`));
  });

  it('and so does the path with alpha 0', () => {
    const path = elasticNetPath(form, { alpha: 0, lambdas: reference.ridge.lambdas });
    path.weights.forEach((weights, k) => expectClose(weights, reference.ridge.coefficients[k]!, absolute(1e-6), `λ = ${reference.ridge.lambdas[k]}`));
  });
});

describe('the λ where each lasso coefficient leaves zero', () => {
  it('is the knot where scikit-learn\'s LARS-lasso path adds it, to relative 1e-6', () => {
    const [lasso] = reference.enet;
    const path = elasticNetPath(form, { alpha: 1, lambdas: lasso!.lambdas, ...tight });
    const entries = entryLambdas(form, path);
    entries.forEach((entry, j) => {
      expect(entry, `${diabetes.featureNames[j]} enters on the grid`).not.toBeNull();
      expectClose(entry!, reference.lars.entryLambdas[j]!, { rel: 1e-6, abs: 0 }, diabetes.featureNames[j]);
    });
  });
});

describe('10-fold cross-validated error (row i in fold i mod 10) matches the same folds in scikit-learn', () => {
  for (const expected of reference.cv.paths) {
    it(`alpha ${expected.alpha}: mean and standard error at every λ, to relative 1e-8`, () => {
      const cv = crossValidatedError(diabetes.columns, diabetes.target, { alpha: expected.alpha, lambdas: expected.lambdas, folds: reference.cv.folds, ...tight });
      expectClose(cv.mean, expected.mean, { rel: 1e-8, abs: 0 }, 'mean');
      expectClose(cv.standardError, expected.standardError, { rel: 1e-8, abs: 0 }, 'standardError');
      const smallest = expected.mean.indexOf(Math.min(...expected.mean));
      expect(cv.best).toBe(smallest);
    });
  }
});
