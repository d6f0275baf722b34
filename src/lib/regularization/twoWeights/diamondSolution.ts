import { bowlGradient } from './bowlGradient.ts';
import type { QuadraticBowl } from './quadraticBowl.ts';

export interface ConstrainedSolution {
  /** The constrained minimiser. */
  w: [number, number];
  /**
   * The penalty strength λ whose penalised problem has the same solution: the Lagrange
   * multiplier of the budget (0 when the budget does not bind).
   */
  lambda: number;
  /** Whether the budget binds (w_ls lies outside it). */
  binding: boolean;
}

/**
 * The minimiser of the bowl's loss inside the L1 diamond |w₁| + |w₂| ≤ t, exactly.
 *
 * If w_ls is inside, it is the answer. Otherwise the answer is on the diamond's edge (a
 * convex loss that is lower outside is lowest on the boundary), so the loss is minimised on
 * each of the four edges, where it is a quadratic in the position u ∈ [0, 1] along the edge
 * (closed form, clamped to the edge), and the best of the four is kept. A clamp lands exactly
 * on a corner, where one weight is exactly 0.
 *
 * The matching penalty comes from the optimality conditions of min L + λ‖w‖₁ at w: for a
 * nonzero weight, ∂L/∂wⱼ = −λ sign(wⱼ), so λ = −sign(wⱼ) ∂L/∂wⱼ, read off the largest weight
 * (on a corner, the only nonzero one; there the other weight's |∂L/∂wⱼ| ≤ λ holds too).
 *
 * @param budget t > 0
 * @example diamondSolution({ h11: 1, h12: 0, h22: 1, center: [2, 0.5] }, 1).w // => [1, 0]
 */
export function diamondSolution(bowl: QuadraticBowl, budget: number): ConstrainedSolution {
  if (!(budget > 0 && Number.isFinite(budget))) throw new Error(`diamondSolution: budget must be > 0 and finite, received ${budget}`);
  const { h11, h12, h22, center } = bowl;
  if (Math.abs(center[0]) + Math.abs(center[1]) <= budget) return { w: [center[0], center[1]], lambda: 0, binding: false };
  const corners: [number, number][] = [
    [budget, 0],
    [0, budget],
    [-budget, 0],
    [0, -budget],
  ];
  let best: [number, number] = corners[0]!;
  let bestLoss = Infinity;
  for (let k = 0; k < 4; k++) {
    const from = corners[k]!;
    const to = corners[(k + 1) % 4]!;
    // L(from + u·d) = (e + u d)ᵀ H (e + u d) with e = from − w_ls: a u² + 2 b u + c.
    const d1 = to[0] - from[0];
    const d2 = to[1] - from[1];
    const e1 = from[0] - center[0];
    const e2 = from[1] - center[1];
    const a = h11 * d1 * d1 + 2 * h12 * d1 * d2 + h22 * d2 * d2;
    const b = h11 * d1 * e1 + h12 * (d1 * e2 + d2 * e1) + h22 * d2 * e2;
    const u = Math.min(1, Math.max(0, -b / a));
    const w: [number, number] = u === 0 ? [from[0], from[1]] : u === 1 ? [to[0], to[1]] : [from[0] + u * d1, from[1] + u * d2];
    const loss = h11 * (w[0] - center[0]) ** 2 + 2 * h12 * (w[0] - center[0]) * (w[1] - center[1]) + h22 * (w[1] - center[1]) ** 2;
    if (loss < bestLoss) {
      bestLoss = loss;
      best = w;
    }
  }
  const gradient = bowlGradient(bowl, best);
  const j = Math.abs(best[0]) >= Math.abs(best[1]) ? 0 : 1;
  return { w: best, lambda: -Math.sign(best[j]) * gradient[j], binding: true };
}
