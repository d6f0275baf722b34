/**
 * The average cost per example of a decision rule's mistakes, when a false positive costs
 * c_FP and a false negative c_FN (correct decisions cost nothing):
 *
 *   cost = (c_FP · FP + c_FN · FN) / n.
 *
 * @throws RangeError when a cost is negative or not finite.
 * @example expectedCost({ truePositives: 3, falsePositives: 1, falseNegatives: 3, trueNegatives: 93 }, { falsePositive: 1, falseNegative: 10 }) // => 0.31
 */
import type { Confusion } from './confusionAt';

export interface DecisionCosts {
  /** c_FP: the cost of flagging a negative. */
  falsePositive: number;
  /** c_FN: the cost of missing a positive. */
  falseNegative: number;
}

export function checkCosts(costs: DecisionCosts, caller: string): void {
  for (const [name, value] of Object.entries(costs)) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${caller}: the ${name} cost must be finite and ≥ 0, received ${value}.`);
  }
}

export function expectedCost(confusion: Confusion, costs: DecisionCosts): number {
  checkCosts(costs, 'expectedCost');
  const n = confusion.truePositives + confusion.falsePositives + confusion.falseNegatives + confusion.trueNegatives;
  return (costs.falsePositive * confusion.falsePositives + costs.falseNegative * confusion.falseNegatives) / n;
}
