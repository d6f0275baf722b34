import { klDivergence, rlhfObjective } from '../losses/index.ts';
import type { PolicyExample } from './eightResponses.ts';
import { optimalPolicy } from './optimalPolicy.ts';

/** What the KL-optimal policy at one β does, in the units the lesson plots. */
export interface PolicyAtBeta {
  beta: number;
  /** π* = π_ref · e^{r/β} / Z, one probability per response. */
  policy: number[];
  /** E_π*[r] = Σₖ π*ₖ rₖ: what the reward model sees. */
  expectedReward: number;
  /** E_π*[quality] = Σₖ π*ₖ qₖ: what we actually wanted. */
  expectedQuality: number;
  /** KL(π* ‖ π_ref) in nats: how far the policy moved from the reference. */
  kl: number;
  /** The objective rlhfObjective minimises, −E[r] + β·KL, at π* (its minimum, −β log Z). */
  objective: number;
}

/**
 * The optimal policy of an example at one β, with its expected reward, expected true
 * quality and KL from the reference. The KL comes from the library's klDivergence and the
 * objective from its rlhfObjective (fed log π* as logits), so the numbers the widget shows
 * are the library's.
 *
 * @param example the responses (their π_ref, rewards and qualities)
 * @param beta the KL weight β > 0 (0 and Infinity give the two limits)
 * @example policyAtBeta(eightResponses, Infinity).kl // => 0
 */
export function policyAtBeta(example: PolicyExample, beta: number): PolicyAtBeta {
  const rewards = example.responses.map((response) => response.reward);
  const refProbs = example.responses.map((response) => response.refProb);
  const policy = optimalPolicy(rewards, refProbs, beta);
  let expectedReward = 0;
  let expectedQuality = 0;
  example.responses.forEach((response, k) => {
    expectedReward += policy[k]! * response.reward;
    expectedQuality += policy[k]! * response.quality;
  });
  const kl = klDivergence(policy, refProbs);
  // rlhfObjective needs a finite β and finite logits: at β = 0 the objective is −E[r] (the KL term is weighted 0).
  const objective = Number.isFinite(beta) && policy.every((p) => p > 0)
    ? rlhfObjective(policy.map(Math.log), rewards, refProbs, { beta }).value
    : -expectedReward + (beta === 0 ? 0 : beta * kl);
  return { beta, policy, expectedReward, expectedQuality, kl, objective };
}
