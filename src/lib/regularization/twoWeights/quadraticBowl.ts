/**
 * A two-weight data loss shaped like a bowl: a quadratic with its minimum at w_ls (the
 * unregularised, least-squares weights) and curvature given by a symmetric positive-definite
 * 2 × 2 matrix H,
 *
 *   L(w) = (w − w_ls)ᵀ H (w − w_ls)
 *
 * This is the exact shape of any least-squares loss in two weights: the mean squared error
 * (1/n) ‖y − Xw‖² equals (w − w_ls)ᵀ (XᵀX/n) (w − w_ls) plus a constant, so H plays the part
 * of XᵀX/n. Its level sets are ellipses centred on w_ls, long along the direction of H's
 * smaller eigenvalue.
 */
export interface QuadraticBowl {
  /** H as its three distinct entries: H = [[h11, h12], [h12, h22]]. */
  h11: number;
  h12: number;
  h22: number;
  /** w_ls, where L is 0. */
  center: readonly [number, number];
}

/**
 * A bowl, checked: H must be symmetric positive definite (h11 > 0 and det H > 0), so the
 * bowl has one minimum and every penalised or constrained problem on it has one solution.
 *
 * @throws Error naming the entry when a value is not finite or H is not positive definite
 * @example quadraticBowl({ h11: 2, h12: 0, h22: 1, center: [1, 1] }).h11 // => 2
 */
export function quadraticBowl(bowl: QuadraticBowl): QuadraticBowl {
  const { h11, h12, h22, center } = bowl;
  for (const [name, value] of [['h11', h11], ['h12', h12], ['h22', h22], ['center[0]', center[0]], ['center[1]', center[1]]] as const) {
    if (!Number.isFinite(value)) throw new Error(`quadraticBowl: ${name} must be finite, received ${value}`);
  }
  if (!(h11 > 0 && h11 * h22 - h12 * h12 > 0)) {
    throw new Error(`quadraticBowl: H = [[${h11}, ${h12}], [${h12}, ${h22}]] must be positive definite (h11 > 0 and h11·h22 − h12² > 0)`);
  }
  return { h11, h12, h22, center: [center[0], center[1]] };
}
