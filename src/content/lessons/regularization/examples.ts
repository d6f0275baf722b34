/**
 * Every number the lesson "Regularization: what a penalty prefers" shows, computed at build time
 * with src/lib/losses (the objective, its gradient and its curvature) and src/lib/regularization
 * (standardising, soft-thresholding, the ridge solve). The MDX imports these and formats them;
 * nothing in the lesson is typed by hand.
 *
 * Conventions, as in the lesson: the data loss is the library's mseLoss (mean, no ½) and the
 * penalties are l2Penalty = λ Σ wⱼ² and l1Penalty = λ Σ |wⱼ| (no ½ either).
 */
import { l1Penalty, l2Penalty, mseLoss } from '../../../lib/losses/index';
import { gramForm } from '../../../lib/regularization/gramForm';
import { ridge } from '../../../lib/regularization/ridge';
import { softThreshold } from '../../../lib/regularization/softThreshold';
import { standardize } from '../../../lib/regularization/standardize';

// --- The tiny data set: two nearly duplicate measurements of one thing, and a target.
export const tiny = {
  x1: [1, 2, 3, 4, 5, 6],
  x2: [1.5, 1.8, 3.4, 3.6, 5.2, 6.1],
  y: [1.2, 2.6, 2.1, 3.9, 3.3, 5.4],
};

/** Standardised features (mean 0, mean square 1) and the centred target: no intercept needed. */
export const standardised = standardize([tiny.x1, tiny.x2], tiny.y);
const rows = standardised.n;
const row = (i: number) => standardised.x.map((column) => column[i]!);

/** Predictions Xw on the standardised features. */
export function predictions(w: readonly number[]): number[] {
  return Array.from({ length: rows }, (_, i) => row(i).reduce((s, x, j) => s + x * w[j]!, 0));
}

/**
 * The ridge objective L(w) = mseLoss(Xw, y) + λ Σ wⱼ² and its gradient, from the library:
 * ∂L/∂wⱼ = Σᵢ (∂mse/∂ŷᵢ) xᵢⱼ + (∂penalty/∂wⱼ).
 */
export function ridgeObjective(w: readonly number[], lambda: number) {
  const data = mseLoss(predictions(w), standardised.y);
  const penalty = l2Penalty(w, { lambda });
  const grad = w.map((_, j) => Array.from({ length: rows }, (_, i) => data.grad[i]! * row(i)[j]!).reduce((s, g) => s + g, 0) + penalty.grad[j]!);
  return { value: data.value + penalty.value, data: data.value, penalty: penalty.value, grad };
}

/** The Hessian of the ridge objective, from the library's gradients: they are linear in w, so unit differences are exact. */
export function ridgeHessian(lambda: number) {
  const g0 = ridgeObjective([0, 0], lambda).grad;
  const g1 = ridgeObjective([1, 0], lambda).grad;
  const g2 = ridgeObjective([0, 1], lambda).grad;
  const a = g1[0]! - g0[0]!;
  const c = g1[1]! - g0[1]!;
  const d = g2[1]! - g0[1]!;
  // Eigenvalues of the symmetric 2 × 2 matrix [[a, c], [c, d]].
  const mid = (a + d) / 2;
  const spread = Math.sqrt(((a - d) / 2) ** 2 + c * c);
  const large = mid + spread;
  const small = mid - spread;
  return { a, c, d, large, small, condition: large / small, maxRate: 2 / large };
}

// --- Worked example: ridge in closed form on the tiny data, and what λ does to the landscape.
// With mseLoss + λ‖w‖², setting the gradient (2/n)Xᵀ(Xw − y) + 2λw to zero gives
// (XᵀX/n + λI) w = Xᵀy/n: the library's ridge() solves exactly that system.
export const ridgeExample = (() => {
  const form = gramForm(standardised);
  const correlation = form.gram[1]!; // G = XᵀX/n is the correlation matrix on standardised features
  const lambdas = [0, 0.1, 1];
  const fits = lambdas.map((lambda) => {
    const w = Array.from(ridge(form, lambda));
    const objective = ridgeObjective(w, lambda);
    const hessian = ridgeHessian(lambda);
    return { lambda, w, objective, hessian, gradNorm: Math.hypot(...objective.grad) };
  });
  const [ols, light, heavy] = fits as [typeof fits[0], typeof fits[0], typeof fits[0]];
  return { correlation, c: Array.from(form.xty), fits, ols, light, heavy, conditionDrop: ols.hessian.condition / light.hessian.condition };
})();

