import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import { checkPair, checkPositive, reductionScale } from './validate.ts';

export interface PoissonNllLossOptions extends ReductionOptions {
  /** The input is the log of the rate, log λ (default true); otherwise it is the rate λ itself. */
  logInput?: boolean;
  /** Add Stirling's approximation of log(target!) for targets > 1 (default false). */
  full?: boolean;
  /** Added to the rate inside the log when logInput is false (default 1e-8). */
  eps?: number;
}

/**
 * Poisson negative log-likelihood: the loss for predicting a rate λ of counts.
 *
 * logInput (input = log λ):  ℓᵢ = e^{inputᵢ} − targetᵢ · inputᵢ,        ∂ℓᵢ/∂inputᵢ = e^{inputᵢ} − targetᵢ
 * otherwise (input = λ):     ℓᵢ = inputᵢ − targetᵢ · log(inputᵢ + eps),  ∂ℓᵢ/∂inputᵢ = 1 − targetᵢ / (inputᵢ + eps)
 * full adds targetᵢ log targetᵢ − targetᵢ + ½ log(2π targetᵢ) where targetᵢ > 1.
 *
 * @param input log-rates (or rates when logInput is false), n numbers
 * @param target observed counts, n numbers
 * @param options.logInput whether input is log λ (default true)
 * @param options.full add the Stirling term (default false)
 * @param options.eps stabiliser inside the log (default 1e-8)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n losses), grad (n numbers, ∂value/∂input)
 * @throws LossInputError when lengths differ, an input is empty, a value is not finite, eps ≤ 0, or a rate is negative (logInput false)
 * @example poissonNllLoss([0], [2]).value // => 1
 */
export function poissonNllLoss(input: Vector, target: Vector, options: PoissonNllLossOptions = {}): LossResult {
  const { logInput = true, full = false, eps = 1e-8, reduction = 'mean' } = options;
  const fn = 'poissonNllLoss';
  const n = checkPair(fn, 'input', input, 'target', target);
  checkPositive(fn, 'eps', eps);
  if (!logInput) {
    for (let i = 0; i < n; i++) {
      if (input[i]! < 0) throw new LossInputError(`${fn}: input[${i}] must be a non-negative rate when logInput is false, received ${input[i]}`);
    }
  }
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = input[i]!;
    const count = target[i]!;
    let loss: number;
    let slope: number;
    if (logInput) {
      const rate = Math.exp(x);
      loss = rate - count * x;
      slope = rate - count;
    } else {
      loss = x - count * Math.log(x + eps);
      slope = 1 - count / (x + eps);
    }
    if (full && count > 1) {
      loss += count * Math.log(count) - count + 0.5 * Math.log(2 * Math.PI * count);
    }
    perExample[i] = loss;
    grad[i] = slope * scale;
    total += loss;
  }
  return { value: total * scale, perExample, grad };
}
