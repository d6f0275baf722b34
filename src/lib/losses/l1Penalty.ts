import type { LossResult, Vector } from './types.ts';
import type { PenaltyOptions } from './l2Penalty.ts';
import { checkNonNegative, checkVector } from './validate.ts';

/**
 * L1 (lasso) penalty: λ times the sum of absolute weights; a Laplace prior on the
 * weights. Its constant pull towards 0 drives small weights to exactly 0 (sparsity).
 *
 * R(w) = λ Σₖ |wₖ|,   ∂R/∂wₖ = λ sign(wₖ)   (0 at wₖ = 0, as in PyTorch)
 *
 * @param w weights, n numbers
 * @param options.lambda λ ≥ 0 (default 1)
 * @returns value, perExample (each weight's share λ |wₖ|), grad (n numbers)
 * @throws LossInputError when w is empty, a value is not finite, or lambda < 0
 * @example l1Penalty([3, -4], { lambda: 0.5 }).value // => 3.5
 */
export function l1Penalty(w: Vector, options: PenaltyOptions = {}): LossResult {
  const { lambda = 1 } = options;
  const n = checkVector('l1Penalty', 'w', w);
  checkNonNegative('l1Penalty', 'lambda', lambda);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let value = 0;
  for (let k = 0; k < n; k++) {
    perExample[k] = lambda * Math.abs(w[k]!);
    grad[k] = lambda * Math.sign(w[k]!);
    value += perExample[k]!;
  }
  return { value, perExample, grad };
}
