/**
 * Preference objectives for lesson 7 (rlhf-objectives): eight answers to one prompt with a
 * reference policy, rewards and true qualities (one a reward hack), the KL-regularised
 * optimum π* ∝ π_ref · e^{r/β} in closed form, what it does as β moves, and DPO on a rated pair.
 *
 *   const at = policyAtBeta(eightResponses, 0.5);                  // π*, E[r], E[quality], KL
 *   const curve = betaSweep(eightResponses, 0.05, 50, 121);         // the same against β
 *   const dpo = dpoOnPair(eightResponses, eightResponses.pairs[0]!, 0.5); // loss and weight
 */
export { eightResponses, type PolicyExample, type PolicyResponse, type RatedPair } from './eightResponses.ts';
export { optimalPolicy } from './optimalPolicy.ts';
export { policyAtBeta, type PolicyAtBeta } from './policyAtBeta.ts';
export { betaSweep } from './betaSweep.ts';
export { betaSteps, betaStep } from './betaSteps.ts';
export { dpoOnPair, type DpoOnPair } from './dpoOnPair.ts';
