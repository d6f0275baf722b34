/**
 * Every number the lesson "Margins and geometry" shows, computed with src/lib/losses at build
 * time. The MDX imports these and formats them; nothing in the lesson is typed by hand.
 * Labels for the margin losses are y ∈ {−1, +1}; the logistic loss in that form is
 * softMarginLoss, log(1 + e^{−y·s}), which is binary cross-entropy on the logit s.
 */
import {
  crossEntropy,
  hingeLoss,
  infoNceLoss,
  l2Penalty,
  multiMarginLoss,
  softMarginLoss,
  softmax,
  tripletMarginLoss,
} from '../../../lib/losses/index';

/** ‖w‖₂, from the library's L2 penalty Σₖ wₖ² (λ = 1). */
export const norm = (w: number[]) => Math.sqrt(l2Penalty(w, { lambda: 1 }).value);

// --- Worked example 1 (source 002): three scored examples, their hinge losses and subgradients.
export const hingeExample = (() => {
  const labels = [1, 1, -1];
  const scores = [2.0, 0.2, 0.3];
  // 'sum' reduction: each example's own ∂ℓᵢ/∂sᵢ, not divided by n.
  const sum = hingeLoss(scores, labels, { reduction: 'sum' });
  const mean = hingeLoss(scores, labels);
  const margins = scores.map((s, i) => labels[i]! * s);
  return {
    labels,
    scores,
    margins,
    slacks: margins.map((m) => 1 - m),
    losses: Array.from(sum.perExample),
    grads: Array.from(sum.grad),
    total: sum.value,
    mean: mean.value,
    meanGrads: Array.from(mean.grad),
  };
})();

// --- Hinge against the logistic loss along the margin m = y·s (label +1, score m).
export const priceList = (() => {
  const margins = [-1, 0, 0.5, 1, 2, 5];
  const labels = margins.map(() => 1);
  const hinge = hingeLoss(margins, labels, { reduction: 'sum' });
  const logistic = softMarginLoss(margins, labels, { reduction: 'sum' });
  return {
    rows: margins.map((m, i) => ({
      m,
      hinge: hinge.perExample[i]!,
      hingeGrad: hinge.grad[i]!,
      logistic: logistic.perExample[i]!,
      logisticGrad: logistic.grad[i]!,
    })),
  };
})();

// --- Squared hinge on worked example 1's three points: max(0, 1 − y·s)², gradient −2y·max(0, 1 − y·s).
export const squaredHinge = (() => {
  const losses = hingeExample.losses.map((l) => l * l);
  const grads = hingeExample.losses.map((l, i) => -2 * hingeExample.labels[i]! * l);
  return { losses, grads };
})();

// --- Multi-class hinge (multiMarginLoss, PyTorch's convention divides by the number of classes C).
export const multiClass = (() => {
  const scores = [2.0, 1.4, -0.3];
  const target = 0;
  const result = multiMarginLoss([scores], [target]);
  const slacks = scores.map((s, j) => (j === target ? null : 1 - scores[target]! + s));
  const squared = multiMarginLoss([scores], [target], { p: 2 });
  return {
    scores,
    target,
    classes: scores.length,
    slacks,
    value: result.value,
    unscaled: result.value * scores.length,
    grad: Array.from(result.grad[0]!),
    squared: squared.value,
  };
})();

