/**
 * Every number the lesson "Preference objectives" shows, computed with src/lib/losses at build
 * time. The MDX imports these and formats them; nothing in the lesson is typed by hand.
 *
 * Conventions: natural logs (nats); a preference is written chosen ≻ rejected; the reference
 * policy is π_ref; the KL-regularised objective is the library's rlhfObjective,
 * L(π) = −E_π[r] + β·KL(π ‖ π_ref), whose minimiser is π* ∝ π_ref·e^{r/β}.
 *
 * The closed form π* is src/lib/preferences' optimalPolicy (shared with the β widget); the
 * tests check it against the library's rlhfObjective.
 */
import { bradleyTerryLoss, dpoLoss, klDivergence, logSumExp, rlhfObjective, sigmoid, softmax } from '../../../lib/losses/index';
import { optimalPolicy } from '../../../lib/preferences/index';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((total, v) => total + v, 0);
const expectation = (p: ArrayLike<number>, values: ArrayLike<number>) => sum(Array.from(p, (pk, k) => pk * values[k]!));

/** ln Z with Z = Σₖ π_ref,k·e^{rₖ/β}, the normaliser of π* (the minimum of the objective is −β ln Z). */
export function logPartition(refProbs: number[], rewards: number[], beta: number): number {
  return logSumExp(refProbs.map((p, k) => Math.log(p) + rewards[k]! / beta));
}

/** The library's objective at a policy given as probabilities (logits ln π). */
export function objectiveAt(policy: number[], rewards: number[], refProbs: number[], beta: number): number {
  return rlhfObjective(policy.map(Math.log), rewards, refProbs, { beta }).value;
}

/**
 * The reward gap Δ = r_A − r_B that minimises the summed Bradley–Terry loss of `wins` comparisons
 * A ≻ B and `losses` comparisons B ≻ A: bisection on the library's gradient, which is increasing
 * in Δ (the loss is convex). The lesson states the closed form, ln(wins / losses).
 */
