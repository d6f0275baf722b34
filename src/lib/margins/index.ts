/**
 * Linear classifiers in the plane for lesson 5 (margins): seeded points, the soft-margin
 * SVM (hinge loss) and L2-regularised logistic regression (logistic loss), both matching
 * scikit-learn (tests/reference/sklearn-margins), and the geometry of their margin band.
 */
export type { LabelledPoint, LinearClassifier, MarginBand, MarginFit, MarginRole } from './types.ts';

// Points
export { marginPoints, defaultMarginPoints, overlappingMarginPoints, marginPointsBox } from './marginPoints.ts';
export type { MarginPointsOptions } from './marginPoints.ts';

// Solvers
export { fitLinearSvm } from './fitLinearSvm.ts';
export type { LinearSvmFit, LinearSvmOptions } from './fitLinearSvm.ts';
export { fitLogisticRegression } from './fitLogisticRegression.ts';
export type { LogisticRegressionFit, LogisticRegressionOptions } from './fitLogisticRegression.ts';

// Geometry
export { marginBand } from './marginBand.ts';
export { marginRoles, marginTolerance } from './marginRoles.ts';
export { levelSegment } from './levelSegment.ts';
export type { Box } from './levelSegment.ts';
