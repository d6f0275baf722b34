/**
 * What is particular to "Preference objectives": every seed of each problem against an
 * independent computation with Math.*, and the numbers behind the lesson's claims (shift
 * invariance, the closed-form optimum against perturbations of the library's rlhfObjective, the
 * β limits, DPO's weight and its identity with Bradley–Terry). The generic checks every problem
 * keeps (shapes, mistakes apart, KaTeX, pinned variants) are in problems.contract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { problems } from '../../../src/content/lessons/rlhf-objectives/problems';
import { bradleyTerry, dpo, fitRewardGap, policy, raterPools, splitVote } from '../../../src/content/lessons/rlhf-objectives/examples';
import { optimalPolicy } from '../../../src/lib/preferences/index';
import { bradleyTerryLoss, dpoLoss, rlhfObjective } from '../../../src/lib/losses/index';
import { createRandom } from '../../../src/lib/practice/random';

const byId = (name: string) => problems.find((p) => p.id === `rlhf-objectives/${name}`)!;
const seeds = Array.from({ length: 60 }, (_, seed) => seed);
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
/** π* ∝ π_ref·e^{r/β} with Math.exp, normalised by hand (no max subtracted: the tests keep r/β small). */
const gibbs = (ref: number[], r: number[], beta: number) => {
  const w = ref.map((p, k) => p * Math.exp(r[k]! / beta));
  const z = w.reduce((t, x) => t + x, 0);
  return w.map((x) => x / z);
};
const kl = (p: number[], q: number[]) => p.reduce((t, pk, k) => (pk > 0 ? t + pk * Math.log(pk / q[k]!) : t), 0);
const mean = (p: number[], x: number[]) => p.reduce((t, pk, k) => t + pk * x[k]!, 0);
/** The objective −E_π[r] + β KL(π ‖ ref) written out with Math.log. */
const objective = (pi: number[], r: number[], ref: number[], beta: number) => -mean(pi, r) + beta * kl(pi, ref);
const slope = (f: (x: number) => number, x: number, h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);
const closeVectors = (actual: ArrayLike<number>, expected: number[], digits = 10) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]!).toBeCloseTo(e, digits));
};

