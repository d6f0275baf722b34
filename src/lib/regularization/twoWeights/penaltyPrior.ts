export interface PenaltyPrior {
  family: 'Gaussian' | 'Laplace';
  /** The Gaussian's standard deviation σ, or the Laplace distribution's scale b, per weight. */
  scale: number;
  /** −log p(w) for two independent weights, normalising constant included. */
  negLogDensity(w: readonly [number, number]): number;
}

/**
 * The prior whose MAP estimate is the penalised fit. If the data loss L(w) is the negative
 * log-likelihood, then minimising L(w) + λR(w) maximises the posterior p(w | data) ∝
 * p(data | w) p(w) for the prior with −log p(w) = λR(w) + const:
 *
 * - L2, R = Σ wⱼ²: independent Gaussians N(0, σ²), −log p = Σ wⱼ² / (2σ²) + log(2πσ²),
 *   so σ = 1/√(2λ); its level sets are circles, the disc's boundary among them;
 * - L1, R = Σ |wⱼ|: independent Laplace(0, b), −log p = Σ |wⱼ| / b + 2 log(2b), so b = 1/λ;
 *   its level sets are diamonds.
 *
 * A larger λ is a narrower prior: a stronger belief that the weights are near 0.
 *
 * @param penalty 'l2' (ridge) or 'l1' (lasso)
 * @param lambda λ > 0, in the convention of l2Penalty and l1Penalty (no ½)
 * @example penaltyPrior('l1', 2).scale // => 0.5
 * @example penaltyPrior('l2', 2).scale // => 0.5
 */
export function penaltyPrior(penalty: 'l1' | 'l2', lambda: number): PenaltyPrior {
  if (!(lambda > 0 && Number.isFinite(lambda))) throw new Error(`penaltyPrior: lambda must be > 0 and finite, received ${lambda}`);
  if (penalty === 'l2') {
    const scale = 1 / Math.sqrt(2 * lambda);
    const variance = scale * scale;
    return { family: 'Gaussian', scale, negLogDensity: (w) => (w[0] * w[0] + w[1] * w[1]) / (2 * variance) + Math.log(2 * Math.PI * variance) };
  }
  const scale = 1 / lambda;
  return { family: 'Laplace', scale, negLogDensity: (w) => (Math.abs(w[0]) + Math.abs(w[1])) / scale + 2 * Math.log(2 * scale) };
}
