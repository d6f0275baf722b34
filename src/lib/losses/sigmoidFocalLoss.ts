import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkFinite, checkNonNegative, checkPair, checkProbabilities, reductionScale } from './validate.ts';
import { logistic, softplus } from './logistic.ts';

export interface SigmoidFocalLossOptions extends ReductionOptions {
  /** Weight of the positive class, (1 − alpha) for the negative; a negative alpha turns weighting off (default 0.25). */
  alpha?: number;
  /** Focusing exponent: how strongly easy examples are down-weighted (default 2). */
  gamma?: number;
}

/**
 * Sigmoid focal loss (torchvision.ops.sigmoid_focal_loss): binary cross-entropy on
 * logits, multiplied by (1 − p_t)^γ so that well-classified examples contribute little.
 *
 * p = σ(z),  m = 1 − p_t = t·σ(−z) + (1 − t)·σ(z)   (the probability given to the wrong side)
 * ℓ = α_t · BCE(z, t) · m^γ,   α_t = α t + (1 − α)(1 − t)  (α_t = 1 when α < 0)
 * ∂ℓ/∂z = α_t [ (p − t) m^γ + BCE(z, t) · γ m^{γ−1} · p (1 − p)(1 − 2t) ]
 *
 * @param logits scores z, n numbers
 * @param target targets t in [0, 1], n numbers
 * @param options.alpha class weight (default 0.25; negative: none)
 * @param options.gamma focusing exponent ≥ 0 (default 2)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (n numbers, ∂value/∂logits)
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, a target is outside [0, 1], or gamma < 0
 * @example sigmoidFocalLoss([0], [1], { alpha: -1, gamma: 2 }).value // => Math.log(2) / 4
 */
export function sigmoidFocalLoss(logits: Vector, target: Vector, options: SigmoidFocalLossOptions = {}): LossResult {
  const { alpha = 0.25, gamma = 2, reduction = 'mean' } = options;
  const fn = 'sigmoidFocalLoss';
  const n = checkPair(fn, 'logits', logits, 'target', target);
  checkProbabilities(fn, 'target', target);
  checkFinite(fn, 'alpha', alpha);
  checkNonNegative(fn, 'gamma', gamma);
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const z = logits[i]!;
    const t = target[i]!;
    const p = logistic(z);
    const notP = logistic(-z); // 1 − p, without cancellation
    const crossEntropy = (1 - t) * z + softplus(-z);
    const m = t * notP + (1 - t) * p;
    const focus = gamma === 0 ? 1 : Math.pow(m, gamma);
    const alphaT = alpha < 0 ? 1 : alpha * t + (1 - alpha) * (1 - t);
    const loss = alphaT * crossEntropy * focus;
    // d(m^γ)/dz = γ m^{γ−1} · dm/dz, with dm/dz = p(1 − p)(1 − 2t); zero when m = 0 or γ = 0.
    const focusSlope = gamma === 0 || m === 0 ? 0 : gamma * Math.pow(m, gamma - 1) * p * notP * (1 - 2 * t);
    perExample[i] = loss;
    grad[i] = alphaT * ((p - t) * focus + crossEntropy * focusSlope) * scale;
    total += loss;
  }
  return { value: total * scale, perExample, grad };
}
