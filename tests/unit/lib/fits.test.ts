/**
 * The fits the lessons and widgets share (src/lib/fits), against independent computations:
 * textbook formulas written out here, or a brute-force search.
 */
import { describe, expect, it } from 'vitest';
import { data } from '../../../src/lib/data/eightPointsWithOutlier';
import { bestLine, interceptRange, slopeRange } from '../../../src/lib/fits/bestLine';
import { estimates, fitConstant } from '../../../src/lib/fits/fitConstant';
import { pointLosses } from '../../../src/lib/risk/pointLosses';

describe('bestLine', () => {
  it('gives least squares in closed form: w = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², b = ȳ − w x̄', () => {
    const n = data.x.length;
    const mx = data.x.reduce((a, b) => a + b, 0) / n;
    const my = data.y.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += (data.x[i]! - mx) * (data.y[i]! - my);
      sxx += (data.x[i]! - mx) ** 2;
    }
    const best = bestLine('squared');
    expect(best.slope).toBeCloseTo(sxy / sxx, 12);
    expect(best.intercept).toBeCloseTo(my - (sxy / sxx) * mx, 12);
    expect(best.risk).toBeCloseTo(pointLosses('squared', best.slope, best.intercept).risk, 12);
  });

  it('finds a squared-loss line that no neighbouring line beats (the gradient is zero there)', () => {
    const best = bestLine('squared');
    const h = 1e-4;
    for (const [dw, db] of [[h, 0], [-h, 0], [0, h], [0, -h], [h, h], [-h, h]] as const) {
      expect(pointLosses('squared', best.slope + dw, best.intercept + db).risk).toBeGreaterThan(best.risk);
    }
  });

  it('finds an absolute-loss line no line on a fine grid beats', () => {
    const best = bestLine('absolute');
    let lowest = Infinity;
    for (let w = -1; w <= 3; w += 0.01) for (let b = -3; b <= 5; b += 0.01) lowest = Math.min(lowest, pointLosses('absolute', w, b).risk);
    expect(best.risk).toBeLessThanOrEqual(lowest + 1e-12);
  });

  it('finds the lowest 0-1 risk on the sliders\' grid, by brute force over every slider position', () => {
    let lowest = Infinity;
    let ties = 0;
    for (let i = 0; i <= Math.round((slopeRange.max - slopeRange.min) / slopeRange.step); i++) {
      for (let j = 0; j <= Math.round((interceptRange.max - interceptRange.min) / interceptRange.step); j++) {
        const w = Math.round((slopeRange.min + i * slopeRange.step) * 100) / 100;
        const b = Math.round((interceptRange.min + j * interceptRange.step) * 10) / 10;
        const risk = pointLosses('zeroOne', w, b).risk;
        if (risk < lowest) [lowest, ties] = [risk, 1];
        else if (risk === lowest) ties += 1;
      }
    }
    expect(bestLine('zeroOne').risk).toBe(lowest);
    expect(bestLine('zeroOne').ties).toBe(ties);
  });
});

describe('fitConstant', () => {
  it('gives the mean under MSE and the median under MAE', () => {
    expect(estimates([1, 2, 3, 4, 20])).toEqual({ mean: expect.closeTo(6, 12), median: expect.closeTo(3, 12) });
  });

  it('gives a Huber fit that is not always between the mean and the median: y = (0, 0, 1, 1, 5), δ = 1', () => {
    const y = [0, 0, 1, 1, 5];
    const c = fitConstant('huber', y, 1);
    // The Huber estimate solves Σ ψ(c − yᵢ) = 0 with ψ(r) = clamp(r, −δ, δ): at c = 0.75 that is
    // 0.75 + 0.75 − 0.25 − 0.25 − 1 = 0.
    const psi = (r: number) => Math.max(-1, Math.min(1, r));
    expect(y.reduce((s, yi) => s + psi(0.75 - yi), 0)).toBe(0);
    expect(c).toBeCloseTo(0.75, 12);
    const { mean, median } = estimates(y);
    expect(c).toBeLessThan(Math.min(mean, median));
  });

  it('returns a Huber fit exactly where it is a round number, not at the neighbouring doubles where bisection stops', () => {
    // y = (−2, 9, −0.5, −0.5, 2), δ = 1: at c = 0, ψ gives −1 + 1 + 0.5 + 0.5 − 1 = 0 (ψ(r) = clamp(r, −1, 1)).
    const psi = (r: number) => Math.max(-1, Math.min(1, r));
    const y = [-2, 9, -0.5, -0.5, 2];
    expect(y.reduce((s, yi) => s + psi(0 - yi), 0)).toBe(0);
    expect(fitConstant('huber', y, 1)).toBe(0);
    // and for any targets the fit zeroes Σ ψ(c − yᵢ) to rounding, with δ = 1.5 too
    const cases: [number[], number][] = [[[-1.5, 8, 1, -2, 0.5], 1.5], [[0, 0, 1, 1, 5], 1], [[3, -7, 2.5, 0.25], 0.8]];
    for (const [targets, delta] of cases) {
      const c = fitConstant('huber', targets, delta);
      const clamp = (r: number) => Math.max(-delta, Math.min(delta, r));
      expect(Math.abs(targets.reduce((s, yi) => s + clamp(c - yi), 0))).toBeLessThan(1e-12);
    }
  });
});
