import type { Vector } from './types.ts';
import { checkVector } from './validate.ts';

/**
 * log Σⱼ e^{zⱼ}, a smooth maximum. The max is subtracted before exponentiating,
 * logΣexp(z) = m + log Σⱼ e^{zⱼ − m} with m = maxⱼ zⱼ, so no term overflows.
 *
 * @param z a non-empty vector of finite numbers
 * @returns log Σⱼ e^{zⱼ}
 * @throws LossInputError when z is empty or has a non-finite value
 * @example logSumExp([1000, 1000]) // => 1000 + Math.log(2)
 */
export function logSumExp(z: Vector): number {
  const n = checkVector('logSumExp', 'z', z);
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (z[j]! > max) max = z[j]!;
  let sumExp = 0;
  for (let j = 0; j < n; j++) sumExp += Math.exp(z[j]! - max);
  return max + Math.log(sumExp);
}
