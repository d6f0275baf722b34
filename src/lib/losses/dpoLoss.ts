import type { LossResultWithGrads, ReductionOptions, Vector } from './types.ts';
import { checkPair, checkPositive, reductionScale } from './validate.ts';
import { logistic, softplus } from './logistic.ts';

export interface DpoLossOptions extends ReductionOptions {
  /** Strength of the implicit KL penalty towards the reference policy (default 0.1). */
  beta?: number;
}

/**
 * Direct Preference Optimization loss: Bradley–Terry on the implicit reward
 * β · log(π/ref), so the policy learns the preferences without a separate reward model.
 *
 * uᵢ = β [ (π_cᵢ − ref_cᵢ) − (π_rᵢ − ref_rᵢ) ]   (all four are sequence log-probabilities)
 * ℓᵢ = −log σ(uᵢ) = softplus(−uᵢ)
 * ∂ℓᵢ/∂π_cᵢ = −β σ(−uᵢ),  ∂ℓᵢ/∂π_rᵢ = +β σ(−uᵢ),  ∂ℓᵢ/∂ref_cᵢ = +β σ(−uᵢ),  ∂ℓᵢ/∂ref_rᵢ = −β σ(−uᵢ)
 *
 * @param policyChosenLogps log π(chosen | prompt), n numbers
 * @param policyRejectedLogps log π(rejected | prompt), n numbers
 * @param refChosenLogps log ref(chosen | prompt), n numbers
 * @param refRejectedLogps log ref(rejected | prompt), n numbers
 * @param options.beta β > 0 (default 0.1)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (∂value/∂policyChosenLogps) and grads for all four inputs
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, or beta ≤ 0
 * @example dpoLoss([-5], [-5], [-5], [-5]).value // => Math.log(2)
 */
export function dpoLoss(
  policyChosenLogps: Vector,
  policyRejectedLogps: Vector,
  refChosenLogps: Vector,
  refRejectedLogps: Vector,
  options: DpoLossOptions = {},
): LossResultWithGrads<
  Float64Array,
  { policyChosenLogps: Float64Array; policyRejectedLogps: Float64Array; refChosenLogps: Float64Array; refRejectedLogps: Float64Array }
> {
  const { beta = 0.1, reduction = 'mean' } = options;
  const fn = 'dpoLoss';
  const n = checkPair(fn, 'policyChosenLogps', policyChosenLogps, 'policyRejectedLogps', policyRejectedLogps);
  checkPair(fn, 'policyChosenLogps', policyChosenLogps, 'refChosenLogps', refChosenLogps);
  checkPair(fn, 'policyChosenLogps', policyChosenLogps, 'refRejectedLogps', refRejectedLogps);
  checkPositive(fn, 'beta', beta);
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const gradPolicyChosen = new Float64Array(n);
  const gradPolicyRejected = new Float64Array(n);
  const gradRefChosen = new Float64Array(n);
  const gradRefRejected = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const chosenLogRatio = policyChosenLogps[i]! - refChosenLogps[i]!;
    const rejectedLogRatio = policyRejectedLogps[i]! - refRejectedLogps[i]!;
    const u = beta * (chosenLogRatio - rejectedLogRatio);
    const loss = softplus(-u); // −log σ(u)
    const sigmoidOfNegU = logistic(-u);
    const slope = beta * sigmoidOfNegU * scale;
    perExample[i] = loss;
    gradPolicyChosen[i] = -slope;
    gradPolicyRejected[i] = slope;
    gradRefChosen[i] = slope;
    gradRefRejected[i] = -slope;
    total += loss;
  }
  return {
    value: total * scale,
    perExample,
    grad: gradPolicyChosen,
    grads: {
      policyChosenLogps: gradPolicyChosen,
      policyRejectedLogps: gradPolicyRejected,
      refChosenLogps: gradRefChosen,
      refRejectedLogps: gradRefRejected,
    },
  };
}
