import { bowlAxes } from './bowlAxes.ts';
import type { QuadraticBowl } from './quadraticBowl.ts';

/**
 * The level set L(w) = level of the bowl: an ellipse around w_ls, as a closed ring of points
 * (the last repeats the first). Along each eigenvector v with eigenvalue μ the ellipse reaches
 * √(level / μ), so w(φ) = w_ls + √(level/μ₁) cos φ · v₁ + √(level/μ₂) sin φ · v₂.
 *
 * @param level the loss value, ≥ 0 (0 gives the single point w_ls)
 * @param points how many points around the ring (default 120)
 * @example bowlContour({ h11: 1, h12: 0, h22: 4, center: [0, 0] }, 4, 4)[0] // => [−2, ≈0]: the long axis reaches √(4/1) = 2
 */
export function bowlContour(bowl: QuadraticBowl, level: number, points = 120): [number, number][] {
  if (!(level >= 0 && Number.isFinite(level))) throw new Error(`bowlContour: level must be ≥ 0 and finite, received ${level}`);
  const { values, vectors } = bowlAxes(bowl);
  const a = Math.sqrt(level / values[0]);
  const b = Math.sqrt(level / values[1]);
  const ring: [number, number][] = [];
  for (let k = 0; k <= points; k++) {
    const phi = (2 * Math.PI * (k % points)) / points;
    const u = a * Math.cos(phi);
    const v = b * Math.sin(phi);
    ring.push([bowl.center[0] + u * vectors[0][0] + v * vectors[1][0], bowl.center[1] + u * vectors[0][1] + v * vectors[1][1]]);
  }
  return ring;
}
