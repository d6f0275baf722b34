/**
 * The line ŷ = w·x + b with the lowest empirical risk on lesson 1's eight points, under each
 * price list:
 *
 * - squared: least squares in closed form (the normal equations, fitLineMse);
 * - absolute: least absolute deviations, through two of the data points (fitLineMae);
 * - 0-1: the risk is flat almost everywhere and jumps at the edges, so no gradient can find
 *   its minimum: search the explorer's grid of slopes and intercepts. Many lines tie; among
 *   them keep the one with the lowest absolute-loss risk, and count the ties.
 *
 * @example bestLine('squared') // => { slope: 0.8274, intercept: 0.7917, … } (to 4 figures): the least-squares line
 */
import { data } from '../data/eightPointsWithOutlier';
import { l1Loss } from '../losses/index';
import { roundTo } from '../practice/random';
import { pointLosses, zeroOneLosses, type PriceList } from '../risk/pointLosses';
import { fitLineMae, fitLineMse, type Line, type Point } from './fitLine';

/** The grid of lines the explorer's sliders can reach (and the 0-1 search walks). */
export const slopeRange = { min: -1, max: 3, step: 0.05 } as const;
export const interceptRange = { min: -3, max: 5, step: 0.1 } as const;

export interface BestLine extends Line {
  risk: number;
  /** How many lines on the sliders' grid reach the same risk (0-1 only; 1 otherwise). */
  ties: number;
}

const points: Point[] = data.x.map((x, i) => ({ x, y: data.y[i]! }));

function priced(priceList: PriceList, line: Line): BestLine {
  return { ...line, risk: pointLosses(priceList, line.slope, line.intercept).risk, ties: 1 };
}

function bestZeroOne(): BestLine {
  let best: BestLine = { slope: 0, intercept: 0, risk: Infinity, ties: 0 };
  let bestAbsoluteRisk = Infinity;
  const slopeSteps = Math.round((slopeRange.max - slopeRange.min) / slopeRange.step);
  const interceptSteps = Math.round((interceptRange.max - interceptRange.min) / interceptRange.step);
  const n = data.x.length;
  const intercepts = Array.from({ length: interceptSteps + 1 }, (_, j) => roundTo(interceptRange.min + j * interceptRange.step, 1));
  // All the lines with one slope at once: line j's n points sit at j·n … j·n + n − 1.
  const yHat = new Float64Array(intercepts.length * n);
  const targets = Float64Array.from(intercepts.flatMap(() => data.y));
  for (let i = 0; i <= slopeSteps; i++) {
    const slope = roundTo(slopeRange.min + i * slopeRange.step, 2);
    for (let j = 0; j < intercepts.length; j++) {
      for (let k = 0; k < n; k++) yHat[j * n + k] = slope * data.x[k]! + intercepts[j]!;
    }
    // One l1Loss call per slope: each line's per-point errors give both its 0-1 count and the
    // tie-break, its mean absolute error.
    const errors = l1Loss(yHat, targets, { reduction: 'sum' }).perExample;
    const misses = zeroOneLosses(errors);
    for (let j = 0; j <= interceptSteps; j++) {
      const intercept = intercepts[j]!;
      let missed = 0;
      let total = 0;
      for (let k = j * n; k < (j + 1) * n; k++) {
        missed += misses[k]!;
        total += errors[k]!;
      }
      const risk = missed / n;
      if (risk > best.risk) continue;
      const absoluteRisk = total * (1 / n); // the 'mean' reduction, as l1Loss computes it
      if (risk < best.risk) {
        best = { slope, intercept, risk, ties: 1 };
        bestAbsoluteRisk = absoluteRisk;
      } else {
        best.ties += 1;
        if (absoluteRisk < bestAbsoluteRisk) {
          best = { ...best, slope, intercept };
          bestAbsoluteRisk = absoluteRisk;
        }
      }
    }
  }
  return best;
}

const bestCache = new Map<PriceList, BestLine>();

/** The line with the lowest empirical risk under a price list (computed once, then cached). */
export function bestLine(priceList: PriceList): BestLine {
  let best = bestCache.get(priceList);
  if (best === undefined) {
    if (priceList === 'squared') best = priced('squared', fitLineMse(points));
    else if (priceList === 'absolute') best = priced('absolute', fitLineMae(points));
    else best = bestZeroOne();
    bestCache.set(priceList, best);
  }
  return best;
}
