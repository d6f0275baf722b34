import type { LossResult, Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import { checkNonNegative, checkProbabilities, checkSameLength, checkVector } from './validate.ts';

export interface RlhfObjectiveOptions {
  /** Weight β ≥ 0 of the KL penalty that keeps π near the reference (required). */
  beta: number;
}

/**
 * The KL-regularised RLHF objective for one prompt with K candidate responses, written
 * as a loss to minimise: minus the expected reward plus β times the KL divergence from
 * the reference policy. Its minimiser is π ∝ ref · e^{r/β}, where the gradient vanishes.
 *
 * π = softmax(z),   fₖ = −rₖ + β (log πₖ − log refₖ)
 * L = Σₖ πₖ fₖ = −Σₖ πₖ rₖ + β KL(π ‖ ref)
 * ∂L/∂zₖ = πₖ (fₖ − Σⱼ πⱼ fⱼ)
 *
 * @param policyLogits K logits z of the policy over the candidates
 * @param rewards K rewards r
 * @param refProbs K reference probabilities, each in (0, 1]
 * @param options.beta KL weight β ≥ 0
 * @returns value, perExample (K terms πₖ fₖ, summing to value), grad (K numbers, ∂value/∂policyLogits)
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, a reference probability is not in (0, 1], or beta is missing or negative
 * @example rlhfObjective([0, 0], [1, 1], [0.5, 0.5], { beta: 1 }).value // => -1
 */
export function rlhfObjective(policyLogits: Vector, rewards: Vector, refProbs: Vector, options: RlhfObjectiveOptions): LossResult {
  const fn = 'rlhfObjective';
  const k = checkVector(fn, 'policyLogits', policyLogits);
  checkVector(fn, 'rewards', rewards);
  checkVector(fn, 'refProbs', refProbs);
  checkSameLength(fn, 'policyLogits', policyLogits, 'rewards', rewards);
  checkSameLength(fn, 'policyLogits', policyLogits, 'refProbs', refProbs);
  checkProbabilities(fn, 'refProbs', refProbs);
  for (let j = 0; j < k; j++) {
    if (refProbs[j] === 0) throw new LossInputError(`${fn}: refProbs[${j}] must be positive (the KL penalty is infinite otherwise), received 0`);
  }
  if (options === undefined || options.beta === undefined) throw new LossInputError(`${fn}: options.beta is required, received undefined`);
  const { beta } = options;
  checkNonNegative(fn, 'beta', beta);

  // log π by log-softmax (max subtracted), so logits of ±1000 are fine.
  let max = -Infinity;
  for (let j = 0; j < k; j++) if (policyLogits[j]! > max) max = policyLogits[j]!;
  let sumExp = 0;
  for (let j = 0; j < k; j++) sumExp += Math.exp(policyLogits[j]! - max);
  const logNormalizer = max + Math.log(sumExp);

  const perExample = new Float64Array(k);
  const pi = new Float64Array(k);
  const f = new Float64Array(k);
  let value = 0;
  for (let j = 0; j < k; j++) {
    const logPi = policyLogits[j]! - logNormalizer;
    pi[j] = Math.exp(logPi);
    f[j] = -rewards[j]! + beta * (logPi - Math.log(refProbs[j]!));
    perExample[j] = pi[j]! * f[j]!;
    value += perExample[j]!;
  }
  const grad = new Float64Array(k);
  for (let j = 0; j < k; j++) grad[j] = pi[j]! * (f[j]! - value);
  return { value, perExample, grad };
}
