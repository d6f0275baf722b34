/**
 * Pricing a line ŷ = w·x + b on lesson 1's eight points: each point's loss under a price list
 * (squared, absolute or the 0-1 "metric"), and their mean, the empirical risk
 * R̂(w, b) = (1/n) Σᵢ L(ŷᵢ, yᵢ). Squared and absolute losses come from the library
 * (mseLoss, l1Loss, no ½); the 0-1 count is built from l1Loss's per-point errors.
 *
 * @example pointLosses('absolute', 0.6, 1).risk // the mean |0.6·xᵢ + 1 − yᵢ|
 */
import { data } from '../data/eightPointsWithOutlier';
import { l1Loss, mseLoss } from '../losses/index';

/** Under the 0-1 "metric", a point costs 1 when |ŷ − y| exceeds this, and 0 otherwise. */
export const tolerance = 0.5;

export type PriceList = 'squared' | 'absolute' | 'zeroOne';

/** The line's predictions ŷᵢ = w·xᵢ + b at the data's x values. */
export function predictions(slope: number, intercept: number): number[] {
  return data.x.map((x) => slope * x + intercept);
}

/**
 * The 0-1 "metric" from absolute errors |ŷᵢ − yᵢ| (l1Loss's perExample): 1 for a miss beyond
 * the tolerance, else 0.
 *
 * @example zeroOneLosses([0.2, 0.7]) // => [0, 1]
 */
export function zeroOneLosses(absoluteErrors: ArrayLike<number>): number[] {
  return Array.from(absoluteErrors, (error): number => (error > tolerance ? 1 : 0));
}

/** Each point's loss under a price list, and their mean R̂. */
export function pointLosses(priceList: PriceList, slope: number, intercept: number): { losses: number[]; risk: number } {
  const yHat = predictions(slope, intercept);
  if (priceList === 'squared') {
    const result = mseLoss(yHat, data.y);
    return { losses: Array.from(result.perExample), risk: result.value };
  }
  const absolute = l1Loss(yHat, data.y);
  if (priceList === 'absolute') return { losses: Array.from(absolute.perExample), risk: absolute.value };
  const misses = zeroOneLosses(absolute.perExample);
  let missed = 0;
  for (const miss of misses) missed += miss;
  return { losses: misses, risk: missed / misses.length };
}

