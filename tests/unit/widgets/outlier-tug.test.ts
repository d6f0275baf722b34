import { describe, expect, it } from 'vitest';
import { fitLineHuber, fitLineMae, fitLineMse, type Point } from '../../../src/lib/fits/fitLine';
import { allPoints, defaults, fits, outlierTugView, type OutlierTugState } from '../../../src/widgets/outlier-tug/spec';
import { drawChart, expectDrawnAt, readNumber } from './drawnChart';

/** Least squares by the normal equations, written independently of fitLine.ts. */
function leastSquares(points: Point[]): { slope: number; intercept: number } {
  const n = points.length;
  const sx = points.reduce((s, p) => s + p.x, 0);
  const sy = points.reduce((s, p) => s + p.y, 0);
  const sxx = points.reduce((s, p) => s + p.x * p.x, 0);
  const sxy = points.reduce((s, p) => s + p.x * p.y, 0);
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return { slope, intercept: (sy - slope * sx) / n };
}

const meanAbs = (points: Point[], w: number, b: number) => points.reduce((s, p) => s + Math.abs(w * p.x + b - p.y), 0) / points.length;
const huber = (r: number, d: number) => (Math.abs(r) <= d ? 0.5 * r * r : d * (Math.abs(r) - d / 2));
const meanHuber = (points: Point[], w: number, b: number, d: number) => points.reduce((s, p) => s + huber(w * p.x + b - p.y, d), 0) / points.length;

/** The chart for a state: each fitted line, found by the colour of its direct label, as slope and intercept. */
function drawn(state: OutlierTugState) {
  const chart = drawChart(outlierTugView(state).plot);
  const line = (label: 'MSE' | 'MAE' | 'Huber') => {
    const paths = chart.lines(chart.text(new RegExp(`^${label}$`)).fill!);
    expect(paths, `${label}: one line in its label's colour`).toHaveLength(1);
    const [a, b] = [paths[0]![0]![0]!, paths[0]![0]!.at(-1)!];
    const slope = (b.y - a.y) / (b.x - a.x);
    return { slope, intercept: a.y - slope * a.x, from: a.x, to: b.x };
  };
  return { chart, line };
}

