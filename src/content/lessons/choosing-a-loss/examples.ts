/**
 * Every number the lesson "Choosing and designing a loss" shows, computed at build time. The MDX
 * imports these and formats them; nothing in the lesson is typed by hand.
 *
 * The decision quantities (the confusion matrix at a threshold, precision and recall, the cost of
 * the mistakes, the cost-optimal threshold, calibrated scored examples) come from src/lib/decisions;
 * the losses and the softmax from src/lib/losses; random draws from the course's seeded PRNG.
 *
 * Convention (src/lib/decisions'): an example is flagged (predicted positive) when its score is at
 * or above the threshold, p ≥ t. A correct decision costs 0; a false positive costs c_FP, a false
 * negative c_FN.
 */
import {
  confusionAt,
  costOptimalThreshold,
  expectedCost,
  minimumCost,
  precisionRecall,
  scoredExamples,
  thresholdSweep,
  type Confusion,
  type DecisionCosts,
} from '../../../lib/decisions/index';
import { softmax } from '../../../lib/losses/index';
import { createRandom } from '../../../lib/practice/random';
import { classInputs, classLabels, classificationTerm, gain, pixels, reconstructionTerm, theta0 } from '../../../lib/balance/twoHeads';

// ───────────── Decisions at a threshold

/** The confusion matrix of "flag when score ≥ threshold" against 0/1 labels. */
export const confusionOf = (scores: readonly number[], labels: readonly number[], threshold: number): Confusion => confusionAt(thresholdSweep(scores, labels), threshold);

/** Total cost of the mistakes, c_FP·FP + c_FN·FN: the library's expectedCost (per example) times n. */
export const totalCost = (matrix: Confusion, costs: DecisionCosts) =>
  expectedCost(matrix, costs) * (matrix.truePositives + matrix.falsePositives + matrix.falseNegatives + matrix.trueNegatives);

/**
 * Expected cost of one decision when the calibrated probability of a positive is p:
 * flagging costs c_FP·(1 − p) (it is a false positive with probability 1 − p), passing costs c_FN·p.
 */
export const expectedCostOfDecision = (p: number, flag: boolean, costs: DecisionCosts) => (flag ? costs.falsePositive * (1 - p) : costs.falseNegative * p);

/** Expected total cost of thresholding calibrated probabilities at t, summed over the examples. */
export const expectedCostAt = (probabilities: ArrayLike<number>, threshold: number, costs: DecisionCosts) =>
  Array.from(probabilities).reduce((total, p) => total + expectedCostOfDecision(p, p >= threshold, costs), 0);

/**
 * A model trained with pos_weight w reports odds w times the calibrated odds (the minimiser of the
 * expected weighted BCE has r/(1 − r) = w·q/(1 − q)). This maps a calibrated probability q to it.
 */
export const weightedReport = (q: number, posWeight: number) => (posWeight * q) / (posWeight * q + 1 - q);

/** The threshold for equal costs, and for a miss nine times as costly as a false alarm. */
export const thresholdCases = { equal: costOptimalThreshold({ falsePositive: 1, falseNegative: 1 }), nineFold: costOptimalThreshold({ falsePositive: 1, falseNegative: 9 }) };

// ───────────── Worked example 1: twelve scored transactions, two thresholds

export const fraud = (() => {
  const scores = [0.92, 0.71, 0.45, 0.3, 0.22, 0.15, 0.12, 0.08, 0.05, 0.03, 0.02, 0.01];
  const labels = [1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0];
  const costs: DecisionCosts = { falsePositive: 2, falseNegative: 18 };
  const best = costOptimalThreshold(costs);
  const at = (threshold: number) => {
    const matrix = confusionOf(scores, labels, threshold);
    const { precision, recall } = precisionRecall(matrix);
    return {
      threshold,
      matrix,
      flagged: matrix.truePositives + matrix.falsePositives,
      precision: precision ?? 1,
      recall: recall ?? 1,
      cost: totalCost(matrix, costs),
      expected: expectedCostAt(scores, threshold, costs),
      accuracy: (matrix.truePositives + matrix.trueNegatives) / scores.length,
    };
  };
  const positives = labels.filter((y) => y === 1).length;
  return { scores, labels, costs, best, positives, n: scores.length, half: at(0.5), tuned: at(best), flagNone: at(Infinity) };
})();

// ───────────── The threshold c_FP / (c_FP + c_FN) on a seeded calibrated sample

/** Thresholds 0.005, 0.010, …, 0.995. */
export const gridStep = 0.005;
export const thresholdGrid = Array.from({ length: 199 }, (_, i) => (i + 1) * gridStep);

/**
 * 20 000 calibrated scores with 2% positives (src/lib/decisions' scoredExamples: the exact posterior
 * of a two-Gaussian feature). Costs 1 and 19 put t* at 0.05. Two cost curves against the
 * threshold: the realised cost of the drawn labels, and the expected cost given the probabilities.
 */
