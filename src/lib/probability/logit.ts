/**
 * The logit, the inverse of the sigmoid: the score z whose sigmoid σ(z) is the probability p.
 *
 *   logit(p) = ln(p / (1 − p)) = ln p − ln(1 − p)
 *
 * Written as a difference of logs, with ln(1 − p) by log1p, so that p near 0 or near 1 keeps
 * its precision. p must lie strictly between 0 and 1 (0 gives −∞, 1 gives +∞).
 *
 * @example logit(0.5) // => 0
 * @example sigmoid(logit(0.9)) // => 0.9 (to rounding)
 */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}
