import { elasticNet } from './elasticNet.ts';
import type { GramForm } from './gramForm.ts';
import { ridge } from './ridge.ts';

export interface PathOptions {
  /** α in [0, 1], the L1 share of the penalty: 1 is the lasso, 0 ridge (closed form). */
  alpha: number;
  /** The λ values, largest first (see lambdaGrid); any order works, largest-first is fastest. */
  lambdas: ArrayLike<number>;
  /** Passed to elasticNet (default 1e-10). */
  tolerance?: number;
  /** Passed to elasticNet (default 100 000). */
  maxSweeps?: number;
}

export interface RegularizationPath {
  /** α, as given. */
  alpha: number;
  /** The λ values, as given. */
  lambdas: Float64Array;
  /** weights[k] holds the p coefficients (standardised features) at lambdas[k]. */
  weights: Float64Array[];
  /** Coordinate-descent sweeps over the whole path (0 for ridge). */
  sweeps: number;
}

/**
 * The elastic-net coefficients along a sequence of λ values: the regularisation path.
 *
 * Each λ starts coordinate descent from the previous λ's answer (a warm start). Going
 * from large λ to small, neighbouring answers are close, so each one costs a few sweeps;
 * that is why paths are traced from λ_max (where w = 0) downwards. For α = 0 (ridge) each
 * point comes from the closed form (G + λI) w = c instead (see ridge).
 *
 * @param form the data's Gram form
 * @param options alpha, lambdas, and the solver's tolerance and maxSweeps
 * @returns alpha, lambdas, weights (one Float64Array of p per λ), sweeps
 * @throws Error as elasticNet and ridge do, naming the λ
 * @example elasticNetPath(form, { alpha: 1, lambdas: lambdaGrid(lambdaMax(form, 1), 60) }).weights[0] // => Float64Array(10) of zeros (w = 0 at λ_max)
 */
export function elasticNetPath(form: GramForm, options: PathOptions): RegularizationPath {
  const { alpha, tolerance, maxSweeps } = options;
  const lambdas = Float64Array.from(options.lambdas);
  const weights: Float64Array[] = [];
  let sweeps = 0;
  let start: Float64Array | undefined;
  for (let k = 0; k < lambdas.length; k++) {
    const lambda = lambdas[k]!;
    if (alpha === 0) {
      weights.push(ridge(form, lambda));
      continue;
    }
    const fit = elasticNet(form, lambda, alpha, {
      ...(start === undefined ? {} : { start }),
      ...(tolerance === undefined ? {} : { tolerance }),
      ...(maxSweeps === undefined ? {} : { maxSweeps }),
    });
    weights.push(fit.weights);
    sweeps += fit.sweeps;
    start = fit.weights;
  }
  return { alpha, lambdas, weights, sweeps };
}
