import type { QuadraticBowl } from './quadraticBowl.ts';

/**
 * The gradient of the bowl's data loss: ∇L(w) = 2 H (w − w_ls).
 *
 * @example bowlGradient({ h11: 2, h12: 0, h22: 1, center: [1, 1] }, [0, 0]) // => [-4, -2]
 */
export function bowlGradient(bowl: QuadraticBowl, w: readonly [number, number]): [number, number] {
  const d1 = w[0] - bowl.center[0];
  const d2 = w[1] - bowl.center[1];
  return [2 * (bowl.h11 * d1 + bowl.h12 * d2), 2 * (bowl.h12 * d1 + bowl.h22 * d2)];
}
