import type { LossResult, Matrix, Reduction, Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import {
  checkClassIndices, checkClassWeights, checkMatrix, checkProbabilities, checkSameShape, checkUnitInterval, describe, reductionScale,
} from './validate.ts';

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
  const { rows: n, cols: classes } = checkMatrix(fn, 'logits', logits);
  checkUnitInterval(fn, 'labelSmoothing', labelSmoothing);
  if (weight !== undefined) checkClassWeights(fn, weight, classes);
  if (!Array.isArray(target) && !ArrayBuffer.isView(target)) {
    throw new LossInputError(`${fn}: target must be class indices or a probability matrix, received ${describe(target)}`);
  }
  const probabilityTarget = target.length > 0 && typeof target[0] !== 'number';
  let indices: Vector | undefined;
  let targetRows: Matrix | undefined;
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
  }

  const smoothing = labelSmoothing / classes;
  const perExample = new Float64Array(n);
  const grad: Float64Array[] = new Array<Float64Array>(n);
  let total = 0;
  let denominator = 0; // what 'mean' divides by: N, or the summed weights of the target classes
  for (let i = 0; i < n; i++) {
    const z = logits[i]!;
    const gradRow = new Float64Array(classes);
    // log-sum-exp with the max subtracted: every exponent is ≤ 0.
    let max = -Infinity;
    for (let c = 0; c < classes; c++) if (z[c]! > max) max = z[c]!;
    let sumExp = 0;
    for (let c = 0; c < classes; c++) sumExp += Math.exp(z[c]! - max);
    const logNormalizer = max + Math.log(sumExp);

    let loss = 0;
    let weightOfRow = 0; // Σc aᵢc
    const label = indices === undefined ? -1 : indices[i]!;
    for (let c = 0; c < classes; c++) {
      const logP = z[c]! - logNormalizer;
      const y = indices === undefined ? targetRows![i]![c]! : c === label ? 1 : 0;
      const w = weight === undefined ? 1 : weight[c]!;
      const a = w * ((1 - labelSmoothing) * y + smoothing);
      if (a !== 0) loss -= a * logP;
      weightOfRow += a;
      gradRow[c] = Math.exp(logP); // pᵢc for now
    }
    for (let c = 0; c < classes; c++) {
      const y = indices === undefined ? targetRows![i]![c]! : c === label ? 1 : 0;
      const w = weight === undefined ? 1 : weight[c]!;
      const a = w * ((1 - labelSmoothing) * y + smoothing);
      gradRow[c] = weightOfRow * gradRow[c]! - a;
    }
    perExample[i] = loss;
    grad[i] = gradRow;
    total += loss;
    denominator += weight !== undefined && indices !== undefined ? weight[label]! : 1;
  }
  if (reduction === 'mean' && denominator === 0) {
    throw new LossInputError(`${fn}: the target classes all have weight 0, so the weighted mean is undefined`);
  }
  const scale = reductionScale(fn, reduction, denominator);
  for (let i = 0; i < n; i++) {
    const gradRow = grad[i]!;
    for (let c = 0; c < classes; c++) gradRow[c] = gradRow[c]! * scale;
  }
  return { value: total * scale, perExample, grad };
}
