import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkFinite, checkLengths, checkPair, checkProbabilities, checkSameLength, checkVector, reductionScale } from './validate.ts';
import { logistic, softplus } from './logistic.ts';

export interface BinaryCrossEntropyWithLogitsOptions extends ReductionOptions {
  /** One weight per element, multiplying its loss (default: all 1). */
  weight?: Vector;
  /** Weight of the positive term, to counter class imbalance (default 1). */
  posWeight?: number;
}

/**
 * Binary cross-entropy on logits: sigmoid and BCE fused, stable for any finite logit.
 * It never forms σ(z) and then its log; it uses log σ(z) = −softplus(−z) with
 * softplus(−z) = max(−z, 0) + log1p(e^{−|z|}), which cannot overflow.
 *
 * ℓᵢ = wᵢ [ (1 − tᵢ) zᵢ + (1 + (posWeight − 1) tᵢ) · softplus(−zᵢ) ]
 * ∂ℓᵢ/∂zᵢ = wᵢ [ (1 − tᵢ) − (1 + (posWeight − 1) tᵢ) · σ(−zᵢ) ]     (= wᵢ (σ(zᵢ) − tᵢ) when posWeight = 1)
 *
 * @param logits scores zᵢ, n numbers
 * @param target targets tᵢ in [0, 1], n numbers
 * @param options.weight per-element weights wᵢ, n numbers
 * @param options.posWeight weight of the positive term (default 1)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (n numbers, ∂value/∂logits)
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, or a target is outside [0, 1]
 * @example binaryCrossEntropyWithLogits([0], [1]).value // => Math.log(2)
 */
export function binaryCrossEntropyWithLogits(
  logits: Vector,
  target: Vector,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): LossResult {
  const { weight, posWeight = 1, reduction = 'mean' } = options;
  const fn = 'binaryCrossEntropyWithLogits';
  const n = checkLengths(fn, 'logits', logits, 'target', target);
  checkProbabilities(fn, 'target', target);
  checkFinite(fn, 'posWeight', posWeight);
  if (weight !== undefined) {
    checkVector(fn, 'weight', weight);
    checkSameLength(fn, 'logits', logits, 'weight', weight);
  }
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const z = logits[i]!;
    const t = target[i]!;
    const w = weight === undefined ? 1 : weight[i]!;
    const softplusOfNegZ = softplus(-z); // −log σ(z)
    const sigmoidOfNegZ = logistic(-z); // σ(−z) = 1 − σ(z)
    const positiveWeight = 1 + (posWeight - 1) * t;
    const loss = w * ((1 - t) * z + positiveWeight * softplusOfNegZ);
    perExample[i] = loss;
    grad[i] = w * (1 - t - positiveWeight * sigmoidOfNegZ) * scale;
    total += loss;
  }
  // A NaN or ±Infinity logit makes its loss, and so the total, non-finite: only then scan
  // the logits, to name the culprit in the error.
  if (!Number.isFinite(total)) checkPair(fn, 'logits', logits, 'target', target);
  return { value: total * scale, perExample, grad };
}
