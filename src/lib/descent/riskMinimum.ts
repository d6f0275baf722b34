/**
 * Where the risk R̂(w, b) of ŷ = w·x + b on lesson 4's six points is lowest: the centre of
 * the loss landscape, and the target gradient descent heads for.
 *
 * - 'mse': least squares in closed form (the normal equations; see fitLineMse). The bowl has
 *   one lowest point because the inputs are not all equal (the design [x, 1] has full rank).
 * - 'bce': logistic regression has no closed form. Newton's method: each step solves
 *   H·Δ = −g, where g is the library's gradient and H the Hessian
 *   (1/n) Σᵢ pᵢ(1 − pᵢ) [xᵢ², xᵢ; xᵢ, 1] with pᵢ = σ(w·xᵢ + b). The minimum exists because
 *   the labels are not separable; from (0, 0), a handful of steps reach it to rounding.
 *
 * @example riskMinimum('mse', 'raw') // => [1.9, −2.5667] (to 4 figures)
 */
import { data, inputsFor, type Inputs } from '../data/sixLabelledPoints';
import { fitLineMse } from '../fits/fitLine';
import { sigmoid } from '../losses/index';
import { riskAndGradient, type LossName } from './linearModelRisk';

function newtonLogistic(xs: readonly number[]): [number, number] {
  const n = xs.length;
  let w = 0;
  let b = 0;
  for (let step = 0; step < 100; step++) {
    const { dw, db } = riskAndGradient('bce', xs, w, b);
    let hww = 0;
    let hwb = 0;
    let hbb = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(w * xs[i]! + b);
      const curvature = (p * (1 - p)) / n; // σ'(z) = σ(z)(1 − σ(z)), times the mean's 1/n
      hww += curvature * xs[i]! * xs[i]!;
      hwb += curvature * xs[i]!;
      hbb += curvature;
    }
    const determinant = hww * hbb - hwb * hwb;
    const deltaW = -(hbb * dw - hwb * db) / determinant;
    const deltaB = -(hww * db - hwb * dw) / determinant;
    w += deltaW;
    b += deltaB;
    if (Math.abs(deltaW) + Math.abs(deltaB) < 1e-14 * (1 + Math.abs(w) + Math.abs(b))) break;
  }
  return [w, b];
}

const minimumCache = new Map<string, [number, number]>();

/** The minimiser (w*, b*) of R̂ for a loss and a choice of inputs (computed once, then cached). */
export function riskMinimum(loss: LossName, inputs: Inputs): [number, number] {
  const key = `${loss}-${inputs}`;
  const cached = minimumCache.get(key);
  if (cached) return cached;
  const xs = inputsFor(inputs);
  let result: [number, number];
  if (loss === 'mse') {
    const line = fitLineMse(xs.map((x, i) => ({ x, y: data.y[i]! })));
    result = [line.slope, line.intercept];
  } else {
    result = newtonLogistic(xs);
  }
  minimumCache.set(key, result);
  return result;
}
