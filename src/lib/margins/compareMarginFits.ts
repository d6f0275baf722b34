import { fitLinearSvm, type LinearSvmFit } from './fitLinearSvm.ts';
import { fitLogisticRegression, type LogisticRegressionFit } from './fitLogisticRegression.ts';
import type { LabelledPoint } from './types.ts';

/** The same points fitted twice, once per loss, with the same C. */
export interface MarginComparison {
  /** The soft-margin SVM: ½‖w‖² + C Σ max(0, 1 − yᵢ f(xᵢ)). */
  svm: LinearSvmFit;
  /** L2 logistic regression: ½‖w‖² + C Σ log(1 + exp(−yᵢ f(xᵢ))). */
  logistic: LogisticRegressionFit;
  /**
   * Each point's hinge loss max(0, 1 − yᵢ f(xᵢ)) at the SVM's own line, with the points on the
   * band ('on-margin') at exactly 0: the solver puts them there only to rounding, and a margin
   * of 1 − 10⁻¹⁶ would otherwise show as a loss of 10⁻¹⁶.
   */
  hingeLosses: Float64Array;
  /** Σᵢ of hingeLosses: 0 when every point is on or past the SVM's band. */
  totalHinge: number;
  /** Σᵢ log(1 + exp(−yᵢ f(xᵢ))) at the logistic fit's own line: never 0. */
  totalLogistic: number;
}

/**
 * Fits one set of labelled points with the hinge loss (fitLinearSvm) and with the logistic
 * loss (fitLogisticRegression) at the same C, and totals each fit's losses over the points
 * (each at its own line, before the factor C). The margin widget compares the two. A point
 * on the SVM's band (within marginTolerance of margin 1) counts as a hinge loss of exactly 0.
 *
 * @param points 1 or more labelled points, both labels present
 * @param C the weight of the data term in both objectives (> 0)
 * @throws LossInputError as the two solvers do (empty points, one label only, C ≤ 0, …)
 * @example compareMarginFits([{ x1: -1, x2: 0, y: -1 }, { x1: 1, x2: 0, y: 1 }], 10).totalHinge // => 0
 */
export function compareMarginFits(points: readonly LabelledPoint[], C: number): MarginComparison {
  const svm = fitLinearSvm(points, C);
  const logistic = fitLogisticRegression(points, C);
  const hingeLosses = Float64Array.from(svm.losses, (loss, i) => (svm.roles[i] === 'on-margin' ? 0 : loss));
  let totalHinge = 0;
  let totalLogistic = 0;
  for (let i = 0; i < points.length; i++) {
    totalHinge += hingeLosses[i]!;
    totalLogistic += logistic.losses[i]!;
  }
  return { svm, logistic, hingeLosses, totalHinge, totalLogistic };
}
