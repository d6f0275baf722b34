import type { GramForm } from './gramForm.ts';

/**
 * The smallest λ at which the elastic net sets every coefficient to zero.
 *
 * At w = 0 the residual is y itself, and zero is optimal exactly when no single feature's
 * correlation with it beats the L1 threshold: |xⱼᵀy| / n ≤ λα for every j. So
 *
 *   λ_max = maxⱼ |xⱼᵀy| / (n α)
 *
 * Every λ ≥ λ_max gives w = 0; just below it the most correlated feature enters. The ridge
 * penalty alone (α = 0) never zeroes a coefficient, so then λ_max = Infinity.
 *
 * @param form the data's Gram form (xty = Xᵀy / n)
 * @param alpha the L1 share α, in [0, 1] (1 is the lasso)
 * @throws Error when alpha is outside [0, 1]
 * @example lambdaMax(gramForm(standardize(diabetes.columns, diabetes.target)), 1) // => 45.16… (bmi's correlation)
 */
export function lambdaMax(form: Pick<GramForm, 'xty'>, alpha: number): number {
  if (!(alpha >= 0 && alpha <= 1)) throw new Error(`lambdaMax: alpha must be in [0, 1], received ${alpha}`);
  let largest = 0;
  for (let j = 0; j < form.xty.length; j++) largest = Math.max(largest, Math.abs(form.xty[j]!));
  if (alpha === 0) return Infinity;
  // Rounded up, if need be, so that λ_max · α ≥ maxⱼ |cⱼ| holds in floating point too and
  // the solver's soft-threshold gives exactly w = 0 at λ_max.
  let top = largest / alpha;
  while (top * alpha < largest) top *= 1 + Number.EPSILON;
  return top;
}
