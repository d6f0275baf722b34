/**
 * The precision-recall curve of a threshold sweep: one point per cut that flags something,
 * from the highest threshold (low recall, usually high precision) down to flagging everything
 * (recall 1, precision = the share of positives).
 *
 * @example precisionRecallCurve(thresholdSweep([0.9, 0.2, 0.6], [1, 0, 1])) // => [{ threshold: 0.9, recall: 0.5, precision: 1 }, { threshold: 0.6, recall: 1, precision: 1 }, { threshold: 0.2, recall: 1, precision: 2 / 3 }]
 */
import type { ThresholdSweep } from './thresholdSweep';

export interface PrecisionRecallPoint {
  threshold: number;
  recall: number;
  precision: number;
}

export function precisionRecallCurve(sweep: ThresholdSweep): PrecisionRecallPoint[] {
  if (sweep.positives === 0) throw new RangeError('precisionRecallCurve: recall needs at least one positive example.');
  const points: PrecisionRecallPoint[] = [];
  for (let k = 1; k < sweep.cuts.length; k++) {
    const tp = sweep.truePositives[k]!;
    points.push({ threshold: sweep.cuts[k]!, recall: tp / sweep.positives, precision: tp / (tp + sweep.falsePositives[k]!) });
  }
  return points;
}
