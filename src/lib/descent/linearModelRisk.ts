/**
 * The empirical risk of the two-parameter model ŷ = w·x + b on lesson 4's six points, and its
 * gradient with respect to the parameters:
 *
 * - 'mse': linear regression, R̂ = mseLoss(w·x + b, y) (no ½);
 * - 'bce': logistic regression, R̂ = binaryCrossEntropyWithLogits(w·x + b, label).
 *
 * The library gives ∂R̂/∂ŷᵢ; the chain rule through ŷᵢ = w·xᵢ + b does the rest:
 * ∂R̂/∂w = Σᵢ ∂R̂/∂ŷᵢ · xᵢ and ∂R̂/∂b = Σᵢ ∂R̂/∂ŷᵢ.
 *
 * @example riskAndGradient('mse', [1, 2, 3, 4, 5, 6], 1.9, -2.5667) // dw and db ≈ 0: the least-squares line
 */
import { data } from '../data/sixLabelledPoints';
import { binaryCrossEntropyWithLogits, mseLoss } from '../losses/index';

export type LossName = 'mse' | 'bce';

/**
 * R̂(w, b) and its gradient on the examples `indices` (all of them by default: a mini-batch
 * passes its own), for the inputs `xs` (data.x, or its standardised copy: see inputsFor).
 */
export function riskAndGradient(
  loss: LossName,
  xs: readonly number[],
  w: number,
  b: number,
  indices: readonly number[] = xs.map((_, i) => i),
): { risk: number; dw: number; db: number } {
  const predictions = indices.map((i) => w * xs[i]! + b);
  const result =
    loss === 'mse'
      ? mseLoss(predictions, indices.map((i) => data.y[i]!))
      : binaryCrossEntropyWithLogits(predictions, indices.map((i) => data.label[i]!));
  let dw = 0;
  let db = 0;
  for (let k = 0; k < indices.length; k++) {
    dw += result.grad[k]! * xs[indices[k]!]!; // ∂R̂/∂ŷ · ∂ŷ/∂w
    db += result.grad[k]!; // ∂R̂/∂ŷ · ∂ŷ/∂b
  }
  return { risk: result.value, dw, db };
}
