/**
 * The shapes shared by the margin solvers (lesson 5): labelled points in the plane and the
 * linear classifiers fitted to them.
 */

/**
 * One example xᵢ = (x1, x2) with its label yᵢ ∈ {−1, +1}. In a chart, x1 is the horizontal
 * coordinate and x2 the vertical one (y is the label, not a coordinate).
 */
export interface LabelledPoint {
  readonly x1: number;
  readonly x2: number;
  readonly y: -1 | 1;
}

/** A linear classifier f(x) = w·x + b: predicts +1 where f(x) > 0 and −1 where f(x) < 0. */
export interface LinearClassifier {
  /** The weight vector (w₁, w₂), normal to the decision line. */
  w: [number, number];
  /** The intercept b. */
  b: number;
}

/**
 * Where a point sits relative to the band −1 ≤ f(x) ≤ 1, read from its margin mᵢ = yᵢ f(xᵢ):
 *
 * - 'beyond-margin': mᵢ > 1, right side and past the band (zero hinge loss);
 * - 'on-margin': mᵢ = 1 (within `marginTolerance`), right on its side's edge of the band;
 * - 'inside-margin': 0 < mᵢ < 1, right side but inside the band (positive hinge loss);
 * - 'misclassified': mᵢ ≤ 0, on the wrong side of the decision line (or on it).
 */
export type MarginRole = 'beyond-margin' | 'on-margin' | 'inside-margin' | 'misclassified';

/** The band between the lines f(x) = −1 and f(x) = +1. */
export interface MarginBand {
  /** The band's width 2 / ‖w‖ (Infinity when w = 0: no line at all). */
  width: number;
  /** The unit normal w / ‖w‖, pointing towards the +1 side ((0, 0) when w = 0). */
  normal: [number, number];
}

/** What both fits return, whatever the loss. */
export interface MarginFit extends LinearClassifier {
  /** The regularisation constant C the fit used. */
  C: number;
  /** Each point's score f(xᵢ) = w·xᵢ + b. */
  scores: Float64Array;
  /** Each point's margin mᵢ = yᵢ f(xᵢ): positive on the right side, ≥ 1 past the band. */
  margins: Float64Array;
  /** Each point's loss at its score (hinge or logistic, before the factor C). */
  losses: Float64Array;
  /** The minimised objective ½‖w‖² + C Σ lossᵢ. */
  objective: number;
  /** The band f(x) = ±1. */
  band: MarginBand;
  /** Each point's place relative to the band. */
  roles: MarginRole[];
  /** How many Newton steps the fit took (on the SVM's barrier problem, or on the logistic objective). */
  iterations: number;
}
