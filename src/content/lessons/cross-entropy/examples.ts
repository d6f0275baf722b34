/**
 * Every number the cross-entropy lesson shows, computed with src/lib/losses at build time.
 * The MDX imports these and formats them; nothing in the lesson is typed by hand.
 */
import { logit } from '../../../lib/probability/logit';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  diceLoss,
  entropy,
  klDivergence,
  l1Loss,
  logSumExp,
  mseLoss,
  perplexity,
  sigmoid,
  sigmoidFocalLoss,
  softmax,
} from '../../../lib/losses/index';

// --- Worked example 1 (source 002): BCE from the logit z = −1 with label y = 1.
export const bceExample = (() => {
  const z = -1;
  const y = 1;
  const p = sigmoid(z);
  const result = binaryCrossEntropyWithLogits([z], [y]);
  return { z, y, p, expMinusZ: Math.exp(-z), loss: result.value, grad: result.grad[0]! };
})();

// --- Stability: a logit of 40 for a negative example (y = 0).
export const stability = (() => {
  const z = 40;
  const p = sigmoid(z);
  const oneMinusP = 1 - p;
  return {
    z,
    p,
    oneMinusP,
    naive: -Math.log(oneMinusP), // Infinity: 1 − σ(40) rounds to 0 in float64
    clamped: binaryCrossEntropy([p], [0]).value, // PyTorch-style clamp of the log at −100
    fused: binaryCrossEntropyWithLogits([z], [0]).value,
  };
})();

// --- Confident mistakes: −ln p̂ for a true positive at several confidences.
export const confidenceTable = [0.9, 0.5, 0.1, 0.01, 0.001].map((p) => ({ p, loss: binaryCrossEntropy([p], [1]).value }));
export const thousandthLoss = binaryCrossEntropy([0.001], [1]).value;
/** How many confident, correct predictions (p̂ = 0.9) cost as much as one p̂ = 0.001 mistake. */
export const mistakeInCorrectOnes = Math.round(thousandthLoss / binaryCrossEntropy([0.9], [1]).value);

// --- Worked example 2 (source 002's logits): softmax of (2, 0, −1), class 1 (index 0), then class 3.
// Class 2 is the practice problem softmax-three-logits, so the lesson never prints its loss.
export const softmaxExample = (() => {
  const logits = [2, 0, -1];
  const max = Math.max(...logits);
  const shifted = logits.map((z) => Math.exp(z - max));
  const sum = shifted.reduce((a, b) => a + b, 0);
  const p = softmax(logits);
  const class1 = crossEntropy([logits], [0]);
  const class3 = crossEntropy([logits], [2]);
  return {
    logits,
    max,
    shifted,
    sum,
    p,
    loss1: class1.value,
    grad1: Array.from(class1.grad[0]!),
    loss3: class3.value,
    grad3: Array.from(class3.grad[0]!),
    logSumExp: logSumExp(logits),
  };
})();

// --- The log-sum-exp trick on large logits.
export const bigLogits = [1000, 998, 995];
export const naiveLogSumExp = Math.log(bigLogits.reduce((s, z) => s + Math.exp(z), 0)); // Infinity
export const stableLogSumExp = logSumExp(bigLogits);
export const bigLogitsLoss = crossEntropy([bigLogits], [0]).value;

// --- H(p, q) = H(p) + KL(p ‖ q): a soft target against the softmax of (2, 0, −1).
export const decomposition = (() => {
  const p = [0.7, 0.2, 0.1];
  const logits = [2, 0, -1];
  const q = softmax(logits);
  const crossEntropyValue = crossEntropy([logits], [p]).value;
  const h = entropy(p);
  const kl = klDivergence(p, q);
  return { p, q, crossEntropyValue, h, kl, sum: h + kl };
})();

// --- Worked example 3: perplexity of a five-token continuation.
export const perplexityExample = (() => {
  const probabilities = [0.4, 0.6, 0.05, 0.3, 0.9];
  const nll = probabilities.map((p) => -Math.log(p));
  // The same mean through the library: rows [ln p, ln(1 − p)] are two-way softmaxes whose class 0 has probability p.
  const meanNll = crossEntropy(probabilities.map((p) => [Math.log(p), Math.log1p(-p)]), probabilities.map(() => 0)).value;
  const meanBits = meanNll / Math.log(2);
  return {
    probabilities,
    nll,
    meanNll,
    meanBits,
    perplexity: perplexity(meanNll),
    perplexityFromBits: perplexity(meanBits, { base: 2 }),
    wrong: perplexity(meanNll, { base: 2 }),
  };
})();
export const vocabulary = 50000;
export const uniformPerplexity = perplexity(Math.log(vocabulary));

// --- Label smoothing on the softmax of (2, 0, −1), class 1.
export const smoothing = (() => {
  const logits = [2, 0, -1];
  const epsilon = 0.1;
  const plain = crossEntropy([logits], [0]);
  const smoothed = crossEntropy([logits], [0], { labelSmoothing: epsilon });
  const K = logits.length;
  const target = logits.map((_, j) => (1 - epsilon) * (j === 0 ? 1 : 0) + epsilon / K);
  return { logits, epsilon, target, plain: plain.value, smoothed: smoothed.value, grad: Array.from(smoothed.grad[0]!), K };
})();

