import { dpoLoss } from '../losses/index.ts';
import type { PolicyExample, RatedPair } from './eightResponses.ts';
import { optimalPolicy } from './optimalPolicy.ts';

/** DPO's view of one rated pair for a policy π. */
export interface DpoOnPair {
  beta: number;
  /** The implicit rewards r̂ = β · log(π / π_ref) of the chosen and the rejected answer. */
  chosenImplicitReward: number;
  rejectedImplicitReward: number;
  /** DPO's loss on the pair, −log σ(r̂_w − r̂_l) (the library's dpoLoss). */
  loss: number;
  /**
   * The weight on the pair's gradient, β · σ(r̂_l − r̂_w): the size of ∂loss/∂log π(chosen)
   * (dpoLoss's grad, with the opposite sign) and of ∂loss/∂log π(rejected).
   */
  weight: number;
  /** σ(r̂_l − r̂_w) alone: how wrongly the implicit reward orders the pair, from 0 to 1. */
  wrongness: number;
}

/**
 * DPO's loss and gradient weight on a rated pair, with the policy's log-probabilities those
 * of the KL-optimal policy π* at the same β (optimalPolicy).
 *
 * At that policy the implicit reward is the reward itself up to a shift:
 * β · log(π*ₖ / refₖ) = rₖ − β log Z, so r̂_w − r̂_l = r_w − r_l for every β. The loss on the
 * pair is then −log σ(r_w − r_l), the Bradley–Terry loss of the reward model on the pair,
 * whatever β, and the weight β · σ(r_l − r_w) grows in proportion to β. A pair the reward
 * model orders against the rater (the hack over a good answer) has σ(r_l − r_w) > ½: a large
 * loss and a large push away from the answer the reward model favoured.
 *
 * @param example the responses
 * @param pair the rated pair (chosen ≻ rejected)
 * @param beta DPO's β > 0, also the β of π*
 * @example dpoOnPair(eightResponses, { chosen: 0, rejected: 0 }, 1).loss // => Math.log(2)
 */
export function dpoOnPair(example: PolicyExample, pair: RatedPair, beta: number): DpoOnPair {
  const rewards = example.responses.map((response) => response.reward);
  const refProbs = example.responses.map((response) => response.refProb);
  const policy = optimalPolicy(rewards, refProbs, beta);
  const policyChosen = Math.log(policy[pair.chosen]!);
  const policyRejected = Math.log(policy[pair.rejected]!);
  const refChosen = Math.log(refProbs[pair.chosen]!);
  const refRejected = Math.log(refProbs[pair.rejected]!);
  const result = dpoLoss([policyChosen], [policyRejected], [refChosen], [refRejected], { beta, reduction: 'sum' });
  const weight = -result.grads.policyChosenLogps[0]!;
  return {
    beta,
    chosenImplicitReward: beta * (policyChosen - refChosen),
    rejectedImplicitReward: beta * (policyRejected - refRejected),
    loss: result.value,
    weight,
    wrongness: weight / beta,
  };
}