describe('rlhf-objectives problems: every seed against Math.*', () => {
  it('preference-probability is 1 / (1 + e^{−(r₁ − r₂)})', () => {
    const p = byId('preference-probability');
    for (const seed of seeds) {
      const { r1, r2 } = p.params(seed);
      expect(p.answer(p.params(seed)) as number).toBeCloseTo(1 / (1 + Math.exp(-(r1 - r2))), 12);
    }
  });

  it('reward-model-loss is ln(1 + e^{−(r₂ − r₁)}) when y₂ was chosen', () => {
    const p = byId('reward-model-loss');
    for (const seed of seeds) {
      const { r1, r2 } = p.params(seed);
      expect(p.answer(p.params(seed)) as number).toBeCloseTo(Math.log(1 + Math.exp(-(r2 - r1))), 12);
    }
  });

  it('kl-penalised-objective is −Σ πr + β Σ π ln(π / π_ref)', () => {
    const p = byId('kl-penalised-objective');
    for (const seed of seeds) {
      const { policy: pi, ref, rewards, beta } = p.params(seed);
      expect(p.answer(p.params(seed)) as number).toBeCloseTo(objective(pi, rewards, ref, beta), 12);
    }
  });

  it('optimal-policy is π_ref e^{r/β} normalised, and no nearby policy has a lower objective', () => {
    const p = byId('optimal-policy');
    for (const seed of seeds) {
      const { ref, rewards, beta } = p.params(seed);
      const answer = p.answer(p.params(seed)) as number[];
      closeVectors(answer, gibbs(ref, rewards, beta), 12);
      const best = objective(answer, rewards, ref, beta);
      for (const [i, j] of [[0, 1], [1, 2], [2, 0]] as const) {
        for (const sign of [1, -1]) {
          const step = sign * 1e-3 * Math.min(answer[i]!, answer[j]!); // small enough to stay inside the simplex
          const moved = answer.map((x, k) => (k === i ? x + step : k === j ? x - step : x));
          expect(objective(moved, rewards, ref, beta)).toBeGreaterThan(best);
        }
      }
    }
  });

  it('dpo-gradient-weight is σ(β[(ln π_l − ln ref_l) − (ln π_w − ln ref_w)]), and β times it is the size of dpoLoss\'s derivative on ln π(y_w)', () => {
    const p = byId('dpo-gradient-weight');
    for (const seed of seeds) {
      const q = p.params(seed);
      const weight = p.answer(q) as number;
      expect(weight).toBeCloseTo(sigma(q.beta * (q.policyRejected - q.refRejected - (q.policyChosen - q.refChosen))), 12);
      const loss = (chosen: number) => Math.log(1 + Math.exp(-q.beta * (chosen - q.refChosen - (q.policyRejected - q.refRejected))));
      expect(slope(loss, q.policyChosen)).toBeCloseTo(-q.beta * weight, 7);
    }
  });

  it('beta-for-probability: at the answer\'s β the closed-form policy gives y₁ exactly the asked probability', () => {
    const p = byId('beta-for-probability');
    expect(p.answer(p.params(0)) as number).toBeCloseTo(2 / Math.log(6), 12); // odds 1/4 → 3/2: a factor 6
    for (const seed of seeds) {
      const { ref, rewards, target } = p.params(seed);
      const beta = p.answer(p.params(seed)) as number;
      expect(beta).toBeGreaterThan(0);
      expect(gibbs([ref, 1 - ref], rewards, beta)[0]!).toBeCloseTo(target, 10);
    }
  });

  it('rescaled-rewards: with β\' = answer, rewards a·r + c give the same optimal policy as r with β, for random rewards', () => {
    const p = byId('rescaled-rewards');
    const random = createRandom(7);
    for (const seed of seeds) {
      const { scale, shift, beta } = p.params(seed);
      const betaPrime = p.answer(p.params(seed)) as number;
      const ref = [0.5, 0.3, 0.2];
      const r = [random.uniform(-1, 1), random.uniform(-1, 1), random.uniform(-1, 1)];
      closeVectors(optimalPolicy(r.map((x) => scale * x + shift), ref, betaPrime), optimalPolicy(r, ref, beta), 10);
    }
  });
});

