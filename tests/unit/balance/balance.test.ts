import { describe, expect, it } from 'vitest';
import {
  balancingLambda,
  classificationTerm,
  classInputs,
  classLabels,
  lambdaSteps,
  lossFront,
  minimiseWeighted,
  pixelInputs,
  reconstructionTerm,
  startGradientShares,
} from '../../../src/lib/balance/index';

/** The two terms written out with plain Math, independently of the loss library. */
const gainRef = 0.5;
const recRef = (theta: number) => pixelInputs.reduce((s, x) => s + (theta * x - gainRef * x) ** 2, 0);
const recSlopeRef = (theta: number) => pixelInputs.reduce((s, x) => s + 2 * (theta * x - gainRef * x) * x, 0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const clsRef = (theta: number) =>
  classInputs.reduce((s, u, i) => {
    const p = sigmoid(theta * u);
    return s - (classLabels[i]! * Math.log(p) + (1 - classLabels[i]!) * Math.log(1 - p));
  }, 0) / classInputs.length;
const clsSlopeRef = (theta: number) => classInputs.reduce((s, u, i) => s + (sigmoid(theta * u) - classLabels[i]!) * u, 0) / classInputs.length;

describe('two heads on one weight', () => {
  it('computes both terms and their slopes as the formulas say', () => {
    for (const theta of [-1, 0, 0.3, 1.7]) {
      expect(reconstructionTerm(theta).value).toBeCloseTo(recRef(theta), 9);
      expect(reconstructionTerm(theta).slope).toBeCloseTo(recSlopeRef(theta), 9);
      expect(classificationTerm(theta).value).toBeCloseTo(clsRef(theta), 12);
      expect(classificationTerm(theta).slope).toBeCloseTo(clsSlopeRef(theta), 12);
    }
  });
});

describe('minimiseWeighted', () => {
  it('finds a θ*(λ) where the combined loss has zero slope, for every step of the control', () => {
    for (const lambda of [...lambdaSteps, 0, 3.7e7]) {
      const { theta } = minimiseWeighted(lambda);
      const slope = recSlopeRef(theta) + lambda * clsSlopeRef(theta);
      // The size of the slope's terms sets what "zero" means in floating point.
      const scale = Math.abs(recSlopeRef(theta)) + lambda * Math.abs(clsSlopeRef(theta)) + 1;
      expect(Math.abs(slope) / scale, `λ = ${lambda}`).toBeLessThan(1e-10);
      // …and it is a minimum: a step either way costs more.
      const total = (t: number) => recRef(t) + lambda * clsRef(t);
      for (const h of [1e-4, -1e-4]) expect(total(theta + h)).toBeGreaterThan(total(theta));
    }
  });

  it('puts λ = 0 at the gain and λ = ∞ at the classification term\'s own minimum', () => {
    expect(minimiseWeighted(0).theta).toBeCloseTo(gainRef, 12);
    const alone = minimiseWeighted(Infinity).theta;
    expect(Math.abs(clsSlopeRef(alone))).toBeLessThan(1e-12);
  });

  it('refuses a negative λ, naming it', () => {
    expect(() => minimiseWeighted(-1)).toThrow(/λ must be ≥ 0, received -1/);
  });
});

describe('the front of solutions', () => {
  const front = lossFront();

  it('is monotone: as λ grows, L_rec rises and L_cls falls (θ* slides from the gain to the classifier\'s best)', () => {
    const all = [front.reconstructionAlone, ...front.steps, front.classificationAlone];
    for (let k = 1; k < all.length; k += 1) {
      expect(all[k]!.reconstruction.value).toBeGreaterThanOrEqual(all[k - 1]!.reconstruction.value);
      expect(all[k]!.classification.value).toBeLessThanOrEqual(all[k - 1]!.classification.value);
      expect(all[k]!.theta).toBeGreaterThanOrEqual(all[k - 1]!.theta);
    }
    expect(front.steps.at(-1)!.reconstruction.value).toBeGreaterThan(front.steps[0]!.reconstruction.value);
  });

  it('has the balancing λ equal to the ratio of the gradient norms at θ₀ = 0', () => {
    const expected = Math.abs(recSlopeRef(0)) / Math.abs(clsSlopeRef(0));
    expect(balancingLambda().lambda).toBeCloseTo(expected, 9);
    // At θ = 0 both slopes are negative: −Σx² = −333.33 and (−½ − 1 − ½ + ¼)/4 = −0.4375.
    const sumSquares = pixelInputs.reduce((s, x) => s + x * x, 0);
    expect(balancingLambda().lambda).toBeCloseTo(sumSquares / 0.4375, 9);
    expect(front.balanced.lambda).toBe(balancingLambda().lambda);
  });

  it('splits the start gradient evenly at the balancing λ, and gives the larger λ the larger share', () => {
    const even = startGradientShares(balancingLambda().lambda);
    expect(even.reconstruction).toBeCloseTo(0.5, 12);
    expect(even.classification).toBeCloseTo(0.5, 12);
    const atOne = startGradientShares(1);
    expect(atOne.classification).toBeCloseTo(0.4375 / (0.4375 + Math.abs(recSlopeRef(0))), 12);
  });
});
