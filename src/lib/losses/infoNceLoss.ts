import type { LossResultWithGrads, Matrix, ReductionOptions } from './types.ts';
import { checkMatrix, checkPositive, checkSameShape, reductionScale } from './validate.ts';

export interface InfoNceLossOptions extends ReductionOptions {
  /** Divides the similarities; smaller is sharper (default 0.1). */
  temperature?: number;
}

/**
 * InfoNCE with in-batch negatives: query i should match key i among all N keys. It is
 * crossEntropy(queries · keysᵀ / temperature, [0, 1, …, N−1]), computed row by row.
 *
 * Sᵢⱼ = ⟨qᵢ, kⱼ⟩ / τ,   ℓᵢ = −log softmax(Sᵢ)ᵢ = logΣⱼ e^{Sᵢⱼ} − Sᵢᵢ
 * with Gᵢⱼ = ∂value/∂Sᵢⱼ = scale · (softmax(Sᵢ)ⱼ − [i = j]):
 * ∂value/∂qᵢ = Σⱼ Gᵢⱼ kⱼ / τ,   ∂value/∂kⱼ = Σᵢ Gᵢⱼ qᵢ / τ
 *
 * @param queries N×D matrix (array of rows)
 * @param keys N×D matrix; row i is the positive for query i
 * @param options.temperature τ > 0 (default 0.1)
 * @param options.reduction 'mean' (default) or 'sum'
 * @returns value, perExample (N losses), grad (N×D, ∂value/∂queries) and grads for queries, keys
 * @throws LossInputError for empty, ragged or differently shaped matrices, non-finite values, or temperature ≤ 0
 * @example infoNceLoss([[1, 0], [0, 1]], [[1, 0], [0, 1]], { temperature: 1 }).value // => Math.log(1 + Math.exp(-1))
 */
export function infoNceLoss(
  queries: Matrix,
  keys: Matrix,
  options: InfoNceLossOptions = {},
): LossResultWithGrads<Float64Array[], { queries: Float64Array[]; keys: Float64Array[] }> {
  const { temperature = 0.1, reduction = 'mean' } = options;
  const fn = 'infoNceLoss';
  const { rows: n, cols: dims } = checkMatrix(fn, 'queries', queries);
  checkMatrix(fn, 'keys', keys);
  checkSameShape(fn, 'queries', queries, 'keys', keys);
  checkPositive(fn, 'temperature', temperature);
  const scale = reductionScale(fn, reduction, n);
  const perExample = new Float64Array(n);
  const gradQueries: Float64Array[] = new Array<Float64Array>(n);
  const gradKeys: Float64Array[] = new Array<Float64Array>(n);
  for (let j = 0; j < n; j++) gradKeys[j] = new Float64Array(dims);
  const similarities = new Float64Array(n); // row i of S, reused
  let total = 0;
  for (let i = 0; i < n; i++) {
    const q = queries[i]!;
    let max = -Infinity;
    for (let j = 0; j < n; j++) {
      const k = keys[j]!;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += q[d]! * k[d]!;
      similarities[j] = dot / temperature;
      if (similarities[j]! > max) max = similarities[j]!;
    }
    let sumExp = 0;
    for (let j = 0; j < n; j++) sumExp += Math.exp(similarities[j]! - max);
    const logNormalizer = max + Math.log(sumExp);
    const loss = logNormalizer - similarities[i]!;
    const rowQ = new Float64Array(dims);
    for (let j = 0; j < n; j++) {
      const softmax = Math.exp(similarities[j]! - logNormalizer);
      const g = (softmax - (i === j ? 1 : 0)) * scale / temperature; // ∂value/∂Sᵢⱼ, divided by τ
      const k = keys[j]!;
      const rowK = gradKeys[j]!;
      for (let d = 0; d < dims; d++) {
        rowQ[d] = rowQ[d]! + g * k[d]!;
        rowK[d] = rowK[d]! + g * q[d]!;
      }
    }
    perExample[i] = loss;
    gradQueries[i] = rowQ;
    total += loss;
  }
  return { value: total * scale, perExample, grad: gradQueries, grads: { queries: gradQueries, keys: gradKeys } };
}