describe('rlhf-objectives: the numbers behind the lesson\'s claims', () => {
  it('Bradley–Terry worked example: σ of each gap, the mean of −ln σ, and the reward gradient by central difference', () => {
    const { rewards, comparisons } = bradleyTerry;
    const pairs: [number, number][] = [[0, 1], [0, 2], [1, 2], [2, 1]];
    const loss = (r: number[]) => pairs.reduce((t, [c, j]) => t + Math.log(1 + Math.exp(-(r[c]! - r[j]!))), 0) / pairs.length;
    comparisons.forEach((c, i) => {
      const [ci, ji] = pairs[i]!;
      expect(c.probability).toBeCloseTo(sigma(rewards[ci]! - rewards[ji]!), 12);
      expect(c.loss).toBeCloseTo(-Math.log(c.probability), 12);
    });
    expect(bradleyTerry.loss).toBeCloseTo(loss(rewards), 12);
    rewards.forEach((_, k) => expect(bradleyTerry.rewardGrad[k]!).toBeCloseTo(slope((x) => loss(rewards.map((r, j) => (j === k ? x : r))), rewards[k]!), 7));
    // The contradictory comparison C ≻ B costs more than all the others together, and of the pushes
    // on B's reward (from A ≻ B, B ≻ C and C ≻ B) it sends the largest, so B's gradient is positive.
    expect(comparisons[3]!.loss).toBeGreaterThan(comparisons[0]!.loss + comparisons[1]!.loss + comparisons[2]!.loss);
    const pushesOnB = [sigma(-1) / 4, -sigma(-1.5) / 4, sigma(1.5) / 4];
    expect(pushesOnB.reduce((t, x) => t + x, 0)).toBeCloseTo(bradleyTerry.rewardGrad[1]!, 12);
    expect(Math.max(...pushesOnB.map(Math.abs))).toBe(pushesOnB[2]);
    expect(bradleyTerry.rewardGrad[1]!).toBeGreaterThan(0);
  });

  it('rewards are defined only up to a shift: the loss and every probability stay put, and the gradient sums to zero', () => {
    expect(bradleyTerry.shiftedLoss).toBeCloseTo(bradleyTerry.loss, 12);
    closeVectors(bradleyTerry.shiftedProbabilities, bradleyTerry.comparisons.map((c) => c.probability), 12);
    expect(Math.abs(bradleyTerry.gradSum)).toBeLessThan(1e-15);
    const random = createRandom(11);
    for (let trial = 0; trial < 50; trial++) {
      const chosen = [random.uniform(-3, 3), random.uniform(-3, 3), random.uniform(-3, 3)];
      const rejected = [random.uniform(-3, 3), random.uniform(-3, 3), random.uniform(-3, 3)];
      const c = random.uniform(-100, 100);
      expect(bradleyTerryLoss(chosen.map((x) => x + c), rejected.map((x) => x + c)).value).toBeCloseTo(bradleyTerryLoss(chosen, rejected).value, 10);
    }
  });

  it('a split vote: the fitted gap is the log-odds of the win rate, ln 3 for 3 wins in 4, and the rater mix decides its sign', () => {
    expect(splitVote.gap).toBeCloseTo(Math.log(3), 10);
    expect(splitVote.probability).toBeCloseTo(0.75, 10);
    for (const [wins, losses] of [[1, 1], [9, 1], [2, 7]] as const) expect(fitRewardGap(wins, losses)).toBeCloseTo(Math.log(wins / losses), 10);
    const [mostlyGroup2, mostlyGroup1] = raterPools.mixes;
    for (const mix of raterPools.mixes) {
      expect(mix.wins).toBe(mix.byGroup1 * raterPools.groups[0]!.prefersA + mix.byGroup2 * raterPools.groups[1]!.prefersA);
      expect(mix.gap).toBeCloseTo(Math.log(mix.wins / mix.losses), 10);
      expect(mix.probability).toBeCloseTo(mix.winRate, 10);
    }
    expect(mostlyGroup2!.gap).toBeLessThan(0);
    expect(mostlyGroup1!.gap).toBeGreaterThan(0);
  });

  it('the closed form π* ∝ π_ref e^{r/β} minimises the library\'s rlhfObjective: 300 seeded cases, 40 random perturbations each never do better, and the gap is β KL(π ‖ π*)', () => {
    const random = createRandom(2026);
    for (let trial = 0; trial < 300; trial++) {
      const k = random.int(2, 8);
      const rawRef = Array.from({ length: k }, () => random.uniform(0.05, 1));
      const ref = rawRef.map((x) => x / rawRef.reduce((t, y) => t + y, 0));
      const r = Array.from({ length: k }, () => random.uniform(-3, 3));
      const beta = Math.exp(random.uniform(Math.log(0.05), Math.log(20)));
      const star = optimalPolicy(r, ref, beta);
      const best = rlhfObjective(star.map(Math.log), r, ref, { beta });
      const lnZ = Math.log(ref.reduce((t, p, j) => t + p * Math.exp(r[j]! / beta), 0));
      expect(best.value).toBeCloseTo(-beta * lnZ, 9);
      for (const g of best.grad) expect(Math.abs(g)).toBeLessThan(1e-9);
      for (let n = 0; n < 40; n++) {
        const size = random.pick([1e-3, 0.1, 1, 5]);
        const logits = star.map((p) => Math.log(p) + size * random.uniform(-1, 1));
        const other = rlhfObjective(logits, r, ref, { beta });
        expect(other.value).toBeGreaterThanOrEqual(best.value - 1e-12);
        const moved = logits.map((z) => Math.exp(z - Math.max(...logits)));
        const pi = moved.map((x) => x / moved.reduce((t, y) => t + y, 0));
        expect(other.value - best.value).toBeCloseTo(beta * kl(pi, star), 9);
      }
    }
  });

  it('worked example 2: the objective at π* is −β ln Z and below the reference\'s and the hack\'s; the quality rises at β = 2 and collapses at β = 0.4', () => {
    const { refProbs, rewards, quality } = policy;
    for (const b of policy.betas) {
      closeVectors(b.pi, gibbs(refProbs, rewards, b.beta), 12);
      expect(b.objective).toBeCloseTo(b.minusBetaLogZ, 12);
      expect(b.objective).toBeCloseTo(objective(b.pi, rewards, refProbs, b.beta), 12);
      expect(b.objective).toBeLessThan(b.refObjective);
      expect(b.objective).toBeLessThan(b.hackObjective);
      expect(b.expectedReward).toBeCloseTo(mean(b.pi, rewards), 12);
      expect(b.expectedQuality).toBeCloseTo(mean(b.pi, quality), 12);
      expect(b.kl).toBeCloseTo(kl(b.pi, refProbs), 12);
      expect(b.hackKl).toBeCloseTo(-Math.log(refProbs[3]!), 10);
    }
    const [wide, tight] = policy.betas;
    for (const b of policy.betas) for (const g of b.gradientAtOptimum) expect(Math.abs(g)).toBeLessThan(1e-12);
    // At β = 2 the brief answer loses probability to the one that shows its steps, and the hack gains a little.
    expect(wide!.pi[0]!).toBeLessThan(refProbs[0]!);
    expect(wide!.pi[1]!).toBeGreaterThan(refProbs[1]!);
    expect(wide!.pi[3]!).toBeGreaterThan(refProbs[3]!);
    expect(wide!.pi[3]!).toBeLessThan(0.05);
    expect(policy.refReward).toBeCloseTo(mean(refProbs, rewards), 12);
    expect(policy.refQuality).toBeCloseTo(mean(refProbs, quality), 12);
    expect(wide!.expectedQuality).toBeGreaterThan(policy.refQuality);
    expect(tight!.expectedQuality).toBeLessThan(0);
    expect(tight!.expectedReward).toBeGreaterThan(wide!.expectedReward);
    expect(tight!.kl).toBeGreaterThan(wide!.kl);
    // At β = 0.4 the hack is the most likely response; at β = 2 it is the least likely but one.
    expect(tight!.pi.indexOf(Math.max(...tight!.pi))).toBe(3);
    expect(wide!.pi[3]!).toBeLessThan(Math.min(wide!.pi[0]!, wide!.pi[1]!, wide!.pi[2]!));
  });

  it('β → 0 gives the reward\'s argmax, β → ∞ gives π_ref; expected reward and KL fall as β grows, with slopes −Var(r)/β² and −Var(r)/β³', () => {
    expect(policy.small.pi[3]!).toBeGreaterThan(1 - 1e-12);
    expect(policy.small.expectedReward).toBeCloseTo(Math.max(...policy.rewards), 10);
    expect(policy.small.kl).toBeCloseTo(-Math.log(policy.refProbs[3]!), 8);
    closeVectors(policy.large.pi, policy.refProbs, 2);
    expect(policy.large.kl).toBeLessThan(1e-4);
    const betas = Array.from({ length: 60 }, (_, i) => Math.exp(Math.log(0.01) + (i * Math.log(1e4)) / 59));
    const curve = betas.map((beta) => {
      const pi = optimalPolicy(policy.rewards, policy.refProbs, beta);
      return { reward: mean(pi, policy.rewards), divergence: kl(pi, policy.refProbs) };
    });
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.reward).toBeLessThanOrEqual(curve[i - 1]!.reward + 1e-12);
      expect(curve[i]!.divergence).toBeLessThanOrEqual(curve[i - 1]!.divergence + 1e-12);
    }
    // In general: dE[r]/dβ = −Var(r)/β² and dKL/dβ = −Var(r)/β³ under π*, so both fall as β grows, for any rewards.
    const random = createRandom(99);
    for (let trial = 0; trial < 100; trial++) {
      const k = random.int(2, 8);
      const raw = Array.from({ length: k }, () => random.uniform(0.05, 1));
      const ref = raw.map((x) => x / raw.reduce((t, y) => t + y, 0));
      const r = Array.from({ length: k }, () => random.uniform(-3, 3));
      const [b1, b2] = [random.uniform(0.05, 5), random.uniform(0.05, 5)].sort((a, b) => a - b);
      const [p1, p2] = [gibbs(ref, r, b1!), gibbs(ref, r, b2!)];
      expect(mean(p2!, r)).toBeLessThanOrEqual(mean(p1!, r) + 1e-12);
      expect(kl(p2!, ref)).toBeLessThanOrEqual(kl(p1!, ref) + 1e-12);
      // The derivatives the lesson states, by central difference at b2.
      const variance = mean(p2!, r.map((x) => x * x)) - mean(p2!, r) ** 2;
      expect(slope((beta) => mean(gibbs(ref, r, beta), r), b2!, 1e-5)).toBeCloseTo(-variance / b2! ** 2, 4);
      expect(slope((beta) => kl(gibbs(ref, r, beta), ref), b2!, 1e-5)).toBeCloseTo(-variance / b2! ** 3, 4);
    }
    // Any reference probability of 0 stays 0 at every β: the policy cannot leave the reference's support.
    for (const beta of [0.01, 1, 100]) expect(gibbs([0.5, 0.5, 0], [0, 1, 5], beta)[2]).toBe(0);
  });

  it('DPO: the loss is Bradley–Terry on β ln(π/π_ref), the weight is σ(r̂_l − r̂_w), and a wrongly ranked pair weighs more, the more so at a larger β', () => {
    for (const b of dpo.betas) {
      b.perPair.forEach((pair, i) => {
        const raw = dpo.pairs[i]!;
        const margin = b.beta * (raw.policyChosen - raw.refChosen - (raw.policyRejected - raw.refRejected));
        expect(pair.margin).toBeCloseTo(margin, 12);
        expect(pair.loss).toBeCloseTo(Math.log(1 + Math.exp(-margin)), 12);
        expect(pair.bradleyTerry).toBeCloseTo(pair.loss, 12);
        expect(pair.weight).toBeCloseTo(sigma(-margin), 12);
        expect(pair.gradChosen).toBeCloseTo(-b.beta * pair.weight, 12);
        expect(pair.gradRejected).toBeCloseTo(b.beta * pair.weight, 12);
      });
      const [right, wrong] = b.perPair;
      expect(right!.margin).toBeGreaterThan(0);
      expect(wrong!.margin).toBeLessThan(0);
      expect(wrong!.weight).toBeGreaterThan(0.5);
      expect(right!.weight).toBeLessThan(0.5);
    }
    const [low, high] = dpo.betas;
    expect(high!.perPair[0]!.weight).toBeLessThan(low!.perPair[0]!.weight);
    expect(high!.perPair[1]!.weight).toBeGreaterThan(low!.perPair[1]!.weight);
  });

  it('DPO at the optimum: with π = π* for a reward r, DPO\'s loss on any pair equals Bradley–Terry on r (ln Z cancels)', () => {
    const random = createRandom(5);
    for (let trial = 0; trial < 50; trial++) {
      const ref = [0.1, 0.2, 0.3, 0.4];
      const r = ref.map(() => random.uniform(-2, 2));
      const beta = random.pick([0.1, 0.5, 2]);
      const star = optimalPolicy(r, ref, beta);
      const [w, l] = [random.int(0, 3), random.int(0, 3)];
      if (w === l) continue;
      const viaDpo = dpoLoss([Math.log(star[w]!)], [Math.log(star[l]!)], [Math.log(ref[w]!)], [Math.log(ref[l]!)], { beta }).value;
      expect(viaDpo).toBeCloseTo(bradleyTerryLoss([r[w]!], [r[l]!]).value, 10);
    }
  });
});
