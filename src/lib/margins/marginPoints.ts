import { createRandom, roundTo } from '../practice/random.ts';
import type { LabelledPoint } from './types.ts';

export interface MarginPointsOptions {
  /** The seed of the draw (default 0); the same seed gives the same points everywhere. */
  seed?: number;
  /** How many points in all, 10 to 30 (default 20). */
  count?: number;
  /**
   * How many of them are placed among the other class (default 0), 0 to count − 6. Each such
   * point lies on the segment between two points of the other label, so no line can separate
   * the classes: a line puts a segment's two ends on one side, and the segment with them.
   */
  overlap?: number;
  /** The width of the empty strip around the generating line (default 1.2). */
  gap?: number;
}

/** Where the points lie: x1 and x2 both in [−3, 3]. */
export const marginPointsBox = { x1: [-3, 3], x2: [-3, 3] } as const;

/** No two drawn points are closer than this, so each can be seen and grabbed. */
const minimumSpacing = 0.4;

/**
 * Seeded two-class points in the plane for the margin lessons.
 *
 * A random line u·x = c (u a unit vector at a random angle, c in [−0.5, 0.5]) splits the
 * square [−3, 3]²; points are drawn uniformly in the square (coordinates to 2 decimals),
 * labelled +1 on the side u points to and −1 on the other, and any point closer to the line
 * than gap/2, or closer than 0.4 to a point already drawn, is drawn again. Each class gets between 40% and 60% of the points. So, without
 * overlap, the classes are separable with a margin of at least `gap`: the band of the best
 * separating line is at least that wide.
 *
 * With `overlap` = k, the last k points are misfits: each lies on the segment between two
 * points of the other class that are among the 4 nearest the line (at a fraction 0.3 to 0.7
 * along it, coordinates to 4 decimals), and takes the opposite label. Then no line
 * separates the classes, and the soft margin has work to do.
 *
 * @throws RangeError when count is not a whole number from 10 to 30, overlap not one from 0 to count − 6, or gap not in (0, 2]
 * @example marginPoints({ seed: 3, count: 12 }).length // => 12
 */
export function marginPoints(options: MarginPointsOptions = {}): LabelledPoint[] {
  const { seed = 0, count = 20, overlap = 0, gap = 1.2 } = options;
  if (!Number.isInteger(count) || count < 10 || count > 30) {
    throw new RangeError(`marginPoints: count must be a whole number from 10 to 30, received ${count}`);
  }
  if (!Number.isInteger(overlap) || overlap < 0 || overlap > count - 6) {
    throw new RangeError(`marginPoints: overlap must be a whole number from 0 to count − 6 = ${count - 6}, received ${overlap}`);
  }
  if (!(gap > 0 && gap <= 2)) throw new RangeError(`marginPoints: gap must be in (0, 2], received ${gap}`);
  const random = createRandom(seed);
  const angle = random.uniform(0, 2 * Math.PI);
  const u1 = Math.cos(angle);
  const u2 = Math.sin(angle);
  const c = random.uniform(-0.5, 0.5);
  const side = (x1: number, x2: number) => u1 * x1 + u2 * x2 - c; // signed distance to the line

  const separable = count - overlap;
  const positives = random.int(Math.ceil(0.4 * separable), Math.floor(0.6 * separable));
  const wanted = { 1: positives, [-1]: separable - positives } as Record<-1 | 1, number>;
  const points: LabelledPoint[] = [];
  while (points.length < separable) {
    const x1 = random.uniform(-3, 3, 2);
    const x2 = random.uniform(-3, 3, 2);
    const distance = side(x1, x2);
    if (Math.abs(distance) < gap / 2) continue;
    if (points.some((point) => Math.hypot(point.x1 - x1, point.x2 - x2) < minimumSpacing)) continue;
    const y = distance > 0 ? 1 : -1;
    if (wanted[y] === 0) continue;
    wanted[y]--;
    points.push({ x1, x2, y });
  }

  let host: -1 | 1 = random.pick([-1, 1] as const);
  for (let k = 0; k < overlap; k++) {
    const nearest = points
      .filter((point) => point.y === host)
      .sort((p, q) => Math.abs(side(p.x1, p.x2)) - Math.abs(side(q.x1, q.x2)))
      .slice(0, 4);
    const [p, q] = random.shuffle(nearest);
    const t = random.uniform(0.3, 0.7, 2);
    points.push({ x1: roundTo(p!.x1 + t * (q!.x1 - p!.x1), 4), x2: roundTo(p!.x2 + t * (q!.x2 - p!.x2), 4), y: host === 1 ? -1 : 1 });
    host = host === 1 ? -1 : 1;
  }
  return points;
}

/** The margin widget's default points: 20, separable with a visible margin. */
export const defaultMarginPoints: readonly LabelledPoint[] = marginPoints({ seed: 0, count: 20 });

/** The same 20-point draw with 2 misfits among the other class: not separable. */
export const overlappingMarginPoints: readonly LabelledPoint[] = marginPoints({ seed: 0, count: 20, overlap: 2 });
