/**
 * Expected cost per example at every cut of a threshold sweep (see thresholdSweep), and the
 * cheapest of them: the empirical minimum of the cost against the threshold.
 *
 * The rule at cut k flags the examples scored ≥ cuts[k], and so does every threshold t in
 * (cuts[k + 1], cuts[k]]: the cost is a step function of t, and its minimum holds on a whole
 * interval of thresholds, which `minimumCost` returns: every t with low < t ≤ high, where low
 * is −∞ when the cheapest rule flags everything and high is +∞ when it flags nothing.
 *
 * @example minimumCost(thresholdSweep([0.9, 0.2, 0.6], [1, 0, 1]), { falsePositive: 1, falseNegative: 1 }) // => { cut: 2, cost: 0, low: 0.2, high: 0.6 }
 */
import { checkCosts, type DecisionCosts } from './expectedCost';
import type { ThresholdSweep } from './thresholdSweep';

/** costs[k]: the expected cost per example of the rule at cut k. */
export function costCurve(sweep: ThresholdSweep, costs: DecisionCosts): Float64Array {
  checkCosts(costs, 'costCurve');
  const n = sweep.positives + sweep.negatives;
  const curve = new Float64Array(sweep.cuts.length);
  for (let k = 0; k < curve.length; k++) {
    const falsePositives = sweep.falsePositives[k]!;
    const falseNegatives = sweep.positives - sweep.truePositives[k]!;
    curve[k] = (costs.falsePositive * falsePositives + costs.falseNegative * falseNegatives) / n; // as expectedCost computes it
  }
  return curve;
}

export interface MinimumCost {
  /** The cheapest cut (the first, i.e. the highest threshold, when several tie). */
  cut: number;
  cost: number;
  /** The thresholds that reach it: every t with low < t ≤ high. */
  low: number;
  high: number;
}

export function minimumCost(sweep: ThresholdSweep, costs: DecisionCosts): MinimumCost {
  const curve = costCurve(sweep, costs);
  let cut = 0;
  for (let k = 1; k < curve.length; k++) if (curve[k]! < curve[cut]!) cut = k;
  const last = sweep.cuts.length - 1;
  return {
    cut,
    cost: curve[cut]!,
    low: cut === last ? -Infinity : sweep.cuts[cut + 1]!,
    high: sweep.cuts[cut]!,
  };
}
