/**
 * The threshold that minimises the expected cost when the scores are calibrated probabilities:
 *
 *   t* = c_FP / (c_FP + c_FN).
 *
 * Flagging an example of probability p costs c_FP·(1 − p) on average; letting it pass costs
 * c_FN·p. Flag when the first is smaller: p ≥ c_FP / (c_FP + c_FN).
 *
 * @throws RangeError when a cost is negative or not finite, or both are 0.
 * @example costOptimalThreshold({ falsePositive: 1, falseNegative: 9 }) // => 0.1
 */
import { checkCosts, type DecisionCosts } from './expectedCost';

export function costOptimalThreshold(costs: DecisionCosts): number {
  checkCosts(costs, 'costOptimalThreshold');
  const total = costs.falsePositive + costs.falseNegative;
  if (total === 0) throw new RangeError('costOptimalThreshold: at least one cost must be positive.');
  return costs.falsePositive / total;
}
