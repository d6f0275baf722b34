import type { LossResult, Vector } from './types.ts';
import { checkNonNegative, checkUnitInterval, checkVector } from './validate.ts';

export interface ElasticNetPenaltyOptions {
  /** Overall strength λ ≥ 0 (default 1). */
  lambda?: number;
  /** Share α ∈ [0, 1] of the L1 part; 1 − α goes to the L2 part (default 0.5). */
  alpha?: number;
}

/**
 * Elastic-net penalty: a blend of the L1 and L2 penalties (as in source 004), sparse
 * like the lasso but stable with correlated features like ridge.
 *
 * R(w) = λ (α Σₖ |wₖ| + (1 − α) Σₖ wₖ²),   ∂R/∂wₖ = λ (α sign(wₖ) + 2 (1 − α) wₖ)
 *
 * @param w weights, n numbers
 * @param options.lambda λ ≥ 0 (default 1)
 * @param options.alpha α ∈ [0, 1] (default 0.5)
 * @returns value, perExample (each weight's share), grad (n numbers)
 * @throws LossInputError when w is empty, a value is not finite, lambda < 0, or alpha is outside [0, 1]
 * @example elasticNetPenalty([3, -4]).value // => 0.5 * 7 + 0.5 * 25
 */
export function elasticNetPenalty(w: Vector, options: ElasticNetPenaltyOptions = {}): LossResult {
  const { lambda = 1, alpha = 0.5 } = options;
  const fn = 'elasticNetPenalty';
  const n = checkVector(fn, 'w', w);
  checkNonNegative(fn, 'lambda', lambda);
  checkUnitInterval(fn, 'alpha', alpha);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let value = 0;
  for (let k = 0; k < n; k++) {
    const weight = w[k]!;
    perExample[k] = lambda * (alpha * Math.abs(weight) + (1 - alpha) * weight * weight);
    grad[k] = lambda * (alpha * Math.sign(weight) + 2 * (1 - alpha) * weight);
    value += perExample[k]!;
  }
  return { value, perExample, grad };
}
