/**
 * Soft-thresholding: move z towards zero by γ, and stop at zero. It is the exact minimiser
 * of ½ (w − z)² + γ |w|, which is why the L1 penalty sets coefficients to exactly zero.
 *
 *   S(z, γ) = sign(z) · max(|z| − γ, 0)
 *
 * @param z the value to shrink
 * @param gamma the threshold γ ≥ 0
 * @example softThreshold(3, 1) // => 2
 * @example softThreshold(-0.5, 1) // => 0
 */
export function softThreshold(z: number, gamma: number): number {
  if (z > gamma) return z - gamma;
  if (z < -gamma) return z + gamma;
  return 0;
}
