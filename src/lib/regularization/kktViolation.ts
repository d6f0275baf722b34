import type { GramForm } from './gramForm.ts';

/**
 * How far w is from satisfying the elastic net's optimality (KKT) conditions: the size of
 * the smallest subgradient of the objective at w, coordinate by coordinate, largest one.
 *
 * With ρⱼ = xⱼᵀr / n = cⱼ − (G w)ⱼ (feature j's correlation with the residual r = y − Xw),
 * the objective P(w) = (1/(2n)) ‖y − Xw‖² + λα ‖w‖₁ + λ(1 − α)/2 ‖w‖² is minimised exactly when
 *
 *   wⱼ ≠ 0:  ρⱼ = λα sign(wⱼ) + λ(1 − α) wⱼ      (the pull of the data balances the penalty)
 *   wⱼ = 0:  |ρⱼ| ≤ λα                           (the pull is too weak to leave zero)
 *
 * The violation is maxⱼ of |ρⱼ − λα sign(wⱼ) − λ(1 − α) wⱼ| for the nonzero coordinates
 * and of max(|ρⱼ| − λα, 0) for the zero ones. It also bounds the error: P is μ-strongly
 * convex with μ = (smallest eigenvalue of G) + λ(1 − α), so ‖w − w*‖₂ ≤ √p · violation / μ.
 *
 * @param form the data's Gram form
 * @param weights w, p values
 * @param lambda λ ≥ 0
 * @param alpha the L1 share α in [0, 1]
 * @returns the violation (0 at the optimum), in the units of ρ
 * @example kktViolation(gramForm(standardize([[1, 2, 3]], [1, 2, 3])), [0], 0.5, 1) // => 0.3165… (= √(2/3) − 0.5: w = 0 is not optimal)
 */
export function kktViolation(form: GramForm, weights: ArrayLike<number>, lambda: number, alpha: number): number {
  const { p, gram, xty } = form;
  const l1 = lambda * alpha;
  const l2 = lambda * (1 - alpha);
  let violation = 0;
  for (let j = 0; j < p; j++) {
    let rho = xty[j]!;
    for (let k = 0; k < p; k++) rho -= gram[j * p + k]! * weights[k]!;
    const w = weights[j]!;
    const gap = w === 0 ? Math.max(Math.abs(rho) - l1, 0) : Math.abs(rho - l1 * Math.sign(w) - l2 * w);
    violation = Math.max(violation, gap);
  }
  return violation;
}
