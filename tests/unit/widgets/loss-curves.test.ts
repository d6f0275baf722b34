import { describe, expect, it } from 'vitest';
import { caps, curveRows, defaults, lossCurvesView, series, type LossCurvesState, type RegressionLossName } from '../../../src/widgets/loss-curves/spec';
import { drawChart, expectDrawnAt, expectOnCurve, type Point } from './drawnChart';

/** Each loss and its derivative in r = ŷ − y, written out with Math only (δ = β). */
const byHand: Record<RegressionLossName, (delta: number) => { loss: (r: number) => number; dloss: (r: number) => number }> = {
  mse: () => ({ loss: (r) => r * r, dloss: (r) => 2 * r }),
  mae: () => ({ loss: (r) => Math.abs(r), dloss: (r) => Math.sign(r) }),
  huber: (d) => ({
    loss: (r) => (Math.abs(r) <= d ? 0.5 * r * r : d * (Math.abs(r) - d / 2)),
    dloss: (r) => Math.max(-d, Math.min(d, r)),
  }),
  smoothL1: (b) => ({
    loss: (r) => (Math.abs(r) < b ? (0.5 * r * r) / b : Math.abs(r) - b / 2),
    dloss: (r) => Math.max(-1, Math.min(1, r / b)),
  }),
};

/** The chart drawn for a state, with each legend entry's curve read back in (r, L) coordinates. */
function drawn(state: LossCurvesState) {
  const chart = drawChart(lossCurvesView(state).plot);
  const curve = (name: RegressionLossName): Point[] => {
    const entry = chart.legend.find((e) => e.label === series.find((s) => s.name === name)!.label);
    if (!entry) return [];
    const paths = chart.lines(entry.color);
    expect(paths, `${name}: one curve in its legend colour`).toHaveLength(1);
    expect(paths[0], `${name}: drawn in one piece`).toHaveLength(1);
    return paths[0]![0]!;
  };
  return { chart, curve };
}

/** The drawn vertex at residual r (the curves are sampled on a grid that hits ±δ exactly for δ in steps of 0.25). */
const at = (points: Point[], r: number): Point => {
  const point = points.find((p) => Math.abs(p.x - r) < 1e-4);
  if (!point) throw new Error(`no vertex drawn at r = ${r}`);
  return point;
};