// --- pos_weight: one positive at logit −2, with and without pos_weight = 9 (10% positives).
export const posWeightExample = (() => {
  const z = -2;
  const posWeight = 9;
  const plain = binaryCrossEntropyWithLogits([z], [1]);
  const weighted = binaryCrossEntropyWithLogits([z], [1], { posWeight });
  return { z, posWeight, plain: plain.value, weighted: weighted.value, plainGrad: plain.grad[0]!, weightedGrad: weighted.grad[0]! };
})();

// --- Class weights in crossEntropy: 'mean' divides by the summed weights of the targets.
export const classWeights = (() => {
  const logits = [[2, 0, -1], [0.5, 1, 0]];
  const target = [1, 0];
  const weight = [1, 4, 1];
  const weighted = crossEntropy(logits, target, { weight });
  const perRowSum = crossEntropy(logits, target, { weight, reduction: 'sum' });
  return { logits, target, weight, mean: weighted.value, perExample: Array.from(perRowSum.perExample), denominator: weight[1]! + weight[0]! };
})();

// --- Focal loss at p = 0.9 (label 1, α off).
export const focalExample = (() => {
  const p = 0.9;
  const gamma = 2;
  const ce = binaryCrossEntropyWithLogits([logit(p)], [1]).value;
  const focal = sigmoidFocalLoss([logit(p)], [1], { alpha: -1, gamma }).value;
  const hardP = 0.1;
  const hardCe = binaryCrossEntropyWithLogits([logit(hardP)], [1]).value;
  const hardFocal = sigmoidFocalLoss([logit(hardP)], [1], { alpha: -1, gamma }).value;
  return { p, gamma, ce, focal, ratio: ce / focal, hardP, hardCe, hardFocal, hardRatio: hardCe / hardFocal };
})();

// --- Dice loss against mean BCE: an object of 3 pixels, a good model and a lazy one.
/** Both losses for an image of `pixels` pixels whose first 3 are the object, background predicted at `background`. */
function diceCase(pixels: number, background: number) {
  const objectProbs = [0.9, 0.8, 0.3];
  const target = Array.from({ length: pixels }, (_, k) => (k < objectProbs.length ? 1 : 0));
  const good = target.map((_, k) => (k < objectProbs.length ? objectProbs[k]! : background));
  const lazy = target.map(() => background);
  const goodBce = binaryCrossEntropy(good, target).value;
  const lazyBce = binaryCrossEntropy(lazy, target).value;
  return {
    pixels,
    objectPixels: objectProbs.length,
    objectProbs,
    background,
    /** What the background pixels add to Σp: (pixels − 3) × background. */
    backgroundMass: good.slice(objectProbs.length).reduce((s, p) => s + p, 0),
    goodDice: diceLoss(good, target, { smooth: 0 }).value,
    goodBce,
    lazyDice: diceLoss(lazy, target, { smooth: 0 }).value,
    lazyBce,
    bceRatio: lazyBce / goodBce,
  };
}
export const diceExample = {
  ...diceCase(100, 0.01),
  /** The same good model with its background predictions exactly 0. */
  cleanDice: diceCase(100, 0).goodDice,
  /** The same object and background on a 10,000-pixel image. */
  large: diceCase(10_000, 0.01),
};

// --- Separable data: x = (−2, −1, 1, 2) with labels (0, 0, 1, 1), logit w·x. BCE keeps falling as w grows.
export const separable = (() => {
  const x = [-2, -1, 1, 2];
  const labels = [0, 0, 1, 1];
  const rows = [1, 2, 5, 10].map((w) => {
    const result = binaryCrossEntropyWithLogits(x.map((xi) => w * xi), labels);
    // dL/dw = Σᵢ (∂L/∂zᵢ) xᵢ, the chain rule through zᵢ = w xᵢ.
    const slope = x.reduce((s, xi, i) => s + result.grad[i]! * xi, 0);
    return { w, loss: result.value, slope };
  });
  return { x, labels, rows };
})();

// --- Proper scoring rules: the forecast r that minimises the expected score when the event has probability q.
export const properness = (() => {
  const q = 0.7;
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const argmin = (score: (r: number) => number): number => grid.reduce((best, r) => (score(r) < score(best) ? r : best), grid[0]!);
  const expected = (loss: (r: number, y: 0 | 1) => number) => (r: number) => q * loss(r, 1) + (1 - q) * loss(r, 0);
  const log = expected((r, y) => binaryCrossEntropy([r], [y]).value);
  const brier = expected((r, y) => mseLoss([r], [y]).value);
  const absolute = expected((r, y) => l1Loss([r], [y]).value);
  const focal = expected((r, y) => sigmoidFocalLoss([logit(r)], [y], { alpha: -1, gamma: 2 }).value);
  return {
    q,
    rows: [
      { name: 'log loss (cross-entropy)', best: argmin(log), proper: true },
      { name: 'Brier score (squared error)', best: argmin(brier), proper: true },
      { name: 'absolute error', best: argmin(absolute), proper: false },
      { name: 'focal loss, γ = 2', best: argmin(focal), proper: false },
    ],
  };
})();
