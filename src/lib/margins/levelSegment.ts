import type { LinearClassifier } from './types.ts';

/** A rectangle [x1Min, x1Max] × [x2Min, x2Max] of the plane, such as a chart's domain. */
export interface Box {
  x1: readonly [number, number];
  x2: readonly [number, number];
}

/**
 * The part inside a box of the line w·x + b = level, for drawing: level 0 is the decision
 * line, ±1 the edges of the margin band. Every point of the line is p + t·d, with
 * p = (level − b) w / ‖w‖² (its point nearest the origin) and d = (−w₂, w₁) along it; the
 * box cuts t to an interval (Liang–Barsky clipping).
 *
 * @returns the two ends [[x1, x2], [x1, x2]], or null when w = 0 or the line misses the box
 * @example levelSegment({ w: [1, 0], b: 0 }, 1, { x1: [-3, 3], x2: [-3, 3] }) // => [[1, -3], [1, 3]]
 */
export function levelSegment(classifier: LinearClassifier, level: number, box: Box): [[number, number], [number, number]] | null {
  const [w1, w2] = classifier.w;
  const normSquared = w1 * w1 + w2 * w2;
  if (normSquared === 0) return null;
  const p1 = ((level - classifier.b) * w1) / normSquared;
  const p2 = ((level - classifier.b) * w2) / normSquared;
  const d1 = -w2;
  const d2 = w1;
  let tMin = -Infinity;
  let tMax = Infinity;
  // Each coordinate keeps t between the values where it crosses the box's two sides.
  for (const [p, d, [lo, hi]] of [
    [p1, d1, box.x1],
    [p2, d2, box.x2],
  ] as const) {
    if (d === 0) {
      if (p < lo || p > hi) return null;
      continue;
    }
    const tLo = (lo - p) / d;
    const tHi = (hi - p) / d;
    tMin = Math.max(tMin, Math.min(tLo, tHi));
    tMax = Math.min(tMax, Math.max(tLo, tHi));
  }
  if (tMin > tMax) return null;
  return [
    [p1 + tMin * d1, p2 + tMin * d2],
    [p1 + tMax * d1, p2 + tMax * d2],
  ];
}
