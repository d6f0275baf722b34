import type { QuadraticBowl } from './quadraticBowl.ts';

/**
 * The ridge solution on the bowl: the minimiser of L(w) + λ ‖w‖₂², in closed form.
 * Setting the gradient 2H(w − w_ls) + 2λw to zero gives the 2 × 2 linear system
 *
 *   (H + λI) w = H w_ls,
 *
 * solved here by Cramer's rule. Every weight shrinks, none reaches 0 for a finite λ
 * (unless it was 0 to begin with, or H couples them so that one passes through 0).
 *
 * @param lambda λ ≥ 0 (the penalty convention of l2Penalty: λ Σ wⱼ², no ½)
 * @example ridgeOnBowl({ h11: 1, h12: 0, h22: 1, center: [2, 4] }, 1) // => [1, 2]
 */
export function ridgeOnBowl(bowl: QuadraticBowl, lambda: number): [number, number] {
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new Error(`ridgeOnBowl: lambda must be ≥ 0 and finite, received ${lambda}`);
  const { h11, h12, h22, center } = bowl;
  const q1 = h11 * center[0] + h12 * center[1];
  const q2 = h12 * center[0] + h22 * center[1];
  const a = h11 + lambda;
  const d = h22 + lambda;
  const det = a * d - h12 * h12;
  return [(d * q1 - h12 * q2) / det, (a * q2 - h12 * q1) / det];
}
