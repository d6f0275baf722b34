import { bradleyTerryLoss } from '../losses/index.ts';
import type { Preference } from './sixResponses.ts';

export interface FitRewardsOptions {
  /** Weight λ ≥ 0 of the L2 term (λ/2)·Σ rₖ² (default 0: the plain Bradley–Terry loss). */
  l2?: number;
  /** How many Newton steps to take (default 12); the fit always takes exactly this many. */
  iterations?: number;
}

export interface RewardFit {
  /** One reward per response, with mean 0. */
  rewards: Float64Array;
  /** The objective at the start (all rewards 0, so ln 2) and after each step: iterations + 1 values. */
  losses: number[];
  /** The fitted P(winner ≻ loser) = σ(r_winner − r_loser), one per preference. */
  probabilities: number[];
  /** The largest |∂objective/∂rₖ| at the end: near 0 when the fit has converged. */
  gradientNorm: number;
}

/**
 * Fits a reward to each response from pairwise preferences by minimising the mean
 * Bradley–Terry loss (the library's bradleyTerryLoss) plus an optional L2 term:
 *
 *   J(r) = (1/m) Σᵢ −log σ(r_wᵢ − r_lᵢ) + (λ/2) Σₖ rₖ²
 *
 * by Newton's method with a backtracking line search, from r = 0, for a fixed number of steps
 * (deterministic: the same data always gives the same fit).
 *
 * Rewards are defined only up to a shift: adding c to every reward changes no gap, so no
 * probability and no loss. The fit fixes the shift by keeping the mean reward at 0 (with λ > 0
 * the mean-0 shift is also the one the L2 term prefers). Without λ, a response that wins every
 * comparison it is in has no best reward (the loss keeps falling as it rises), so the fit
 * stops only because its steps run out; any λ > 0 gives a finite minimum.
 *
 * @param count the number of responses, n ≥ 2
 * @param preferences m ≥ 1 comparisons, indices into 0 … n − 1, winner ≠ loser
 * @param options.l2 λ ≥ 0; options.iterations the number of Newton steps
 * @throws RangeError when a preference names a response outside 0 … n − 1 or a response against itself
 * @example fitRewards(2, [{ winner: 0, loser: 1 }, { winner: 0, loser: 1 }, { winner: 1, loser: 0 }]).rewards // => [ln 2 / 2, −ln 2 / 2]
 */
export function fitRewards(count: number, preferences: readonly Preference[], options: FitRewardsOptions = {}): RewardFit {
  const { l2 = 0, iterations = 12 } = options;
  if (!(l2 >= 0)) throw new RangeError(`fitRewards: l2 must be ≥ 0, got ${l2}`);
  preferences.forEach(({ winner, loser }, i) => {
    const ok = (k: number) => Number.isInteger(k) && k >= 0 && k < count;
    if (!ok(winner) || !ok(loser) || winner === loser) throw new RangeError(`fitRewards: preference ${i} (${winner} ≻ ${loser}) must name two different responses in 0 … ${count - 1}`);
  });
  const m = preferences.length;
  const rewards = new Float64Array(count);
  const objective = (r: Float64Array) => evaluate(r, preferences, l2);
  let current = objective(rewards);
  const losses = [current.value];
  for (let step = 0; step < iterations; step++) {
    // Hessian of J: σ(Δ)σ(−Δ)/m on the pair's diagonal, minus it off the diagonal; λ on the diagonal.
    const hessian = Array.from({ length: count }, (_, k) => {
      const row = new Float64Array(count);
      row[k] = l2;
      return row;
    });
    preferences.forEach(({ winner, loser }) => {
      const gap = rewards[winner]! - rewards[loser]!;
      const p = 1 / (1 + Math.exp(-gap));
      const curvature = (p * (1 - p)) / m;
      hessian[winner]![winner]! += curvature;
      hessian[loser]![loser]! += curvature;
      hessian[winner]![loser]! -= curvature;
      hessian[loser]![winner]! -= curvature;
    });
    // Adding 1/n everywhere removes the shift's zero curvature; the gradient sums to 0, so the step does too.
    for (const row of hessian) for (let k = 0; k < count; k++) row[k]! += 1 / count;
    const direction = solve(hessian, current.gradient.map((g) => -g));
    const slope = direction.reduce((s, d, k) => s + d * current.gradient[k]!, 0);
    let t = 1;
    let next = objective(shifted(rewards, direction, t));
    for (let halvings = 0; halvings < 40 && next.value > current.value + 1e-4 * t * slope; halvings++) {
      t /= 2;
      next = objective(shifted(rewards, direction, t));
    }
    if (next.value <= current.value) {
      rewards.set(shifted(rewards, direction, t));
      current = next;
    }
    losses.push(current.value);
  }
  const probabilities = preferences.map(({ winner, loser }) => 1 / (1 + Math.exp(-(rewards[winner]! - rewards[loser]!))));
  const gradientNorm = current.gradient.reduce((s, g) => Math.max(s, Math.abs(g)), 0);
  return { rewards, losses, probabilities, gradientNorm };
}

/** r + t·d, shifted back to mean 0. */
function shifted(rewards: Float64Array, direction: Float64Array, t: number): Float64Array {
  const next = rewards.map((r, k) => r + t * direction[k]!);
  const mean = next.reduce((s, r) => s + r, 0) / next.length;
  return next.map((r) => r - mean);
}

/** J(r) and its gradient: the Bradley–Terry part from the library, the L2 part by hand. */
function evaluate(rewards: Float64Array, preferences: readonly Preference[], l2: number): { value: number; gradient: Float64Array } {
  const chosen = preferences.map((p) => rewards[p.winner]!);
  const rejected = preferences.map((p) => rewards[p.loser]!);
  const bt = bradleyTerryLoss(chosen, rejected);
  const gradient = rewards.map((r) => l2 * r);
  let penalty = 0;
  for (const r of rewards) penalty += (l2 / 2) * r * r;
  preferences.forEach(({ winner, loser }, i) => {
    gradient[winner]! += bt.grads.rewardChosen[i]!;
    gradient[loser]! += bt.grads.rewardRejected[i]!;
  });
  return { value: bt.value + penalty, gradient };
}

/** Solves A x = b by Gaussian elimination with partial pivoting; a direction with no curvature gets 0. */
function solve(matrix: Float64Array[], rhs: Float64Array): Float64Array {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  const pivots: number[] = [];
  for (let col = 0, row = 0; col < n && row < n; col++) {
    let best = row;
    for (let i = row + 1; i < n; i++) if (Math.abs(a[i]![col]!) > Math.abs(a[best]![col]!)) best = i;
    if (Math.abs(a[best]![col]!) < 1e-14) continue;
    [a[row], a[best]] = [a[best]!, a[row]!];
    for (let i = 0; i < n; i++) {
      if (i === row) continue;
      const factor = a[i]![col]! / a[row]![col]!;
      for (let j = col; j <= n; j++) a[i]![j]! -= factor * a[row]![j]!;
    }
    pivots[row] = col;
    row++;
  }
  const x = new Float64Array(n);
  pivots.forEach((col, row) => (x[col] = a[row]![n]! / a[row]![col]!));
  return x;
}
