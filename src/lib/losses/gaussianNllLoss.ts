import type { LossResultWithGrads, ReductionOptions, Vector } from './types.ts';
import { checkNonNegativeVector, checkPair, checkPositive, checkSameLength, checkVector, reductionScale } from './validate.ts';

export interface GaussianNllLossOptions extends ReductionOptions {
  /** Add the constant ½ log 2π, giving the full negative log-likelihood (default false). */
  full?: boolean;
  /** Variances below eps are raised to eps, for stability (default 1e-6). */
  eps?: number;
}

/**
 * Gaussian negative log-likelihood: the loss of predicting a mean and a variance when
 * the target is drawn from N(mean, variance). With a fixed variance it is MSE up to scale.
 *
 * ℓᵢ = ½ (log vᵢ + (inputᵢ − targetᵢ)² / vᵢ)  [+ ½ log 2π if full],   vᵢ = max(varianceᵢ, eps)
 * ∂ℓᵢ/∂inputᵢ = (inputᵢ − targetᵢ) / vᵢ
 * ∂ℓᵢ/∂varianceᵢ = ½ (1/vᵢ − (inputᵢ − targetᵢ)² / vᵢ²)  (0 where the variance was clamped)
 *
 * @param input predicted means, n numbers
 * @param target observed values, n numbers
 * @param variance predicted variances, n non-negative numbers
 * @param options.full add the constant term (default false)
 * @param options.eps lower clamp for the variance (default 1e-6)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample, grad (∂value/∂input) and grads.variance
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, a variance is negative, or eps ≤ 0
 * @example gaussianNllLoss([1], [3], [4]).value // => Math.log(4) / 2 + 0.5
 */
export function gaussianNllLoss(
  input: Vector,
  target: Vector,
  variance: Vector,
  options: GaussianNllLossOptions = {},
): LossResultWithGrads<Float64Array, { input: Float64Array; variance: Float64Array }> {
  const { full = false, eps = 1e-6, reduction = 'mean' } = options;
  const fn = 'gaussianNllLoss';
  const n = checkPair(fn, 'input', input, 'target', target);
  checkVector(fn, 'variance', variance);
  checkSameLength(fn, 'input', input, 'variance', variance);
  checkNonNegativeVector(fn, 'variance', variance);
  checkPositive(fn, 'eps', eps);
  const scale = reductionScale(fn, reduction, n);
  const constant = full ? 0.5 * Math.log(2 * Math.PI) : 0;
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  const gradVariance = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const residual = input[i]! - target[i]!;
    const clamped = variance[i]! < eps;
    const v = clamped ? eps : variance[i]!;
    const loss = 0.5 * (Math.log(v) + (residual * residual) / v) + constant;
    perExample[i] = loss;
    grad[i] = (residual / v) * scale;
    gradVariance[i] = clamped ? 0 : 0.5 * (1 / v - (residual * residual) / (v * v)) * scale;
    total += loss;
  }
  return { value: total * scale, perExample, grad, grads: { input: grad, variance: gradVariance } };
}
