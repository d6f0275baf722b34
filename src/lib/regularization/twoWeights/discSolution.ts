import { bowlAxes } from './bowlAxes.ts';
import type { ConstrainedSolution } from './diamondSolution.ts';
import type { QuadraticBowl } from './quadraticBowl.ts';
import { ridgeOnBowl } from './ridgeOnBowl.ts';

/**
 * The minimiser of the bowl's loss inside the L2 disc w₁² + w₂² ≤ t², and its matching
 * penalty λ (min L + λ‖w‖₂² has the same solution).
 *
 * If w_ls is inside, it is the answer (λ = 0). Otherwise the answer is on the circle, where
 * the optimality condition 2H(w − w_ls) + 2λw = 0 makes it the ridge solution
 * w(λ) = (H + λI)⁻¹ H w_ls for the λ > 0 with ‖w(λ)‖₂ = t. In H's eigenbasis (eigenvalues μᵢ,
 * coordinates bᵢ of w_ls) that norm is √Σ (μᵢ bᵢ / (μᵢ + λ))², which falls strictly as λ
 * grows, from ‖w_ls‖₂ at λ = 0 towards 0, so the one root is found by bisection, halving the
 * bracket until it cannot be halved in floating point.
 *
 * @param budget t > 0
 * @example discSolution({ h11: 1, h12: 0, h22: 1, center: [3, 4] }, 1).lambda // => 4, to rounding (w = (0.6, 0.8) = w_ls / (1 + 4))
 */
export function discSolution(bowl: QuadraticBowl, budget: number): ConstrainedSolution {
  if (!(budget > 0 && Number.isFinite(budget))) throw new Error(`discSolution: budget must be > 0 and finite, received ${budget}`);
  const { center } = bowl;
  if (Math.hypot(center[0], center[1]) <= budget) return { w: [center[0], center[1]], lambda: 0, binding: false };
  const { values, vectors } = bowlAxes(bowl);
  const scaled = [0, 1].map((i) => values[i]! * (vectors[i]![0] * center[0] + vectors[i]![1] * center[1]));
  const norm = (lambda: number): number => Math.hypot(scaled[0]! / (values[0] + lambda), scaled[1]! / (values[1] + lambda));
  // ‖w(λ)‖ ≤ Σ|μᵢbᵢ| / λ, so at hi = Σ|μᵢbᵢ| / t the norm is at most t.
  let lo = 0;
  let hi = (Math.abs(scaled[0]!) + Math.abs(scaled[1]!)) / budget;
  for (;;) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (norm(mid) > budget) lo = mid;
    else hi = mid;
  }
  const lambda = (lo + hi) / 2;
  return { w: ridgeOnBowl(bowl, lambda), lambda, binding: true };
}
