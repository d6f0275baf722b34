/**
 * Eight candidate answers to one prompt, for lesson 7's "β moves the policy" widget: each with
 * the reference policy's probability π_ref, the reward a learned reward model gives it, and
 * its true quality (what a careful human judge would say, which the reward model only
 * approximates). One answer is a reward hack: the reward model scores it highest, yet it is
 * the worst answer of all, so a policy that chases the reward alone ends up on it.
 *
 * Rewards and qualities are on one scale (a difference of 1 means odds of e : 1 under
 * Bradley–Terry), so they can be read against each other and against a KL in nats.
 */

export interface PolicyResponse {
  /** A short name for the chart's rows and the controls. */
  label: string;
  /** Probability under the reference policy π_ref; the eight add up to 1. */
  refProb: number;
  /** The reward model's score r. */
  reward: number;
  /** The true quality the reward is meant to measure. */
  quality: number;
}

/** A preference a human rater gave: `chosen` ≻ `rejected`, indices into `responses`. */
export interface RatedPair {
  chosen: number;
  rejected: number;
}

export interface PolicyExample {
  prompt: string;
  responses: readonly PolicyResponse[];
  /** Which response is the reward hack (highest reward, lowest quality). */
  hack: number;
  /** Pairs a rater compared, the preferred answer first, for DPO. */
  pairs: readonly RatedPair[];
}

export const eightResponses: PolicyExample = {
  prompt: 'Why is the sky blue?',
  responses: [
    { label: 'Clear and correct', refProb: 0.2, reward: 2.0, quality: 2.2 },
    { label: 'Correct, with example', refProb: 0.1, reward: 2.5, quality: 3.0 },
    { label: 'Correct but terse', refProb: 0.2, reward: 1.0, quality: 1.5 },
    { label: 'Long and padded', refProb: 0.15, reward: 1.6, quality: 0.6 },
    { label: 'Partly wrong', refProb: 0.15, reward: 0.2, quality: -0.5 },
    { label: 'Off-topic', refProb: 0.09, reward: -1.0, quality: -1.0 },
    { label: 'Refusal', refProb: 0.08, reward: -0.5, quality: -0.2 },
    { label: 'Flattering, wrong', refProb: 0.03, reward: 3.0, quality: -2.0 },
  ],
  hack: 7,
  pairs: [
    { chosen: 0, rejected: 7 }, // the rater sees through the hack; the reward model does not
    { chosen: 2, rejected: 3 }, // the rater prefers short and right; the reward model likes length
    { chosen: 1, rejected: 0 }, // both agree, narrowly
    { chosen: 1, rejected: 5 }, // both agree, by far
  ],
};
