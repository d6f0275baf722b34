/** Standardised features and centred target, with what it takes to undo the standardising. */
export interface Standardized {
  /** Number of rows. */
  n: number;
  /** Number of features. */
  p: number;
  /** p standardised columns, n values each. */
  x: Float64Array[];
  /** The centred target, n values. */
  y: Float64Array;
  /** x̄ⱼ, each feature's mean over the rows used. */
  means: Float64Array;
  /** sⱼ, each feature's standard deviation (1/n convention) over the rows used. */
  scales: Float64Array;
  /** ȳ, the target's mean over the rows used. */
  targetMean: number;
}

/**
 * Put every feature on the same scale, so that one λ penalises every coefficient alike,
 * and centre the target, so that no intercept is needed.
 *
 * Each feature is centred and divided by its standard deviation with the 1/n convention
 * (the population standard deviation, as scikit-learn's `StandardScaler` does):
 *
 *   x̃ᵢⱼ = (xᵢⱼ − x̄ⱼ) / sⱼ,   x̄ⱼ = (1/n) Σᵢ xᵢⱼ,   sⱼ = √((1/n) Σᵢ (xᵢⱼ − x̄ⱼ)²)
 *   ỹᵢ = yᵢ − ȳ
 *
 * so every standardised column has mean 0 and (1/n) Σᵢ x̃ᵢⱼ² = 1. With centred features and
 * a centred target the best intercept is 0; a prediction on the original scale is
 * ȳ + Σⱼ wⱼ (xⱼ − x̄ⱼ) / sⱼ (see `predict`).
 *
 * @param columns p features, each an array of N values (columns[j][i] is feature j of row i)
 * @param target N target values
 * @param rows which rows to use (default: all N, in order); cross-validation passes a
 *   training fold here, so the means and scales come from the training rows alone
 * @returns n (rows used) and p, the standardised columns x (p arrays of n values) and
 *   centred target y, and the means, scales and targetMean needed to predict new rows
 * @throws Error when the lengths differ, there are fewer than 2 rows, a value is not
 *   finite, or a feature is constant on the rows used (its scale would be 0)
 * @example standardize([[1, 2, 3]], [10, 20, 60]).x[0] // => Float64Array [−1.2247…, 0, 1.2247…]
 */
export function standardize(
  columns: readonly ArrayLike<number>[],
  target: ArrayLike<number>,
  rows?: ArrayLike<number>,
): Standardized {
  const p = columns.length;
  const total = target.length;
  if (p === 0) throw new Error('standardize: there are no feature columns');
  columns.forEach((column, j) => {
    if (column.length !== total) {
      throw new Error(`standardize: column ${j} has ${column.length} values but target has ${total}`);
    }
  });
  const used = rows ?? Array.from({ length: total }, (_, i) => i);
  const n = used.length;
  if (n < 2) throw new Error(`standardize: needs at least 2 rows, received ${n}`);

  const y = new Float64Array(n);
  let targetSum = 0;
  for (let i = 0; i < n; i++) {
    const row = used[i]!;
    if (!Number.isInteger(row) || row < 0 || row >= total) {
      throw new Error(`standardize: rows[${i}] is ${row}, not a row index below ${total}`);
    }
    const value = target[row]!;
    if (!Number.isFinite(value)) throw new Error(`standardize: target[${row}] is ${value}`);
    y[i] = value;
    targetSum += value;
  }
  const targetMean = targetSum / n;
  for (let i = 0; i < n; i++) y[i]! -= targetMean;

  const x: Float64Array[] = [];
  const means = new Float64Array(p);
  const scales = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const column = columns[j]!;
    const centred = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const value = column[used[i]!]!;
      if (!Number.isFinite(value)) throw new Error(`standardize: columns[${j}][${used[i]}] is ${value}`);
      centred[i] = value;
      sum += value;
    }
    const mean = sum / n;
    let sumOfSquares = 0;
    for (let i = 0; i < n; i++) {
      centred[i]! -= mean;
      sumOfSquares += centred[i]! * centred[i]!;
    }
    const scale = Math.sqrt(sumOfSquares / n);
    if (!(scale > 0)) throw new Error(`standardize: column ${j} is constant (${mean}) on the rows used, so it cannot be scaled`);
    for (let i = 0; i < n; i++) centred[i]! /= scale;
    x.push(centred);
    means[j] = mean;
    scales[j] = scale;
  }
  return { n, p, x, y, means, scales, targetMean };
}
