import type { GramForm } from './gramForm.ts';
import { kktViolation } from './kktViolation.ts';
import { softThreshold } from './softThreshold.ts';
import { solveSymmetric } from './solveSymmetric.ts';

export interface ElasticNetOptions {
  /** Where to start (warm start), p values; default all zeros. */
  start?: ArrayLike<number>;
  /** Stop once kktViolation ≤ tolerance (default 1e-10, in the units of xⱼᵀr / n). */
  tolerance?: number;
  /** Give up after this many sweeps over the coordinates (default 100 000). */
  maxSweeps?: number;
}

export interface ElasticNetFit {
  /** The coefficients w on the standardised features, p values. */
  weights: Float64Array;
  /** How many sweeps over the p coordinates it took. */
  sweeps: number;
  /** kktViolation at the returned weights (≤ tolerance). */
  violation: number;
}

/**
 * The elastic net at one λ, by cyclic coordinate descent with soft-thresholding. It
 * minimises, over w (p coefficients on standardised features, centred target, no intercept),
 *
 *   P(w) = (1/(2n)) ‖y − Xw‖² + λ (α ‖w‖₁ + (1 − α)/2 ‖w‖²)
 *
 * which is scikit-learn's convention (its `alpha` is our λ, its `l1_ratio` our α): α = 1
 * is the lasso, α = 0 ridge regression.
 *
 * Coordinate descent holds every coefficient but one fixed and solves for that one
 * exactly, then moves to the next, sweeping j = 0, 1, …, p − 1 until nothing changes. For
 * coordinate j, with ρⱼ = xⱼᵀr / n the correlation of feature j with the current
 * residual r = y − Xw, put wⱼ's own contribution back, zⱼ = ρⱼ + Gⱼⱼ wⱼ, and then
 *
 *   wⱼ ← S(zⱼ, λα) / (Gⱼⱼ + λ(1 − α))
 *
 * where S is soft-thresholding: the L1 part moves zⱼ towards zero by λα (and stops at
 * zero), the L2 part divides by 1 + λ(1 − α) (Gⱼⱼ = 1 on standardised features). When wⱼ
 * changes by δ, every ρₖ changes by −Gₖⱼ δ, so we keep ρ = c − Gw up to date in p steps
 * (see gramForm) and recompute it exactly before each sweep. It stops when the optimality
 * conditions hold to within `tolerance` (see kktViolation), not merely when the steps get
 * small: on ill-conditioned data such as the diabetes features (G's smallest eigenvalue
 * is about 0.0086), small steps can still be far from the answer.
 *
 * The finishing step. On such data plain coordinate descent finds which coefficients are
 * nonzero, and their signs s, within a few sweeps, then creeps towards the answer for
 * thousands more. But once the nonzero set A and the signs are known, the conditions for
 * the nonzero coefficients are linear: (G_AA + λ(1 − α) I) w_A = c_A − λα s_A. So after
 * every sweep that left A and the signs unchanged, we solve that p_A × p_A system
 * (solveSymmetric) and accept its solution if it keeps the signs and satisfies all the
 * optimality conditions (including |ρⱼ| ≤ λα for the zero coefficients); if not, the
 * sweeps go on. On the diabetes lasso path (60 λ, tolerance 1e-10) this cuts 15 773 sweeps
 * to 209, and the answer it returns is the exact solution to rounding.
 *
 * @param form the data's Gram form (G = XᵀX/n, c = Xᵀy/n)
 * @param lambda λ ≥ 0, the strength of the penalty
 * @param alpha α in [0, 1], the L1 share of it
 * @param options start (warm start), tolerance (default 1e-10), maxSweeps (default 100 000)
 * @returns weights (p values), sweeps, violation
 * @throws Error when λ or α is out of range, start has the wrong length, or it has not
 *   converged after maxSweeps sweeps
 * @example elasticNet(gramForm(standardize([[1, 2, 3]], [1, 2, 3])), 0.5, 1).weights // => Float64Array [0.3165…] (= √(2/3) − 0.5)
 */
