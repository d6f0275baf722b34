import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkLengths, checkPair, checkPositive, reductionScale } from './validate.ts';

export interface HuberLossOptions extends ReductionOptions {
  /** Where the loss turns from quadratic to linear (default 1); must be positive. */
  delta?: number;
}

/**
 * Huber loss: squared error for small residuals, absolute error (with slope delta) for
 * large ones, so outliers pull on the fit with a bounded force.
 *
 * ℓ(r) = ½ r²                 if |r| ≤ delta
 *        delta (|r| − ½ delta) otherwise,     with r = input − target
 * ∂ℓ/∂r = r if |r| ≤ delta, else delta · sign(r)
 *
 * @param input predictions, n numbers
 * @param target targets, n numbers
 * @param options.delta threshold between the quadratic and linear parts (default 1)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (n numbers, ∂value/∂input)
 * @throws LossInputError when the lengths differ, an input is empty, a value is not finite, or delta ≤ 0
 * @example huberLoss([0, 0], [0.5, 3]).value // => 1.3125
 */
export function huberLoss(input: Vector, target: Vector, options: HuberLossOptions = {}): LossResult {
  const { delta = 1, reduction = 'mean' } = options;
  const n = checkLengths('huberLoss', 'input', input, 'target', target);
  checkPositive('huberLoss', 'delta', delta);
  const scale = reductionScale('huberLoss', reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const residual = input[i]! - target[i]!;
    const size = Math.abs(residual);
    let loss: number;
    let slope: number;
    if (size <= delta) {
      loss = 0.5 * residual * residual;
      slope = residual;
    } else {
      loss = delta * (size - 0.5 * delta);
      slope = delta * Math.sign(residual);
    }
    perExample[i] = loss;
    grad[i] = slope * scale;
    total += loss;
  }
  // A NaN or ±Infinity in either input makes its residual, and so the total, non-finite:
  // only then scan the inputs, to name the culprit in the error.
  if (!Number.isFinite(total)) checkPair('huberLoss', 'input', input, 'target', target);
  return { value: total * scale, perExample, grad };
}
