import type { Vector } from './types.ts';
import { checkProbabilities, checkSameLength, checkVector } from './validate.ts';

/**
 * KL divergence KL(p ‖ q) = Σⱼ pⱼ log(pⱼ / qⱼ) in nats, between two distributions given
 * as probabilities (unlike klDiv, which takes log q first, as PyTorch does).
 * Terms with pⱼ = 0 are 0; a qⱼ = 0 where pⱼ > 0 gives Infinity, the true value.
 *
 * @param p the reference distribution ("true"), probabilities in [0, 1]
 * @param q the approximating distribution, probabilities in [0, 1], same length
 * @returns KL(p ‖ q) ≥ 0
 * @throws LossInputError when lengths differ, an input is empty, or a value is not finite or outside [0, 1]
 * @example klDivergence([0.5, 0.5], [0.25, 0.75]) // => 0.5 * Math.log(2) + 0.5 * Math.log(2 / 3)
 */
export function klDivergence(p: Vector, q: Vector): number {
  const n = checkVector('klDivergence', 'p', p);
  checkVector('klDivergence', 'q', q);
  checkSameLength('klDivergence', 'p', p, 'q', q);
  checkProbabilities('klDivergence', 'p', p);
  checkProbabilities('klDivergence', 'q', q);
  let divergence = 0;
  for (let j = 0; j < n; j++) {
    const pj = p[j]!;
    if (pj > 0) divergence += pj * (Math.log(pj) - Math.log(q[j]!));
  }
  return divergence;
}