// --- Worked example: the one-dimensional lasso by soft-thresholding, on the first feature alone.
// L(w) = mseLoss(w·x, y) + λ|w| with (1/n)Σxᵢ² = 1 is w² − 2cw + λ|w| + const, c = (1/n)Σxᵢyᵢ:
// its minimiser is S(c, λ/2), and w = 0 exactly while |L_data'(0)| = 2|c| ≤ λ.
export const lasso1d = (() => {
  const x = standardised.x[0]!;
  const y = standardised.y;
  const objective = (w: number, lambda: number) => mseLoss(Array.from(x, (xi) => w * xi), y).value + l1Penalty([w], { lambda }).value;
  const dataSlopeAtZero = mseLoss(Array.from(x, () => 0), y).grad.reduce((s, g, i) => s + g * x[i]!, 0); // L_data'(0) = −2c
  const c = -dataSlopeAtZero / 2;
  const threshold = Math.abs(dataSlopeAtZero);
  const fit = (lambda: number) => {
    const w = softThreshold(c, lambda / 2);
    const ridgeW = c / (1 + lambda); // the L2 penalty λw² at the same λ: (1 + λ)w = c
    return { lambda, w, ridgeW, objective: objective(w, lambda) };
  };
  return { c, dataSlopeAtZero, threshold, ols: c, small: fit(1), large: fit(3), objective };
})();

// --- Weight decay: one plain gradient step on the L2 term alone multiplies w by 1 − 2ηλ.
export const decay = (() => {
  const eta = 0.1;
  const lambda = 0.05;
  const w = [2, -1];
  const step = Array.from(l2Penalty(w, { lambda }).grad, (g, j) => w[j]! - eta * g);
  return { eta, lambda, w, step, factor: step[0]! / w[0]! };
})();

// --- Inverted dropout: a kept unit is divided by 1 − p during training, so its expected value is unchanged.
export const dropout = (() => {
  const p = 0.2;
  return { p, scale: 1 / (1 - p), keep: 1 - p };
})();

// --- Ridge makes gradient descent converge faster: the slow direction's factor per step, 1 − ημ, at one η stable for both.
export const convergence = (() => {
  const eta = 0.45;
  const before = ridgeExample.ols.hessian;
  const after = ridgeExample.light.hessian;
  const stepsFor = (small: number) => Math.log(1000) / -Math.log(1 - eta * small); // steps to shrink the slow error 1000-fold
  return { eta, factorBefore: 1 - eta * before.small, factorAfter: 1 - eta * after.small, stepsBefore: stepsFor(before.small), stepsAfter: stepsFor(after.small) };
})();

// --- Dropout on the inputs of a linear model with squared error: averaged over all masks, the loss is the
// plain loss plus p/(1 − p) Σⱼ wⱼ² xⱼ². Both sides computed with mseLoss, the left by listing every mask.
export const dropoutAsRidge = (() => {
  const x = [1, 2];
  const w = [0.5, -1];
  const y = 1;
  const p = 0.2;
  const masks = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const loss = (mask: number[]) => mseLoss([x.reduce((s, xj, j) => s + (w[j]! * xj * mask[j]!) / (1 - p), 0)], [y]).value;
  const probability = (mask: number[]) => mask.reduce((s, m) => s * (m === 1 ? 1 - p : p), 1);
  const averaged = masks.reduce((s, mask) => s + probability(mask) * loss(mask), 0);
  const plain = mseLoss([x.reduce((s, xj, j) => s + w[j]! * xj, 0)], [y]).value;
  const penalty = (p / (1 - p)) * x.reduce((s, xj, j) => s + w[j]! * w[j]! * xj * xj, 0);
  return { x, w, y, p, averaged, plain, penalty, factor: p / (1 - p) };
})();
