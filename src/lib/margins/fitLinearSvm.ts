import { hingeLoss } from '../losses/hingeLoss.ts';
import { checkLabelledPoints } from './checkLabelledPoints.ts';
import { marginBand } from './marginBand.ts';
import { marginRoles } from './marginRoles.ts';
import { solveLinearSystem } from './solveLinearSystem.ts';
import type { LabelledPoint, MarginFit } from './types.ts';

export interface LinearSvmFit extends MarginFit {
  /**
   * The dual coefficients αᵢ ∈ [0, C], one per point, with w = Σ αᵢ yᵢ xᵢ and Σ αᵢ yᵢ = 0.
   * αᵢ = 0 past the band, 0 < αᵢ < C on it, αᵢ = C inside it or on the wrong side.
   */
  alpha: Float64Array;
  /** The support vectors: indices of the points with αᵢ > 0, in order (scikit-learn's `support_`). */
  supportVectors: number[];
  /**
   * False when the pair updates hit `maxIterations` before the requests agreed within
   * `tolerance` and the exact finish did not apply: w and b are then only approximate. It
   * happens with very large C on points that no line separates (see the tests for timings).
   */
  converged: boolean;
}

export interface LinearSvmOptions {
  /** Stop the pair updates once the intercepts the points ask for agree within this (default 1e-10). */
  tolerance?: number;
  /** At most this many pair updates (default 100 000). */
  maxIterations?: number;
}

/**
 * The soft-margin linear SVM: the line w·x + b = 0 that minimises
 *
 *   ½‖w‖² + C Σᵢ max(0, 1 − yᵢ(w·xᵢ + b))
 *
 * a wide band (small ‖w‖) traded against the hinge losses of the points inside it; b is not
 * penalised. This is scikit-learn's `SVC(kernel="linear", C=C)` (not `LinearSVC`, which also
 * penalises b).
 *
 * How: the problem's dual, solved by SMO (sequential minimal optimisation, as in libsvm).
 * Each point gets a weight αᵢ ∈ [0, C], with w = Σ αᵢ yᵢ xᵢ and Σ αᵢ yᵢ = 0. For the current
 * w, point i asks for the intercept bᵢ = yᵢ − w·xᵢ that would put it exactly on its edge of
 * the band. At the optimum those requests agree, except where αᵢ is held at 0 or C. Each
 * step takes the pair that disagrees most (i may still raise its pull, j lower its own),
 * moves weight from one to the other along w ← w + t (xᵢ − xⱼ) (the best step is
 * t = (bᵢ − bⱼ) / ‖xᵢ − xⱼ‖², cut back to keep both α in [0, C]), and stops when the largest
 * disagreement is below `tolerance`. An exact finish follows: the points strictly between
 * 0 and C must lie exactly on the band, so their α and b solve a small linear system, which
 * removes the last rounding of the iterations.
 *
 * b: from the points on the band (their mean request); when no α is strictly between 0
 * and C, every b in an interval is optimal and the midpoint is taken, as libsvm does.
 *
 * @param points 1 or more labelled points, both labels present
 * @param C the price of each unit of hinge loss (> 0): large C, few violations; small C, wide band
 * @returns w, b, alpha, supportVectors, and per point scores, margins, hinge losses and roles
 * @throws LossInputError when the points are empty, a coordinate is not finite, a label is not ±1, only one label is present, or C ≤ 0
 * @example fitLinearSvm([{ x1: -1, x2: 0, y: -1 }, { x1: 1, x2: 0, y: 1 }], 10).w // => [1, 0]
 */