describe('outlier-tug widget', () => {
  const states: OutlierTugState[] = [defaults, { outlierX: 9, outlierY: 10, delta: 2 }, { outlierX: 2, outlierY: -5, delta: 0.5 }];

  it('shows the nine fixed points and the outlier where it was put, on x −0.5 … 10.5 and y −6 … 30', () => {
    for (const state of states) {
      const { chart } = drawn(state);
      expect(chart.ariaLabel).toBe('Ten data points, one of them movable, with the MSE, MAE and Huber lines of best fit');
      expect(chart.scale('x').domain).toEqual([-0.5, 10.5]);
      expect(chart.scale('y').domain).toEqual([-6, 30]);
      const key = (p: { x: number; y: number }) => `${p.x.toFixed(4)},${p.y.toFixed(4)}`;
      const shown = chart.dots('currentColor').map(key).sort();
      expect(shown).toEqual(allPoints(state).map(key).sort());
      expect(shown).toContain(key({ x: state.outlierX, y: state.outlierY }));
      expect(chart.text(/^outlier$/)).toBeTruthy();
    }
  });

  it('draws the MSE line as least squares, across the whole chart', () => {
    for (const state of states) {
      const { chart, line } = drawn(state);
      const mse = line('MSE');
      const expected = leastSquares(allPoints(state));
      expectDrawnAt(chart, 'x', mse.from, -0.5, 'left end');
      expectDrawnAt(chart, 'x', mse.to, 10.5, 'right end');
      for (const x of [-0.5, 10.5]) expectDrawnAt(chart, 'y', mse.slope * x + mse.intercept, expected.slope * x + expected.intercept, `MSE line at x = ${x}`);
    }
  });

  it('draws MAE and Huber lines that no nearby line beats on their own loss', () => {
    for (const state of states) {
      const { line } = drawn(state);
      const points = allPoints(state);
      const mae = line('MAE');
      const huberLine = line('Huber');
      // Read back from pixels, so a nudge of 0.01 must not win by more than rounding (10⁻⁴).
      for (const [dw, db] of [[0.01, 0], [-0.01, 0], [0, 0.01], [0, -0.01], [0.01, -0.05], [-0.01, 0.05]] as const) {
        expect(meanAbs(points, mae.slope + dw, mae.intercept + db)).toBeGreaterThan(meanAbs(points, mae.slope, mae.intercept) - 1e-4);
        expect(meanHuber(points, huberLine.slope + dw, huberLine.intercept + db, state.delta)).toBeGreaterThan(
          meanHuber(points, huberLine.slope, huberLine.intercept, state.delta) - 1e-4,
        );
      }
    }
  });

  it('states the three drawn slopes in its summary, to three figures', () => {
    for (const state of states) {
      const { line } = drawn(state);
      const { summary } = outlierTugView(state);
      const shown = /MSE fit: slope (−?[\d.]+); MAE fit: slope (−?[\d.]+); Huber fit \(δ = ([\d.]+)\): slope (−?[\d.]+)\.$/.exec(summary);
      expect(shown, summary).not.toBeNull();
      const [, mse, mae, delta, huber] = shown!;
      expect(readNumber(delta!)).toBe(state.delta);
      for (const [text, name] of [[mse, 'MSE'], [mae, 'MAE'], [huber, 'Huber']] as const) {
        const slope = line(name).slope;
        expect(Math.abs(readNumber(text!) - slope), `${name} slope ${text} vs drawn ${slope}`).toBeLessThanOrEqual(0.005 * Math.abs(slope) + 1e-4);
      }
    }
  });

  it('reports the three slopes, MSE pulled hardest by the outlier', () => {
    const { summary } = outlierTugView(defaults);
    const f = fits(defaults);
    expect(summary).toMatch(/^Outlier at \(9, 24\)\. MSE fit: slope [\d.]+; MAE fit: slope [\d.]+; Huber fit \(δ = 1\): slope [\d.]+\.$/);
    expect(f.mse.slope).toBeGreaterThan(f.huber.slope);
    expect(f.huber.slope).toBeGreaterThan(f.mae.slope - 1e-9);
    expect(Math.abs(f.mae.slope - 1)).toBeLessThan(0.2);
  });

  it('fits MSE by least squares', () => {
    for (const outlierY of [-5, 10, 24, 30]) {
      const points = allPoints({ ...defaults, outlierY });
      const expected = leastSquares(points);
      const line = fitLineMse(points);
      expect(line.slope).toBeCloseTo(expected.slope, 10);
      expect(line.intercept).toBeCloseTo(expected.intercept, 10);
    }
  });

  it('finds an MAE line no grid search can beat', () => {
    const points = allPoints(defaults);
    const line = fitLineMae(points);
    const best = meanAbs(points, line.slope, line.intercept);
    let gridBest = Infinity;
    for (let w = 0; w <= 3; w += 0.01) {
      for (let b = -3; b <= 5; b += 0.02) gridBest = Math.min(gridBest, meanAbs(points, w, b));
    }
    expect(gridBest).toBeGreaterThanOrEqual(best - 1e-9);
  });

  it('finds the Huber minimum: nudging the line in any direction costs more', () => {
    for (const delta of [0.5, 1, 3]) {
      const points = allPoints({ ...defaults, delta });
      const line = fitLineHuber(points, delta);
      const best = meanHuber(points, line.slope, line.intercept, delta);
      for (const [dw, db] of [[1e-4, 0], [-1e-4, 0], [0, 1e-4], [0, -1e-4], [1e-4, -1e-4], [-1e-4, 1e-4]] as const) {
        expect(meanHuber(points, line.slope + dw, line.intercept + db, delta)).toBeGreaterThan(best);
      }
    }
  });
});
