import type { QuadraticBowl } from './quadraticBowl.ts';

export interface BowlAxes {
  /** H's eigenvalues, smaller first: the bowl's curvature along each axis of its ellipses. */
  values: [number, number];
  /** The unit eigenvectors, in the same order: the directions of the ellipses' long and short axes. */
  vectors: [[number, number], [number, number]];
}

/**
 * The principal axes of the bowl: the eigenvalues and eigenvectors of the symmetric 2 × 2
 * matrix H, in closed form. With m = (h11 + h22)/2 and r = √(((h11 − h22)/2)² + h12²),
 * the eigenvalues are m ∓ r; the eigenvector of the smaller one is at the angle θ with
 * tan 2θ = 2 h12 / (h11 − h22), plus a quarter turn.
 *
 * @example bowlAxes({ h11: 2, h12: 0, h22: 1, center: [0, 0] }).values // => [1, 2]
 */
export function bowlAxes(bowl: QuadraticBowl): BowlAxes {
  const { h11, h12, h22 } = bowl;
  const mid = (h11 + h22) / 2;
  const spread = Math.hypot((h11 - h22) / 2, h12);
  // The eigenvector of the larger eigenvalue points at angle θ = ½ atan2(2 h12, h11 − h22).
  const angle = Math.atan2(2 * h12, h11 - h22) / 2;
  const large: [number, number] = [Math.cos(angle), Math.sin(angle)];
  const small: [number, number] = [-Math.sin(angle), Math.cos(angle)];
  return { values: [mid - spread, mid + spread], vectors: [small, large] };
}
