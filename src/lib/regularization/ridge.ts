import type { GramForm } from './gramForm.ts';
import { solveSymmetric } from './solveSymmetric.ts';

/**
 * Ridge regression in closed form: the elastic net with α = 0, whose objective
 *
 *   (1/(2n)) ‖y − Xw‖² + (λ/2) ‖w‖²
 *
 * has gradient −Xᵀ(y − Xw)/n + λw. Setting it to zero gives the linear system
 *
 *   (XᵀX + nλI) w = Xᵀy,   that is   (G + λI) w = c   with G = XᵀX/n, c = Xᵀy/n
 *
 * (scikit-learn's `Ridge(alpha=a)` minimises ‖y − Xw‖² + a‖w‖², so a = nλ). G + λI is
 * symmetric positive definite for λ > 0 (and for λ = 0 when the features are linearly
 * independent), so we solve it by Cholesky factorisation (solveSymmetric).
 *
 * @param form the data's Gram form
 * @param lambda λ ≥ 0
 * @returns w, p values
 * @throws Error when λ is negative or not finite, or G + λI is not positive definite (λ = 0 with collinear features)
 * @example ridge(gramForm(standardize([[1, 2, 3]], [1, 2, 3])), 1) // => Float64Array [0.4082…] (= √(2/3) / 2)
 */
export function ridge(form: GramForm, lambda: number): Float64Array {
  const { p, gram, xty } = form;
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new Error(`ridge: lambda must be ≥ 0 and finite, received ${lambda}`);
  const matrix = Float64Array.from(gram);
  for (let j = 0; j < p; j++) matrix[j * p + j]! += lambda;
  const weights = solveSymmetric(matrix, xty);
  if (weights === null) throw new Error(`ridge: G + λI is not positive definite at lambda ${lambda} (collinear features?)`);
  return weights;
}
