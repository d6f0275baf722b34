import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkPair, checkProbabilities, checkSameLength, checkVector, reductionScale } from './validate.ts';

export interface BinaryCrossEntropyOptions extends ReductionOptions {
  /** One weight per element, multiplying its loss (default: all 1). */
  weight?: Vector;
}

/**
 * Binary cross-entropy on probabilities: the negative log-likelihood of a Bernoulli target.
 * As in PyTorch, each log is clamped at −100, so a probability of exactly 0 or 1 gives a
 * large finite loss instead of Infinity.
 *
 * ℓᵢ = −wᵢ [ tᵢ · max(log pᵢ, −100) + (1 − tᵢ) · max(log(1 − pᵢ), −100) ]
 * ∂ℓᵢ/∂pᵢ = wᵢ (pᵢ − tᵢ) / max(pᵢ (1 − pᵢ), 1e-12)
 *
 * @param probs predicted probabilities pᵢ in [0, 1], n numbers
 * @param target targets tᵢ in [0, 1] (labels 0/1 or soft targets), n numbers
 * @param options.weight per-element weights wᵢ, n numbers
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (n numbers, ∂value/∂probs)
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, or a probability or target is outside [0, 1]
 * @example binaryCrossEntropy([0.001], [1]).value // => -Math.log(0.001)
 */
export function binaryCrossEntropy(probs: Vector, target: Vector, options: BinaryCrossEntropyOptions = {}): LossResult {
  const { weight, reduction = 'mean' } = options;
  const fn = 'binaryCrossEntropy';
  const n = checkPair(fn, 'probs', probs, 'target', target);
  checkProbabilities(fn, 'probs', probs);
  checkProbabilities(fn, 'target', target);
  if (weight !== undefined) {
    checkVector(fn, 'weight', weight);
    checkSameLength(fn, 'probs', probs, 'weight', weight);
  }
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = probs[i]!;
    const t = target[i]!;
    const w = weight === undefined ? 1 : weight[i]!;
    const logP = Math.max(Math.log(p), -100);
    const logNotP = Math.max(Math.log1p(-p), -100);
    const loss = -w * (t * logP + (1 - t) * logNotP);
    perExample[i] = loss;
    grad[i] = ((w * (p - t)) / Math.max(p * (1 - p), 1e-12)) * scale;
    total += loss;
  }
  return { value: total * scale, perExample, grad };
}