export function fitLinearSvm(points: readonly LabelledPoint[], C: number, options: LinearSvmOptions = {}): LinearSvmFit {
  const fn = 'fitLinearSvm';
  checkLabelledPoints(fn, points, C);
  const { tolerance = 1e-10, maxIterations = 100_000 } = options;
  const n = points.length;
  const alpha = new Float64Array(n);
  const wantedIntercept = new Float64Array(n); // bᵢ = yᵢ − w·xᵢ
  let w1 = 0;
  let w2 = 0;

  // i can move along +yᵢ (raise its pull on b) when yᵢ = +1 and αᵢ < C, or yᵢ = −1 and αᵢ > 0;
  // j can move along −yⱼ when yⱼ = +1 and αⱼ > 0, or yⱼ = −1 and αⱼ < C.
  const canRaise = (k: number) => (points[k]!.y === 1 ? alpha[k]! < C : alpha[k]! > 0);
  const canLower = (k: number) => (points[k]!.y === 1 ? alpha[k]! > 0 : alpha[k]! < C);

  let converged = false;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // i: the highest request among the points that may raise theirs; the lowest request
    // among those that may lower theirs says how far from optimal we are.
    let i = -1;
    let lowest = Infinity;
    for (let k = 0; k < n; k++) {
      const point = points[k]!;
      wantedIntercept[k] = point.y - (w1 * point.x1 + w2 * point.x2);
      if (canRaise(k) && (i < 0 || wantedIntercept[k]! > wantedIntercept[i]!)) i = k;
      if (canLower(k)) lowest = Math.min(lowest, wantedIntercept[k]!);
    }
    if (wantedIntercept[i]! - lowest <= tolerance) {
      converged = true;
      break;
    }
    // Every 25 steps, try the exact finish early: once the points at 0, at C and between
    // are the right ones, it lands on the optimum, which saves the slow tail (large C).
    if (iterations % 25 === 24 && exactFinish(points, alpha, C) !== null) break;
    // j: the partner whose step lowers the objective most, (bᵢ − bⱼ)² / (2‖xᵢ − xⱼ‖²) before
    // clipping (libsvm's second-order choice; taking simply the lowest request also works,
    // but needs thousands of steps once C is large).
    const pi = points[i]!;
    let j = -1;
    let bestGain = -Infinity;
    for (let k = 0; k < n; k++) {
      const disagreement = wantedIntercept[i]! - wantedIntercept[k]!;
      if (!canLower(k) || disagreement <= 0) continue;
      const distanceSquared = (pi.x1 - points[k]!.x1) ** 2 + (pi.x2 - points[k]!.x2) ** 2;
      const gain = (disagreement * disagreement) / Math.max(distanceSquared, 1e-12);
      if (gain > bestGain) {
        bestGain = gain;
        j = k;
      }
    }
    const disagreement = wantedIntercept[i]! - wantedIntercept[j]!;
    const pj = points[j]!;
    const dx1 = pi.x1 - pj.x1;
    const dx2 = pi.x2 - pj.x2;
    const curvature = dx1 * dx1 + dx2 * dx2;
    // αᵢ ← αᵢ + yᵢ t and αⱼ ← αⱼ − yⱼ t keep Σ αₖ yₖ = 0; t ≥ 0 is as long as both stay in [0, C].
    // A step that reaches a bound sets α to it exactly, so "at 0" and "at C" are exact tests.
    const roomI = pi.y === 1 ? C - alpha[i]! : alpha[i]!;
    const roomJ = pj.y === 1 ? alpha[j]! : C - alpha[j]!;
    const t = Math.min(curvature > 0 ? disagreement / curvature : Infinity, roomI, roomJ);
    alpha[i] = t === roomI ? (pi.y === 1 ? C : 0) : alpha[i]! + pi.y * t;
    alpha[j] = t === roomJ ? (pj.y === 1 ? 0 : C) : alpha[j]! - pj.y * t;
    w1 += t * dx1;
    w2 += t * dx2;
  }

  // w from α afresh (the running sum has gathered rounding), then b.
  w1 = 0;
  w2 = 0;
  for (let k = 0; k < n; k++) {
    w1 += alpha[k]! * points[k]!.y * points[k]!.x1;
    w2 += alpha[k]! * points[k]!.y * points[k]!.x2;
  }
  let b = interceptFromAlpha(points, alpha, C, w1, w2);
  const finish = exactFinish(points, alpha, C);
  if (finish !== null) {
    converged = true;
    alpha.set(finish.alpha);
    w1 = finish.w1;
    w2 = finish.w2;
    b = finish.b;
  }

  const scores = new Float64Array(n);
  const labels = new Float64Array(n);
  const margins = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const point = points[k]!;
    scores[k] = w1 * point.x1 + w2 * point.x2 + b;
    labels[k] = point.y;
    margins[k] = point.y * scores[k]!;
  }
  const hinge = hingeLoss(scores, labels, { reduction: 'sum' });
  const supportVectors: number[] = [];
  for (let k = 0; k < n; k++) if (alpha[k]! > 0) supportVectors.push(k);
  const w: [number, number] = [w1, w2];
  return {
    w,
    b,
    C,
    alpha,
    supportVectors,
    converged,
    scores,
    margins,
    losses: hinge.perExample,
    objective: 0.5 * (w1 * w1 + w2 * w2) + C * hinge.value,
    band: marginBand({ w, b }),
    roles: marginRoles(margins),
    iterations,
  };
}

