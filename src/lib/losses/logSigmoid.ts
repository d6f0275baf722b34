import { checkFinite } from './validate.ts';
import { softplus } from './logistic.ts';

/**
 * log σ(z), computed without forming σ(z): log σ(z) = min(z, 0) − log1p(e^{−|z|}),
 * so logSigmoid(−1000) is −1000 rather than log 0 = −Infinity.
 *
 * @param z a finite logit
 * @returns log σ(z) ≤ 0
 * @throws LossInputError when z is not a finite number
 * @example logSigmoid(-1000) // => -1000
 */
export function logSigmoid(z: number): number {
  checkFinite('logSigmoid', 'z', z);
  return -softplus(-z);
}