export const calibratedCheck = (() => {
  const spec = { n: 20_000, prevalence: 0.02, separation: 2.5, sample: 8 };
  const { scores, labels } = scoredExamples(spec);
  const costs: DecisionCosts = { falsePositive: 1, falseNegative: 19 };
  const sweep = thresholdSweep(scores, labels);
  const best = costOptimalThreshold(costs);
  const positiveShare = sweep.positives / spec.n;
  const realised = (t: number) => expectedCost(confusionAt(sweep, t), costs);
  const expected = (t: number) => expectedCostAt(scores, t, costs) / spec.n;
  const argmin = (f: (t: number) => number) => thresholdGrid.reduce((bestT, t) => (f(t) < f(bestT) ? t : bestT), thresholdGrid[0]!);
  const realisedMinimum = minimumCost(sweep, costs);
  return {
    ...spec,
    costs,
    best,
    positiveShare,
    realisedBest: argmin(realised),
    expectedBest: argmin(expected),
    realisedMinimum,
    costAtBest: realised(best),
    costAtHalf: realised(0.5),
    costFlagNone: realised(Infinity),
    expectedAtBest: expected(best),
    expectedAtHalf: expected(0.5),
    realised,
    expected,
    scores,
    labels,
  };
})();

// ───────────── Worked example 2: two terms whose gradients differ a thousandfold

/**
 * One shared weight θ serves two heads. The reconstruction head predicts each of 1000 pixels as
 * θ·xⱼ (xⱼ evenly spread over (0, 1), targets 0.5·xⱼ) and its loss is summed over the pixels; the
 * classification head scores four examples with logits θ·uᵢ and its loss is the mean BCE.
 */
export const balance = (() => {
  const u = [...classInputs];
  const labels = [...classLabels];

  /** Reconstruction loss and its derivative in θ (src/lib/balance), summed or averaged over pixels. */
  const reconstruction = (theta: number, reduction: 'sum' | 'mean' = 'sum') => {
    const term = reconstructionTerm(theta);
    return reduction === 'sum' ? term : { value: term.value / pixels, slope: term.slope / pixels };
  };
  /** Classification loss (mean BCE on the logits θ uᵢ) and its derivative in θ. */
  const classification = classificationTerm;
  /** The minimiser of a·L_rec + λ·L_cls (both convex in θ), by bisection on the derivative; a = 0 leaves the classification term alone. */
  const minimise = (lambda: number, reduction: 'sum' | 'mean' = 'sum', a = 1) => {
    const slope = (theta: number) => a * reconstruction(theta, reduction).slope + lambda * classification(theta).slope;
    let lo = -10;
    let hi = 10;
    for (let step = 0; step < 200; step += 1) {
      const mid = (lo + hi) / 2;
      if (slope(mid) > 0) hi = mid;
      else lo = mid;
    }
    return (lo + hi) / 2;
  };
  const start = { reconstruction: reconstruction(theta0), classification: classification(theta0) };
  const ratio = Math.abs(start.reconstruction.slope) / Math.abs(start.classification.slope);
  const thetaRec = minimise(0);
  const thetaCls = minimise(1, 'sum', 0);
  const clsBest = classification(thetaCls).value;
  const fit = (lambda: number, reduction: 'sum' | 'mean' = 'sum') => {
    const theta = minimise(lambda, reduction);
    return { lambda, theta, rec: reconstruction(theta).value, recMean: reconstruction(theta, 'mean').value, cls: classification(theta).value, clsExcess: classification(theta).value - clsBest };
  };
  return {
    pixels,
    gain,
    u,
    labels,
    theta0,
    start,
    ratio,
    thetaRec,
    thetaCls,
    clsBest,
    plain: fit(1),
    balanced: fit(ratio),
    meanReduced: fit(1, 'mean'),
    reconstruction,
    classification,
    minimise,
  };
})();

// ───────────── Worked example 3: the score-function (REINFORCE) estimator on three candidates

/**
 * A policy π = softmax(z) over three candidate outputs, each with a reward from a metric that has
 * no gradient. The exact gradient of E[R] with respect to the logits is πₖ (Rₖ − E[R]); the
 * score-function estimate from one sample y is (R(y) − b)(e_y − π), averaged here over N samples.
 */
export const reinforce = (() => {
  const logits = [1, 0.5, -0.5];
  const rewards = [0.2, 0.9, 0.4];
  const pi = softmax(logits);
  const expectedReward = pi.reduce((s, p, k) => s + p * rewards[k]!, 0);
  const exact = pi.map((p, k) => p * (rewards[k]! - expectedReward));
  const samples = 20_000;
  const estimate = (baseline: number, seed: number) => {
    const random = createRandom(seed);
    const total = [0, 0, 0];
    const squares = [0, 0, 0];
    for (let s = 0; s < samples; s += 1) {
      const draw = random.next();
      const y = draw < pi[0]! ? 0 : draw < pi[0]! + pi[1]! ? 1 : 2;
      for (let k = 0; k < 3; k += 1) {
        const g = (rewards[y]! - baseline) * ((k === y ? 1 : 0) - pi[k]!);
        total[k]! += g;
        squares[k]! += g * g;
      }
    }
    const mean = total.map((t) => t / samples);
    const spread = squares.map((q, k) => Math.sqrt(q / samples - mean[k]! ** 2));
    return { mean, spread };
  };
  const plain = estimate(0, 11);
  const withBaseline = estimate(expectedReward, 11);
  return { logits, rewards, pi, expectedReward, exact, samples, plain, withBaseline };
})();
