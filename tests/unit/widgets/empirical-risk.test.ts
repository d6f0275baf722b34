import { describe, expect, it } from 'vitest';
import {
  bestLine,
  data,
  defaults,
  empiricalRiskView,
  pointLosses,
  tolerance,
  type PriceList,
} from '../../../src/widgets/empirical-risk/spec';
import { roundedSvg } from './svgSnapshot';

const xs = [...data.x];
const ys = [...data.y];
const n = xs.length;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const residuals = (w: number, b: number) => xs.map((x, i) => w * x + b - ys[i]!);
const risk = (list: PriceList, w: number, b: number) =>
  mean(
    residuals(w, b).map((r) => (list === 'squared' ? r * r : list === 'absolute' ? Math.abs(r) : Math.abs(r) > tolerance ? 1 : 0)),
  );

describe('empirical-risk view', () => {
  it('draws the default state (squared loss)', () => {
    expect(roundedSvg(empiricalRiskView(defaults).plot)).toMatchSnapshot();
  });

  it('draws the 0-1 metric with its tolerance band', () => {
    expect(roundedSvg(empiricalRiskView({ slope: 0.6, intercept: 1.2, priceList: 'zeroOne' }).plot)).toMatchSnapshot();
  });

  it('states R̂ and the best line in the summary', () => {
    expect(empiricalRiskView(defaults).summary).toBe(
      'Squared loss: R̂ = 6.13 for slope 1.5, intercept 0; the best line for this price list has slope 0.83, intercept 0.79 (R̂ = 1.31).',
    );
    expect(empiricalRiskView({ ...defaults, priceList: 'zeroOne' }).summary).toMatch(
      /^0-1 loss: R̂ = 0\.75 for slope 1\.5, intercept 0; the best line for this price list has slope 0\.65, intercept 1 \(R̂ = 0\.125; \d+ lines on the sliders' grid tie with it\)\.$/,
    );
  });

  it('prices every point as the formulas say, and R̂ is their mean', () => {
    for (const list of ['squared', 'absolute', 'zeroOne'] as const) {
      const { losses, risk: r } = pointLosses(list, 1.2, -0.4);
      expect(losses).toHaveLength(n);
      expect(r).toBeCloseTo(risk(list, 1.2, -0.4), 12);
      expect(r).toBeCloseTo(mean(losses), 12);
    }
  });

  it('finds least squares as the best squared-loss line', () => {
    const mx = mean(xs);
    const my = mean(ys);
    const slope = xs.reduce((t, x, i) => t + (x - mx) * (ys[i]! - my), 0) / xs.reduce((t, x) => t + (x - mx) ** 2, 0);
    const best = bestLine('squared');
    expect(best.slope).toBeCloseTo(slope, 10);
    expect(best.intercept).toBeCloseTo(my - slope * mx, 10);
    expect(best.risk).toBeCloseTo(risk('squared', slope, my - slope * mx), 10);
  });

  it('finds an absolute-loss line that no nearby line beats, and it differs from least squares', () => {
    const best = bestLine('absolute');
    for (let dw = -0.2; dw <= 0.2; dw += 0.01) {
      for (let db = -0.5; db <= 0.5; db += 0.02) {
        expect(risk('absolute', best.slope + dw, best.intercept + db)).toBeGreaterThanOrEqual(best.risk - 1e-12);
      }
    }
    expect(Math.abs(best.slope - bestLine('squared').slope)).toBeGreaterThan(0.1);
  });

  it('finds the lowest 0-1 risk on the sliders\' grid (one miss: the outlier)', () => {
    const best = bestLine('zeroOne');
    expect(best.risk).toBe(1 / n);
    expect(risk('zeroOne', best.slope, best.intercept)).toBe(1 / n);
    expect(best.ties).toBeGreaterThan(1);
  });
});
