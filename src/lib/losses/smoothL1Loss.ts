import { huberLoss } from './huberLoss.ts';
import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkPair, checkPositive, reductionScale } from './validate.ts';

export interface SmoothL1LossOptions extends ReductionOptions {
  /** Width of the quadratic zone around 0 (default 1); must be positive. */
  beta?: number;
}

/**
 * Smooth L1 loss: absolute error with the corner at 0 rounded off into a parabola of
 * width beta. It is Huber loss with delta = beta, divided by beta, so its linear part has
 * slope 1 however wide the parabola (and huberLoss = beta × smoothL1Loss at delta = beta):
 * that is how it is computed here.
 *
 * ℓ(r) = ½ r² / beta    if |r| < beta
 *        |r| − ½ beta   otherwise,      with r = input − target
 * ∂ℓ/∂r = r / beta if |r| < beta, else sign(r)
 * (At |r| = beta both branches give ½ beta and slope ±1, so Huber's ≤ and this < agree.)
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
  // Checked here, so an error names smoothL1Loss and beta rather than huberLoss and delta.
  const n = checkPair('smoothL1Loss', 'input', input, 'target', target);
  checkPositive('smoothL1Loss', 'beta', beta);
  reductionScale('smoothL1Loss', reduction, n);
  const huber = huberLoss(input, target, { delta: beta, reduction });
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    perExample[i] = huber.perExample[i]! / beta;
    grad[i] = (huber.grad as ArrayLike<number>)[i]! / beta;
  }
  return { value: huber.value / beta, perExample, grad };
}
