/**
 * Precision and recall of a confusion matrix.
 *
 * precision = TP / (TP + FP): of the examples flagged, the share that are positive; undefined
 * (null) when nothing is flagged.
 * recall = TP / (TP + FN): of the positives, the share that are flagged; null when there are none.
 *
 * @example precisionRecall({ truePositives: 3, falsePositives: 1, falseNegatives: 3, trueNegatives: 93 }) // => { precision: 0.75, recall: 0.5 }
 */
import type { Confusion } from './confusionAt';

export function precisionRecall({ truePositives, falsePositives, falseNegatives }: Confusion): { precision: number | null; recall: number | null } {
  const flagged = truePositives + falsePositives;
  const positives = truePositives + falseNegatives;
  return {
    precision: flagged === 0 ? null : truePositives / flagged,
    recall: positives === 0 ? null : truePositives / positives,
  };
}
