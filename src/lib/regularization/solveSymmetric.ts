/**
 * Solve A v = b for a symmetric positive-definite p × p matrix A, by Cholesky
 * factorisation: A = L Lᵀ with L lower triangular, then L z = b (forward substitution)
 * and Lᵀ v = z (back substitution). About p³/6 multiplications.
 *
 * @param matrix A, p × p, row-major (only the lower triangle is read)
 * @param rhs b, p values
 * @returns v, p values; or null when A is not positive definite (a pivot is ≤ 0)
 * @example solveSymmetric(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1)) // => Float64Array [0.5, 0]
 */
export function solveSymmetric(matrix: ArrayLike<number>, rhs: ArrayLike<number>): Float64Array | null {
  const p = rhs.length;
  const lower = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      let sum = matrix[j * p + k]!;
      for (let m = 0; m < k; m++) sum -= lower[j * p + m]! * lower[k * p + m]!;
      if (j === k) {
        if (!(sum > 0)) return null;
        lower[j * p + j] = Math.sqrt(sum);
      } else {
        lower[j * p + k] = sum / lower[k * p + k]!;
      }
    }
  }
  const z = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sum = rhs[j]!;
    for (let k = 0; k < j; k++) sum -= lower[j * p + k]! * z[k]!;
    z[j] = sum / lower[j * p + j]!;
  }
  const solution = new Float64Array(p);
  for (let j = p - 1; j >= 0; j--) {
    let sum = z[j]!;
    for (let k = j + 1; k < p; k++) sum -= lower[k * p + j]! * solution[k]!;
    solution[j] = sum / lower[j * p + j]!;
  }
  return solution;
}
