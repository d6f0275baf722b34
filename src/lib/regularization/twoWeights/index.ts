/**
 * Regularisation in two weights, exactly: a quadratic data loss (a bowl), the ridge and lasso
 * solutions of the penalised problem min L + λR, the solutions of the constrained problem
 * min L subject to ‖w‖ ≤ t (inside the L2 disc or the L1 diamond) with the λ that matches each
 * budget, and the Gaussian and Laplace priors whose MAP estimates they are.
 *
 *   const t = 1;
 *   const onDiamond = diamondSolution(exampleBowl, t);   // w = (1, 0): a corner; λ = 9
 *   lassoOnBowl(exampleBowl, onDiamond.lambda);          // the same w
 *   const onDisc = discSolution(exampleBowl, t);         // on the circle ‖w‖₂ = 1
 *   ridgeOnBowl(exampleBowl, onDisc.lambda);             // the same w
 */
export { quadraticBowl, type QuadraticBowl } from './quadraticBowl.ts';
export { exampleBowl } from './exampleBowl.ts';
export { bowlLoss } from './bowlLoss.ts';
export { bowlGradient } from './bowlGradient.ts';
export { bowlAxes, type BowlAxes } from './bowlAxes.ts';
export { bowlContour } from './bowlContour.ts';
export { bowlContourThrough } from './bowlContourThrough.ts';

// the penalised problem, min L(w) + λR(w)
export { ridgeOnBowl } from './ridgeOnBowl.ts';
export { lassoOnBowl } from './lassoOnBowl.ts';

// the constrained problem, min L(w) subject to R(w) ≤ t, and its matching λ
export { diamondSolution, type ConstrainedSolution } from './diamondSolution.ts';
export { discSolution } from './discSolution.ts';
export { budgetPath, type BudgetPath } from './budgetPath.ts';

// the same solutions as MAP estimates
export { penaltyPrior, type PenaltyPrior } from './penaltyPrior.ts';
