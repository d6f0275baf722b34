import type { LossResult, ReductionOptions, Vector } from './types.ts';
import { checkLengths, checkPair, reductionScale } from './validate.ts';

/**
 * Mean squared error: the average squared residual between predictions and targets.
 * No ½ in front (as in PyTorch's `F.mse_loss`), so the gradient is 2 × residual / n.
 *
 * L = (1/n) Σᵢ (inputᵢ − targetᵢ)²,   ∂L/∂inputᵢ = 2 (inputᵢ − targetᵢ) / n
 *
 * @param input predictions, n numbers
 * @param target targets, n numbers
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (n squared residuals), grad (n numbers, ∂value/∂input)
 * @throws LossInputError when the lengths differ, an input is empty, or a value is not finite
 * @example mseLoss([1, 2], [2, 3]).value // => 1
 */
export function mseLoss(input: Vector, target: Vector, options: ReductionOptions = {}): LossResult {
  const { reduction = 'mean' } = options;
  const n = checkLengths('mseLoss', 'input', input, 'target', target);
  const scale = reductionScale('mseLoss', reduction, n);
  const perExample = new Float64Array(n);
  const grad = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const residual = input[i]! - target[i]!;
    perExample[i] = residual * residual;
    grad[i] = 2 * residual * scale;
    total += residual * residual;
  }
  // A NaN or ±Infinity in either input makes its residual, and so the total, non-finite:
  // only then scan the inputs, to name the culprit in the error.
  if (!Number.isFinite(total)) checkPair('mseLoss', 'input', input, 'target', target);
  return { value: total * scale, perExample, grad };
}