describe('loss-curves widget', () => {
  it('shows the four losses over residuals −4 … 4 and losses 0 … 8, each named in the legend', () => {
    const { chart, curve } = drawn(defaults);
    expect(chart.ariaLabel).toBe('Regression losses against the residual');
    expect(chart.ariaDescription).toBe(lossCurvesView(defaults).summary);
    expect(chart.scale('x').domain).toEqual([-4, 4]);
    expect(chart.scale('y').domain).toEqual([0, 8]);
    expect(chart.legend.map((e) => e.label)).toEqual(['MSE (r²)', 'MAE (|r|)', 'Huber (δ)', 'Smooth L1 (β = δ)']);
    expect(new Set(chart.legend.map((e) => e.color)).size).toBe(4);
    for (const name of ['mse', 'mae', 'huber', 'smoothL1'] as const) {
      const points = curve(name);
      expectDrawnAt(chart, 'x', points[0]!.x, -4, `${name} starts at the left edge`);
      expectDrawnAt(chart, 'x', points.at(-1)!.x, 4, `${name} ends at the right edge`);
      expect(points.length, `${name} is sampled finely`).toBeGreaterThanOrEqual(200);
      expectOnCurve(chart, points, byHand[name](defaults.delta).loss, name);
    }
  });

  it('draws Huber through (±δ, δ²/2), where it turns from quadratic to linear, and marks ±δ with rules', () => {
    for (const delta of [0.5, 1.5, 2.5]) {
      const { chart, curve } = drawn({ ...defaults, delta });
      const huber = curve('huber');
      for (const r of [-delta, delta]) expectDrawnAt(chart, 'y', at(huber, r).y, (delta * delta) / 2, `Huber at r = ${r}`);
      // Beyond δ the curve is a straight line of slope δ: equal rises over equal steps.
      const [a, b, c] = [delta + 0.5, delta + 1, delta + 1.5].map((r) => at(huber, r).y) as [number, number, number];
      expect(b - a, `Huber's slope beyond δ = ${delta}`).toBeCloseTo(0.5 * delta, 3);
      expect(c - b, `Huber's slope beyond δ = ${delta}`).toBeCloseTo(0.5 * delta, 3);
      expect(chart.rules('currentColor').x.sort((p, q) => p - q)).toEqual([-delta, delta].map((r) => expect.closeTo(r, 6)));
      expect(chart.text(/^δ = /).text).toBe(`δ = ${delta}`);
    }
  });

  it('shows the derivatives over −4 … 4, Huber\'s capped at ±δ and smooth L1\'s at ±1; a hidden curve is neither drawn nor in the legend', () => {
    const state = { delta: 2, derivative: true, show: { ...defaults.show, mae: false } };
    const { chart, curve } = drawn(state);
    expect(chart.ariaLabel).toBe('Derivatives of regression losses against the residual');
    expect(chart.scale('x').domain).toEqual([-4, 4]);
    expect(chart.scale('y').domain).toEqual([-4, 4]);
    expect(chart.legend.map((e) => e.label)).toEqual(['MSE (r²)', 'Huber (δ)', 'Smooth L1 (β = δ)']);
    expect(chart.lines(series.find((s) => s.name === 'mae')!.color)).toHaveLength(0);
    for (const name of ['mse', 'huber', 'smoothL1'] as const) expectOnCurve(chart, curve(name), byHand[name](2).dloss, `${name}'`);
    const huber = curve('huber').map((p) => p.y);
    expectDrawnAt(chart, 'y', Math.max(...huber), 2, "Huber's largest derivative");
    expectDrawnAt(chart, 'y', Math.min(...huber), -2, "Huber's smallest derivative");
    expectDrawnAt(chart, 'y', at(curve('huber'), 1).y, 1, "Huber' = r inside the band");
    const smooth = curve('smoothL1').map((p) => p.y);
    expectDrawnAt(chart, 'y', Math.max(...smooth), 1, "smooth L1's largest derivative");
    expectDrawnAt(chart, 'y', Math.min(...smooth), -1, "smooth L1's smallest derivative");
  });

  it('draws only the curves that are switched on', () => {
    const { chart, curve } = drawn({ ...defaults, show: { mse: false, mae: false, huber: true, smoothL1: false } });
    expect(chart.legend.map((e) => e.label)).toEqual(['Huber (δ)']);
    expectOnCurve(chart, curve('huber'), byHand.huber(defaults.delta).loss, 'huber');
    for (const s of series.filter((s) => s.name !== 'huber')) expect(chart.lines(s.color), s.name).toHaveLength(0);
  });

  it('says where Huber turns linear and where its gradient is capped', () => {
    const atOne = lossCurvesView({ ...defaults, delta: 1 }).summary;
    expect(atOne).toContain('δ = β = 1: Huber is quadratic for |r| ≤ 1 and linear beyond');
    expect(atOne).toContain('capped at ±1');
    expect(lossCurvesView(defaults).summary).toContain('δ = β = 1.5: Huber is quadratic for |r| ≤ 1.5');
    expect(lossCurvesView({ ...defaults, delta: 2 }).summary).toContain('capped at ±2; smooth L1 is Huber divided by 2');
  });

  it('samples MSE as r² and MAE as |r|, with derivatives 2r and sign(r)', () => {
    for (const { r, value } of curveRows('mse', 1, false)) expect(value).toBeCloseTo(r * r, 12);
    for (const { r, value } of curveRows('mse', 1, true)) expect(value).toBeCloseTo(2 * r, 12);
    for (const { r, value } of curveRows('mae', 1, true)) expect(value).toBe(r === 0 ? 0 : Math.sign(r));
  });

  it('shows Huber = β · smooth L1 at every residual when δ = β', () => {
    for (const delta of [0.5, 1.5, 3]) {
      const huber = curveRows('huber', delta, false);
      const smooth = curveRows('smoothL1', delta, false);
      huber.forEach((row, i) => expect(row.value).toBeCloseTo(delta * smooth[i]!.value, 12));
      expect(caps(delta)).toEqual({ huber: delta, smoothL1: 1, ratio: delta });
    }
  });

  it('computes Huber as ½r² inside the band and δ(|r| − δ/2) outside', () => {
    const delta = 1.5;
    for (const { r, value } of curveRows('huber', delta, false)) {
      const expected = Math.abs(r) <= delta ? 0.5 * r * r : delta * (Math.abs(r) - delta / 2);
      expect(value).toBeCloseTo(expected, 12);
    }
  });
});
