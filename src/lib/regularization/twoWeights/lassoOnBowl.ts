import { softThreshold } from '../softThreshold.ts';
import type { QuadraticBowl } from './quadraticBowl.ts';

/**
 * The lasso solution on the bowl: the minimiser of P(w) = L(w) + λ (|w₁| + |w₂|), exactly,
 * by cases. P is strictly convex, so it has one minimiser, and it lies either
 *
 * - inside a quadrant (both weights nonzero, signs s): there P is smooth, so its gradient
 *   2H(w − w_ls) + λs vanishes: w = H⁻¹(H w_ls − λs/2), which counts only if its signs are s;
 * - or on an axis: on the w₁ axis P is the one-variable h11 w₁² − 2q₁w₁ + λ|w₁| + const
 *   (q = H w_ls), minimised by soft-thresholding: w₁ = S(q₁, λ/2) / h11; likewise on the w₂ axis.
 *
 * If some quadrant's candidate has its own signs it is the minimiser (a stationary point of
 * a convex function where it is smooth). Otherwise the minimiser is the better of the two
 * axis candidates, one of whose weights is exactly 0: the sparsity the L1 penalty is known for.
 *
 * @param lambda λ ≥ 0 (the penalty convention of l1Penalty: λ Σ |wⱼ|, no ½)
 * @example lassoOnBowl({ h11: 1, h12: 0, h22: 1, center: [2, 0.5] }, 2) // => [1, 0]
 */
export function lassoOnBowl(bowl: QuadraticBowl, lambda: number): [number, number] {
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new Error(`lassoOnBowl: lambda must be ≥ 0 and finite, received ${lambda}`);
  const { h11, h12, h22, center } = bowl;
  const q1 = h11 * center[0] + h12 * center[1];
  const q2 = h12 * center[0] + h22 * center[1];
  const det = h11 * h22 - h12 * h12;
  for (const s1 of [1, -1]) {
    for (const s2 of [1, -1]) {
      const r1 = q1 - (lambda * s1) / 2;
      const r2 = q2 - (lambda * s2) / 2;
      const w1 = (h22 * r1 - h12 * r2) / det;
      const w2 = (h11 * r2 - h12 * r1) / det;
      if (Math.sign(w1) === s1 && Math.sign(w2) === s2) return [w1, w2];
    }
  }
  const onFirstAxis: [number, number] = [softThreshold(q1, lambda / 2) / h11, 0];
  const onSecondAxis: [number, number] = [0, softThreshold(q2, lambda / 2) / h22];
  const objective = ([w1, w2]: [number, number]): number => {
    const d1 = w1 - center[0];
    const d2 = w2 - center[1];
    return h11 * d1 * d1 + 2 * h12 * d1 * d2 + h22 * d2 * d2 + lambda * (Math.abs(w1) + Math.abs(w2));
  };
  return objective(onFirstAxis) <= objective(onSecondAxis) ? onFirstAxis : onSecondAxis;
}
