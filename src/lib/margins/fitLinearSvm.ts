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
   * True when the exact finish applied (w, b exact to rounding). False only in tie cases
   * (more than three points exactly on the band, e.g. dragged onto a grid line): w and b
   * are then the barrier iterations' answer, within about 1e-9 of the optimum.
   */
  converged: boolean;
}

export interface LinearSvmOptions {
  /** At most this many Newton steps on the barrier problem (default 200; 20 to 60 are usual). */
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
 * The hinge has a kink, so write each loss as a slack ξᵢ ≥ 0 with yᵢ(w·xᵢ + b) ≥ 1 − ξᵢ, and
 * give each point a weight αᵢ ∈ [0, C] (its Lagrange multiplier). The optimum is where
 *
 *   w = Σ αᵢ yᵢ xᵢ,   Σ αᵢ yᵢ = 0,
 *   αᵢ = 0 for points past the band, αᵢ = C for points inside it, 0 ≤ αᵢ ≤ C on it.
 *
 * How: a primal-dual interior-point method. The "either–or" conditions αᵢ sᵢ = 0 and
 * (C − αᵢ) ξᵢ = 0 (sᵢ = the room past the margin) are relaxed to = μ, which makes them
 * smooth; Newton's method follows the solutions as μ shrinks towards 0. Each Newton step
 * reduces to a 3×3 system in (w₁, w₂, b), so a step costs one pass over the points, and
 * 20 to 60 steps suffice whatever C is. An exact finish follows: the points whose α ends
 * strictly between 0 and C lie exactly on the band, so their α and b solve a small linear
 * system, which lands on the optimum to rounding.
 *
 * b: when no α is strictly between 0 and C, every b in an interval is optimal and the
 * midpoint is taken, as libsvm (scikit-learn's SVC) does.
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
  const { maxIterations = 200 } = options;
  const n = points.length;
  // Row i of the constraints: aᵢ = yᵢ (xᵢ₁, xᵢ₂, 1), so aᵢ·θ = yᵢ(w·xᵢ + b) with θ = (w₁, w₂, b).
  const rows = points.map((point) => [point.y * point.x1, point.y * point.x2, point.y]);
  const theta = [0, 0, 0];
  const alpha = new Float64Array(n).fill(C / 2);
  const room = new Float64Array(n).fill(1); // sᵢ ≥ 0: how far past its margin point i is
  const slack = new Float64Array(n).fill(1); // ξᵢ ≥ 0: its hinge loss
  const weight = new Float64Array(n);
  const rhs = new Float64Array(n);

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // The gap Σ αᵢ sᵢ + (C − αᵢ) ξᵢ is 0 exactly at the optimum; aim for a tenth of it.
    let gap = 0;
    for (let i = 0; i < n; i++) gap += alpha[i]! * room[i]! + (C - alpha[i]!) * slack[i]!;
    const mu = (0.1 * gap) / (2 * n);
    // Stationarity residual P θ − Σ αᵢ aᵢ (P = diag(1, 1, 0): b is not penalised).
    const dual = [theta[0]!, theta[1]!, 0];
    for (let i = 0; i < n; i++) for (let r = 0; r < 3; r++) dual[r]! -= alpha[i]! * rows[i]![r]!;
    let infeasible = Math.max(Math.abs(dual[0]!), Math.abs(dual[1]!), Math.abs(dual[2]!));
    // Newton step: eliminate sᵢ, ξᵢ and αᵢ point by point, leaving (P + Σ aᵢaᵢᵀ / weightᵢ) dθ = ….
    const matrix = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ];
    const vector = [-dual[0]!, -dual[1]!, -dual[2]!];
    for (let i = 0; i < n; i++) {
      const a = rows[i]!;
      const primal = a[0]! * theta[0]! + a[1]! * theta[1]! + a[2]! * theta[2]! + slack[i]! - room[i]! - 1;
      infeasible = Math.max(infeasible, Math.abs(primal));
      const upper = C - alpha[i]!;
      weight[i] = slack[i]! / upper + room[i]! / alpha[i]!;
      rhs[i] = -primal + (upper * slack[i]! - mu) / upper - (alpha[i]! * room[i]! - mu) / alpha[i]!;
      for (let r = 0; r < 3; r++) {
        vector[r]! += (a[r]! * rhs[i]!) / weight[i]!;
        for (let c = 0; c < 3; c++) matrix[r]![c]! += (a[r]! * a[c]!) / weight[i]!;
      }
    }
    // Near the optimum, try the exact finish: once it applies, the iterations are done.
    if (gap <= 1e-8 * n * Math.max(1, C) && exactFinish(points, snapToBounds(alpha, room, slack, C), C) !== null) break;
    if (gap <= 1e-14 * n * Math.max(1, C) && infeasible <= 1e-12 * Math.max(1, C)) break;
    const step = solveLinearSystem(matrix, vector, 0); // positive definite: each aᵢaᵢᵀ/weightᵢ adds 1/weightᵢ > 0 to the b entry
    if (step === null || !step.every(Number.isFinite)) break;
    // Back out each point's changes, and the longest step that keeps α in (0, C), s, ξ > 0.
    let length = 1;
    const changes: [number, number, number][] = [];
    for (let i = 0; i < n; i++) {
      const a = rows[i]!;
      const upper = C - alpha[i]!;
      const dAlpha = (rhs[i]! - (a[0]! * step[0]! + a[1]! * step[1]! + a[2]! * step[2]!)) / weight[i]!;
      const dRoom = (mu - alpha[i]! * room[i]! - room[i]! * dAlpha) / alpha[i]!;
      const dSlack = (mu - upper * slack[i]! + slack[i]! * dAlpha) / upper;
      changes.push([dAlpha, dRoom, dSlack]);
      if (dAlpha < 0) length = Math.min(length, (-0.99 * alpha[i]!) / dAlpha);
      if (dAlpha > 0) length = Math.min(length, (0.99 * upper) / dAlpha);
      if (dRoom < 0) length = Math.min(length, (-0.99 * room[i]!) / dRoom);
      if (dSlack < 0) length = Math.min(length, (-0.99 * slack[i]!) / dSlack);
    }
    if (!(length > 0) || changes.some((change) => !change.every(Number.isFinite))) break; // rounding has taken over
    for (let r = 0; r < 3; r++) theta[r] = theta[r]! + length * step[r]!;
    for (let i = 0; i < n; i++) {
      alpha[i] = alpha[i]! + length * changes[i]![0];
      room[i] = room[i]! + length * changes[i]![1];
      slack[i] = slack[i]! + length * changes[i]![2];
    }
  }

  // Snap each α that is heading for a bound onto it exactly, then finish exactly.
  alpha.set(snapToBounds(alpha, room, slack, C));
  let w1 = theta[0]!;
  let w2 = theta[1]!;
  let b = theta[2]!;
  let converged = false;
  const finish = exactFinish(points, alpha, C);
  if (finish !== null) {
    converged = true;
    alpha.set(finish.alpha);
    w1 = finish.w1;
    w2 = finish.w2;
    b = finish.b;
  } else if (!alpha.some((a) => a > 0 && a < C)) {
    // No point on the band: w follows from α alone, and b is the midpoint of its interval.
    w1 = 0;
    w2 = 0;
    for (let i = 0; i < n; i++) {
      w1 += alpha[i]! * points[i]!.y * points[i]!.x1;
      w2 += alpha[i]! * points[i]!.y * points[i]!.x2;
    }
    b = interceptFromAlpha(points, alpha, C, w1, w2);
    // Optimal when Σ αᵢ yᵢ = 0 and every point is where its α says.
    let balance = 0;
    converged = true;
    for (let i = 0; i < n; i++) {
      const point = points[i]!;
      balance += alpha[i]! * point.y;
      const margin = point.y * (w1 * point.x1 + w2 * point.x2 + b);
      if (alpha[i] === 0 ? margin < 1 - 1e-11 : margin > 1 + 1e-11) converged = false;
    }
    if (Math.abs(balance) > 1e-9 * C) converged = false;
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
 * A copy of α with each value that is heading for a bound set to it exactly. As μ → 0, one
 * of each pair αᵢ·sᵢ and (C − αᵢ)·ξᵢ goes to zero while its partner stays put, so αᵢ is
 * heading for 0 when it is already smaller than its room sᵢ, and for C when C − αᵢ is
 * smaller than its slack ξᵢ (points on the band have both sᵢ and ξᵢ heading for 0).
 */
function snapToBounds(alpha: Float64Array, room: Float64Array, slack: Float64Array, C: number): Float64Array {
  const snapped = Float64Array.from(alpha);
  for (let i = 0; i < snapped.length; i++) {
    if (alpha[i]! < room[i]!) snapped[i] = 0;
    else if (C - alpha[i]! < slack[i]!) snapped[i] = C;
  }
  return snapped;
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
    if (a === 0 ? margin < 1 - 1e-11 : margin > 1 + 1e-11) return null;
  }
  return { alpha: polished, w1, w2, b };
}
