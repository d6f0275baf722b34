import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkLengths, checkPair, reductionScale } from './validate.ts';

/**
 * Mean absolute error: the average absolute residual between predictions and targets.
 *
 * L = (1/n) Σᵢ |inputᵢ − targetᵢ|,   ∂L/∂inputᵢ = sign(inputᵢ − targetᵢ) / n
 *
 * At a residual of exactly 0 the subgradient 0 is used, as PyTorch does.
 *
 * @param input predictions, n numbers
 * @param target targets, n numbers
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n absolute residuals), grad (n numbers, ∂value/∂input)
 * @throws LossInputError when the lengths differ, an input is empty, or a value is not finite
 * @example l1Loss([1, 2], [2, 4]).value // => 1.5
 */
export function l1Loss(input: Vector, target: Vector, options: ReductionOptions = {}): LossResult {
  const { reduction = 'mean' } = options;
  const n = checkLengths('l1Loss', 'input', input, 'target', target);
  const scale = reductionScale('l1Loss', reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const residual = input[i]! - target[i]!;
    const loss = Math.abs(residual);
    perExample[i] = loss;
    grad[i] = Math.sign(residual) * scale;
    total += loss;
  }
  // A NaN or ±Infinity in either input makes its residual, and so the total, non-finite:
  // only then scan the inputs, to name the culprit in the error.
  if (!Number.isFinite(total)) checkPair('l1Loss', 'input', input, 'target', target);
  return { value: total * scale, perExample, grad };
}