export function elasticNet(form: GramForm, lambda: number, alpha: number, options: ElasticNetOptions = {}): ElasticNetFit {
  const { start, tolerance = 1e-10, maxSweeps = 100_000 } = options;
  const { p, gram, xty } = form;
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new Error(`elasticNet: lambda must be ≥ 0 and finite, received ${lambda}`);
  if (!(alpha >= 0 && alpha <= 1)) throw new Error(`elasticNet: alpha must be in [0, 1], received ${alpha}`);
  if (!(tolerance > 0)) throw new Error(`elasticNet: tolerance must be positive, received ${tolerance}`);
  if (start !== undefined && start.length !== p) throw new Error(`elasticNet: start has ${start.length} values but there are ${p} features`);

  const l1 = lambda * alpha;
  const l2 = lambda * (1 - alpha);
  const weights = start === undefined ? new Float64Array(p) : Float64Array.from(start);
  const rho = new Float64Array(p);

  const signs = new Int8Array(p);
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    for (let j = 0; j < p; j++) signs[j] = Math.sign(weights[j]!);
    // ρ = c − G w, exactly, once per sweep.
    for (let j = 0; j < p; j++) {
      let sum = xty[j]!;
      for (let k = 0; k < p; k++) sum -= gram[j * p + k]! * weights[k]!;
      rho[j] = sum;
    }
    for (let j = 0; j < p; j++) {
      const old = weights[j]!;
      const z = rho[j]! + gram[j * p + j]! * old;
      const updated = softThreshold(z, l1) / (gram[j * p + j]! + l2);
      const delta = updated - old;
      if (delta !== 0) {
        weights[j] = updated;
        for (let k = 0; k < p; k++) rho[k]! -= gram[k * p + j]! * delta;
      }
    }
    const violation = kktViolation(form, weights, lambda, alpha);
    if (violation <= tolerance) return { weights, sweeps: sweep, violation };
    const finished = finishingStep(form, weights, signs, l1, l2);
    if (finished !== null) {
      const finishedViolation = kktViolation(form, finished, lambda, alpha);
      if (finishedViolation <= tolerance) return { weights: finished, sweeps: sweep, violation: finishedViolation };
    }
  }
  const violation = kktViolation(form, weights, lambda, alpha);
  throw new Error(`elasticNet: no convergence after ${maxSweeps} sweeps at lambda ${lambda}, alpha ${alpha} (KKT violation ${violation}, tolerance ${tolerance})`);
}

/**
 * The exact solution on the current nonzero set, if the last sweep kept every sign
 * (signsBefore) and the solution keeps them too; otherwise null.
 */
function finishingStep(form: GramForm, weights: Float64Array, signsBefore: Int8Array, l1: number, l2: number): Float64Array | null {
  const { p, gram, xty } = form;
  const active: number[] = [];
  for (let j = 0; j < p; j++) {
    if (Math.sign(weights[j]!) !== signsBefore[j]) return null;
    if (weights[j] !== 0) active.push(j);
  }
  if (active.length === 0) return null;
  const size = active.length;
  const matrix = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  for (let a = 0; a < size; a++) {
    const j = active[a]!;
    for (let b = 0; b < size; b++) matrix[a * size + b] = gram[j * p + active[b]!]!;
    matrix[a * size + a]! += l2;
    rhs[a] = xty[j]! - l1 * signsBefore[j]!;
  }
  const solution = solveSymmetric(matrix, rhs);
  if (solution === null) return null;
  const finished = new Float64Array(p);
  for (let a = 0; a < size; a++) {
    const j = active[a]!;
    if (Math.sign(solution[a]!) !== signsBefore[j]) return null;
    finished[j] = solution[a]!;
  }
  return finished;
}
