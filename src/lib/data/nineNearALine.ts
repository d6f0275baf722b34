/**
 * The nine fixed points of lesson 2's outlier tug-of-war: y = 1 + x at x = 0…8, each moved
 * by a small fixed amount of scatter, so the three fits agree until an outlier joins them.
 *
 * @example basePoints[0] // => { x: 0, y: 1.3 }
 */
import type { Point } from '../fits/fitLine';

const scatter = [0.3, -0.4, 0.2, 0.5, -0.3, 0.1, -0.5, 0.4, -0.2];

export const basePoints: readonly Point[] = scatter.map((noise, x) => ({ x, y: 1 + x + noise }));
