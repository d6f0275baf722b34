import type { LossResult, Matrix, Reduction, Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import { checkClassIndices, checkClassWeights, checkFinite, checkMatrix, describe, reductionScale } from './validate.ts';
import { zeroRows } from './zeroRows.ts';

export interface MultiMarginLossOptions {
  /** 1 (default, hinge) or 2 (squared hinge). */
  p?: number;
  /** Required gap between the true class's score and every other (default 1). */
  margin?: number;
  /** One weight per class (C numbers), scaling the rows whose true class it is. */
  weight?: Vector;
  /** 'mean' (default, over the N rows) or 'sum'. */
  reduction?: Reduction;
}

/**
 * Multi-class hinge loss (Weston–Watkins / PyTorch's `F.multi_margin_loss`): every wrong
 * class whose score comes within `margin` of the true class's score adds to the loss.
 *
 * ℓᵢ = (w[yᵢ] / C) Σ_{j ≠ yᵢ} max(0, margin − s[yᵢ] + s[j])^p
 * ∂ℓᵢ/∂s[j] = (w[yᵢ] / C) · p · slack^{p−1} for each active j ≠ yᵢ (slack > 0); ∂ℓᵢ/∂s[yᵢ] is minus their sum
 *
 * @param scores N×C matrix of scores (array of rows)
 * @param target N class indices in [0, C)
 * @param options.p 1 or 2 (default 1)
 * @param options.margin the margin (default 1)
 * @param options.weight class weights, C numbers
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (N losses), grad (N×C, ∂value/∂scores)
 * @throws LossInputError for an empty or ragged matrix, non-finite values, a target of the wrong length, class indices that are not integers in [0, C), or p other than 1 or 2
 * @example multiMarginLoss([[0.1, 0.2, 0.4, 0.8]], [3]).value // => (0.3 + 0.4 + 0.6) / 4
 */
export function multiMarginLoss(scores: Matrix, target: Vector, options: MultiMarginLossOptions = {}): LossResult<Float64Array[]> {
  const { p = 1, margin = 1, weight, reduction = 'mean' } = options;
  const fn = 'multiMarginLoss';
  const { rows: n, cols: classes } = checkMatrix(fn, 'scores', scores);
  checkClassIndices(fn, 'target', target, classes);
  if (target.length !== n) throw new LossInputError(`${fn}: scores has ${n} rows but target has ${target.length} class indices`);
  if (p !== 1 && p !== 2) throw new LossInputError(`${fn}: p must be 1 or 2, received ${describe(p)}`);
  checkFinite(fn, 'margin', margin);
  if (weight !== undefined) checkClassWeights(fn, weight, classes);
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const grad = zeroRows(n, classes);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    const label = target[i]!;
    const w = (weight === undefined ? 1 : weight[label]!) / classes;
    const gradRow = grad[i]!;
    let loss = 0;
    for (let j = 0; j < classes; j++) {
      if (j === label) continue;
      const slack = margin - s[label]! + s[j]!;
      if (slack > 0) {
        loss += w * (p === 1 ? slack : slack * slack);
        const slope = w * (p === 1 ? 1 : 2 * slack) * scale;
        gradRow[j] = gradRow[j]! + slope;
        gradRow[label] = gradRow[label]! - slope;
      }
    }
    perExample[i] = loss;
    total += loss;
  }
  return { value: total * scale, perExample, grad };
}
