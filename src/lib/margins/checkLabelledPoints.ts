import { LossInputError } from '../losses/LossInputError.ts';
import type { LabelledPoint } from './types.ts';

/**
 * Checks the input of a margin solver and names the culprit: a non-empty array of points
 * with finite coordinates and labels −1 or +1, both classes present, and a finite C > 0.
 *
 * @throws LossInputError, e.g. `fitLinearSvm: points[3].y must be a label −1 or +1, received 0`
 */
export function checkLabelledPoints(fn: string, points: readonly LabelledPoint[], C: number): void {
  if (!Array.isArray(points)) throw new LossInputError(`${fn}: points must be an array of { x1, x2, y }, received ${typeof points}`);
  if (points.length === 0) throw new LossInputError(`${fn}: points is empty`);
  let positives = 0;
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    if (!Number.isFinite(point.x1)) throw new LossInputError(`${fn}: points[${i}].x1 must be a finite number, received ${point.x1}`);
    if (!Number.isFinite(point.x2)) throw new LossInputError(`${fn}: points[${i}].x2 must be a finite number, received ${point.x2}`);
    if (point.y !== 1 && point.y !== -1) throw new LossInputError(`${fn}: points[${i}].y must be a label −1 or +1, received ${point.y}`);
    if (point.y === 1) positives++;
  }
  if (positives === 0 || positives === points.length) {
    throw new LossInputError(`${fn}: points must include both labels, received ${points.length} points all labelled ${points[0]!.y}`);
  }
  if (typeof C !== 'number' || !Number.isFinite(C) || C <= 0) throw new LossInputError(`${fn}: C must be a finite number > 0, received ${C}`);
}
