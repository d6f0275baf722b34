/**
 * Gradient descent on lesson 4's six points (src/lib/descent): the minimum in closed form
 * (MSE) and by Newton's method (BCE), checked against the optimality condition and against
 * a long run of plain gradient descent computed here.
 */
import { describe, expect, it } from 'vitest';
import { data, inputsFor } from '../../../src/lib/data/sixLabelledPoints';
import { trajectory, totalSteps } from '../../../src/lib/descent/gradientDescent';
import { riskAndGradient } from '../../../src/lib/descent/linearModelRisk';
import { riskMinimum } from '../../../src/lib/descent/riskMinimum';

/** Many small full-batch gradient steps from (0, 0): slow, but independent of the closed forms. */
function descend(loss: 'mse' | 'bce', xs: number[], rate: number): [number, number] {
  let w = 0;
  let b = 0;
  for (let k = 0; k < 40000; k++) {
    const { dw, db } = riskAndGradient(loss, xs, w, b);
    w -= rate * dw;
    b -= rate * db;
  }
  return [w, b];
}

describe('riskMinimum', () => {
  it('solves least squares on the raw inputs in closed form: w = 1.9, b = 24.5/6 − 3.5w', () => {
    // Σ(x − 3.5)y = 33.25 and Σ(x − 3.5)² = 17.5 for x = 1…6, written out by hand.
    const [w, b] = riskMinimum('mse', 'raw');
    expect(w).toBeCloseTo(33.25 / 17.5, 12);
    expect(b).toBeCloseTo(24.5 / 6 - 3.5 * (33.25 / 17.5), 12);
  });

  for (const loss of ['mse', 'bce'] as const) {
    for (const inputs of ['raw', 'standardised'] as const) {
      it(`puts the ${loss} minimum on ${inputs} inputs where the gradient vanishes, and where long gradient descent ends`, () => {
        const xs = inputsFor(inputs);
        const [w, b] = riskMinimum(loss, inputs);
        const { dw, db } = riskAndGradient(loss, xs, w, b);
        expect(Math.abs(dw) + Math.abs(db)).toBeLessThan(1e-12);
        const rate = inputs === 'raw' ? (loss === 'mse' ? 0.03 : 0.5) : 0.4;
        const [wSlow, bSlow] = descend(loss, xs, rate);
        expect(w).toBeCloseTo(wSlow, 8);
        expect(b).toBeCloseTo(bSlow, 8);
      });
    }
  }
});

describe('trajectory', () => {
  it('takes steps θ ← θ − η ∇R̂(θ) from its start', () => {
    const run = trajectory('mse', 'raw', 'full', 0.01);
    for (const k of [0, 1, 50, totalSteps - 1]) {
      const { dw, db } = riskAndGradient('mse', data.x, run.w[k]!, run.b[k]!);
      expect(run.w[k + 1]).toBeCloseTo(run.w[k]! - 0.01 * dw, 12);
      expect(run.b[k + 1]).toBeCloseTo(run.b[k]! - 0.01 * db, 12);
    }
  });

  it('stops a run whose parameters blow up, and calls it diverged', () => {
    const run = trajectory('mse', 'raw', 'full', 5);
    expect(run.steps).toBeLessThan(totalSteps);
    expect(run.diverged).toBe(true);
    expect(run.growing).toBe(true);
  });
});
