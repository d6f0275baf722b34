import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkPair, checkSignLabels, reductionScale } from './validate.ts';

/**
 * Hinge loss, the SVM's margin loss: zero once an example is on the right side with
 * margin y·s ≥ 1, growing linearly inside the margin.
 *
 * ℓᵢ = max(0, 1 − yᵢ sᵢ),   ∂ℓᵢ/∂sᵢ = −yᵢ if 1 − yᵢ sᵢ > 0, else 0
 *
 * At the kink (yᵢ sᵢ = 1 exactly) the subgradient 0 is used: only points strictly
 * inside the margin (the support vectors) push on the scores.
 *
 * @param scores raw scores sᵢ, n numbers
 * @param labels labels yᵢ ∈ {−1, +1}, n numbers
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (n numbers, ∂value/∂scores)
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, or a label is not −1 or +1
 * @example hingeLoss([2.0, 0.2, 0.3], [1, 1, -1], { reduction: 'sum' }).value // => 0.8 + 1.3
 */
export function hingeLoss(scores: Vector, labels: Vector, options: ReductionOptions = {}): LossResult {
  const { reduction = 'mean' } = options;
  const fn = 'hingeLoss';
  const n = checkPair(fn, 'scores', scores, 'labels', labels);
  checkSignLabels(fn, 'labels', labels);
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    const slack = 1 - y * scores[i]!;
    const loss = slack > 0 ? slack : 0;
    perExample[i] = loss;
    grad[i] = slack > 0 ? -y * scale : 0;
    total += loss;
  }
  return { value: total * scale, perExample, grad };
}
