/**
 * The stable scalar core of every logistic loss in the library (BCE with logits, focal, soft
 * margin, Bradley-Terry, DPO): softplus and the sigmoid, both computed from e^{−|x|}, which
 * lies in (0, 1] and so never overflows. Internal: no input checks (the losses validate their
 * arguments up front); the public, checked versions are `sigmoid` and `logSigmoid`.
 *
 * softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^{−|x|})      (so −log σ(z) = softplus(−z))
 * logistic(x) = σ(x) = 1 / (1 + e^{−x}), the derivative of softplus
 *
 * @example softplus(1000) // => 1000 (log(1 + e¹⁰⁰⁰) without overflow)
 * @example logistic(-1000) // => 0 (more exactly e^{−1000}, below the smallest double)
 */

/** log(1 + eˣ) for any finite x. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** σ(x) = 1 / (1 + e^{−x}) for any finite x; σ(−x) = 1 − σ(x) without cancellation. */
export function logistic(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}
