import type { LossResultWithGrads, Matrix, ReductionOptions, Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import { checkFinite, checkMatrix, checkPositive, checkSameShape, describe, reductionScale } from './validate.ts';

export interface TripletMarginLossOptions extends ReductionOptions {
  /** How much farther the negative must be than the positive (default 1). */
  margin?: number;
  /** The norm's order (default 2); at least 1. */
  p?: number;
  /** Added to each difference before the norm, as PyTorch does: ‖a − b + eps‖ (default 1e-6). */
  eps?: number;
  /** Use the positive–negative distance when it is smaller than the anchor–negative one (default false). */
  swap?: boolean;
}

/** ‖a − b + eps‖_p, writing ∂/∂a of it into `slope` (∂/∂b is its negative). */
function distance(a: Vector, b: Vector, p: number, eps: number, slope: Float64Array): number {
  const dims = a.length;
  let sum = 0;
  for (let k = 0; k < dims; k++) {
    const difference = a[k]! - b[k]! + eps;
    sum += p === 2 ? difference * difference : Math.pow(Math.abs(difference), p);
  }
  const norm = p === 2 ? Math.sqrt(sum) : Math.pow(sum, 1 / p);
  for (let k = 0; k < dims; k++) {
    const difference = a[k]! - b[k]! + eps;
    if (norm === 0) slope[k] = 0;
    else if (p === 2) slope[k] = difference / norm;
    else slope[k] = (Math.sign(difference) * Math.pow(Math.abs(difference), p - 1)) / Math.pow(norm, p - 1);
  }
  return norm;
}

/**
 * Triplet margin loss: pull each anchor towards its positive and push it from its
 * negative until the negative is `margin` farther away (PyTorch's `F.triplet_margin_loss`).
 *
 * d(a, b) = ‖a − b + eps‖_p
 * ℓᵢ = max(0, d(aᵢ, pᵢ) − d(aᵢ, nᵢ) + margin)   (with swap: d(aᵢ, nᵢ) replaced by min(d(aᵢ, nᵢ), d(pᵢ, nᵢ)))
 * ∂ℓᵢ/∂aᵢ = ∇d(aᵢ, pᵢ) − ∇d(aᵢ, nᵢ) while ℓᵢ > 0, else 0 (∇ of ‖v‖₂ is v / ‖v‖₂)
 *
 * @param anchor N×D matrix (array of rows)
 * @param positive N×D matrix
 * @param negative N×D matrix
 * @param options.margin the margin (default 1)
 * @param options.p norm order ≥ 1 (default 2)
 * @param options.eps added inside the norm (default 1e-6)
 * @param options.swap the distance swap (default false)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (N losses), grad (N×D, ∂value/∂anchor) and grads for anchor, positive, negative
 * @throws LossInputError for empty, ragged or differently shaped matrices, non-finite values, eps ≤ 0, or p < 1
 * @example tripletMarginLoss([[0, 0]], [[0, 1]], [[0, 10]]).value // => 0
 */
export function tripletMarginLoss(
  anchor: Matrix,
  positive: Matrix,
  negative: Matrix,
  options: TripletMarginLossOptions = {},
): LossResultWithGrads<Float64Array[], { anchor: Float64Array[]; positive: Float64Array[]; negative: Float64Array[] }> {
  const { margin = 1, p = 2, eps = 1e-6, swap = false, reduction = 'mean' } = options;
  const fn = 'tripletMarginLoss';
  const { rows: n, cols: dims } = checkMatrix(fn, 'anchor', anchor);
  checkMatrix(fn, 'positive', positive);
  checkMatrix(fn, 'negative', negative);
  checkSameShape(fn, 'anchor', anchor, 'positive', positive);
  checkSameShape(fn, 'anchor', anchor, 'negative', negative);
  checkFinite(fn, 'margin', margin);
  checkPositive(fn, 'eps', eps);
  checkFinite(fn, 'p', p);
  if (p < 1) throw new LossInputError(`${fn}: p must be at least 1, received ${describe(p)}`);
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const gradAnchor: Float64Array[] = new Array<Float64Array>(n);
  const gradPositive: Float64Array[] = new Array<Float64Array>(n);
  const gradNegative: Float64Array[] = new Array<Float64Array>(n);
  const slopePositive = new Float64Array(dims); // ∂d(a, p)/∂a
  const slopeNegative = new Float64Array(dims); // ∂d(a, n)/∂a
  const slopeSwap = new Float64Array(dims); // ∂d(p, n)/∂p
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = anchor[i]!;
    const pos = positive[i]!;
    const neg = negative[i]!;
    const distancePositive = distance(a, pos, p, eps, slopePositive);
    let distanceNegative = distance(a, neg, p, eps, slopeNegative);
    let swapped = false;
    if (swap) {
      const distanceSwap = distance(pos, neg, p, eps, slopeSwap);
      if (distanceSwap < distanceNegative) {
        distanceNegative = distanceSwap;
        swapped = true;
      }
    }
    const slack = distancePositive - distanceNegative + margin;
    const rowA = new Float64Array(dims);
    const rowP = new Float64Array(dims);
    const rowN = new Float64Array(dims);
    if (slack > 0) {
      for (let k = 0; k < dims; k++) {
        if (swapped) {
          // ℓ = d(a, p) − d(p, n) + margin
          rowA[k] = slopePositive[k]! * scale;
          rowP[k] = (-slopePositive[k]! - slopeSwap[k]!) * scale;
          rowN[k] = slopeSwap[k]! * scale;
        } else {
          // ℓ = d(a, p) − d(a, n) + margin
          rowA[k] = (slopePositive[k]! - slopeNegative[k]!) * scale;
          rowP[k] = -slopePositive[k]! * scale;
          rowN[k] = slopeNegative[k]! * scale;
        }
      }
    }
    const loss = slack > 0 ? slack : 0;
    perExample[i] = loss;
    gradAnchor[i] = rowA;
    gradPositive[i] = rowP;
    gradNegative[i] = rowN;
    total += loss;
  }
  return {
    value: total * scale,
    perExample,
    grad: gradAnchor,
    grads: { anchor: gradAnchor, positive: gradPositive, negative: gradNegative },
  };
}
