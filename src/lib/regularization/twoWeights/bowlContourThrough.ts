import { bowlAxes } from './bowlAxes.ts';
import { bowlLoss } from './bowlLoss.ts';
import type { QuadraticBowl } from './quadraticBowl.ts';

/**
 * The level set of the bowl through the point w, L(w′) = L(w), as a closed ring that starts
 * and ends exactly at w: the contour a constrained solution sits on, drawn so that it passes
 * through the solution itself rather than between two sampled points. Same ellipse as
 * bowlContour(bowl, bowlLoss(bowl, w)), with its angle φ measured from w.
 *
 * @param points how many points around the ring (default 120)
 * @example bowlContourThrough({ h11: 1, h12: 0, h22: 4, center: [0, 0] }, [0, 1], 4)[0] // => [0, 1]
 */
export function bowlContourThrough(bowl: QuadraticBowl, w: readonly [number, number], points = 120): [number, number][] {
  const level = bowlLoss(bowl, w);
  if (level === 0) return [[w[0], w[1]]];
  const { values, vectors } = bowlAxes(bowl);
  const a = Math.sqrt(level / values[0]);
  const b = Math.sqrt(level / values[1]);
  const d1 = w[0] - bowl.center[0];
  const d2 = w[1] - bowl.center[1];
  const start = Math.atan2((d1 * vectors[1][0] + d2 * vectors[1][1]) / b, (d1 * vectors[0][0] + d2 * vectors[0][1]) / a);
  const ring: [number, number][] = [[w[0], w[1]]];
  for (let k = 1; k < points; k++) {
    const phi = start + (2 * Math.PI * k) / points;
    const u = a * Math.cos(phi);
    const v = b * Math.sin(phi);
    ring.push([bowl.center[0] + u * vectors[0][0] + v * vectors[1][0], bowl.center[1] + u * vectors[0][1] + v * vectors[1][1]]);
  }
  ring.push([w[0], w[1]]);
  return ring;
}
