/**
 * How hard two losses push on the logit z of a binary classifier whose label is 1, as a
 * function of p = σ(z), the probability it gives the true class:
 *
 * - cross-entropy on the logit: |∂L/∂z| = 1 − p (binaryCrossEntropyWithLogits' gradient);
 * - squared error on the sigmoid, L = (σ(z) − 1)² with mseLoss (no ½):
 *   |∂L/∂z| = |∂L/∂p| · σ'(z) = 2(1 − p) · p(1 − p), the chain rule done with library values.
 *
 * When the model is confidently wrong (p near 0) the first stays near 1 while the second
 * vanishes: the saturation lesson 4 is about.
 *
 * @example gradientMagnitudes([0.01]) // ce ≈ [0.99], mse ≈ [0.0196] (= 2 · 0.99 · 0.01 · 0.99)
 */
import { binaryCrossEntropyWithLogits, mseLoss, sigmoid } from '../losses/index';
import { logit } from '../probability/logit';

/** |∂L/∂z| of both losses at the probabilities ps (label 1), each computed by the library in one call. */
export function gradientMagnitudes(ps: ArrayLike<number>): { ce: Float64Array; mse: Float64Array } {
  const n = ps.length;
  const logits = new Float64Array(n);
  const probabilities = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    logits[i] = logit(ps[i]!);
    probabilities[i] = sigmoid(logits[i]!);
  }
  const ones = new Float64Array(n).fill(1);
  const ceGrad = binaryCrossEntropyWithLogits(logits, ones, { reduction: 'sum' }).grad;
  const mseGradAtP = mseLoss(probabilities, ones, { reduction: 'sum' }).grad; // ∂L/∂p = 2(p − 1)
  const ce = new Float64Array(n);
  const mse = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    ce[i] = Math.abs(ceGrad[i]!);
    mse[i] = Math.abs(mseGradAtP[i]! * p * (1 - p)); // × σ'(z) = σ(z)(1 − σ(z))
  }
  return { ce, mse };
}
