import { diamondSolution, type ConstrainedSolution } from './diamondSolution.ts';
import { discSolution } from './discSolution.ts';
import type { QuadraticBowl } from './quadraticBowl.ts';

export interface BudgetPath {
  budgets: number[];
  /** The L1 (diamond) solution for each budget. */
  l1: ConstrainedSolution[];
  /** The L2 (disc) solution for each budget. */
  l2: ConstrainedSolution[];
}

/**
 * Where the constrained solutions travel as the budget grows: both solvers at `steps` evenly
 * spaced budgets from maxBudget/steps up to maxBudget. The L1 path runs along an axis while
 * the solution sits on a corner, then leaves it; the L2 path leaves the origin straight away.
 *
 * @example budgetPath(exampleBowl, 3, 3).l1.map((s) => s.w) // => [[1, 0], [2, 0], [2.25, 0.75]]
 */
export function budgetPath(bowl: QuadraticBowl, maxBudget: number, steps: number): BudgetPath {
  if (!(maxBudget > 0 && Number.isFinite(maxBudget))) throw new Error(`budgetPath: maxBudget must be > 0 and finite, received ${maxBudget}`);
  if (!(Number.isInteger(steps) && steps >= 1)) throw new Error(`budgetPath: steps must be a positive integer, received ${steps}`);
  const budgets = Array.from({ length: steps }, (_, k) => (maxBudget * (k + 1)) / steps);
  return { budgets, l1: budgets.map((t) => diamondSolution(bowl, t)), l2: budgets.map((t) => discSolution(bowl, t)) };
}
