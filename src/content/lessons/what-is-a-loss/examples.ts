/**
 * Every number the lesson "What a loss is" shows, computed with src/lib/losses at build time.
 * The lesson's squared loss is the library's mseLoss, (ŷ − y)² with no ½; where it follows
 * source 002's ½ convention, it halves mseLoss's value and gradient explicitly.
 */
import { formatTex } from '../../../lib/format';
import { binaryCrossEntropyWithLogits, hingeLoss, l1Loss, mseLoss } from '../../../lib/losses/index';
import { data, startingLine as defaults } from '../../../lib/data/eightPointsWithOutlier';
import { bestLine } from '../../../lib/fits/bestLine';
import { pointLosses, predictions, tolerance, zeroOneLosses } from '../../../lib/risk/pointLosses';

/** Residuals ŷᵢ − yᵢ. */
function residualsOf(yHat: ArrayLike<number>, y: ArrayLike<number>): number[] {
  return Array.from(yHat, (p, i) => p - y[i]!);
}

/** Each prediction's 0-1 loss (a miss beyond the tolerance costs 1), from l1Loss's per-example errors. */
function missesOf(yHat: number[], y: readonly number[]): number[] {
  return zeroOneLosses(l1Loss(yHat, y).perExample);
}

function meanOf(values: number[]): number {
  return values.reduce((total, v) => total + v, 0) / values.length;
}

// ───────────────────────────── The opening price lists: what a miss of 1 and a miss of 3 cost

/** Each price list's charge for a miss of 1 and a miss of 3 (the 0-1 count with the widget's tolerance). */
export const prices = (() => {
  const misses = [1, 3];
  const truth = misses.map(() => 0);
  const squared = Array.from(mseLoss(misses, truth, { reduction: 'sum' }).perExample);
  const absolute = Array.from(l1Loss(misses, truth, { reduction: 'sum' }).perExample);
  const zeroOne = zeroOneLosses(absolute);
  return { misses, squared, absolute, zeroOne, squaredRatio: squared[1]! / squared[0]! };
})();

// ───────────────────────────── Worked example 1: source 002's "MSE for linear regression"

/** ŷ = w·x (no intercept) on (1, 2) and (2, 3), at w = 1. */
export const line = (() => {
  const xs = [1, 2];
  const ys = [2, 3];
  const w = 1;
  const yHat = xs.map((x) => w * x);
  const mse = mseLoss(yHat, ys);
  // ∂R̂/∂w = Σᵢ ∂R̂/∂ŷᵢ · ∂ŷᵢ/∂w = Σᵢ grad[i] · xᵢ (chain rule through ŷᵢ = w·xᵢ).
  let slope = 0;
  for (let i = 0; i < xs.length; i++) slope += mse.grad[i]! * xs[i]!;
  return {
    xs,
    ys,
    w,
    yHat,
    residuals: residualsOf(yHat, ys),
    /** Library convention (no ½). */
    perExample: Array.from(mse.perExample),
    risk: mse.value,
    grad: Array.from(mse.grad),
    slope,
    /** Source 002's ½ convention: everything halved. */
    halfPerExample: Array.from(mse.perExample, (loss) => loss / 2),
    halfRisk: mse.value / 2,
    halfGrad: Array.from(mse.grad, (g) => g / 2),
    halfSlope: slope / 2,
  };
})();

// ───────────────────────────── Worked example 2: one dataset, two lines, three price lists

function priced(slope: number, intercept: number) {
  const yHat = predictions(slope, intercept);
  const misses = missesOf(yHat, data.y);
  const residuals = residualsOf(yHat, data.y);
  return {
    slope,
    intercept,
    residuals,
    /** Points the line passes through exactly (residual 0 up to rounding): a kink of the absolute loss. */
    exactFits: residuals.filter((r) => Math.abs(r) < 1e-9).length,
    squared: mseLoss(yHat, data.y).value,
    absolute: l1Loss(yHat, data.y).value,
    misses: misses.reduce((total, miss) => total + miss, 0),
    zeroOne: meanOf(misses),
  };
}

export const fits = {
  xs: [...data.x],
  ys: [...data.y],
  n: data.x.length,
  tolerance,
  leastSquares: priced(bestLine('squared').slope, bestLine('squared').intercept),
  leastAbsolute: priced(bestLine('absolute').slope, bestLine('absolute').intercept),
  zeroOneTies: bestLine('zeroOne').ties,
};

// ───────────────────────────── The 0-1 loss has no useful gradient

/** Source 002's two points under the 0-1 count, at w below, at and above 1: the risk does not move. */
export const flat = [0.8, 1, 1.2].map((w) => {
  const yHat = line.xs.map((x) => w * x);
  return { w, risk: meanOf(missesOf(yHat, line.ys)), absolute: l1Loss(yHat, line.ys).value };
});

/** One positive example classified correctly by a thin margin: accuracy is satisfied, the surrogates are not. */
export const surrogate = (() => {
  const logit = 0.2;
  const bce = binaryCrossEntropyWithLogits([logit], [1]);
  const hinge = hingeLoss([logit], [1]);
  return { logit, bce: bce.value, bceGrad: bce.grad[0]!, hinge: hinge.value, hingeGrad: hinge.grad[0]! };
})();

/** The subgradient the library uses at a kink: l1Loss at a residual of exactly 0. */
export const kink = {
  gradAtZero: l1Loss([0], [0]).grad[0]!,
  gradAbove: l1Loss([0.001], [0]).grad[0]!,
  gradBelow: l1Loss([-0.001], [0]).grad[0]!,
};

// ───────────────────────────── Mini-batches average to the full risk

/** Every batch of two of the widget's eight points, priced at the widget's starting line with squared loss. */
export const batches = (() => {
  const yHat = predictions(defaults.slope, defaults.intercept);
  const risks: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    for (let j = i + 1; j < data.x.length; j++) {
      risks.push(mseLoss([yHat[i]!, yHat[j]!], [data.y[i]!, data.y[j]!]).value);
    }
  }
  return {
    slope: defaults.slope,
    intercept: defaults.intercept,
    count: risks.length,
    smallest: Math.min(...risks),
    largest: Math.max(...risks),
    average: meanOf(risks),
    full: pointLosses('squared', defaults.slope, defaults.intercept).risk,
  };
})();

/** Numbers as a TeX list "(a, b, c)", each formatted for TeX. */
export function texList(values: ArrayLike<number>, digits = 4): string {
  return `(${Array.from(values, (v) => formatTex(v, digits)).join(', ')})`;
}
