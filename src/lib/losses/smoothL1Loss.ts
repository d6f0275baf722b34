import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkLengths, checkPair, checkPositive, reductionScale } from './validate.ts';

export interface SmoothL1LossOptions extends ReductionOptions {
  /** Width of the quadratic zone around 0 (default 1); must be positive. */
  beta?: number;
}

/**
 * Smooth L1 loss: absolute error with the corner at 0 rounded off into a parabola of
 * width beta. Its linear part has slope 1, so huberLoss = beta × smoothL1Loss at delta = beta.
 *
 * ℓ(r) = ½ r² / beta    if |r| < beta
 *        |r| − ½ beta   otherwise,      with r = input − target
 * ∂ℓ/∂r = r / beta if |r| < beta, else sign(r)
 *
 * @param input predictions, n numbers
 * @param target targets, n numbers
 * @param options.beta width of the quadratic zone (default 1)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (n numbers, ∂value/∂input)
 * @throws LossInputError when the lengths differ, an input is empty, a value is not finite, or beta ≤ 0
 * @example smoothL1Loss([0, 0], [0.5, 3]).value // => 1.3125
 */
export function smoothL1Loss(input: Vector, target: Vector, options: SmoothL1LossOptions = {}): LossResult {
  const { beta = 1, reduction = 'mean' } = options;
  const n = checkLengths('smoothL1Loss', 'input', input, 'target', target);
  checkPositive('smoothL1Loss', 'beta', beta);
  const scale = reductionScale('smoothL1Loss', reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const residual = input[i]! - target[i]!;
    const size = Math.abs(residual);
    let loss: number;
    let slope: number;
    if (size < beta) {
      loss = (0.5 * residual * residual) / beta;
      slope = residual / beta;
    } else {
      loss = size - 0.5 * beta;
      slope = Math.sign(residual);
    }
    perExample[i] = loss;
    grad[i] = slope * scale;
    total += loss;
  }
  // A NaN or ±Infinity in either input makes its residual, and so the total, non-finite:
  // only then scan the inputs, to name the culprit in the error.
  if (!Number.isFinite(total)) checkPair('smoothL1Loss', 'input', input, 'target', target);
  return { value: total * scale, perExample, grad };
}