export function fitRewardGap(wins: number, losses: number): number {
  const slope = (gap: number) =>
    wins * bradleyTerryLoss([gap], [0], { reduction: 'sum' }).grad[0]! + losses * bradleyTerryLoss([0], [gap], { reduction: 'sum' }).grads.rewardRejected[0]!;
  let lo = -50;
  let hi = 50;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (slope(mid) > 0) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

// --- Worked example 1: a reward model's probabilities, loss and gradient on four comparisons.
export const bradleyTerry = (() => {
  const names = ['A', 'B', 'C'];
  const rewards = [1.5, 0.5, -1];
  // Comparisons as [chosen, rejected] indices; the last one contradicts the third.
  const comparisons: [number, number][] = [
    [0, 1],
    [0, 2],
    [1, 2],
    [2, 1],
  ];
  const lossOf = (r: number[]) =>
    bradleyTerryLoss(
      comparisons.map(([c]) => r[c]!),
      comparisons.map(([, j]) => r[j]!),
    );
  const result = lossOf(rewards);
  // ∂L/∂rₖ: each comparison sends −σ(−Δ)/n to its chosen response and +σ(−Δ)/n to its rejected one.
  const rewardGrad = rewards.map(() => 0);
  comparisons.forEach(([c, j], i) => {
    rewardGrad[c]! += result.grads.rewardChosen[i]!;
    rewardGrad[j]! += result.grads.rewardRejected[i]!;
  });
  const shift = 10;
  const shiftedRewards = rewards.map((r) => r + shift);
  const shifted = lossOf(shiftedRewards);
  return {
    names,
    rewards,
    comparisons: comparisons.map(([c, j], i) => ({
      chosen: names[c]!,
      rejected: names[j]!,
      gap: rewards[c]! - rewards[j]!,
      probability: sigmoid(rewards[c]! - rewards[j]!),
      loss: result.perExample[i]!,
    })),
    count: comparisons.length,
    loss: result.value,
    rewardGrad,
    gradSum: sum(rewardGrad),
    shift,
    shiftedRewards,
    shiftedLoss: shifted.value,
    shiftedProbabilities: comparisons.map(([c, j]) => sigmoid(shiftedRewards[c]! - shiftedRewards[j]!)),
  };
})();

// --- What a fitted reward model does with a split vote: the fitted gap is the log-odds of the win rate.
export const splitVote = (() => {
  const wins = 3;
  const losses = 1;
  const gap = fitRewardGap(wins, losses);
  return { wins, losses, gap, probability: sigmoid(gap) };
})();

// --- Who rates: two rater groups disagree about one pair; the fitted reward follows the mix.
export const raterPools = (() => {
  const comparisons = 200;
  const groups = [
    { name: 'group 1', prefersA: 0.8 },
    { name: 'group 2', prefersA: 0.3 },
  ];
  const mixes = [0.25, 0.75].map((shareOfGroup1) => {
    // Comparisons rated by each group, and the votes for A: whole numbers for these shares.
    const byGroup1 = Math.round(shareOfGroup1 * comparisons);
    const byGroup2 = comparisons - byGroup1;
    const wins = Math.round(byGroup1 * groups[0]!.prefersA + byGroup2 * groups[1]!.prefersA);
    const losses = comparisons - wins;
    const gap = fitRewardGap(wins, losses);
    return { shareOfGroup1, byGroup1, byGroup2, wins, losses, winRate: wins / comparisons, gap, probability: sigmoid(gap) };
  });
  return { comparisons, groups, mixes };
})();

// --- Worked example 2: the optimal policy over four responses at two β, with one reward hack.
export const policy = (() => {
  const responses = [
    'a correct, brief answer',
    'a correct answer that shows its steps',
    'a polite reply that misses the question',
    'a confident, flattering, wrong answer',
  ];
  const refProbs = [0.5, 0.3, 0.195, 0.005];
  const rewards = [1, 2, 0.5, 4];
  const quality = [1, 2, 0.5, -2];
  const atBeta = (beta: number) => {
    const pi = optimalPolicy(rewards, refProbs, beta);
    const weights = refProbs.map((p, k) => p * Math.exp(rewards[k]! / beta));
    const kl = klDivergence(pi, refProbs);
    const expectedReward = expectation(pi, rewards);
    // "Always the hack": a policy with almost all its mass on response 4 (logits 0, 0, 0, 40).
    const hackOnly = softmax([0, 0, 0, 40]);
    return {
      beta,
      weights,
      z: sum(weights),
      pi,
      expectedReward,
      expectedQuality: expectation(pi, quality),
      kl,
      objective: objectiveAt(pi, rewards, refProbs, beta),
      minusBetaLogZ: -beta * logPartition(refProbs, rewards, beta),
      gradientAtOptimum: Array.from(rlhfObjective(pi.map(Math.log), rewards, refProbs, { beta }).grad),
      refObjective: objectiveAt(refProbs, rewards, refProbs, beta),
      hackObjective: objectiveAt(hackOnly, rewards, refProbs, beta),
      hackKl: klDivergence(hackOnly, refProbs),
      hackReward: expectation(hackOnly, rewards),
    };
  };
  return {
    responses,
    refProbs,
    rewards,
    quality,
    refReward: expectation(refProbs, rewards),
    refQuality: expectation(refProbs, quality),
    betas: [2, 0.4].map(atBeta),
    // The far ends of the β scale, for the limits the text states.
    small: atBeta(0.01),
    large: atBeta(100),
  };
})();

// --- Worked example 3: DPO on two pairs, at β = 0.1 and β = 0.5.
export const dpo = (() => {
  // Sequence log-probabilities: pair 1 already ranked the right way by the policy, pair 2 the wrong way.
  const pairs = [
    { policyChosen: -32, policyRejected: -45, refChosen: -40, refRejected: -38 },
    { policyChosen: -52, policyRejected: -47, refChosen: -50, refRejected: -50 },
  ];
  const atBeta = (beta: number) => {
    const result = dpoLoss(
      pairs.map((p) => p.policyChosen),
      pairs.map((p) => p.policyRejected),
      pairs.map((p) => p.refChosen),
      pairs.map((p) => p.refRejected),
      { beta, reduction: 'sum' },
    );
    return {
      beta,
      perPair: pairs.map((p, i) => {
        const chosenLogRatio = p.policyChosen - p.refChosen;
        const rejectedLogRatio = p.policyRejected - p.refRejected;
        const implicitChosen = beta * chosenLogRatio;
        const implicitRejected = beta * rejectedLogRatio;
        return {
          chosenLogRatio,
          rejectedLogRatio,
          implicitChosen,
          implicitRejected,
          margin: implicitChosen - implicitRejected,
          loss: result.perExample[i]!,
          // The weight σ(r̂_l − r̂_w) and the gradient on log π(chosen), which is −β times it.
          weight: sigmoid(implicitRejected - implicitChosen),
          gradChosen: result.grads.policyChosenLogps[i]!,
          gradRejected: result.grads.policyRejectedLogps[i]!,
          // The same number as Bradley–Terry on the implicit rewards.
          bradleyTerry: bradleyTerryLoss([implicitChosen], [implicitRejected]).value,
        };
      }),
    };
  };
  return { pairs, betas: [0.1, 0.5].map(atBeta) };
})();
