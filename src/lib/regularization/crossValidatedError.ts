import { mseLoss } from '../losses/mseLoss.ts';
import { elasticNetPath } from './elasticNetPath.ts';
import { gramForm } from './gramForm.ts';
import { predict } from './predict.ts';
import { standardize } from './standardize.ts';

export interface CrossValidationOptions {
  /** α in [0, 1], the L1 share of the penalty (0: ridge in closed form). */
  alpha: number;
  /** The λ values (decreasing), usually the full data's grid, so that every fold shares it. */
  lambdas: ArrayLike<number>;
  /** K, the number of folds (default 10): row i is held out in fold i mod K. */
  folds?: number;
  /** Passed to elasticNet (default 1e-10). */
  tolerance?: number;
}

export interface CrossValidatedError {
  /** The λ values, as given. */
  lambdas: Float64Array;
  /** foldErrors[f][k]: mean squared error on the rows of fold f, fitted without them, at lambdas[k]. */
  foldErrors: Float64Array[];
  /** mean[k]: the average of the K fold errors at lambdas[k] (each fold counts once). */
  mean: Float64Array;
  /** standardError[k]: the fold errors' standard deviation (1/(K − 1)) divided by √K. */
  standardError: Float64Array;
  /** The index k of the smallest mean error. */
  best: number;
}

/**
 * K-fold cross-validated squared error along a regularisation path: how well each λ
 * predicts rows it was not fitted on.
 *
 * The folds are fixed, so the numbers never change between builds: row i belongs to fold
 * i mod K (for the 442 diabetes rows and K = 10, folds 0 and 1 have 45 rows, the others 44).
 * For each fold f, the other rows are standardised on their own (means and scales from the
 * training rows only; see standardize), the path is fitted on them (elasticNetPath) and
 * the held-out rows are predicted on the original scale (predict); the fold's error at λ is
 * their mean squared error (mseLoss, in squared target units):
 *
 *   CVₖ = (1/K) Σ_f MSE_f(λₖ),   SEₖ = sd_f(MSE_f(λₖ)) / √K
 *
 * @param columns the raw features, p arrays of N values
 * @param target the N raw targets
 * @param options alpha, lambdas, folds (default 10), tolerance
 * @returns lambdas, foldErrors, mean, standardError, best
 * @throws Error when folds is not an integer in [2, N], and as standardize and elasticNet do
 * @example crossValidatedError(diabetes.columns, diabetes.target, { alpha: 1, lambdas }).best // => 34 (λ ≈ 0.84) on the 60-point lasso grid
 */
export function crossValidatedError(
  columns: readonly ArrayLike<number>[],
  target: ArrayLike<number>,
  options: CrossValidationOptions,
): CrossValidatedError {
  const { alpha, folds = 10, tolerance } = options;
  const lambdas = Float64Array.from(options.lambdas);
  const total = target.length;
  if (!Number.isInteger(folds) || folds < 2 || folds > total) {
    throw new Error(`crossValidatedError: folds must be an integer from 2 to ${total}, received ${folds}`);
  }
  const foldErrors: Float64Array[] = [];
  for (let f = 0; f < folds; f++) {
    const trainingRows: number[] = [];
    const heldOutRows: number[] = [];
    for (let i = 0; i < total; i++) (i % folds === f ? heldOutRows : trainingRows).push(i);
    const heldOutTargets = Float64Array.from(heldOutRows, (i) => target[i]!);

    const training = standardize(columns, target, trainingRows);
    const path = elasticNetPath(gramForm(training), { alpha, lambdas, ...(tolerance === undefined ? {} : { tolerance }) });
    const errors = new Float64Array(lambdas.length);
    for (let k = 0; k < lambdas.length; k++) {
      const predictions = predict(training, path.weights[k]!, columns, heldOutRows);
      errors[k] = mseLoss(predictions, heldOutTargets).value;
    }
    foldErrors.push(errors);
  }

  const mean = new Float64Array(lambdas.length);
  const standardError = new Float64Array(lambdas.length);
  let best = 0;
  for (let k = 0; k < lambdas.length; k++) {
    let sum = 0;
    for (let f = 0; f < folds; f++) sum += foldErrors[f]![k]!;
    mean[k] = sum / folds;
    let squares = 0;
    for (let f = 0; f < folds; f++) squares += (foldErrors[f]![k]! - mean[k]!) ** 2;
    standardError[k] = Math.sqrt(squares / (folds - 1)) / Math.sqrt(folds);
    if (mean[k]! < mean[best]!) best = k;
  }
  return { lambdas, foldErrors, mean, standardError, best };
}
