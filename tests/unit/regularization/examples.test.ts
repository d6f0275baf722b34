import { describe, expect, it } from 'vitest';
import { diabetes } from '../../../src/lib/data/diabetes.ts';
import {
  crossValidatedError,
  elasticNet,
  elasticNetPath,
  entryLambdas,
  gramForm,
  kktViolation,
  lambdaGrid,
  lambdaMax,
  predict,
  ridge,
  softThreshold,
  standardize,
} from '../../../src/lib/regularization/index.ts';
import { solveSymmetric } from '../../../src/lib/regularization/solveSymmetric.ts';
import { expectClose } from '../losses/helpers.ts';
import { form } from './fixtures.ts';

// Every @example in src/lib/regularization, run. The one-feature data x = y = (1, 2, 3)
// standardise to x̃ = (−√1.5, 0, √1.5), ỹ = (−1, 0, 1), so G = 1 and c = xᵀy / n = √(2/3).
const tiny = gramForm(standardize([[1, 2, 3]], [1, 2, 3]));
const c = Math.sqrt(2 / 3);

describe('the doc comments\' examples', () => {
  it('standardize, gramForm, predict', () => {
    expectClose(standardize([[1, 2, 3]], [10, 20, 60]).x[0]!, [-Math.sqrt(1.5), 0, Math.sqrt(1.5)]);
    expectClose(gramForm({ n: 2, p: 1, x: [Float64Array.of(1, -1)], y: Float64Array.of(2, -2) }).xty, [2]);
    expectClose(predict(standardize([[1, 2, 3]], [1, 2, 3]), [c], [[1, 2, 3]], [0, 2]), [1, 3]);
  });

  it('softThreshold, solveSymmetric, lambdaGrid', () => {
    expect(softThreshold(3, 1)).toBe(2);
    expect(softThreshold(-0.5, 1)).toBe(0);
    expectClose(solveSymmetric(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1))!, [0.5, 0]);
    expectClose(lambdaGrid(10, 3, 0.01), [10, 1, 0.1], { rel: 1e-15, abs: 0 });
  });

  it('kktViolation, elasticNet, ridge on one feature', () => {
    expectClose(kktViolation(tiny, [0], 0.5, 1), c - 0.5);
    expectClose(elasticNet(tiny, 0.5, 1).weights, [c - 0.5]);
    expectClose(ridge(tiny, 1), [c / 2]);
  });

  it('lambdaMax, elasticNetPath, entryLambdas, crossValidatedError on the diabetes data', () => {
    const top = lambdaMax(form, 1);
    expect(top).toBe(Math.abs(form.xty[2]!)); // bmi's correlation with the target
    expect(top.toFixed(2)).toBe('45.16');
    const lambdas = lambdaGrid(top, 60);
    const lassoPath = elasticNetPath(form, { alpha: 1, lambdas });
    expect(Array.from(lassoPath.weights[0]!)).toEqual(new Array(10).fill(0));
    expectClose(entryLambdas(form, lassoPath)[2]!, top, { rel: 1e-9, abs: 0 });
    const best = crossValidatedError(diabetes.columns, diabetes.target, { alpha: 1, lambdas }).best;
    expect(best).toBe(34);
    expect(lambdas[best]!.toFixed(2)).toBe('0.84');
  });
});
