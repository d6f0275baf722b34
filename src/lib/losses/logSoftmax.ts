import type { Vector } from './types.ts';
import { logSumExp } from './logSumExp.ts';
import { checkVector } from './validate.ts';

/**
 * Log-probabilities of the softmax distribution: log softmax(z)ⱼ = zⱼ − logΣexp(z).
 * Stable for logits of any size (see logSumExp).
 *
 * @param z a non-empty vector of finite logits
 * @returns the vector of log-probabilities (each ≤ 0), same length as z
 * @throws LossInputError when z is empty or has a non-finite value
 * @example logSoftmax([0, 0])[0] // => -Math.log(2)
 */
export function logSoftmax(z: Vector): number[] {
  checkVector('logSoftmax', 'z', z);
  const logNormalizer = logSumExp(z);
  const out: number[] = [];
  for (let j = 0; j < z.length; j++) out.push(z[j]! - logNormalizer);
  return out;
}
