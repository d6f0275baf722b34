/**
 * The KL-regularised optimum in closed form (src/lib/preferences): π* = π_ref · e^{r/β} / Z
 * minimises the library's rlhfObjective, −E_π[r] + β·KL(π ‖ π_ref), and goes from the reward's
 * argmax (β → 0) to π_ref (β → ∞). Expected values are computed here with plain Math.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { klDivergence, rlhfObjective } from '../../../src/lib/losses/index.ts';
import { createRandom, type Random } from '../../../src/lib/practice/random.ts';
import * as preferences from '../../../src/lib/preferences/index.ts';
import { betaStep, betaSteps, betaSweep, dpoOnPair, eightResponses, optimalPolicy, policyAtBeta } from '../../../src/lib/preferences/index.ts';
import { expectClose } from '../losses/helpers.ts';

/** A random distribution over k outcomes, every probability at least `floor`. */
function randomDistribution(random: Random, k: number, floor = 0): number[] {
  const raw = Array.from({ length: k }, () => floor + random.next());
  const total = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => x / total);
}

/** The objective at a policy given as probabilities, through the library's rlhfObjective (logits = log π). */
const objectiveAt = (policy: number[], rewards: number[], refProbs: number[], beta: number): number =>
  rlhfObjective(policy.map(Math.log), rewards, refProbs, { beta }).value;

/** One seeded case: K from 2 to 10 responses, rewards in [−3, 3], β log-uniform in [0.01, 100]. */
function randomCase(seed: number) {
  const random = createRandom(seed);
  const k = random.int(2, 10);
  const rewards = Array.from({ length: k }, () => random.uniform(-3, 3));
  const refProbs = randomDistribution(random, k, 0.05);
  const beta = 10 ** random.uniform(-2, 2);
  return { random, k, rewards, refProbs, beta };
}

describe('optimalPolicy: the closed form minimises rlhfObjective', () => {
  it('no random point of the simplex, near or far, does better, in 300 seeded cases', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { random, k, rewards, refProbs, beta } = randomCase(seed);
      const best = optimalPolicy(rewards, refProbs, beta);
      const bestValue = objectiveAt(best, rewards, refProbs, beta);
      for (let trial = 0; trial < 40; trial++) {
        // Mix π* with a random distribution, by a step from 10⁻⁴ (near) to 1 (anywhere on the simplex).
        const other = randomDistribution(random, k);
        const t = 10 ** random.uniform(-4, 0);
        const moved = best.map((p, j) => (1 - t) * p + t * other[j]!);
        if (moved.some((p) => !(p > 0))) continue;
        const value = objectiveAt(moved, rewards, refProbs, beta);
        expect(value, `seed ${seed}, step ${t}`).toBeGreaterThanOrEqual(bestValue - 1e-12 * (1 + Math.abs(bestValue)));
      }
    }
  });

  it('reaches the minimum −β log Σ π_ref e^{r/β}, where the objective’s gradient vanishes', () => {
    for (let seed = 301; seed <= 400; seed++) {
      const { rewards, refProbs, beta } = randomCase(seed);
      const best = optimalPolicy(rewards, refProbs, beta);
      const shift = Math.max(...rewards) / beta; // log Z = shift + log Σ π_ref e^{r/β − shift}
      const logZ = shift + Math.log(rewards.reduce((s, r, j) => s + refProbs[j]! * Math.exp(r / beta - shift), 0));
      const result = rlhfObjective(best.map(Math.log), rewards, refProbs, { beta });
      expectClose(result.value, -beta * logZ, { rel: 1e-10, abs: 1e-10 }, `seed ${seed}`);
      for (const g of result.grad) expect(Math.abs(g), `seed ${seed}`).toBeLessThan(1e-10 * (1 + beta + Math.max(...rewards.map(Math.abs))));
    }
  });

  it('is π_ref · e^{r/β} normalised, and sums to 1', () => {
    for (let seed = 401; seed <= 450; seed++) {
      const { rewards, refProbs, beta } = randomCase(seed);
      const weights = rewards.map((r, j) => refProbs[j]! * Math.exp(r / beta));
      const total = weights.reduce((s, w) => s + w, 0);
      const best = optimalPolicy(rewards, refProbs, beta);
      if (Number.isFinite(total) && total > 0) expectClose(best, weights.map((w) => w / total), { rel: 1e-10, abs: 1e-15 }, `seed ${seed}`);
      expectClose(best.reduce((s, p) => s + p, 0), 1, { rel: 1e-12, abs: 0 });
    }
  });
});