// --- Worked example 2: two separating lines for the points (2, 2) with y = +1 and (0, 0) with y = −1.
// Both put each point exactly on its margin (hinge 0); the smaller ‖w‖ has the wider band 2/‖w‖.
export const geometry = (() => {
  const points = [
    [2, 2],
    [0, 0],
  ];
  const labels = [1, -1];
  const candidates = [
    { name: 'A', w: [1, 0], b: -1 },
    { name: 'B', w: [0.5, 0.5], b: -1 },
  ].map(({ name, w, b }) => {
    const scores = points.map(([x1, x2]) => w[0]! * x1! + w[1]! * x2! + b);
    const hinge = hingeLoss(scores, labels);
    const length = norm(w);
    return {
      name,
      w,
      b,
      scores,
      hinge: hinge.value,
      squaredNorm: l2Penalty(w, { lambda: 1 }).value,
      norm: length,
      width: 2 / length,
      distances: scores.map((s) => Math.abs(s) / length),
    };
  });
  const [dx, dy] = [points[0]![0]! - points[1]![0]!, points[0]![1]! - points[1]![1]!];
  return { points, labels, candidates, gap: Math.sqrt(dx * dx + dy * dy) };
})();

// --- Worked example 3: one triplet, with PyTorch's (unsquared) distances and with source 004's squared ones.
export const triplet = (() => {
  const anchor = [0, 0];
  const positive = [1, 1];
  const negative = [2, 0];
  const margin = 1;
  const result = tripletMarginLoss([anchor], [positive], [negative], { margin });
  const distance = (a: number[], b: number[]) => norm([a[0]! - b[0]!, a[1]! - b[1]!]);
  const dPositive = distance(anchor, positive);
  const dNegative = distance(anchor, negative);
  const squaredSlack = dPositive ** 2 - dNegative ** 2 + margin;
  const farNegative = [3, 0];
  const easy = tripletMarginLoss([anchor], [positive], [farNegative], { margin });
  return {
    anchor,
    positive,
    negative,
    margin,
    dPositive,
    dNegative,
    value: result.value,
    gradAnchor: Array.from(result.grads.anchor[0]!),
    gradPositive: Array.from(result.grads.positive[0]!),
    gradNegative: Array.from(result.grads.negative[0]!),
    squaredSlack,
    squaredValue: Math.max(0, squaredSlack),
    farNegative,
    easyValue: easy.value,
    dFar: distance(anchor, farNegative),
    easySlack: dPositive - distance(anchor, farNegative) + margin,
    easyGrad: Array.from(easy.grads.anchor[0]!),
  };
})();

// --- Worked example 4: InfoNCE on a batch of three pairs of unit vectors (angles in degrees).
const unit = (degrees: number) => [Math.cos((degrees * Math.PI) / 180), Math.sin((degrees * Math.PI) / 180)];

export const infoNce = (() => {
  const queryAngles = [0, 30, 180];
  const keyAngles = [10, 40, 170];
  const queries = queryAngles.map(unit);
  const keys = keyAngles.map(unit);
  // S = Q Kᵀ: with unit vectors, each entry is a cosine similarity.
  const similarities = queries.map((q) => keys.map((k) => q[0]! * k[0]! + q[1]! * k[1]!));
  const temperatures = [1, 0.1];
  const perTemperature = temperatures.map((temperature) => {
    const result = infoNceLoss(queries, keys, { temperature });
    // Row 1 as cross-entropy over the logits S₁ⱼ/τ with the positive (column 1) as the class.
    const logits = similarities[0]!.map((s) => s / temperature);
    const row = crossEntropy([logits], [0]);
    const p = softmax(logits);
    return {
      temperature,
      perExample: Array.from(result.perExample),
      value: result.value,
      rowLogits: logits,
      rowProbabilities: p,
      rowLoss: row.value,
      // ∂ℓ₁/∂S₁ⱼ = (pⱼ − [j = 1]) / τ: the pull on the positive, the push on each negative.
      rowSimilarityGrad: Array.from(row.grad[0]!, (g) => g / temperature),
      hardShare: p[1]! / (p[1]! + p[2]!),
      easyShare: p[2]! / (p[1]! + p[2]!),
    };
  });
  const uninformative = infoNceLoss(
    queries.map(() => [1, 0]),
    keys.map(() => [1, 0]),
    { temperature: 0.1 },
  ).value;
  return { queryAngles, keyAngles, similarities, perTemperature, uninformative, batch: queries.length };
})();
