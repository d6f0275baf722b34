/**
 * Counting by hand, for the decisions and threshold-explorer tests: every example, one at a
 * time, against the rule "flag when score ≥ t" (nothing here goes through the library's sweep).
 */
export function countByHand(scores: ArrayLike<number>, labels: ArrayLike<number>, t: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i]! >= t;
    if (labels[i] === 1) flagged ? tp++ : fn++;
    else flagged ? fp++ : tn++;
  }
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn };
}
