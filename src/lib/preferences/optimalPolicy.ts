import type { Vector } from '../losses/types.ts';
import { LossInputError } from '../losses/LossInputError.ts';
import { checkNonNegative, checkProbabilities, checkSameLength, checkVector } from '../losses/validate.ts';

/**
 * The policy that minimises the KL-regularised RLHF objective (rlhfObjective) over K
 * candidate responses, in closed form:
 *
 *   π*ₖ = refₖ · e^{rₖ/β} / Z,   Z = Σⱼ refⱼ · e^{rⱼ/β}
 *
 * Why: the objective is L(π) = −Σₖ πₖ rₖ + β Σₖ πₖ log(πₖ / refₖ). Since rₖ = β log(e^{rₖ/β}),
 * L(π) = β Σₖ πₖ log(πₖ / (refₖ e^{rₖ/β})) = β Σₖ πₖ log(πₖ / π*ₖ) − β log Z
 *      = β · KL(π ‖ π*) − β log Z.
 * A KL divergence is ≥ 0 and is 0 only at π = π*, so π* is the one minimiser, and the minimum
 * is −β log Z. (The same result comes from setting the gradient of the Lagrangian
 * L(π) + λ(Σπₖ − 1) to zero: −rₖ + β(log πₖ − log refₖ + 1) + λ = 0.)
 *
 * The limits: as β → 0 the factor e^{rₖ/β} swamps ref, and π* puts all its mass on the
 * reward's argmax (shared in proportion to ref among tied maxima); as β → ∞, e^{rₖ/β} → 1 and
 * π* → ref. Both ends are accepted: β = 0 gives the argmax policy and β = Infinity gives ref.
 * The sum is taken in log space (log refₖ + rₖ/β, its maximum subtracted), so a small β
 * cannot overflow.
 *
 * @param rewards K rewards r
 * @param refProbs K reference probabilities, each in (0, 1], adding up to 1
 * @param beta the KL weight β ≥ 0 (Infinity allowed)
 * @returns π*, K probabilities adding up to 1
 * @throws LossInputError when lengths differ, an input is empty or not finite, a reference probability is not in (0, 1], or beta is negative or NaN
 * @example optimalPolicy([0, Math.log(3)], [0.5, 0.5], 1) // => [0.25, 0.75]
 */
export function optimalPolicy(rewards: Vector, refProbs: Vector, beta: number): number[] {
  const fn = 'optimalPolicy';
  const k = checkVector(fn, 'rewards', rewards);
  checkVector(fn, 'refProbs', refProbs);
  checkSameLength(fn, 'rewards', rewards, 'refProbs', refProbs);
  checkProbabilities(fn, 'refProbs', refProbs);
  for (let j = 0; j < k; j++) {
    if (refProbs[j] === 0) throw new LossInputError(`${fn}: refProbs[${j}] must be positive, received 0`);
  }
  if (beta !== Infinity) checkNonNegative(fn, 'beta', beta);

  if (beta === Infinity) {
    let total = 0;
    for (let j = 0; j < k; j++) total += refProbs[j]!;
    return Array.from({ length: k }, (_, j) => refProbs[j]! / total);
  }
  if (beta === 0) {
    let best = -Infinity;
    for (let j = 0; j < k; j++) if (rewards[j]! > best) best = rewards[j]!;
    let total = 0;
    for (let j = 0; j < k; j++) if (rewards[j] === best) total += refProbs[j]!;
    return Array.from({ length: k }, (_, j) => (rewards[j] === best ? refProbs[j]! / total : 0));
  }
  const logWeights = new Float64Array(k);
  let max = -Infinity;
  for (let j = 0; j < k; j++) {
    logWeights[j] = Math.log(refProbs[j]!) + rewards[j]! / beta;
    if (logWeights[j]! > max) max = logWeights[j]!;
  }
  let total = 0;
  const weights = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    weights[j] = Math.exp(logWeights[j]! - max);
    total += weights[j]!;
  }
  return Array.from(weights, (weight) => weight / total);
}
