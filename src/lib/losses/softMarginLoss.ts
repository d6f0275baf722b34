import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkPair, checkSignLabels, reductionScale } from './validate.ts';
import { logistic, softplus } from './logistic.ts';

/**
 * Soft margin (logistic) loss: a smooth hinge, log(1 + e^{−y·s}). Computed as
 * softplus(u) = max(u, 0) + log1p(e^{−|u|}) with u = −y·s, so it stays exact where the
 * naive form overflows: log(1 + e^900) is 900, not Infinity.
 *
 * ℓᵢ = log(1 + e^{−yᵢ sᵢ}),   ∂ℓᵢ/∂sᵢ = −yᵢ σ(−yᵢ sᵢ)
 *
 * @param scores raw scores sᵢ, n numbers
 * @param labels labels yᵢ ∈ {−1, +1}, n numbers
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (n numbers, ∂value/∂scores)
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, or a label is not −1 or +1
 * @example softMarginLoss([-900], [1]).value // => 900
 */
export function softMarginLoss(scores: Vector, labels: Vector, options: ReductionOptions = {}): LossResult {
  const { reduction = 'mean' } = options;
  const fn = 'softMarginLoss';
  const n = checkPair(fn, 'scores', scores, 'labels', labels);
  checkSignLabels(fn, 'labels', labels);
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    const u = -y * scores[i]!;
    const loss = softplus(u);
    const sigmoidOfU = logistic(u);
    perExample[i] = loss;
    grad[i] = -y * sigmoidOfU * scale;
    total += loss;
  }
  return { value: total * scale, perExample, grad };
}
