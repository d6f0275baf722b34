import type { Vector } from './types.ts';
import { logSumExp } from './logSumExp.ts';
import { checkVector } from './validate.ts';

/**
 * The softmax distribution: softmax(z)ⱼ = e^{zⱼ} / Σₖ e^{zₖ}, computed as
 * e^{zⱼ − logΣexp(z)} so that logits of ±1000 are fine.
 *
 * @param z a non-empty vector of finite logits
 * @returns probabilities summing to 1, same length as z
 * @throws LossInputError when z is empty or has a non-finite value
 * @example softmax([2, 0, -1])[1] // => Math.exp(0) / (Math.exp(2) + Math.exp(0) + Math.exp(-1))
 */
export function softmax(z: Vector): number[] {
  checkVector('softmax', 'z', z);
  const logNormalizer = logSumExp(z);
  const out: number[] = [];
  for (let j = 0; j < z.length; j++) out.push(Math.exp(z[j]! - logNormalizer));
  return out;
}
