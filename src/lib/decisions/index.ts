/**
 * Decisions from scores: an imbalanced set of calibrated scores, the confusion counts at every
 * threshold, precision and recall, the expected cost of unequal mistakes and its minimum, and
 * the cost-optimal threshold c_FP / (c_FP + c_FN). Lesson 8's threshold explorer draws them.
 */
export { calibratedScore, scoredExamples, type ScoredExamples, type ScoredExamplesSpec } from './scoredExamples';
export { thresholdSweep, type ThresholdSweep } from './thresholdSweep';
export { confusionAt, confusionAtCut, cutIndex, type Confusion } from './confusionAt';
export { precisionRecall } from './precisionRecall';
export { precisionRecallCurve, type PrecisionRecallPoint } from './precisionRecallCurve';
export { expectedCost, type DecisionCosts } from './expectedCost';
export { costCurve, minimumCost, type MinimumCost } from './costCurve';
export { costOptimalThreshold } from './costOptimalThreshold';
