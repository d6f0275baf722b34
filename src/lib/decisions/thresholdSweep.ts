/**
 * The confusion counts of the rule "flag an example as positive when its score ≥ t", at every
 * threshold t at once, from one sort of the scores.
 *
 * Only the distinct scores matter: between two of them no example changes side. Sorted from
 * the highest down, they are the cuts; `cuts[0]` is +∞ (flag nothing) and `cuts[k]` is the k-th
 * highest distinct score, so the rule at cuts[k] flags exactly the examples scored ≥ cuts[k].
 * The positives' and the negatives' scores are each sorted once, then walked down together:
 * each cut's true and false positives are how far the walk has gone into each list.
 *
 * O(n log n) for the sorts, then O(n); `confusionAt` then answers any t by binary search.
 *
 * @throws RangeError when scores and labels differ in length, a score is not finite, or a label is not 0 or 1.
 * @example thresholdSweep([0.9, 0.2, 0.9], [1, 0, 0]).truePositives // => Int32Array [0, 1, 1]
 */
export interface ThresholdSweep {
  /** +∞, then the distinct scores from highest to lowest. */
  cuts: Float64Array;
  /** truePositives[k]: positives scored ≥ cuts[k]. */
  truePositives: Int32Array;
  /** falsePositives[k]: negatives scored ≥ cuts[k]. */
  falsePositives: Int32Array;
  /** How many positives and negatives there are. */
  positives: number;
  negatives: number;
}

export function thresholdSweep(scores: ArrayLike<number>, labels: ArrayLike<number>): ThresholdSweep {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError(`thresholdSweep: ${n} scores but ${labels.length} labels.`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(scores[i])) throw new RangeError(`thresholdSweep: scores[${i}] must be finite, received ${scores[i]}.`);
    if (labels[i] !== 0 && labels[i] !== 1) throw new RangeError(`thresholdSweep: labels[${i}] must be 0 or 1, received ${labels[i]}.`);
  }
  // Each class's scores sorted once (natively, as numbers), then walked together from the top.
  const positiveScores: number[] = [];
  const negativeScores: number[] = [];
  for (let i = 0; i < n; i++) (labels[i] === 1 ? positiveScores : negativeScores).push(scores[i]!);
  const positives = Float64Array.from(positiveScores).sort().reverse();
  const negatives = Float64Array.from(negativeScores).sort().reverse();
  const cuts = [Infinity];
  const truePositives = [0];
  const falsePositives = [0];
  let tp = 0;
  let fp = 0;
  while (tp < positives.length || fp < negatives.length) {
    // The next cut is the highest score not yet passed; every example with that score joins it.
    const cut = Math.max(positives[tp] ?? -Infinity, negatives[fp] ?? -Infinity);
    while (positives[tp] === cut) tp += 1;
    while (negatives[fp] === cut) fp += 1;
    cuts.push(cut);
    truePositives.push(tp);
    falsePositives.push(fp);
  }
  return {
    cuts: Float64Array.from(cuts),
    truePositives: Int32Array.from(truePositives),
    falsePositives: Int32Array.from(falsePositives),
    positives: positives.length,
    negatives: negatives.length,
  };
}