describe('optimalPolicy: the two limits', () => {
  const rewards = [0.5, 2, -1, 1.9];
  const refProbs = [0.4, 0.1, 0.3, 0.2];

  it('β → 0: all the mass goes to the reward’s argmax', () => {
    expect(optimalPolicy(rewards, refProbs, 0)).toEqual([0, 1, 0, 0]);
    const small = optimalPolicy(rewards, refProbs, 1e-3);
    expect(small[1]).toBeGreaterThan(1 - 1e-12);
    // Between β = 0.1 and β = 0.01 the argmax's share only grows.
    expect(optimalPolicy(rewards, refProbs, 0.01)[1]).toBeGreaterThan(optimalPolicy(rewards, refProbs, 0.1)[1]!);
  });

  it('β → 0 with tied maxima: the mass is shared in proportion to π_ref', () => {
    expect(optimalPolicy([1, 3, 3], [0.5, 0.2, 0.3], 0)).toEqual([0, 0.4, 0.6]);
    expectClose(optimalPolicy([1, 3, 3], [0.5, 0.2, 0.3], 1e-3), [0, 0.4, 0.6], { rel: 1e-9, abs: 1e-12 });
  });

  it('β → ∞: π* returns to π_ref, with KL(π* ‖ π_ref) falling like 1/β²', () => {
    expect(optimalPolicy(rewards, refProbs, Infinity)).toEqual(refProbs);
    expectClose(optimalPolicy(rewards, refProbs, 1e6), refProbs, { rel: 1e-5, abs: 0 });
    // KL ≈ Var_ref(r) / (2β²) for large β: independently, the variance of r under π_ref.
    const mean = rewards.reduce((s, r, j) => s + refProbs[j]! * r, 0);
    const variance = rewards.reduce((s, r, j) => s + refProbs[j]! * (r - mean) ** 2, 0);
    const beta = 1000;
    expectClose(klDivergence(optimalPolicy(rewards, refProbs, beta), refProbs), variance / (2 * beta * beta), { rel: 1e-2, abs: 0 });
  });

  it('rejects what it cannot use, naming the argument', () => {
    expect(() => optimalPolicy([1, 2], [0.5], 1)).toThrow(/optimalPolicy/);
    expect(() => optimalPolicy([1, 2], [1, 0], 1)).toThrow(/refProbs\[1\]/);
    expect(() => optimalPolicy([1, 2], [0.5, 0.5], -1)).toThrow(/beta/);
  });
});

describe('the eight responses and what π* does with them', () => {
  const { responses, hack } = eightResponses;

  it('hold a proper π_ref and one reward hack: the highest reward and the lowest quality', () => {
    expectClose(responses.reduce((s, r) => s + r.refProb, 0), 1, { rel: 1e-12, abs: 0 });
    const rewards = responses.map((r) => r.reward);
    const qualities = responses.map((r) => r.quality);
    expect(rewards.indexOf(Math.max(...rewards))).toBe(hack);
    expect(qualities.indexOf(Math.min(...qualities))).toBe(hack);
  });

  it('policyAtBeta: expected reward, quality and KL as plain sums over π*', () => {
    for (const beta of [0.05, 0.3, 1, 4, 50]) {
      const at = policyAtBeta(eightResponses, beta);
      const weights = responses.map((r) => r.refProb * Math.exp(r.reward / beta));
      const total = weights.reduce((s, w) => s + w, 0);
      const policy = weights.map((w) => w / total);
      expectClose(at.policy, policy, { rel: 1e-10, abs: 1e-15 });
      expectClose(at.expectedReward, policy.reduce((s, p, k) => s + p * responses[k]!.reward, 0), { rel: 1e-10, abs: 1e-12 });
      expectClose(at.expectedQuality, policy.reduce((s, p, k) => s + p * responses[k]!.quality, 0), { rel: 1e-10, abs: 1e-12 });
      expectClose(at.kl, policy.reduce((s, p, k) => s + p * Math.log(p / responses[k]!.refProb), 0), { rel: 1e-9, abs: 1e-12 });
      expectClose(at.objective, -beta * Math.log(total), { rel: 1e-10, abs: 1e-12 });
    }
  });

  it('as β falls the expected reward only rises, while the true quality peaks and then collapses onto the hack', () => {
    const sweep = betaSweep(eightResponses, 0.05, 50, 121);
    for (let i = 1; i < sweep.length; i++) {
      // β grows along the sweep: reward and KL fall (both are monotone in β for a Gibbs family).
      expect(sweep[i]!.expectedReward).toBeLessThanOrEqual(sweep[i - 1]!.expectedReward + 1e-12);
      expect(sweep[i]!.kl).toBeLessThanOrEqual(sweep[i - 1]!.kl + 1e-12);
    }
    const qualities = sweep.map((p) => p.expectedQuality);
    const peak = qualities.indexOf(Math.max(...qualities));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(sweep.length - 1);
    expect(qualities[0]!).toBeLessThan(qualities.at(-1)!); // the smallest β is worse than π_ref itself
    expect(sweep[0]!.policy[hack]!).toBeGreaterThan(0.9);
    expectClose(sweep.at(-1)!.policy, responses.map((r) => r.refProb), { rel: 0.1, abs: 0 });
  });

  it('betaSweep spaces β evenly on a log scale, ends included', () => {
    const sweep = betaSweep(eightResponses, 0.1, 10, 5);
    expectClose(sweep.map((p) => p.beta), [0.1, 10 ** -0.5, 1, 10 ** 0.5, 10], { rel: 1e-12, abs: 0 });
  });

  it('betaSteps: 0.05 to 50 on a log scale, with 0.1, 1 and 10 among them', () => {
    expect(betaSteps[0]).toBe(0.05);
    expect(betaSteps.at(-1)).toBe(50);
    for (const beta of [0.1, 1, 10]) expect(betaSteps[betaStep(beta)]).toBe(beta);
    for (let k = 1; k < betaSteps.length; k++) expect(betaSteps[k]! / betaSteps[k - 1]!).toBeGreaterThan(1.2);
  });
});

