import { elasticNet } from './elasticNet.ts';
import type { GramForm } from './gramForm.ts';
import { lambdaMax } from './lambdaMax.ts';
import type { RegularizationPath } from './elasticNetPath.ts';

export interface EntryOptions {
  /** Stop bisecting when the bracket's upper end is within this factor of its lower: hi/lo ≤ 1 + relativeWidth (default 1e-9). */
  relativeWidth?: number;
  /** Passed to elasticNet (default 1e-12: the zero/nonzero decision near the entry needs a tight fit). */
  tolerance?: number;
}

/**
 * The λ at which each coefficient first leaves zero, coming down the path from λ_max.
 *
 * On the grid, coefficient j is zero at lambdas[k − 1] and nonzero at lambdas[k] for the
 * first such k; its entry point lies between them. There its correlation with the
 * residual reaches the L1 threshold, |xⱼᵀr| / n = λα (see kktViolation), so we find it by
 * bisection on log λ, solving the elastic net at each midpoint (warm-started) and keeping
 * the half where wⱼ changes from zero to nonzero. When the first grid point already has
 * wⱼ ≠ 0, the bracket's upper end is λ_max.
 *
 * For the lasso the result matches the knots of the LARS-lasso path (scikit-learn's
 * `lars_path(method='lasso')`). A coefficient that becomes nonzero and returns to zero
 * between two grid points is not seen; one that is zero all along the grid gets null. For
 * ridge (α = 0) every coefficient is nonzero at every finite λ: Infinity.
 *
 * @param form the data's Gram form
 * @param path a path from elasticNetPath, lambdas decreasing
 * @param options relativeWidth (default 1e-9), tolerance (default 1e-12)
 * @returns p values: the entry λ of each coefficient (geometric midpoint of the final bracket), null or Infinity
 * @throws Error when the path's lambdas are not decreasing
 * @example entryLambdas(form, lassoPath)[2] // => 45.16… on the diabetes data: bmi enters first, at λ_max
 */
export function entryLambdas(form: GramForm, path: RegularizationPath, options: EntryOptions = {}): (number | null)[] {
  const { relativeWidth = 1e-9, tolerance = 1e-12 } = options;
  const { alpha, lambdas, weights } = path;
  const p = form.p;
  for (let k = 1; k < lambdas.length; k++) {
    if (!(lambdas[k]! < lambdas[k - 1]!)) throw new Error(`entryLambdas: lambdas must decrease, but lambdas[${k}] = ${lambdas[k]} follows ${lambdas[k - 1]}`);
  }
  if (alpha === 0) return Array.from({ length: p }, () => Infinity);

  const entries: (number | null)[] = [];
  for (let j = 0; j < p; j++) {
    let k = 0;
    while (k < lambdas.length && weights[k]![j] === 0) k++;
    if (k === lambdas.length) {
      entries.push(null);
      continue;
    }
    // Bracket: wⱼ = 0 at hi, wⱼ ≠ 0 at lo.
    let hi = k === 0 ? lambdaMax(form, alpha) : lambdas[k - 1]!;
    let lo = lambdas[k]!;
    let start: Float64Array = weights[k]!;
    while (hi / lo > 1 + relativeWidth) {
      const middle = Math.sqrt(hi * lo);
      const fit = elasticNet(form, middle, alpha, { start, tolerance });
      if (fit.weights[j] === 0) {
        hi = middle;
      } else {
        lo = middle;
        start = fit.weights;
      }
    }
    entries.push(Math.sqrt(hi * lo));
  }
  return entries;
}
