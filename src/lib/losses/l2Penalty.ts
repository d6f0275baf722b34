import type { LossResult, Vector } from './types.ts';
import { checkNonNegative, checkVector } from './validate.ts';

export interface PenaltyOptions {
  /** Strength λ ≥ 0 of the penalty (default 1). */
  lambda?: number;
}

/**
 * L2 (ridge, weight-decay) penalty: λ times the sum of squared weights; a Gaussian prior
 * on the weights. It shrinks every weight in proportion to its size.
 *
 * R(w) = λ Σₖ wₖ²,   ∂R/∂wₖ = 2 λ wₖ
 *
 * @param w weights, n numbers
 * @param options.lambda λ ≥ 0 (default 1)
 * @returns value, perExample (each weight's share λ wₖ²), grad (n numbers)
 * @throws LossInputError when w is empty, a value is not finite, or lambda < 0
 * @example l2Penalty([3, -4], { lambda: 0.1 }).value // => 2.5
 */
export function l2Penalty(w: Vector, options: PenaltyOptions = {}): LossResult {
  const { lambda = 1 } = options;
  const n = checkVector('l2Penalty', 'w', w);
  checkNonNegative('l2Penalty', 'lambda', lambda);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let value = 0;
  for (let k = 0; k < n; k++) {
    perExample[k] = lambda * w[k]! * w[k]!;
    grad[k] = 2 * lambda * w[k]!;
    value += perExample[k]!;
  }
  return { value, perExample, grad };
}