describe('dpoOnPair: DPO on a rated pair at the KL-optimal policy', () => {
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

  it('the implicit rewards differ by the rewards’ difference, so the loss is −log σ(r_w − r_l) at every β', () => {
    for (const pair of eightResponses.pairs) {
      const rw = eightResponses.responses[pair.chosen]!.reward;
      const rl = eightResponses.responses[pair.rejected]!.reward;
      for (const beta of [0.05, 0.2, 1, 5, 50]) {
        const dpo = dpoOnPair(eightResponses, pair, beta);
        expectClose(dpo.chosenImplicitReward - dpo.rejectedImplicitReward, rw - rl, { rel: 1e-9, abs: 1e-9 });
        expectClose(dpo.loss, -Math.log(sigmoid(rw - rl)), { rel: 1e-9, abs: 1e-12 });
        // The weight β·σ(r̂_l − r̂_w) is proportional to β.
        expectClose(dpo.weight, beta * sigmoid(rl - rw), { rel: 1e-9, abs: 1e-12 });
        expectClose(dpo.wrongness, sigmoid(rl - rw), { rel: 1e-9, abs: 1e-12 });
      }
    }
  });

  it('on the rated pair “good answer ≻ the hack” the reward model disagrees with the rater: loss above ln 2', () => {
    const pair = eightResponses.pairs.find((p) => p.rejected === eightResponses.hack)!;
    const dpo = dpoOnPair(eightResponses, pair, 1);
    expect(dpo.loss).toBeGreaterThan(Math.log(2));
    expect(dpo.wrongness).toBeGreaterThan(0.5);
  });
});

describe('every @example in src/lib/preferences is true', () => {
  const scope = { ...preferences };
  for (const file of ['optimalPolicy', 'policyAtBeta', 'betaSweep', 'betaSteps', 'dpoOnPair']) {
    const path = `src/lib/preferences/${file}.ts`;
    const source = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
    const examples = [...source.matchAll(/@example (.+?) \/\/ => (.+)$/gm)];
    it(`${path} has an example`, () => expect(examples.length).toBeGreaterThan(0));
    for (const [, expression, expected] of examples) {
      it(`${path}: ${expression} // => ${expected}`, () => {
        const evaluate = (code: string): unknown => new Function(...Object.keys(scope), `return (${code});`)(...Object.values(scope));
        const actual = evaluate(expression!);
        const wanted = evaluate(expected!);
        if (typeof wanted === 'number') expectClose(actual as number, wanted, { rel: 1e-12, abs: 1e-15 });
        else expectClose(actual as number[], wanted as number[], { rel: 1e-12, abs: 1e-15 });
      });
    }
  }
});