/**
 * b for given α: the mean of bᵢ = yᵢ − w·xᵢ over the points with 0 < αᵢ < C (they lie on
 * the band); if there are none, the midpoint of the interval of optimal b: the points that
 * must stay past their edge (αᵢ = 0) or inside it (αᵢ = C) bound b from below and above.
 */
function interceptFromAlpha(points: readonly LabelledPoint[], alpha: Float64Array, C: number, w1: number, w2: number): number {
  let sum = 0;
  let count = 0;
  let lower = -Infinity;
  let upper = Infinity;
  for (let k = 0; k < points.length; k++) {
    const point = points[k]!;
    const wanted = point.y - (w1 * point.x1 + w2 * point.x2);
    const a = alpha[k]!;
    if (a > 0 && a < C) {
      sum += wanted;
      count++;
    } else if ((point.y === 1) === (a === 0)) {
      lower = Math.max(lower, wanted); // +1 past the band, or −1 inside it: b ≥ bᵢ
    } else {
      upper = Math.min(upper, wanted); // +1 inside the band, or −1 past it: b ≤ bᵢ
    }
  }
  if (count > 0) return sum / count;
  if (Number.isFinite(lower) && Number.isFinite(upper)) return (lower + upper) / 2;
  return Number.isFinite(lower) ? lower : upper;
}

/**
 * Given which α sit at 0, which at C and which between (F), the optimum is the solution of
 * a linear system: for i in F, yᵢ(w·xᵢ + b) = 1 with w = Σ αₖ yₖ xₖ, and Σ αₖ yₖ = 0, in the
 * unknowns α_F and b. Returns null (keep the iterations' answer) when the system is singular
 * (more than three points exactly on the band) or its solution leaves [0, C].
 */
function exactFinish(
  points: readonly LabelledPoint[],
  alpha: Float64Array,
  C: number,
): { alpha: Float64Array; w1: number; w2: number; b: number } | null {
  const free: number[] = [];
  let fixed1 = 0; // the part of w from the points held at C
  let fixed2 = 0;
  let fixedBalance = 0; // their part of Σ αₖ yₖ
  for (let k = 0; k < points.length; k++) {
    const a = alpha[k]!;
    if (a > 0 && a < C) free.push(k);
    else if (a === C) {
      fixed1 += C * points[k]!.y * points[k]!.x1;
      fixed2 += C * points[k]!.y * points[k]!.x2;
      fixedBalance += C * points[k]!.y;
    }
  }
  if (free.length === 0) return null;
  const m = free.length;
  const matrix: number[][] = [];
  const rhs: number[] = [];
  for (const i of free) {
    const pi = points[i]!;
    const row: number[] = [];
    for (const j of free) row.push(pi.y * points[j]!.y * (pi.x1 * points[j]!.x1 + pi.x2 * points[j]!.x2));
    row.push(pi.y);
    matrix.push(row);
    rhs.push(1 - pi.y * (fixed1 * pi.x1 + fixed2 * pi.x2));
  }
  matrix.push([...free.map((j) => points[j]!.y), 0]);
  rhs.push(-fixedBalance);
  const solution = solveLinearSystem(matrix, rhs);
  if (solution === null) return null;
  const polished = Float64Array.from(alpha);
  let w1 = fixed1;
  let w2 = fixed2;
  for (let f = 0; f < m; f++) {
    const a = solution[f]!;
    if (!(a > 0 && a < C)) return null;
    const point = points[free[f]!]!;
    polished[free[f]!] = a;
    w1 += a * point.y * point.x1;
    w2 += a * point.y * point.x2;
  }
  const b = solution[m]!;
  // The points held at a bound must still be where their α says (past the band at 0, not
  // past it at C); otherwise the iterations stopped before the sets were settled.
  for (let k = 0; k < points.length; k++) {
    const a = polished[k]!;
    if (a > 0 && a < C) continue;
    const point = points[k]!;
    const margin = point.y * (w1 * point.x1 + w2 * point.x2 + b);
    if (a === 0 ? margin < 1 - 1e-8 : margin > 1 + 1e-8) return null;
  }
  return { alpha: polished, w1, w2, b };
}
