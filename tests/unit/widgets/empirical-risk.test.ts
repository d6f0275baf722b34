import { describe, expect, it } from 'vitest';
import { data } from '../../../src/lib/data/eightPointsWithOutlier';
import { bestLine } from '../../../src/lib/fits/bestLine';
import { pointLosses, tolerance, type PriceList } from '../../../src/lib/risk/pointLosses';
import { defaults, empiricalRiskView, priceLists, type EmpiricalRiskState } from '../../../src/widgets/empirical-risk/spec';
import { drawChart, expectDrawnAt, inherited, readNumber } from './drawnChart';

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
  const states: EmpiricalRiskState[] = [
    defaults,
    { slope: 0.6, intercept: 1.2, priceList: 'zeroOne' },
    { slope: 0.2, intercept: 2.5, priceList: 'absolute' },
    { slope: -0.5, intercept: 4, priceList: 'squared' },
  ];
  /** Each point's price, by hand. */
  const priced = (state: EmpiricalRiskState) =>
    residuals(state.slope, state.intercept).map((r) => (state.priceList === 'squared' ? r * r : state.priceList === 'absolute' ? Math.abs(r) : Math.abs(r) > tolerance ? 1 : 0));
  const dashed = (pattern: string) => (element: Element) => inherited(element, 'stroke-dasharray') === pattern;

  it('shows the eight points, the line ŷ = w·x + b, and a dashed residual from each point to the line', () => {
    for (const state of states) {
      const chart = drawChart(empiricalRiskView(state).plot);
      expect(chart.ariaLabel).toBe('Empirical risk explorer');
      const [x0, x1] = chart.scale('x').domain as [number, number];
      const [y0, y1] = chart.scale('y').domain as [number, number];
      expect(x0 < Math.min(...xs) && x1 > Math.max(...xs)).toBe(true);
      expect(y1).toBeGreaterThan(Math.max(...ys));
      expect(y0, 'room for the loss bars below the data').toBeLessThan(Math.min(...ys));
      const key = (p: { x: number; y: number }) => `${p.x.toFixed(4)},${p.y.toFixed(4)}`;
      expect(chart.dots('currentColor').map(key).sort()).toEqual(xs.map((x, i) => key({ x, y: ys[i]! })).sort());
      const line = chart.lines(priceLists[state.priceList].color);
      expect(line, 'one line in the price list’s colour').toHaveLength(1);
      for (const p of line[0]![0]!) expectDrawnAt(chart, 'y', p.y, state.slope * p.x + state.intercept, 'the line');
      const links = chart.lines('currentColor', { where: dashed('4,2') }).map((pieces) => pieces[0]!);
      expect(links).toHaveLength(n);
      for (const [a, b] of links) {
        const i = xs.findIndex((x) => Math.abs(x - a!.x) < 1e-3);
        expectDrawnAt(chart, 'x', b!.x, xs[i]!, 'a residual is vertical');
        expectDrawnAt(chart, 'y', a!.y, ys[i]!, 'a residual starts at its point');
        const yHat = state.slope * xs[i]! + state.intercept;
        if (yHat > -1 && yHat < 10) expectDrawnAt(chart, 'y', b!.y, yHat, 'a residual ends on the line');
      }
    }
  });

  it('draws one bar per point as tall as its price, and R̂ as their mean', () => {
    for (const state of states) {
      const chart = drawChart(empiricalRiskView(state).plot);
      const prices = priced(state);
      const bars = chart.rects(priceLists[state.priceList].color).sort((a, b) => a.x1 - b.x1);
      expect(bars).toHaveLength(n);
      bars.forEach((bar, i) => expectDrawnAt(chart, 'x', (bar.x1 + bar.x2) / 2, xs[i]!, `bar ${i} under its point`));
      // All bars stand on one baseline, below the data; heights are prices times one scale factor.
      const base = bars[0]!.y1;
      for (const bar of bars) expectDrawnAt(chart, 'y', bar.y1, base, 'a shared baseline');
      expect(base).toBeLessThan(Math.min(...ys));
      const heights = bars.map((bar) => bar.y2 - bar.y1);
      const total = prices.reduce((a, b) => a + b, 0);
      const k = heights.reduce((a, b) => a + b, 0) / total;
      expect(k).toBeGreaterThan(0);
      heights.forEach((h, i) => expectDrawnAt(chart, 'y', base + h, base + k * prices[i]!, `bar ${i}'s height`));
      const risk = total / n;
      const label = chart.text(/^R̂ = /);
      expectDrawnAt(chart, 'y', label.at.y, base + k * risk, 'the R̂ label beside the mean');
      expect(chart.rules(undefined, dashed('6,3')).y, 'a dashed rule at the mean').toEqual([expect.closeTo(base + k * risk, 3)]);
      expect(Math.abs(readNumber(label.text.slice(4)) - risk), `${label.text} for ${risk}`).toBeLessThanOrEqual(0.005 * risk);
    }
  });

  it('draws the best line for the price list, dotted: least squares, and a least-absolute-deviations line', () => {
    const mx = mean(xs);
    const my = mean(ys);
    const slope = xs.reduce((t, x, i) => t + (x - mx) * (ys[i]! - my), 0) / xs.reduce((t, x) => t + (x - mx) ** 2, 0);
    const chart = drawChart(empiricalRiskView(defaults).plot);
    const [best] = chart.lines('currentColor', { where: dashed('2,4') });
    for (const p of best![0]!) expectDrawnAt(chart, 'y', p.y, slope * p.x + (my - slope * mx), 'least-squares line');

    // Least absolute deviations passes through two data points (a corner of its piecewise-linear risk): try every pair.
    let lowest = Infinity;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const w = (ys[j]! - ys[i]!) / (xs[j]! - xs[i]!);
        lowest = Math.min(lowest, risk('absolute', w, ys[i]! - w * xs[i]!));
      }
    }
    const absolute = drawChart(empiricalRiskView({ ...defaults, priceList: 'absolute' }).plot);
    const [a, b] = [absolute.lines('currentColor', { where: dashed('2,4') })[0]![0]![0]!, absolute.lines('currentColor', { where: dashed('2,4') })[0]![0]!.at(-1)!];
    const w = (b.y - a.y) / (b.x - a.x);
    expect(risk('absolute', w, a.y - w * a.x)).toBeCloseTo(lowest, 3);
  });

  it('shades the 0-1 metric’s tolerance: the band within 0.5 of the line', () => {
    const state = states[1]!;
    const chart = drawChart(empiricalRiskView(state).plot);
    const areas = chart.lines(priceLists.zeroOne.color, { attribute: 'fill' });
    expect(areas).toHaveLength(1);
    const vertices = areas[0]!.flat();
    expect(vertices.length).toBeGreaterThanOrEqual(4);
    for (const p of vertices) expectDrawnAt(chart, 'y', Math.abs(p.y - (state.slope * p.x + state.intercept)), tolerance, 'band edge');
    expect(drawChart(empiricalRiskView(defaults).plot).lines(priceLists.squared.color, { attribute: 'fill' }), 'no band for squared loss').toHaveLength(0);
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
