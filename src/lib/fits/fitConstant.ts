/**
 * The best constant prediction c for a set of targets under a regression loss: the c where
 * the derivative of the empirical risk (1/n) Σ L(c, yᵢ) changes sign, found by bisection on
 * the gradient the library returns. Under MSE it is the mean, under MAE the median, under
 * Huber a compromise (an M-estimate), usually between the two but not always: for
 * y = (0, 0, 1, 1, 5) and δ = 1 it is 0.75, below both the median 1 and the mean 1.4.
 *
 * The risk of a constant is convex in c for all three losses, so its derivative never
 * decreases: bisection between min(y) and max(y) closes in on the minimiser.
 *
 * @example fitConstant('mse', [1, 2, 3, 4, 20]) // => 6 (the mean)
 * @example fitConstant('mae', [1, 2, 3, 4, 20]) // => 3 (the median)
 * @example fitConstant('huber', [0, 0, 1, 1, 5], 1) // => 0.75
 */
import { huberLoss, l1Loss, mseLoss } from '../losses/index';

export type ConstantLoss = 'mse' | 'mae' | 'huber';

/** d/dc of the mean loss of predicting c for every target. */
export function riskSlope(loss: ConstantLoss, c: number, targets: ArrayLike<number>, delta = 1): number {
  const input = new Float64Array(targets.length).fill(c);
  const result =
    loss === 'mse' ? mseLoss(input, targets) : loss === 'mae' ? l1Loss(input, targets) : huberLoss(input, targets, { delta });
  let slope = 0;
  for (let i = 0; i < targets.length; i++) slope += result.grad[i]!;
  return slope;
}

export function fitConstant(loss: ConstantLoss, targets: ArrayLike<number>, delta = 1): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < targets.length; i++) {
    lo = Math.min(lo, targets[i]!);
    hi = Math.max(hi, targets[i]!);
  }
  // Halve until lo and hi are neighbouring doubles (at most about 1100 halvings in theory;
  // a few dozen for targets of everyday size).
  for (let step = 0; step < 1100; step++) {
    const middle = (lo + hi) / 2;
    if (middle === lo || middle === hi) break;
    const slope = riskSlope(loss, middle, targets, delta);
    if (slope === 0) return middle;
    if (slope > 0) hi = middle;
    else lo = middle;
  }
  return (lo + hi) / 2;
}

/**
 * The two constants lesson 2 compares on a sample: the mean (what MSE picks) and the median
 * (what MAE picks), both found by fitConstant through the library's own gradients.
 *
 * @example estimates([1, 2, 3, 4, 20]) // => { mean: 6, median: 3 }
 */
export function estimates(values: ArrayLike<number>): { mean: number; median: number } {
  return { mean: fitConstant('mse', values), median: fitConstant('mae', values) };
}
