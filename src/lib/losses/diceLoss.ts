import type { LossResult, Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import { checkNonNegative, checkPair, checkProbabilities } from './validate.ts';

export interface DiceLossOptions {
  /** Added to numerator and denominator, so empty masks give loss 0 (default 1). */
  smooth?: number;
}

/**
 * Dice loss: one minus the (smoothed) Dice overlap between a predicted mask and the
 * true one, over all elements. It is not a sum over examples, so there is no reduction;
 * `perExample` holds the single value.
 *
 * I = Σ pₖ tₖ,  P = Σ pₖ,  T = Σ tₖ
 * L = 1 − (2I + smooth) / (P + T + smooth)
 * ∂L/∂pₖ = −(2 tₖ (P + T + smooth) − (2I + smooth)) / (P + T + smooth)²
 *
 * @param probs predicted probabilities in [0, 1], n numbers
 * @param target true mask in [0, 1], n numbers
 * @param options.smooth smoothing ≥ 0 (default 1)
 * @returns value, perExample ([value]), grad (n numbers, ∂value/∂probs)
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite or outside [0, 1], smooth < 0, or the denominator is 0
 * @example diceLoss([1, 0], [1, 0], { smooth: 0 }).value // => 0
 */
export function diceLoss(probs: Vector, target: Vector, options: DiceLossOptions = {}): LossResult {
  const { smooth = 1 } = options;
  const fn = 'diceLoss';
  const n = checkPair(fn, 'probs', probs, 'target', target);
  checkProbabilities(fn, 'probs', probs);
  checkProbabilities(fn, 'target', target);
  checkNonNegative(fn, 'smooth', smooth);
  let intersection = 0;
  let sumP = 0;
  let sumT = 0;
  for (let k = 0; k < n; k++) {
    intersection += probs[k]! * target[k]!;
    sumP += probs[k]!;
    sumT += target[k]!;
  }
  const numerator = 2 * intersection + smooth;
  const denominator = sumP + sumT + smooth;
  if (denominator === 0) throw new LossInputError(`${fn}: probs and target are all 0 and smooth is 0, so the Dice ratio is 0/0`);
  const value = 1 - numerator / denominator;
  const grad = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    grad[k] = -(2 * target[k]! * denominator - numerator) / (denominator * denominator);
  }
  return { value, perExample: Float64Array.of(value), grad };
}
