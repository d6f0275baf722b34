/**
 * The λ balance and the front of solutions for the two heads of twoHeads.ts.
 *
 * The balancing λ evens the two gradients at the start: λ_bal = |∇L_rec(θ₀)| / |∇L_cls(θ₀)|
 * (with one weight, a gradient's norm is its slope's size). The front is the curve
 * (L_rec(θ*(λ)), L_cls(θ*(λ))) as λ sweeps from 0 (reconstruction alone) to ∞ (classification
 * alone); the steps are those of the widget's log-scale λ control.
 *
 *   const front = lossFront();            // one minimum per step, plus both ends
 *   const at = front.steps[lambdaStep(1)]; // θ*, L_rec, L_cls at λ = 1
 */
import { minimiseWeighted, type WeightedMinimum } from './minimiseWeighted';
import { classificationTerm, reconstructionTerm, theta0 } from './twoHeads';

/** λ = 10^k for k = −1, −0.95, …, 6: the log-scale control's 141 steps. */
export const lambdaSteps: readonly number[] = Array.from({ length: 141 }, (_, k) => 10 ** (-1 + k / 20));

/** The step nearest to λ on the log scale. */
export function lambdaStep(lambda: number): number {
  const k = Math.round((Math.log10(lambda) + 1) * 20);
  return Math.min(lambdaSteps.length - 1, Math.max(0, k));
}

export interface Balance {
  /** Each term's slope at θ₀. */
  startSlopes: { reconstruction: number; classification: number };
  /** λ_bal = |dL_rec/dθ| / |dL_cls/dθ| at θ₀. */
  lambda: number;
}

/** The λ that makes both weighted gradients the same size at θ₀. */
export function balancingLambda(): Balance {
  const reconstruction = reconstructionTerm(theta0).slope;
  const classification = classificationTerm(theta0).slope;
  return { startSlopes: { reconstruction, classification }, lambda: Math.abs(reconstruction) / Math.abs(classification) };
}

/**
 * Each term's share of the weighted gradient's size at θ₀ for a given λ:
 * |∇L_rec| / (|∇L_rec| + λ|∇L_cls|) and the rest; one half each at λ_bal.
 */
export function startGradientShares(lambda: number): { reconstruction: number; classification: number } {
  const { startSlopes } = balancingLambda();
  const rec = Math.abs(startSlopes.reconstruction);
  const cls = lambda * Math.abs(startSlopes.classification);
  return { reconstruction: rec / (rec + cls), classification: cls / (rec + cls) };
}

export interface LossFront {
  /** θ*(λ) at each of lambdaSteps. */
  steps: WeightedMinimum[];
  /** The two ends: λ = 0 (reconstruction alone) and λ = ∞ (classification alone). */
  reconstructionAlone: WeightedMinimum;
  classificationAlone: WeightedMinimum;
  /** The balance at θ₀ and the minimum at λ_bal. */
  balance: Balance;
  balanced: WeightedMinimum;
}

let cached: LossFront | undefined;

/** The front (computed once, then shared). */
export function lossFront(): LossFront {
  if (cached === undefined) {
    const balance = balancingLambda();
    cached = {
      steps: lambdaSteps.map(minimiseWeighted),
      reconstructionAlone: minimiseWeighted(0),
      classificationAlone: minimiseWeighted(Infinity),
      balance,
      balanced: minimiseWeighted(balance.lambda),
    };
  }
  return cached;
}
