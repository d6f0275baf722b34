import { sigmoid } from '../losses/sigmoid.ts';
import { softMarginLoss } from '../losses/softMarginLoss.ts';
import { checkLabelledPoints } from './checkLabelledPoints.ts';
import { marginBand } from './marginBand.ts';
import { marginRoles } from './marginRoles.ts';
import { solveLinearSystem } from './solveLinearSystem.ts';
import type { LabelledPoint, MarginFit } from './types.ts';

export interface LogisticRegressionFit extends MarginFit {
  /** Each point's modelled probability of the label +1, σ(f(xᵢ)). */
  probabilities: Float64Array;
  /** The largest entry of the objective's gradient at the returned w, b (near 0 at a minimum). */
  gradientSize: number;
}

export interface LogisticRegressionOptions {
  /** At most this many Newton steps (default 200; a fit usually takes 5 to 30). */
  maxIterations?: number;
}

/**
 * L2-regularised logistic regression: the line w·x + b = 0 that minimises
 *
 *   F(w, b) = ½‖w‖² + C Σᵢ log(1 + exp(−yᵢ(w·xᵢ + b)))
 *
 * the SVM's objective with the hinge replaced by the logistic loss (softMarginLoss), which
 * is the cross-entropy of σ(f(xᵢ)) against the label: it is never exactly zero, so every
 * point pulls on the line, however far past the band it is. b is not penalised. This is
 * scikit-learn's `LogisticRegression(C=C, penalty="l2")` (solvers lbfgs, newton-cg, sag, saga;
 * liblinear penalises b).
 *
 * Without the ½‖w‖² term (C → ∞) separable points have no minimum: scaling w up always
 * lowers every loss. With it, F is strictly convex and smooth, so Newton's method finds
 * its minimum in a few steps: with θ = (w₁, w₂, b), x̃ᵢ = (xᵢ₁, xᵢ₂, 1) and pᵢ = σ(−yᵢ f(xᵢ)),
 *
 *   ∇F = (w₁, w₂, 0) − C Σ pᵢ yᵢ x̃ᵢ,    ∇²F = diag(1, 1, 0) + C Σ pᵢ(1 − pᵢ) x̃ᵢ x̃ᵢᵀ,
 *
 * and each step solves the 3×3 system ∇²F · d = −∇F, then halves d until F decreases
 * enough (backtracking line search). It stops when a step no longer changes θ beyond
 * rounding (quadratic convergence: the last steps double the correct digits).
 *
 * @param points 1 or more labelled points, both labels present
 * @param C the weight of the data term (> 0): large C, steep confident fit; small C, flat fit
 * @returns w, b, per point scores, margins, logistic losses, probabilities and roles
 * @throws LossInputError when the points are empty, a coordinate is not finite, a label is not ±1, only one label is present, or C ≤ 0
 * @example fitLogisticRegression([{ x1: -1, x2: 0, y: -1 }, { x1: 1, x2: 0, y: 1 }], 1).b // => 0
 */
export function fitLogisticRegression(
  points: readonly LabelledPoint[],
  C: number,
  options: LogisticRegressionOptions = {},
): LogisticRegressionFit {
  const fn = 'fitLogisticRegression';
  checkLabelledPoints(fn, points, C);
  const { maxIterations = 200 } = options;
  const n = points.length;
  const labels = Float64Array.from(points, (point) => point.y);
  const scores = new Float64Array(n);

  /** F(θ) and, from the same pass, the loss's gradient with respect to each score. */
  function objective(w1: number, w2: number, b: number) {
    for (let i = 0; i < n; i++) scores[i] = w1 * points[i]!.x1 + w2 * points[i]!.x2 + b;
    const logistic = softMarginLoss(scores, labels, { reduction: 'sum' });
    return { value: 0.5 * (w1 * w1 + w2 * w2) + C * logistic.value, scoreGrad: logistic.grad, losses: logistic.perExample };
  }

  let w1 = 0;
  let w2 = 0;
  let b = 0;
  let current = objective(w1, w2, b);
  let gradient = [0, 0, 0];
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // ∂F/∂sᵢ = C · (−yᵢ pᵢ) is softMarginLoss's gradient times C; pᵢ = its size.
    gradient = [w1, w2, 0];
    const hessian = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ];
    for (let i = 0; i < n; i++) {
      const x = [points[i]!.x1, points[i]!.x2, 1];
      const g = C * current.scoreGrad[i]!;
      const p = Math.abs(current.scoreGrad[i]!);
      const curvature = C * p * (1 - p);
      for (let r = 0; r < 3; r++) {
        gradient[r]! += g * x[r]!;
        for (let c = 0; c < 3; c++) hessian[r]![c]! += curvature * x[r]! * x[c]!;
      }
    }
    const step = solveLinearSystem(hessian, gradient.map((g) => -g));
    if (step === null) break;
    const slope = step[0]! * gradient[0]! + step[1]! * gradient[1]! + step[2]! * gradient[2]!; // < 0: a descent direction
    // Armijo's test: F must fall by at least a 10⁻⁴ share of what the slope promises, up to
    // F's own rounding (near the minimum the fall is below it, and the full step is right).
    const rounding = 1e-15 * Math.abs(current.value);
    let t = 1;
    let next = objective(w1 + step[0]!, w2 + step[1]!, b + step[2]!);
    while (next.value > current.value + 1e-4 * t * slope + rounding && t > 1e-10) {
      t /= 2;
      next = objective(w1 + t * step[0]!, w2 + t * step[1]!, b + t * step[2]!);
    }
    if (next.value > current.value + rounding) break; // no step lowers F any more
    w1 += t * step[0]!;
    w2 += t * step[1]!;
    b += t * step[2]!;
    current = next;
    // A full step this small leaves an error of about its square: done.
    const size = Math.max(Math.abs(step[0]!), Math.abs(step[1]!), Math.abs(step[2]!));
    if (t === 1 && size <= 1e-9 * (1 + Math.max(Math.abs(w1), Math.abs(w2), Math.abs(b)))) {
      iterations++;
      break;
    }
  }
  current = objective(w1, w2, b); // scores for the returned θ
  gradient = [w1, w2, 0];
  for (let i = 0; i < n; i++) {
    const g = C * current.scoreGrad[i]!;
    gradient[0]! += g * points[i]!.x1;
    gradient[1]! += g * points[i]!.x2;
    gradient[2]! += g;
  }

  const margins = new Float64Array(n);
  const probabilities = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    margins[i] = labels[i]! * scores[i]!;
    probabilities[i] = sigmoid(scores[i]!);
  }
  const w: [number, number] = [w1, w2];
  return {
    w,
    b,
    C,
    scores: Float64Array.from(scores),
    margins,
    losses: current.losses,
    objective: current.value,
    band: marginBand({ w, b }),
    roles: marginRoles(margins),
    probabilities,
    gradientSize: Math.max(Math.abs(gradient[0]!), Math.abs(gradient[1]!), Math.abs(gradient[2]!)),
    iterations,
  };
}
