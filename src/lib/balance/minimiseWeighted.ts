/**
 * The minimiser θ*(λ) of L_rec(θ) + λ L_cls(θ) for the two heads of twoHeads.ts, and of L_cls
 * alone (λ → ∞). Both terms are convex in θ, so the combined slope rises with θ and has exactly
 * one zero, between the two terms' own minimisers (L_rec's is the gain g; L_cls's is found first,
 * on [−10, 10]). It is found by regula falsi with the Illinois correction (superlinear, and never
 * leaves the bracket), until the bracket stops shrinking or the slope is zero to rounding.
 *
 * @example minimiseWeighted(0).theta // => 0.5 (the reconstruction head alone wants θ = g)
 */
import { classificationTerm, gain, reconstructionTerm } from './twoHeads';

export interface WeightedMinimum {
  /** λ, or Infinity for the classification term alone. */
  lambda: number;
  theta: number;
  /** Each term's value and slope at θ*. */
  reconstruction: { value: number; slope: number };
  classification: { value: number; slope: number };
}

/** The zero of an increasing function on [lo, hi] (regula falsi, Illinois variant). */
function zeroOfIncreasing(slope: (theta: number) => number, lo: number, hi: number): number {
  let fLo = slope(lo);
  let fHi = slope(hi);
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  if (!(fLo < 0 && fHi > 0)) throw new Error(`minimiseWeighted: the slope does not change sign on [${lo}, ${hi}] (${fLo}, ${fHi})`);
  let side = 0;
  for (let step = 0; step < 200; step += 1) {
    const theta = (lo * fHi - hi * fLo) / (fHi - fLo);
    const f = slope(theta);
    if (f === 0 || !(theta > lo && theta < hi)) return theta;
    if (f < 0) {
      lo = theta;
      fLo = f;
      if (side === -1) fHi /= 2;
      side = -1;
    } else {
      hi = theta;
      fHi = f;
      if (side === 1) fLo /= 2;
      side = 1;
    }
    if (hi - lo <= 4 * Number.EPSILON * Math.max(1, Math.abs(theta))) return (lo + hi) / 2;
  }
  return (lo + hi) / 2;
}

let classificationBest: number | undefined;

/** The minimiser of L_cls alone (computed once). */
function classificationAlone(): number {
  if (classificationBest === undefined) classificationBest = zeroOfIncreasing((t) => classificationTerm(t).slope, -10, 10);
  return classificationBest;
}

/**
 * θ*(λ) = argmin L_rec + λ L_cls, for λ ≥ 0; λ = Infinity minimises L_cls alone.
 * Throws when λ is negative or NaN.
 */
export function minimiseWeighted(lambda: number): WeightedMinimum {
  if (!(lambda >= 0)) throw new Error(`minimiseWeighted: λ must be ≥ 0, received ${lambda}`);
  const theta =
    lambda === Infinity
      ? classificationAlone()
      : zeroOfIncreasing((t) => reconstructionTerm(t).slope + lambda * classificationTerm(t).slope, Math.min(gain, classificationAlone()), Math.max(gain, classificationAlone()));
  return { lambda, theta, reconstruction: reconstructionTerm(theta), classification: classificationTerm(theta) };
}
