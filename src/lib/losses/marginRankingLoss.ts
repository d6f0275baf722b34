import type { LossResultWithGrads, ReductionOptions, Vector } from './types.ts';
import { checkFinite, checkPair, checkSameLength, checkSignLabels, checkVector, reductionScale } from './validate.ts';

export interface MarginRankingLossOptions extends ReductionOptions {
  /** How far apart the scores must be in the right order (default 0). */
  margin?: number;
}

/**
 * Margin ranking loss: for each pair, y = +1 says x1 should rank above x2, y = −1 the
 * reverse; the loss is zero once they are in that order by at least `margin`.
 *
 * ℓᵢ = max(0, −yᵢ (x1ᵢ − x2ᵢ) + margin)
 * ∂ℓᵢ/∂x1ᵢ = −yᵢ and ∂ℓᵢ/∂x2ᵢ = +yᵢ while ℓᵢ > 0, else 0
 *
 * @param x1 first scores, n numbers
 * @param x2 second scores, n numbers
 * @param y labels ∈ {−1, +1}, n numbers
 * @param options.margin the margin (default 0)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (∂value/∂x1) and grads for x1, x2
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, or a label is not −1 or +1
 * @example marginRankingLoss([1], [2], [1], { margin: 0.5 }).value // => 1.5
 */
export function marginRankingLoss(
  x1: Vector,
  x2: Vector,
  y: Vector,
  options: MarginRankingLossOptions = {},
): LossResultWithGrads<Float64Array, { x1: Float64Array; x2: Float64Array }> {
  const { margin = 0, reduction = 'mean' } = options;
  const fn = 'marginRankingLoss';
  const n = checkPair(fn, 'x1', x1, 'x2', x2);
  checkVector(fn, 'y', y);
  checkSameLength(fn, 'x1', x1, 'y', y);
  checkSignLabels(fn, 'y', y);
  checkFinite(fn, 'margin', margin);
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const grad1 = new Float64Array(n);
  const grad2 = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const label = y[i]!;
    const slack = -label * (x1[i]! - x2[i]!) + margin;
    const loss = slack > 0 ? slack : 0;
    perExample[i] = loss;
    grad1[i] = slack > 0 ? -label * scale : 0;
    grad2[i] = slack > 0 ? label * scale : 0;
    total += loss;
  }
  return { value: total * scale, perExample, grad: grad1, grads: { x1: grad1, x2: grad2 } };
}
