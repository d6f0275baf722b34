/**
 * The reward model's fitter: its rewards are a stationary point of the regularised
 * Bradley–Terry objective, a split vote gives the log-odds of the win rate, and the shift the
 * data cannot see is fixed at mean 0. Expected values come from plain Math here (σ, ln and the
 * objective's gradient written out), not from the fitter.
 */
import { describe, expect, it } from 'vitest';
import { fitRewards } from '../../../src/lib/preferences/fitRewards';
import { sixResponses, type Preference } from '../../../src/lib/preferences/sixResponses';
import { createRandom } from '../../../src/lib/practice/random';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** ∂/∂rₖ of (1/m) Σ −ln σ(r_w − r_l) + (λ/2) Σ r², written out. */
function gradient(rewards: ArrayLike<number>, preferences: readonly Preference[], l2: number): number[] {
  const g = Array.from(rewards, (r) => l2 * r);
  for (const { winner, loser } of preferences) {
    const pull = sigmoid(-(rewards[winner]! - rewards[loser]!)) / preferences.length;
    g[winner]! -= pull;
    g[loser]! += pull;
  }
  return g;
}
function objective(rewards: ArrayLike<number>, preferences: readonly Preference[], l2: number): number {
  let total = 0;
  for (const { winner, loser } of preferences) total += -Math.log(sigmoid(rewards[winner]! - rewards[loser]!));
  return total / preferences.length + (l2 / 2) * Array.from(rewards).reduce((s, r) => s + r * r, 0);
}
const repeat = (p: Preference, times: number): Preference[] => Array.from({ length: times }, () => p);

describe('fitRewards', () => {
  it('zeroes the gradient of the L2-regularised Bradley–Terry loss, for the widget’s data and for random ones', () => {
    const cases: { count: number; preferences: Preference[]; l2: number }[] = [
      { count: 6, preferences: [...sixResponses.preferences], l2: 0.01 },
      { count: 6, preferences: [...sixResponses.preferences], l2: 0.1 },
    ];
    const random = createRandom(11);
    for (let c = 0; c < 30; c++) {
      const count = 2 + Math.floor(random.next() * 7);
      const preferences: Preference[] = [];
      for (let i = 0; i < 1 + Math.floor(random.next() * 10); i++) {
        const winner = Math.floor(random.next() * count);
        const loser = (winner + 1 + Math.floor(random.next() * (count - 1))) % count;
        preferences.push({ winner, loser });
      }
      cases.push({ count, preferences, l2: [0.01, 0.1, 1][c % 3]! });
    }
    for (const { count, preferences, l2 } of cases) {
      const fit = fitRewards(count, preferences, { l2, iterations: 30 });
      for (const g of gradient(fit.rewards, preferences, l2)) expect(Math.abs(g)).toBeLessThan(1e-10);
      expect(fit.gradientNorm).toBeLessThan(1e-10);
      // The final loss is the objective at the fitted rewards, and nothing nearby does better.
      expect(fit.losses.at(-1)).toBeCloseTo(objective(fit.rewards, preferences, l2), 12);
      for (let k = 0; k < count; k++) {
        const nudged = Float64Array.from(fit.rewards);
        nudged[k]! += 1e-3;
        expect(objective(nudged, preferences, l2)).toBeGreaterThan(objective(fit.rewards, preferences, l2));
      }
    }
  });

  it('gives a pair with k wins of m the gap ln(k / (m − k)) without regularisation, so σ(gap) is the win rate', () => {
    for (const [k, m] of [[1, 2], [2, 3], [3, 4], [1, 5], [7, 10]] as const) {
      const preferences = [...repeat({ winner: 0, loser: 1 }, k), ...repeat({ winner: 1, loser: 0 }, m - k)];
      const fit = fitRewards(2, preferences, { l2: 0 });
      expect(fit.rewards[0]! - fit.rewards[1]!).toBeCloseTo(Math.log(k / (m - k)), 10);
      for (const p of fit.probabilities.slice(0, k)) expect(p).toBeCloseTo(k / m, 10);
    }
    // With other answers in the list but not in the data, the pair's gap is the same.
    const fit = fitRewards(5, [...repeat({ winner: 3, loser: 1 }, 3), { winner: 1, loser: 3 }], { l2: 0 });
    expect(fit.rewards[3]! - fit.rewards[1]!).toBeCloseTo(Math.log(3), 10);
  });

  it('fixes the shift the data cannot see at mean reward 0; the loss and the probabilities do not depend on it', () => {
    const preferences = [...sixResponses.preferences];
    for (const l2 of [0, 0.01, 0.1]) {
      const fit = fitRewards(6, preferences, { l2 });
      expect(Math.abs(fit.rewards.reduce((s, r) => s + r, 0))).toBeLessThan(1e-12);
      // Adding a constant to every reward changes no gap: the Bradley–Terry loss is unchanged.
      for (const shift of [-3, 0.5, 10]) {
        const moved = fit.rewards.map((r) => r + shift);
        expect(objective(moved, preferences, 0)).toBeCloseTo(objective(fit.rewards, preferences, 0), 12);
      }
    }
  });

  it('relabels along with the responses: the same data under another numbering gives the same rewards', () => {
    const order = [3, 0, 5, 1, 4, 2];
    const preferences = sixResponses.preferences.map(({ winner, loser }) => ({ winner: order[winner]!, loser: order[loser]! }));
    const a = fitRewards(6, sixResponses.preferences, { l2: 0.05 });
    const b = fitRewards(6, preferences, { l2: 0.05 });
    order.forEach((to, from) => expect(b.rewards[to]).toBeCloseTo(a.rewards[from]!, 10));
  });

  it('lets an unbeaten response rise with every step when λ = 0 (no minimum), and holds it finite with λ > 0', () => {
    const preferences = [{ winner: 0, loser: 1 }, { winner: 0, loser: 2 }, { winner: 1, loser: 2 }, { winner: 2, loser: 1 }];
    const gaps = [4, 8, 16].map((iterations) => {
      const r = fitRewards(3, preferences, { l2: 0, iterations }).rewards;
      return r[0]! - r[1]!;
    });
    expect(gaps[1]!).toBeGreaterThan(gaps[0]! + 1);
    expect(gaps[2]!).toBeGreaterThan(gaps[1]! + 1);
    const held = [30, 60].map((iterations) => fitRewards(3, preferences, { l2: 0.05, iterations }).rewards[0]!);
    expect(held[1]).toBeCloseTo(held[0]!, 12);
  });

  it('never lets the objective rise from one step to the next, starting at ln 2', () => {
    const fit = fitRewards(6, sixResponses.preferences, { l2: 0.01 });
    expect(fit.losses).toHaveLength(13);
    expect(fit.losses[0]).toBeCloseTo(Math.log(2), 14);
    for (let i = 1; i < fit.losses.length; i++) expect(fit.losses[i]!).toBeLessThanOrEqual(fit.losses[i - 1]!);
  });

  it('names a preference that points outside the list or at itself', () => {
    expect(() => fitRewards(3, [{ winner: 0, loser: 3 }])).toThrow(/preference 0 \(0 ≻ 3\)/);
    expect(() => fitRewards(3, [{ winner: 1, loser: 1 }])).toThrow(RangeError);
  });
});
