import type { LossResultWithGrads, Matrix, ReductionOptions, Vector } from './types.ts';
import { LossInputError } from './LossInputError.ts';
import { checkFinite, checkMatrix, checkSameShape, checkSignLabels, checkVector, reductionScale } from './validate.ts';

export interface CosineEmbeddingLossOptions extends ReductionOptions {
  /** Dissimilar pairs stop costing once their cosine is below this (default 0). */
  margin?: number;
}

/**
 * Cosine embedding loss: similar pairs (y = +1) are pulled to cosine 1, dissimilar pairs
 * (y = −1) pushed below cosine `margin` (PyTorch's `F.cosine_embedding_loss`, which adds
 * 1e-12 to each squared norm).
 *
 * cosᵢ = ⟨x1ᵢ, x2ᵢ⟩ / √((‖x1ᵢ‖² + 1e-12)(‖x2ᵢ‖² + 1e-12))
 * ℓᵢ = 1 − cosᵢ if yᵢ = 1;  max(0, cosᵢ − margin) if yᵢ = −1
 * ∂cosᵢ/∂x1ᵢ = x2ᵢ / denominator − cosᵢ · x1ᵢ / (‖x1ᵢ‖² + 1e-12)
 *
 * @param x1 N×D matrix (array of rows)
 * @param x2 N×D matrix
 * @param y N labels ∈ {−1, +1}
 * @param options.margin the margin (default 0)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (N losses), grad (N×D, ∂value/∂x1) and grads for x1, x2
 * @throws LossInputError for empty, ragged or differently shaped matrices, non-finite values, a y of the wrong length, or a label not −1 or +1
 * @example cosineEmbeddingLoss([[1, 0]], [[0, 1]], [1]).value // => 1
 */
export function cosineEmbeddingLoss(
  x1: Matrix,
  x2: Matrix,
  y: Vector,
  options: CosineEmbeddingLossOptions = {},
): LossResultWithGrads<Float64Array[], { x1: Float64Array[]; x2: Float64Array[] }> {
  const { margin = 0, reduction = 'mean' } = options;
  const fn = 'cosineEmbeddingLoss';
  const { rows: n, cols: dims } = checkMatrix(fn, 'x1', x1);
  checkMatrix(fn, 'x2', x2);
  checkSameShape(fn, 'x1', x1, 'x2', x2);
  checkVector(fn, 'y', y);
  if (y.length !== n) throw new LossInputError(`${fn}: x1 has ${n} rows but y has ${y.length} labels`);
  checkSignLabels(fn, 'y', y);
  checkFinite(fn, 'margin', margin);
  const scale = reductionScale(fn, reduction, n);
  const epsilon = 1e-12;
  const perExample = new Float64Array(n);
  const grad1: Float64Array[] = new Array<Float64Array>(n);
  const grad2: Float64Array[] = new Array<Float64Array>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const u = x1[i]!;
    const v = x2[i]!;
    let dot = 0;
    let squaredNormU = epsilon;
    let squaredNormV = epsilon;
    for (let k = 0; k < dims; k++) {
      dot += u[k]! * v[k]!;
      squaredNormU += u[k]! * u[k]!;
      squaredNormV += v[k]! * v[k]!;
    }
    const denominator = Math.sqrt(squaredNormU * squaredNormV);
    const cos = dot / denominator;
    let loss: number;
    let slope: number; // ∂ℓᵢ/∂cosᵢ
    if (y[i] === 1) {
      loss = 1 - cos;
      slope = -1;
    } else {
      loss = cos - margin > 0 ? cos - margin : 0;
      slope = cos - margin > 0 ? 1 : 0;
    }
    const rowU = new Float64Array(dims);
    const rowV = new Float64Array(dims);
    for (let k = 0; k < dims; k++) {
      rowU[k] = slope * (v[k]! / denominator - (cos * u[k]!) / squaredNormU) * scale;
      rowV[k] = slope * (u[k]! / denominator - (cos * v[k]!) / squaredNormV) * scale;
    }
    perExample[i] = loss;
    grad1[i] = rowU;
    grad2[i] = rowV;
    total += loss;
  }
  return { value: total * scale, perExample, grad: grad1, grads: { x1: grad1, x2: grad2 } };
}
