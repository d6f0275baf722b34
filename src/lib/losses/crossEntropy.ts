import type { LossResult, Matrix, Reduction, Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import {
  checkClassIndices, checkClassWeights, checkMatrix, checkProbabilities, checkSameShape, checkUnitInterval, describe, reductionScale,
} from './validate.ts';
import { zeroRows } from './zeroRows.ts';

export interface CrossEntropyOptions {
  /** One weight per class (C numbers), scaling that class's terms (default: all 1). */
  weight?: Vector;
  /** Mix ε of the uniform distribution into the target (default 0). */
  labelSmoothing?: number;
  /** 'mean' (default) or 'sum'. With class weights and class-index targets, 'mean' divides by Σᵢ weight[targetᵢ], as PyTorch does. */
  reduction?: Reduction;
}

/**
 * Cross-entropy between softmax(logits) and a target, per row: the negative
 * log-probability the model gives to the true class (or the expected one, for a target
 * distribution). Computed with log-softmax (the max is subtracted first), so logits
 * of ±1000 are fine. Same as PyTorch's `F.cross_entropy`.
 *
 * log pᵢ = logSoftmax(zᵢ),  aᵢc = wc · ((1 − ε) yᵢc + ε / C)   (y one-hot or given probabilities)
 * ℓᵢ = −Σc aᵢc log pᵢc,      ∂ℓᵢ/∂zᵢc = (Σk aᵢk) pᵢc − aᵢc      (= pᵢc − yᵢc without weights or smoothing)
 * 'mean' divides Σᵢ ℓᵢ by N, or by Σᵢ w[targetᵢ] when class weights are given with class indices.
 *
 * @param logits N×C matrix of scores (array of rows)
 * @param target N class indices in [0, C), or an N×C matrix of target probabilities
 * @param options.weight class weights, C numbers
 * @param options.labelSmoothing ε in [0, 1] (default 0)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (N row losses), grad (N×C, ∂value/∂logits)
 * @throws LossInputError for an empty or ragged matrix, non-finite values, a target of the wrong length or shape, class indices that are not integers in [0, C), target probabilities outside [0, 1], or labelSmoothing outside [0, 1]
 * @example crossEntropy([[2, 0, -1]], [1]).value // => -Math.log(Math.exp(0) / (Math.exp(2) + Math.exp(0) + Math.exp(-1)))
 */
export function crossEntropy(logits: Matrix, target: Vector | Matrix, options: CrossEntropyOptions = {}): LossResult<Float64Array[]> {
  const { weight, labelSmoothing = 0, reduction = 'mean' } = options;
  const fn = 'crossEntropy';
  if (!Array.isArray(logits) || logits.length === 0 || !ArrayBuffer.isView(logits[0]) && !Array.isArray(logits[0])) {
    checkMatrix(fn, 'logits', logits); // throws, naming what is wrong
  }
  const n = logits.length;
  const classes = logits[0]!.length;
  checkUnitInterval(fn, 'labelSmoothing', labelSmoothing);
  if (weight !== undefined) checkClassWeights(fn, weight, classes);
  if (!Array.isArray(target) && !ArrayBuffer.isView(target)) {
    throw new LossInputError(`${fn}: target must be class indices or a probability matrix, received ${describe(target)}`);
  }
  const probabilityTarget = target.length > 0 && typeof target[0] !== 'number';
  let indices: Vector | undefined;
  let targetRows: Matrix | undefined;
  let denominator = n; // what 'mean' divides by: N, or the summed weights of the target classes
  if (probabilityTarget) {
    targetRows = target as Matrix;
    checkMatrix(fn, 'target', targetRows);
    checkSameShape(fn, 'logits', logits, 'target', targetRows);
    for (let i = 0; i < n; i++) checkProbabilities(fn, `target[${i}]`, targetRows[i]!);
  } else {
    indices = target as Vector;
    checkClassIndices(fn, 'target', indices, classes);
    if (indices.length !== n) {
      throw new LossInputError(`${fn}: logits has ${n} rows but target has ${indices.length} class indices`);
    }
    if (weight !== undefined) {
      denominator = 0;
      for (let i = 0; i < n; i++) denominator += weight[indices[i]!]!;
      if (reduction === 'mean' && denominator === 0) {
        throw new LossInputError(`${fn}: the target classes all have weight 0, so the weighted mean is undefined`);
      }
    }
  }
  const scale = reductionScale(fn, reduction, denominator);

  const smoothing = labelSmoothing / classes;
  const perExample = new Float64Array(n);
  const grad = zeroRows(n, classes);
  let total = 0;
  let finiteness = 0; // Σ z·0: stays 0 unless some logit is NaN or ±Infinity
  for (let i = 0; i < n; i++) {
    const z = logits[i]!;
    if (z.length !== classes) checkMatrix(fn, 'logits', logits); // ragged: throws, naming the row
    // log-sum-exp with the max subtracted: every exponent is ≤ 0.
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      const zc = z[c]!;
      finiteness += zc * 0;
      if (zc > max) max = zc;
    }
    let sumExp = 0;
    for (let c = 0; c < classes; c++) sumExp += Math.exp(z[c]! - max);
    const logNormalizer = max + Math.log(sumExp);

    // Target weights a_c = w_c ((1 − ε) y_c + ε / C); loss −Σ a_c log p_c; gradient (Σ a) p_c − a_c.
    const label = indices === undefined ? -1 : indices[i]!;
    const targetRow = targetRows === undefined ? undefined : targetRows[i]!;
    const gradRow = grad[i]!;
    let loss = 0;
    let weightOfRow = 0; // Σc a_c
    for (let c = 0; c < classes; c++) {
      const logP = z[c]! - logNormalizer;
      const y = targetRow === undefined ? (c === label ? 1 : 0) : targetRow[c]!;
      const a = (weight === undefined ? 1 : weight[c]!) * ((1 - labelSmoothing) * y + smoothing);
      if (a !== 0) loss -= a * logP; // skip 0 · log p, which is NaN when p underflows to 0
      weightOfRow += a;
      gradRow[c] = Math.exp(logP); // p_c, finished below once Σ a is known
    }
    for (let c = 0; c < classes; c++) {
      const y = targetRow === undefined ? (c === label ? 1 : 0) : targetRow[c]!;
      const a = (weight === undefined ? 1 : weight[c]!) * ((1 - labelSmoothing) * y + smoothing);
      gradRow[c] = (weightOfRow * gradRow[c]! - a) * scale;
    }
    perExample[i] = loss;
    total += loss;
  }
  if (finiteness !== 0) checkMatrix(fn, 'logits', logits); // throws, naming the non-finite logit
  return { value: total * scale, perExample, grad };
}
