import type { Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import { checkProbabilities, checkVector, describe } from './validate.ts';

export interface EntropyOptions {
  /** Base of the logarithm: 'e' (default, nats), 2 (bits), or any number > 1. */
  base?: 'e' | number;
}

/**
 * Shannon entropy of a distribution: the expected surprise −Σ pⱼ log pⱼ, with 0 log 0 = 0.
 *
 * H(p) = −Σⱼ pⱼ log pⱼ   (in nats; divided by log(base) for another base)
 *
 * @param p probabilities in [0, 1]
 * @param options.base 'e' (default) or a number > 1, e.g. 2 for bits
 * @returns H(p) ≥ 0
 * @throws LossInputError when p is empty, has a non-finite value or a value outside [0, 1], or base is not > 1
 * @example entropy([0.5, 0.5], { base: 2 }) // => 1
 */
export function entropy(p: Vector, options: EntropyOptions = {}): number {
  const { base = 'e' } = options;
  const n = checkVector('entropy', 'p', p);
  checkProbabilities('entropy', 'p', p);
  if (base !== 'e' && !(typeof base === 'number' && Number.isFinite(base) && base > 1)) {
    throw new LossInputError(`entropy: base must be 'e' or a number > 1, received ${describe(base)}`);
  }
  let nats = 0;
  for (let j = 0; j < n; j++) {
    const probability = p[j]!;
    if (probability > 0) nats -= probability * Math.log(probability);
  }
  return base === 'e' ? nats : nats / Math.log(base);
}
