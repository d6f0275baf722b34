import type { Standardized } from './standardize.ts';

/**
 * Predictions on the original scale from coefficients fitted on standardised data:
 *
 *   ŷᵢ = ȳ + Σⱼ wⱼ (xᵢⱼ − x̄ⱼ) / sⱼ
 *
 * with ȳ, x̄ⱼ and sⱼ from the rows the model was fitted on (see standardize), so a
 * held-out row is standardised exactly like the training rows were.
 *
 * @param fitted the means, scales and targetMean of the standardisation the weights belong to
 * @param weights w, p coefficients on the standardised features
 * @param columns the raw features, p arrays (columns[j][i] is feature j of row i)
 * @param rows the row indices to predict
 * @returns one prediction per row, in the order of rows
 * @example predict(standardize([[1, 2, 3]], [1, 2, 3]), [Math.sqrt(2 / 3)], [[1, 2, 3]], [0, 2]) // => Float64Array [1, 3]
 */
export function predict(
  fitted: Pick<Standardized, 'means' | 'scales' | 'targetMean'>,
  weights: ArrayLike<number>,
  columns: readonly ArrayLike<number>[],
  rows: ArrayLike<number>,
): Float64Array {
  const { means, scales, targetMean } = fitted;
  const predictions = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    let prediction = targetMean;
    for (let j = 0; j < weights.length; j++) {
      prediction += (weights[j]! * (columns[j]![rows[i]!]! - means[j]!)) / scales[j]!;
    }
    predictions[i] = prediction;
  }
  return predictions;
}
