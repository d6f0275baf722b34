import type { LossResult, Matrix, Reduction, Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import { checkClassIndices, checkClassWeights, checkMatrix, reductionScale } from './validate.ts';
import { zeroRows } from './zeroRows.ts';

export interface NllLossOptions {
  /** One weight per class (C numbers) (default: all 1). */
  weight?: Vector;
  /** 'mean' (default: divides by Σᵢ weight[targetᵢ], or N without weights) or 'sum'. */
  reduction?: Reduction;
}

/**
 * Negative log-likelihood: picks minus the log-probability of each row's true class.
 * With log-softmax in front it is cross-entropy.
 *
 * ℓᵢ = −w[tᵢ] · logProbs[i][tᵢ],   ∂ℓᵢ/∂logProbs[i][c] = −w[tᵢ] if c = tᵢ, else 0
 * 'mean' divides Σᵢ ℓᵢ by Σᵢ w[tᵢ] (which is N without weights).
 *
 * @param logProbs N×C matrix of log-probabilities (array of rows)
 * @param target N class indices in [0, C)
 * @param options.weight class weights, C numbers
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (N losses), grad (N×C, ∂value/∂logProbs)
 * @throws LossInputError for an empty or ragged matrix, non-finite values, a target of the wrong length, or class indices that are not integers in [0, C)
 * @example nllLoss([[Math.log(0.001), Math.log(0.999)]], [0]).value // => -Math.log(0.001)
 */
export function nllLoss(logProbs: Matrix, target: Vector, options: NllLossOptions = {}): LossResult<Float64Array[]> {
  const { weight, reduction = 'mean' } = options;
  const fn = 'nllLoss';
  const { rows: n, cols: classes } = checkMatrix(fn, 'logProbs', logProbs);
  checkClassIndices(fn, 'target', target, classes);
  if (target.length !== n) throw new LossInputError(`${fn}: logProbs has ${n} rows but target has ${target.length} class indices`);
  if (weight !== undefined) checkClassWeights(fn, weight, classes);
  let denominator = 0;
  for (let i = 0; i < n; i++) denominator += weight === undefined ? 1 : weight[target[i]!]!;
  if (reduction === 'mean' && denominator === 0) {
    throw new LossInputError(`${fn}: the target classes all have weight 0, so the weighted mean is undefined`);
  }
  const scale = reductionScale(fn, reduction, denominator);
  const perExample = new Float64Array(n);
  const grad = zeroRows(n, classes);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const label = target[i]!;
    const w = weight === undefined ? 1 : weight[label]!;
    const loss = -w * logProbs[i]![label]!;
    const gradRow = grad[i]!;
    gradRow[label] = -w * scale;
    perExample[i] = loss;
    total += loss;
  }
  return { value: total * scale, perExample, grad };
}
