import { describe, expect, it } from 'vitest';
import { fitLineHuber, fitLineMae, fitLineMse, type Point } from '../../../src/lib/fits/fitLine';
import { allPoints, defaults, fits, outlierTugView } from '../../../src/widgets/outlier-tug/spec';
import { roundedSvg } from './svgSnapshot';

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

describe('outlier-tug widget', () => {
  it('draws the default state as before', () => {
    expect(roundedSvg(outlierTugView(defaults).plot)).toMatchSnapshot();
  });

  it('draws the outlier back in line as before', () => {
    expect(roundedSvg(outlierTugView({ outlierX: 9, outlierY: 10, delta: 2 }).plot)).toMatchSnapshot();
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

  it('recomputes a view quickly enough to redraw within a frame', () => {
    const start = performance.now();
    for (let i = 0; i < 50; i++) outlierTugView({ ...defaults, outlierY: i * 0.5 - 5 });
    expect((performance.now() - start) / 50).toBeLessThan(8);
  });
});
