import type { LossResultWithGrads, ReductionOptions, Vector } from './types.ts';
import { checkPair, reductionScale } from './validate.ts';
import { logistic, softplus } from './logistic.ts';

/**
 * Bradley–Terry loss for a reward model: the negative log-probability that the chosen
 * response beats the rejected one, P(chosen ≻ rejected) = σ(r_c − r_r). It is
 * binaryCrossEntropyWithLogits of the reward gap with label 1, and stays finite for
 * gaps of thousands: −log σ(Δ) = softplus(−Δ) = max(−Δ, 0) + log1p(e^{−|Δ|}).
 *
 * Δᵢ = r_cᵢ − r_rᵢ,   ℓᵢ = −log σ(Δᵢ),   ∂ℓᵢ/∂r_cᵢ = −σ(−Δᵢ),   ∂ℓᵢ/∂r_rᵢ = +σ(−Δᵢ)
 *
 * @param rewardChosen rewards of the preferred responses, n numbers
 * @param rewardRejected rewards of the other responses, n numbers
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (∂value/∂rewardChosen) and grads for both
 * @throws LossInputError when lengths differ, an input is empty, or a value is not finite
 * @example bradleyTerryLoss([1], [1]).value // => Math.log(2)
 */
export function bradleyTerryLoss(
  rewardChosen: Vector,
  rewardRejected: Vector,
  options: ReductionOptions = {},
): LossResultWithGrads<Float64Array, { rewardChosen: Float64Array; rewardRejected: Float64Array }> {
  const { reduction = 'mean' } = options;
  const fn = 'bradleyTerryLoss';
  const n = checkPair(fn, 'rewardChosen', rewardChosen, 'rewardRejected', rewardRejected);
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const gradChosen = new Float64Array(n);
  const gradRejected = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const gap = rewardChosen[i]! - rewardRejected[i]!;
    const loss = softplus(-gap); // −log σ(Δ)
    const sigmoidOfNegGap = logistic(-gap);
    perExample[i] = loss;
    gradChosen[i] = -sigmoidOfNegGap * scale;
    gradRejected[i] = sigmoidOfNegGap * scale;
    total += loss;
  }
  return {
    value: total * scale,
    perExample,
    grad: gradChosen,
    grads: { rewardChosen: gradChosen, rewardRejected: gradRejected },
  };
}
