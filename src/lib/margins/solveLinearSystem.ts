/**
 * Solves a small square system A·x = r by Gaussian elimination with partial pivoting (at
 * each column, the row with the largest entry becomes the pivot, which keeps rounding
 * errors small). The margin solvers use it for 3×3 Newton steps and for the SVM's exact
 * finish; neither needs more than a handful of unknowns.
 *
 * @param matrix n rows of n numbers (not modified)
 * @param rhs n numbers
 * @param negligible a pivot counts as zero when |pivot| ≤ negligible × the largest entry of A
 *   (default 1e-13; 0 for a matrix known to be positive definite, however badly scaled)
 * @returns x, or null when a pivot counts as zero: the system is (numerically) singular
 * @example solveLinearSystem([[2, 1], [1, 3]], [3, 5]) // => [0.8, 1.4]
 */
export function solveLinearSystem(matrix: readonly (readonly number[])[], rhs: readonly number[], negligible = 1e-13): number[] | null {
  const n = rhs.length;
  const rows = matrix.map((row, i) => [...row, rhs[i]!]);
  let largest = 0;
  for (const row of matrix) for (const entry of row) largest = Math.max(largest, Math.abs(entry));
  if (largest === 0) return null;
  for (let column = 0; column < n; column++) {
    let pivotRow = column;
    for (let i = column + 1; i < n; i++) {
      if (Math.abs(rows[i]![column]!) > Math.abs(rows[pivotRow]![column]!)) pivotRow = i;
    }
    const pivot = rows[pivotRow]![column]!;
    if (!(Math.abs(pivot) > negligible * largest)) return null;
    [rows[column], rows[pivotRow]] = [rows[pivotRow]!, rows[column]!];
    for (let i = column + 1; i < n; i++) {
      const factor = rows[i]![column]! / pivot;
      for (let j = column; j <= n; j++) rows[i]![j]! -= factor * rows[column]![j]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = rows[i]![n]!;
    for (let j = i + 1; j < n; j++) sum -= rows[i]![j]! * x[j]!;
    x[i] = sum / rows[i]![i]!;
  }
  return x;
}
