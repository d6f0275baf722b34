import { checkFinite } from './validate.ts';
import { logistic } from './logistic.ts';

/**
 * The logistic sigmoid σ(z) = 1 / (1 + e^{−z}), turning a logit into a probability.
 * Computed from e^{−|z|}, which never overflows, so σ(−1000) is 0 and σ(1000) is 1.
 *
 * @param z a finite logit
 * @returns σ(z) in [0, 1]
 * @throws LossInputError when z is not a finite number
 * @example sigmoid(0) // => 0.5
 */
export function sigmoid(z: number): number {
  checkFinite('sigmoid', 'z', z);
  return logistic(z);
}
