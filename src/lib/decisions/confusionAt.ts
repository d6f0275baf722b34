/**
 * The confusion matrix of the rule "flag when score ≥ t", read from a threshold sweep: the
 * last cut at or above t (binary search over the cuts, which fall from +∞) flags exactly the
 * examples the rule flags.
 *
 * @example confusionAt(thresholdSweep([0.9, 0.2, 0.6], [1, 0, 1]), 0.5) // => { truePositives: 2, falsePositives: 0, falseNegatives: 0, trueNegatives: 1 }
 */
import type { ThresholdSweep } from './thresholdSweep';

export interface Confusion {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
}

/** The index of the last cut ≥ t: the rule at t flags what the rule at that cut flags. */
export function cutIndex(sweep: ThresholdSweep, t: number): number {
  if (Number.isNaN(t)) throw new RangeError('confusionAt: the threshold is NaN.');
  let low = 0; // cuts[0] = +∞ ≥ t always
  let high = sweep.cuts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sweep.cuts[middle]! >= t) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The confusion matrix at cut k of a sweep. */
export function confusionAtCut(sweep: ThresholdSweep, k: number): Confusion {
  const truePositives = sweep.truePositives[k]!;
  const falsePositives = sweep.falsePositives[k]!;
  return {
    truePositives,
    falsePositives,
    falseNegatives: sweep.positives - truePositives,
    trueNegatives: sweep.negatives - falsePositives,
  };
}

export function confusionAt(sweep: ThresholdSweep, t: number): Confusion {
  return confusionAtCut(sweep, cutIndex(sweep, t));
}
