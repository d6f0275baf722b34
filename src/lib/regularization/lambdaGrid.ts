/**
 * `count` values of λ evenly spaced on a log scale, from `top` down to `top × ratio`, the
 * grid a regularisation path is traced on (scikit-learn's `_alpha_grid` and glmnet use the
 * same points, with top = λ_max and ratio 10⁻³ by default; here λ₀ is exactly `top`, so
 * the path starts where every coefficient is zero):
 *
 *   λₖ = top · ratio^(k / (count − 1)),   k = 0, 1, …, count − 1
 *
 * @param top the largest λ (usually λ_max)
 * @param count how many values, at least 2
 * @param ratio smallest / largest, in (0, 1) (default 10⁻³)
 * @returns count values, decreasing
 * @throws Error when top is not positive and finite, count is not an integer ≥ 2, or ratio is not in (0, 1)
 * @example lambdaGrid(10, 3, 0.01) // => Float64Array [10, 1, 0.1] (to rounding)
 */
export function lambdaGrid(top: number, count: number, ratio = 1e-3): Float64Array {
  if (!(top > 0 && Number.isFinite(top))) throw new Error(`lambdaGrid: top must be positive and finite, received ${top}`);
  if (!Number.isInteger(count) || count < 2) throw new Error(`lambdaGrid: count must be an integer ≥ 2, received ${count}`);
  if (!(ratio > 0 && ratio < 1)) throw new Error(`lambdaGrid: ratio must be in (0, 1), received ${ratio}`);
  const lambdas = new Float64Array(count);
  for (let k = 0; k < count; k++) lambdas[k] = top * ratio ** (k / (count - 1));
  return lambdas;
}
