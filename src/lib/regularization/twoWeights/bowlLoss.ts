import type { QuadraticBowl } from './quadraticBowl.ts';

/**
 * The bowl's data loss at w: L(w) = (w − w_ls)ᵀ H (w − w_ls).
 *
 * @example bowlLoss({ h11: 2, h12: 0, h22: 1, center: [1, 1] }, [0, 0]) // => 3
 */
export function bowlLoss(bowl: QuadraticBowl, w: readonly [number, number]): number {
  const d1 = w[0] - bowl.center[0];
  const d2 = w[1] - bowl.center[1];
  return bowl.h11 * d1 * d1 + 2 * bowl.h12 * d1 * d2 + bowl.h22 * d2 * d2;
}
