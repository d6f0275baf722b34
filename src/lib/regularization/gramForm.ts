import type { Standardized } from './standardize.ts';

/** What the squared-error part of the objective needs to know about the data. */
export interface GramForm {
  /** Number of rows. */
  n: number;
  /** Number of features. */
  p: number;
  /** G = XᵀX / n, p × p, row-major: gram[j * p + k] = (1/n) Σᵢ xᵢⱼ xᵢₖ. */
  gram: Float64Array;
  /** c = Xᵀy / n, p values: cⱼ = (1/n) Σᵢ xᵢⱼ yᵢ. */
  xty: Float64Array;
  /** yᵀy / n. */
  yty: number;
}

/**
 * The data summarised as the three quantities the squared error depends on. Expanding
 *
 *   (1/(2n)) ‖y − Xw‖² = ½ yᵀy/n − wᵀ(Xᵀy/n) + ½ wᵀ(XᵀX/n) w
 *
 * shows that the loss, its gradient −(Xᵀy/n − (XᵀX/n) w) and so the whole fit need only
 * G = XᵀX/n, c = Xᵀy/n and yᵀy/n: a p × p matrix instead of n × p data. With p = 10 and
 * n = 442, one coordinate-descent sweep then costs about p² = 100 multiplications instead
 * of about 2np ≈ 9 000 ("covariance updates", Friedman, Hastie and Tibshirani 2010).
 * On standardised features each Gⱼⱼ = 1 and G is the features' correlation matrix.
 *
 * @param data standardised columns x (p arrays of n values) and centred target y
 * @returns n, p, gram (p × p, row-major), xty (p values), yty
 * @example gramForm({ n: 2, p: 1, x: [Float64Array.of(1, -1)], y: Float64Array.of(2, -2) }).xty // => Float64Array [2]
 */
export function gramForm(data: Pick<Standardized, 'n' | 'p' | 'x' | 'y'>): GramForm {
  const { n, p, x, y } = data;
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const xj = x[j]!;
    for (let k = 0; k <= j; k++) {
      const xk = x[k]!;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += xj[i]! * xk[i]!;
      gram[j * p + k] = sum / n;
      gram[k * p + j] = sum / n;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += xj[i]! * y[i]!;
    xty[j] = sum / n;
  }
  let yty = 0;
  for (let i = 0; i < n; i++) yty += y[i]! * y[i]!;
  return { n, p, gram, xty, yty: yty / n };
}
