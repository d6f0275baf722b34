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
    if (slope === 0) {
      lo = middle;
      hi = middle;
      break;
    }
    if (slope > 0) hi = middle;
    else lo = middle;
  }
  const c = (lo + hi) / 2;
  return loss === 'huber' ? huberExact(c, targets, delta) : c;
}

/**
 * Bisection ends between two neighbouring doubles, so a Huber fit whose exact value is 0
 * comes back as 5.6×10⁻¹⁷. Near the minimiser the set of targets within δ of c is fixed, and
 * there the risk's slope Σ_inside (c − yᵢ) + δ·(#below − #above) is linear in c: solve it.
 * The solution is kept only if it has the same targets inside, above and below the band.
 */
function huberExact(c: number, targets: ArrayLike<number>, delta: number): number {
  const side = (y: number, at: number) => (at - y > delta ? 1 : y - at > delta ? -1 : 0);
  let insideSum = 0;
  let inside = 0;
  let balance = 0; // #(targets below the band) − #(targets above it)
  for (let i = 0; i < targets.length; i++) {
    const where = side(targets[i]!, c);
    if (where === 0) {
      insideSum += targets[i]!;
      inside += 1;
    } else balance += where;
  }
  if (inside === 0) return c; // a flat stretch between two targets: no single point to solve for
  const exact = (insideSum - delta * balance) / inside;
  for (let i = 0; i < targets.length; i++) {
    if (side(targets[i]!, exact) !== side(targets[i]!, c)) return c;
  }
  return exact;
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
